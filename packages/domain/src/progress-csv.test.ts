import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv } from './csv.js';
import { progressContent } from './progress.js';
import { PROGRESS_CSV_COLUMNS, PROGRESS_FORMAT, progressCsv, progressJson } from './progress-csv.js';

const targets = [
  { target: 'promise-1', label: 'Pledge 1' },
  { target: 'promise-2', label: 'Pledge 2' },
  { target: 'promise-3', label: 'Pledge 3' },
];

const content = progressContent.parse({
  promises: [
    {
      target: 'promise-1',
      measure: 'Every young person has a named worker',
      actions: [{ key: 'hire', what: 'Hire two workers', responsible: 'Head of service', due: '2027-03-31' }],
      updates: [
        {
          date: '2026-09-01',
          status: 'on-track',
          text: 'We said "yes", and began',
          evidence: [
            { label: 'Minutes', url: 'https://example.org/a' },
            { label: 'Report', url: 'https://example.org/b' },
          ],
        },
        { date: '2026-06-01', status: 'not-started', text: '=SUM(A1:A9)', plainWords: 'Not yet.\nSoon' },
      ],
    },
    {
      target: 'promise-3',
      updates: [{ date: '2026-10-10', status: 'no-longer-planned', text: 'Stopped', reason: 'The fund closed' }],
    },
  ],
});

describe('progressCsv', () => {
  const csv = progressCsv('worcestershire', targets, content);
  const rows = parseCsv(csv);

  it('is UTF-8 with a byte order mark, CRLF lines and a header row', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([...PROGRESS_CSV_COLUMNS]);
    expect(rows[0]).toContain('status');
  });

  it('has one row per update, oldest first, then a bare row for a promise with no update, in the pledge order', () => {
    expect(rows.slice(1).map((row) => [row[1], row[2], row[3], row[4]])).toEqual([
      ['promise-1', 'Pledge 1', '2026-06-01', 'not-started'],
      ['promise-1', 'Pledge 1', '2026-09-01', 'on-track'],
      ['promise-2', 'Pledge 2', '', ''],
      ['promise-3', 'Pledge 3', '2026-10-10', 'no-longer-planned'],
    ]);
  });

  it('invents no status for a promise with no update', () => {
    expect(rows[3]).toEqual(['worcestershire', 'promise-2', 'Pledge 2', '', '', '', '', '', '', '']);
    expect(csv).not.toMatch(/No update yet/);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and joins evidence with a space', () => {
    expect(csv).toContain('"We said ""yes"", and began"');
    expect(csv).toContain('"Not yet.\nSoon"');
    expect(rows[2]).toEqual([
      'worcestershire',
      'promise-1',
      'Pledge 1',
      '2026-09-01',
      'on-track',
      'On track',
      'We said "yes", and began',
      '',
      '',
      'https://example.org/a https://example.org/b',
    ]);
  });

  it('never lets a council’s words run as a formula', () => {
    expect(rows[1]![6]).toBe("'=SUM(A1:A9)");
  });

  it('gives the reason a promise is no longer planned, with the status in words', () => {
    expect(rows[4]!.slice(4, 9)).toEqual(['no-longer-planned', 'No longer planned', 'Stopped', '', 'The fund closed']);
  });

  it('is a header alone when nothing can be recorded against', () => {
    expect(parseCsv(progressCsv('somewhere', [], progressContent.parse({})))).toEqual([[...PROGRESS_CSV_COLUMNS]]);
  });
});

describe('progressJson', () => {
  const json = progressJson('worcestershire', targets, content, '2026-11-25T12:00:00.000Z');

  it('names its format and version, the council and when it was published', () => {
    expect(json).toMatchObject({ format: PROGRESS_FORMAT, council: 'worcestershire', publishedAt: '2026-11-25T12:00:00.000Z' });
    expect(PROGRESS_FORMAT).toBe('pledgekeeper.progress/1');
  });

  it('lists every promise in the pledge order with its latest status, or null with no update', () => {
    expect(json.promises.map((p) => [p.target, p.label, p.status])).toEqual([
      ['promise-1', 'Pledge 1', 'on-track'],
      ['promise-2', 'Pledge 2', null],
      ['promise-3', 'Pledge 3', 'no-longer-planned'],
    ]);
    expect(json.promises[1]).toEqual({ target: 'promise-2', label: 'Pledge 2', measure: null, status: null, actions: [], updates: [] });
  });

  it('keeps the measure, actions and updates (oldest first), with the reason', () => {
    expect(json.promises[0]!.measure).toBe('Every young person has a named worker');
    expect(json.promises[0]!.actions[0]).toMatchObject({ what: 'Hire two workers', due: '2027-03-31', status: 'open' });
    expect(json.promises[0]!.updates.map((u) => u.date)).toEqual(['2026-06-01', '2026-09-01']);
    expect(json.promises[2]!.updates[0]!.reason).toBe('The fund closed');
  });
});
