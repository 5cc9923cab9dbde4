import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openLoop } from './open-loop.js';

const servers = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that notes when each request arrived; /missing answers 404, /silent never answers. */
async function startServer() {
  const arrivals = [];
  const server = createServer((request, response) => {
    arrivals.push({ at: performance.now(), path: request.url });
    if (request.url === '/silent') return;
    response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' });
    response.end('hello');
  });
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, arrivals };
}

/** A port nothing listens on: taken, then let go. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the open loop', () => {
  it('sends at a steady rate over the whole time, taking turns over the pages, not in bursts', async () => {
    const { base, arrivals } = await startServer();
    const result = await openLoop([`${base}/a`, `${base}/b`], { rate: 100, seconds: 1 });
    expect(result).toMatchObject({ requests: 100, unsent: 0, non2xx: 0, errors: 0, timeouts: 0 });
    expect(result.p99Ms).toBeGreaterThan(0);
    // The last request leaves about a second after the first, and no tenth of a second holds much more than its
    // share of 10 (a burst would put all 100 in the first), even on a busy machine.
    const first = arrivals[0].at;
    expect(arrivals.at(-1).at - first).toBeGreaterThan(900);
    const perTenth = new Map();
    for (const { at } of arrivals) perTenth.set(Math.floor((at - first) / 100), (perTenth.get(Math.floor((at - first) / 100)) ?? 0) + 1);
    expect(Math.max(...perTenth.values())).toBeLessThanOrEqual(25);
    expect(arrivals.filter((arrival) => arrival.path === '/a')).toHaveLength(50);
    expect(result.byPage.map((page) => page.path)).toEqual(['/a', '/b']);
  });

  it('counts answers other than 2xx, failed connections and requests past their deadline apart', async () => {
    const { base } = await startServer();
    const refused = `http://127.0.0.1:${await closedPort()}/`;
    const result = await openLoop([`${base}/a`, `${base}/missing`, `${base}/silent`, refused], {
      rate: 40,
      seconds: 0.2,
      deadlineMs: 300,
    });
    expect(result).toMatchObject({ requests: 8, unsent: 0, non2xx: 2, errors: 2, timeouts: 2 });
  });

  it('gives each request up at its deadline, so a silent server makes the run last its time and the deadline, no more', async () => {
    const { base } = await startServer();
    const started = performance.now();
    const result = await openLoop([`${base}/silent`], { rate: 50, seconds: 0.5, deadlineMs: 200 });
    expect(performance.now() - started).toBeLessThan(500 + 200 + 150);
    expect(result.timeouts + result.unsent).toBe(25);
    expect(result).toMatchObject({ requests: 25, errors: 0, non2xx: 0 });
  });
});
