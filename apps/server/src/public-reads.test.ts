import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRouter, appRouter } from '@pledgekeeper/api';
import { signInActors } from '@pledgekeeper/api/testing';
import { createDatabase, migrateToLatest, watchPublications } from '@pledgekeeper/db';
import { seedCouncils, readSeedDirectory } from '@pledgekeeper/db/seed';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { LIVE_EVENT, PORTAL_KEY_HEADER, PUBLICATION_EVENT } from '@pledgekeeper/domain/http-headers';
import { describeEachDialect } from '@pledgekeeper/stack';
import { buildServer } from './app.js';
import { CACHE_HEADER, PUBLIC_READS } from './public-reads.js';

const SECRET = 'a secret of at least thirty-two characters';
const PAGE = `/trpc/council.page?input=${encodeURIComponent(JSON.stringify({ council: 'worcestershire' }))}`;

/** A database two instances can share: a SQLite file (not memory), or a new PostgreSQL database. */
async function sharedDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ url: string; destroy(): Promise<void> }> {
  if (dialect === 'postgres') {
    const t: TestDatabase = await openTestDatabase('postgres', { seed: true });
    await t.db.destroy();
    return { url: t.url, destroy: () => t.destroy() };
  }
  const folder = mkdtempSync(join(tmpdir(), 'pledgekeeper-reads-'));
  const url = join(folder, 'shared.sqlite');
  const { db } = createDatabase(url);
  await migrateToLatest(db);
  await seedCouncils(db, await readSeedDirectory());
  await db.destroy();
  return { url, destroy: async () => rmSync(folder, { recursive: true, force: true }) };
}

// A valid input for each public read, to ask it as anyone would.
const READ_INPUTS: Record<string, unknown> = {
  'council.list': undefined,
  'council.page': { council: 'somerset' },
  'council.logo': { council: 'somerset', id: 'a'.repeat(64) },
  'compare.matrix': { nation: 'england', sort: 'promises' },
  'compare.delivery': { nation: 'england' },
  'compare.progress': { kind: 'county' },
  'compare.sideBySide': { councils: ['worcestershire', 'somerset'] },
  'progress.published': { council: 'somerset' },
};

describe('the public reads', () => {
  it('are queries of published content only, each of which anyone may ask', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    expect([...PUBLIC_READS].sort()).toEqual(Object.keys(READ_INPUTS).sort());
    for (const name of PUBLIC_READS) expect(procedures[name]?._def.type, name).toBe('query');
  });
});

describeEachDialect(describe, 'public reads kept until a publication, on %s', (dialect) => {
  let shared: Awaited<ReturnType<typeof sharedDatabase>>;
  // Two instances of the API on one database, each with its own connections, as in production.
  const instances: { base: string; close(): Promise<void> }[] = [];
  let publisherToken: string;

  beforeAll(async () => {
    shared = await sharedDatabase(dialect);
    for (let i = 0; i < 2; i++) {
      const handle = createDatabase(shared.url);
      const app = buildServer({ db: handle.db, secret: SECRET, watch: (events) => watchPublications(shared.url, events) });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      instances.push({ base, close: async () => (await app.close(), await handle.db.destroy()) });
    }
    const { db } = createDatabase(shared.url);
    publisherToken = (await signInActors(db, 'worcestershire', 'somerset', new Date())).publisherA as string;
    await db.destroy();
    // Each instance hears publications before anything is kept.
    for (const { base } of instances) {
      for (let tries = 0; !((await (await fetch(`${base}/health`)).json()) as { live: boolean }).live; tries++) {
        if (tries > 100) throw new Error(`${base} never heard publications`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await shared?.destroy();
  });

  const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const client = (base: string, token: string) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc`, headers: { authorization: `Bearer ${token}` } })] });

  it('answers a public read again from what it kept, the same bytes, gzipped for readers who take it', async () => {
    const [a] = instances;
    const first = await get(a!.base, PAGE);
    const firstBody = await first.text();
    expect(first.headers.get(CACHE_HEADER)).toBe('miss');
    const second = await get(a!.base, PAGE);
    expect(second.headers.get(CACHE_HEADER)).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    // fetch takes gzip and undoes it: the header says it came that way.
    const zipped = await get(a!.base, PAGE, { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(firstBody);
  });

  it('answers each public read to anyone, and keeps it', async () => {
    for (const [name, input] of Object.entries(READ_INPUTS)) {
      const path = `/trpc/${name}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
      // A logo nobody uploaded is not there: a 404, which is never kept.
      const expected = name === 'council.logo' ? [404, 'miss'] : [200, 'hit'];
      expect((await get(instances[0]!.base, path)).status, name).toBe(expected[0]);
      const again = await get(instances[0]!.base, path);
      expect([again.status, again.headers.get(CACHE_HEADER)], name).toEqual(expected);
    }
  });

  it('passes on a refusal with its own status, and never keeps it', async () => {
    const missing = `/trpc/council.page?input=${encodeURIComponent(JSON.stringify({ council: 'nowhere' }))}`;
    for (let i = 0; i < 2; i++) {
      const response = await get(instances[0]!.base, missing);
      expect(response.status).toBe(404);
      expect(response.headers.get(CACHE_HEADER)).toBe('miss');
      expect(await response.text()).toContain('There is no council');
    }
  });

  it('never answers from, or keeps, anything asked for with a session', async () => {
    const [a] = instances;
    for (let i = 0; i < 2; i++) {
      const signedIn = await get(a!.base, PAGE, { authorization: `Bearer ${publisherToken}` });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get(CACHE_HEADER)).toBeNull();
    }
    // A member's own query is never kept either: it is not a public read.
    const draft = await get(a!.base, `/trpc/workspace.draft?input=${encodeURIComponent('{"council":"worcestershire"}')}`);
    expect(draft.status).toBe(401);
    expect(draft.headers.get(CACHE_HEADER)).toBeNull();
  });

  it('shows a publication through one instance on every instance within a second', async () => {
    const [a, b] = instances;
    for (const { base } of instances) {
      await get(base, PAGE);
      expect((await get(base, PAGE)).headers.get(CACHE_HEADER)).toBe('hit');
    }
    const publisher = client(a!.base, publisherToken);
    const { content } = await publisher.workspace.draft.query({ council: 'worcestershire' });
    const pledge = structuredClone(content.pledge!);
    const words = `Published at ${Date.now()}`;
    pledge.promises[0]!.plainWords = words;
    await publisher.workspace.saveSection.mutate({ council: 'worcestershire', section: 'pledge', revision: 0, content: pledge });
    await publisher.workspace.submitForReview.mutate({ council: 'worcestershire' });
    await publisher.workspace.publish.mutate({ council: 'worcestershire' });
    const published = Date.now();
    const shows = async (base: string) => ((await (await get(base, PAGE)).text()).includes(words) ? 'new' : 'old');
    // The instance that published says so before its answer leaves.
    expect(await shows(a!.base)).toBe('new');
    await expect.poll(() => shows(b!.base), { interval: 20, timeout: 1_000 }).toBe('new');
    expect(Date.now() - published).toBeLessThan(1_000);
  });

  it('reports what it keeps, in bytes, within its bound', async () => {
    const health = (await (await get(instances[0]!.base, '/health')).json()) as {
      caches: Record<string, { bytes: number; maxBytes: number; entries: number }>;
    };
    expect(health).toMatchObject({ status: 'ok', live: true });
    for (const cache of Object.values(health.caches)) {
      expect(cache.maxBytes).toBeGreaterThan(0);
      expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    }
    expect(health.caches.reads!.entries).toBeGreaterThan(0);
  });
});

// The stream is fed in the process, by every mutation and by what the watcher hears, the same on
// either database; the suite above shows what it hears reaching other instances on each, and the
// multi-instance test in packages/stack portals following it through nginx on PostgreSQL.
describe('the feed of publications', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof buildServer>;
  let base: string;
  let publisherToken: string;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite', { seed: true });
    app = buildServer({ db: t.db, secret: SECRET, watch: (events) => watchPublications(t.url, events) });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    publisherToken = (await signInActors(t.db, 'worcestershire', 'somerset', new Date())).publisherA as string;
    for (let tries = 0; !((await (await fetch(`${base}/health`)).json()) as { live: boolean }).live; tries++) {
      if (tries > 100) throw new Error('the API never heard publications');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const get = (path: string) => fetch(`${base}${path}`);
  const client = (token: string) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc`, headers: { authorization: `Bearer ${token}` } })] });

  it('tells a following portal of each publication, and only a portal', async () => {
    expect((await get('/publications')).status).toBe(403);
    // node:http, not fetch: a stream read and dropped leaves fetch's pool a connection the server then waits on.
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(`${base}/publications`, { headers: { [PORTAL_KEY_HEADER]: SECRET }, agent: false }, resolve).on('error', reject),
    );
    expect(response.headers['content-type']).toContain('text/event-stream');
    response.setEncoding('utf8');
    let heard = '';
    // Fails at once, saying what was heard, if the stream ends first.
    const hear = (event: string) =>
      new Promise<void>((resolve, reject) => {
        const done = () => {
          response.off('data', listen);
          response.off('end', ended);
          response.off('close', ended);
        };
        const check = () => heard.includes(`event: ${event}`) && (done(), resolve());
        const listen = (chunk: string) => ((heard += chunk), check());
        const ended = () => (done(), reject(new Error(`the stream ended before "${event}"; heard: ${JSON.stringify(heard)}`)));
        response.on('data', listen);
        response.on('end', ended);
        response.on('close', ended);
        if (!check() && (response.readableEnded || response.destroyed)) ended();
      });
    await hear(LIVE_EVENT);
    await client(publisherToken).workspace.markReviewed.mutate({ council: 'worcestershire' });
    await hear(PUBLICATION_EVENT);
    response.destroy();
  });
});
