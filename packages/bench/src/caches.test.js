import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheLines, readCaches } from './caches.js';

// A server answering each path as a server of ours might: with its caches, without, or not at all.
const ANSWERS = {
  '/reported': [200, JSON.stringify({ status: 'ok', live: true, caches: { pages: { entries: 2, bytes: 300, maxBytes: 1000 } } })],
  '/plain': [200, JSON.stringify({ status: 'ok' })],
  '/page': [200, '<!doctype html><p>A council called health?</p>'],
};

let server;
let base;
beforeAll(async () => {
  server = createServer((request, response) => {
    const [status, body] = ANSWERS[request.url] ?? [404, 'Not found'];
    response.writeHead(status).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the servers' caches, as GET /health reports them", () => {
  it('reads each cache with its size and bound, and whether the server is live', async () => {
    const report = await readCaches('portal', `${base}/reported`);
    expect(report).toEqual({ service: 'portal', live: true, caches: { pages: { entries: 2, bytes: 300, maxBytes: 1000 } }, note: '' });
    expect(cacheLines([report])).toEqual(['portal (live: true): pages 300 / 1000 bytes, 2 entries']);
  });

  it('says why there are none when a server does not report them yet', async () => {
    const reports = await Promise.all(['/plain', '/page', '/missing'].map((path) => readCaches('API', `${base}${path}`)));
    expect(reports.map(({ caches, note }) => [caches, note])).toEqual([
      [null, 'no caches in its answer'],
      [null, 'not JSON'],
      [null, 'answered 404'],
    ]);
    expect(cacheLines(reports.slice(2))).toEqual(['API: no caches reported (answered 404)']);
  });
});
