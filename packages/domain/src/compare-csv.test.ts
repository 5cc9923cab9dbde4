import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCouncil } from './compare.js';
import { MATRIX_CSV_COLUMNS, MATRIX_CSV_HEADINGS, matrixCsv, sideBySideCsv, sideBySideCsvFields } from './compare-csv.js';
import { frameworkByCode } from './compare-frameworks.js';
import { buildMatrix } from './compare-matrix.js';
import { buildSideBySide, sideBySideOf } from './compare-side-by-side.js';
import { csvField, parseCsv, toCsv } from './csv.js';
import { editionContent } from './workspace.js';

describe('CSV fields', () => {
  it('quotes only what needs it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(12)).toBe('12');
    expect(csvField(true)).toBe('yes');
    expect(csvField(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const start of ['+', '-', '@', '\t'])
      expect(csvField(`${start}1`).startsWith(`'${start}`) || csvField(`${start}1`).startsWith(`"'${start}`)).toBe(true);
    expect(csvField(-1)).toBe('-1');
  });

  it('writes a byte order mark and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('\uFEFFa,b\r\n1,\r\n');
  });

  it('reads back what it writes, for any text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const guarded = rows.map((row) => row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
        expect(parseCsv(toCsv(rows))).toEqual(guarded);
      }),
      { numRuns: 300 },
    );
  });
});

const content = editionContent.parse({
  statement: { paragraphs: [] },
  pledge: {
    introduction: [],
    audiences: ['care-leavers'],
    promises: [
      { number: 1, text: 'Help you find a home, and keep it.', principles: ['cswa2017-1g', 'cswa2017-1f'] },
      { number: 2, text: '=1+1 is not a formula here', principles: [] },
    ],
  },
  board: { name: 'Board', purpose: [], cadence: { kind: 'times-per-year', times: 7 }, membership: ['young-people'] },
});
const identity = { slug: 'east', name: 'East Council', kind: 'unitary', nation: 'england' } as const;
const EDITION = { version: 2, publishedAt: '2026-11-25T12:00:00.000Z' };

describe('the matrix as CSV', () => {
  it('has a header people can read, in the order of the columns', () => {
    const rows = parseCsv(matrixCsv(buildMatrix([compareCouncil(identity, EDITION, content)]), 'https://example.org'));
    expect(rows[0]).toEqual([...MATRIX_CSV_HEADINGS]);
    expect(rows[0]!.slice(0, 2)).toEqual(['Council identifier', 'Council']);
    expect(rows[0]!.slice(13, 15)).toEqual([
      'England: (a) Best interests and wellbeing: promises',
      'England: (a) Best interests and wellbeing: themes',
    ]);
    expect(rows[0]).toContain('Wales: Good health: promises');
    expect(rows[0]).toContain('Scotland: (c) Promote their interests: themes');
    expect(rows[0]!.some((heading) => /cswa2017|wales-charter|cypsa|_/.test(heading))).toBe(false);
    expect(MATRIX_CSV_HEADINGS).toHaveLength(MATRIX_CSV_COLUMNS.length);
  });

  it('gives a Welsh council its figures under the Welsh principles, leaving England’s empty', () => {
    const welshContent = editionContent.parse({
      statement: { paragraphs: [] },
      pledge: {
        introduction: [],
        audiences: ['care-leavers'],
        promises: [{ number: 1, text: 'Help you stay well.', principles: ['wales-charter-health'] }],
      },
    });
    const welsh = compareCouncil({ ...identity, slug: 'cymru', nation: 'wales' }, EDITION, welshContent);
    const rows = parseCsv(matrixCsv(buildMatrix([welsh]), 'https://example.org', 'codes'));
    const record = Object.fromEntries(rows[0]!.map((column, i) => [column, rows[1]![i]]));
    expect(record).toMatchObject({
      promise_count: '1',
      principles_covered: '1',
      framework: 'wales-charter-2023',
      framework_principle_count: '11',
      'wales-charter-health': '1',
      'wales-charter-home': '0',
      'cswa2017-1a': '',
      'cypsa2014-58a': '',
    });
  });

  it('has a header of stable codes, with principle codes, and one row per council, for programs', () => {
    const rows = parseCsv(matrixCsv(buildMatrix([compareCouncil(identity, EDITION, content)]), 'https://example.org', 'codes'));
    expect(rows[0]).toEqual([...MATRIX_CSV_COLUMNS]);
    expect(rows[0]!.slice(13, 15)).toEqual(['cswa2017-1a', 'cswa2017-1a_themes']);
    expect(rows[0]!.slice(27, 30)).toEqual(['framework', 'principles_suggested', 'framework_principle_count']);
    const record = Object.fromEntries(rows[0]!.map((column, i) => [column, rows[1]![i]]));
    expect(record).toMatchObject({
      slug: 'east',
      portal_url: 'https://example.org/east',
      version: '2',
      pledge_structure: 'numbered',
      promise_count: '2',
      written_with: '',
      unmapped_promise_count: '1',
      principles_covered: '2',
      'cswa2017-1g': '1',
      'cswa2017-1f': '1',
      'cswa2017-1a': '0',
    });
    expect(rows).toHaveLength(2);
  });
});

describe('a side-by-side view as CSV', () => {
  it('has a row per field and a column per council, principle codes as field names', () => {
    const view = buildSideBySide([sideBySideOf(identity, EDITION, content)]);
    const rows = parseCsv(sideBySideCsv(view));
    expect(rows[0]).toEqual(['field', 'label', 'east']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(sideBySideCsvFields([frameworkByCode('cswa2017-s1')!]));
    expect(rows.some((row) => row[0]!.startsWith('wales-charter'))).toBe(false);
    const value = (field: string) => rows.find((row) => row[0] === field)?.[2];
    expect(value('portal_url')).toBe('/east');
    expect(value('board_cadence')).toBe('7 times a year');
    expect(value('board_young_people')).toBe('yes');
    // The board names no partner agencies either way: an empty field, never "no".
    expect(value('board_multi_agency')).toBe('');
    expect(value('cswa2017-1g')).toBe('1');
    expect(value('cswa2017-1g_promise_texts')).toBe('1. Help you find a home, and keep it.');
    expect(value('not_mapped_promise_texts')).toBe('2. =1+1 is not a formula here');
  });
});

describe('councils of different nations side by side as CSV', () => {
  it('has rows for each framework’s principles, empty for councils of the other, and says why none are matched', () => {
    const welsh = sideBySideOf({ ...identity, slug: 'cymru', nation: 'wales' }, EDITION, content);
    const rows = parseCsv(sideBySideCsv(buildSideBySide([sideBySideOf(identity, EDITION, content), welsh])));
    const row = (field: string) => rows.find((r) => r[0] === field)!;
    expect(row('cswa2017-1g').slice(1)).toEqual(['England: (g) Preparing for adulthood: promises', '1', '']);
    expect(row('wales-charter-home').slice(1)).toEqual(['Wales: A stable home: promises', '', '0']);
    expect(row('across_frameworks')[1]).toMatch(/we do not match them up/);
  });
});
