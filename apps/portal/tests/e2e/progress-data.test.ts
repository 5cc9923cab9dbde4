import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@pledgekeeper/domain/compare';
import { PROGRESS_CSV_COLUMNS, PROGRESS_FORMAT } from '@pledgekeeper/domain/progress';
import { describeEachDialect } from '@pledgekeeper/stack';
import { startStack, type Stack } from './harness';

// Issue 11: a council's published progress as open data. The seed publishes no progress, so each
// of Worcestershire's 11 promises is listed, saying nothing about its status: nothing is invented.
describeEachDialect(describe, 'progress downloads, on %s', (dialect) => {
  let stack: Stack;
  const get = (path: string) => fetch(stack.portalUrl + path);

  beforeAll(async () => {
    stack = await startStack({ dialect });
  }, 120_000);
  afterAll(() => stack?.stop());

  it('gives the progress as CSV: a header row and one row per promise, with no status', async () => {
    const response = await get('/worcestershire/progress.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pledgekeeper-progress-worcestershire.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...PROGRESS_CSV_COLUMNS]);
    expect(rows).toHaveLength(11);
    expect(rows.map((row) => row[2])).toEqual(Array.from({ length: 11 }, (_, i) => `Pledge ${i + 1}`));
    for (const row of rows) {
      expect(row[0]).toBe('worcestershire');
      expect(row.slice(3)).toEqual(['', '', '', '', '', '', '']);
    }
  });

  it('gives the progress as versioned JSON, each promise with no status', async () => {
    const response = await get('/worcestershire/progress.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pledgekeeper-progress-worcestershire.json"');
    const json = (await response.json()) as {
      format: string;
      council: string;
      promises: { target: string; status: unknown; updates: unknown[] }[];
    };
    expect(json.format).toBe(PROGRESS_FORMAT);
    expect(json.council).toBe('worcestershire');
    expect(json.promises).toHaveLength(11);
    expect(json.promises.every((promise) => promise.status === null && promise.updates.length === 0)).toBe(true);
  });

  it('answers 404 for a council that does not exist', async () => {
    expect((await get('/no-such-council/progress.json')).status).toBe(404);
    expect((await get('/no-such-council/progress.csv')).status).toBe(404);
  });

  it('links both downloads from the progress page', async () => {
    const html = await (await get('/worcestershire/progress')).text();
    expect(html).toMatch(/<a[^>]*href="\/worcestershire\/progress\.csv"[^>]*>Download this as CSV<\/a>/);
    expect(html).toMatch(/<a[^>]*href="\/worcestershire\/progress\.json"[^>]*>Download this as JSON<\/a>/);
  });
});
