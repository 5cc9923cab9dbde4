import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@pledgekeeper/api';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { describeEachDialect } from '@pledgekeeper/stack';
import { buildServer } from './app.js';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);

describeEachDialect(describe, 'the API over HTTP on %s', (dialect) => {
  let t: TestDatabase;
  let base: string;
  let app: ReturnType<typeof buildServer>;
  const methods: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    app = buildServer({ db: t.db });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const client = () =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${base}/trpc`,
          fetch: (url, init) => {
            methods.push(init?.method ?? 'GET');
            return fetch(url, init);
          },
        }),
      ],
    });
  const feedbackCount = async () => (await t.db.selectFrom('feedback').select('id').execute()).length;

  it('serves the councils and their pages to the tRPC client, queries as GET', async () => {
    methods.length = 0;
    const api = client();
    const councils = await api.council.list.query();
    expect(councils.map((c) => c.slug)).toEqual(['somerset', 'worcestershire']);
    const page = await api.council.page.query({ council: 'worcestershire' });
    expect(page.pledge?.promises).toHaveLength(11);
    expect(methods).toEqual(['GET', 'GET']);
  });

  it('takes feedback as a POST and stores it', async () => {
    const before = await feedbackCount();
    await expect(
      client().feedback.submit.mutate({ council: 'somerset', page: '/somerset', helpful: true, comment: 'Clear, thanks' }),
    ).resolves.toEqual({ received: true });
    expect(await feedbackCount()).toBe(before + 1);
  });

  it('answers 404 with the slug named for an unknown council', async () => {
    const error = await client()
      .council.page.query({ council: 'atlantis' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(404);
    expect((error as TRPCClientError<AppRouter>).message).toBe('There is no council "atlantis" on Pledgekeeper');
  });

  it('says which field is wrong when feedback is bad, and stores nothing', async () => {
    const before = await feedbackCount();
    const error = (await client()
      .feedback.submit.mutate({ council: 'somerset', page: '/somerset', helpful: true, comment: 'x'.repeat(5000) })
      .catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(error.data?.httpStatus).toBe(400);
    expect(error.data?.zodError?.fieldErrors).toEqual({ comment: ['Your comment must be at most 1200 characters'] });
    expect(await feedbackCount()).toBe(before);
  });

  it('refuses a mutation that is not JSON, as a cross-site form would send it', async () => {
    const before = await feedbackCount();
    const response = await fetch(`${base}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ council: 'somerset', page: '/somerset', helpful: true }),
    });
    expect(response.status).toBe(415);
    const form = await fetch(`${base}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'council=somerset&page=%2Fsomerset&helpful=true',
    });
    expect(form.status).toBe(415);
    expect(await feedbackCount()).toBe(before);
  });

  it('refuses a body over 1 MB and malformed JSON with a 4xx, storing nothing', async () => {
    const before = await feedbackCount();
    const huge = await fetch(`${base}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ council: 'somerset', page: '/somerset', helpful: true, comment: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    const broken = await fetch(`${base}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"council": "somerset", ',
    });
    expect(broken.status).toBe(400);
    expect(await feedbackCount()).toBe(before);
  });

  it('sets the security headers on every response', async () => {
    for (const path of ['/health', '/trpc/council.list', '/nowhere']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('reports health and 404s unknown paths', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok' });
    const missing = await fetch(`${base}/nowhere?secret=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { message: 'Nothing here: GET /nowhere' } });
  });

  it('never answers bad feedback with a 5xx, and stores only what is valid', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.object({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            council: fc.oneof(fc.constant('somerset'), field),
            page: fc.oneof(fc.constant('/somerset'), field),
            helpful: field,
            comment: field,
          },
          { requiredKeys: [] },
        ),
        async (input) => {
          const before = await feedbackCount();
          const response = await fetch(`${base}/trpc/feedback.submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          const body = await response.text();
          expect(response.status, body).toBeLessThan(500);
          expect(body).not.toMatch(/\n\s+at /);
          expect(await feedbackCount()).toBe(response.status === 200 ? before + 1 : before);
        },
      ),
      { numRuns: Math.min(RUNS, 300) },
    );
  });
});

describe('when the database fails', () => {
  it('answers 500 with a plain message and no stack trace', async () => {
    const t = await openTestDatabase('sqlite', { seed: true });
    const app = buildServer({ db: t.db });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await t.db.schema.dropTable('feedback').execute();
      const response = await fetch(`${base}/trpc/feedback.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ council: 'somerset', page: '/somerset', helpful: true }),
      });
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(JSON.parse(body).error.message).toBe('Something went wrong on our side. Please try again later.');
      expect(body).not.toMatch(/stack|sqlite|no such table|\n\s+at /i);
    } finally {
      await app.close();
      await t.destroy();
    }
  });
});
