import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors, snapshot } from '@pledgekeeper/api/testing';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { describeEachDialect } from '@pledgekeeper/stack';
import { buildServer } from './app.js';

const NOW = new Date();

describeEachDialect(describe, 'a council named through headers and cookies, on %s', (dialect) => {
  let t: TestDatabase;
  let base: string;
  let app: ReturnType<typeof buildServer>;
  let tokens: Record<ActorName, string | null>;
  let worcestershireId: string;

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = await signInActors(t.db, 'worcestershire', 'somerset', NOW);
    worcestershireId = (await t.db.selectFrom('councils').select('id').where('slug', '=', 'worcestershire').executeTakeFirstOrThrow()).id;
    app = buildServer({ db: t.db });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  // Somerset's publisher, claiming Worcestershire every way but the input.
  const smuggled = () => ({
    authorization: `Bearer ${tokens.publisherB}`,
    'x-council': 'worcestershire',
    'x-council-id': worcestershireId,
    'x-tenant': 'worcestershire',
    cookie: `council=worcestershire; council_id=${worcestershireId}; pk_session=${tokens.publisherA}`,
  });

  it('serves only the council in the input, to its own member', async () => {
    const input = encodeURIComponent(JSON.stringify({ council: 'somerset' }));
    const response = await fetch(`${base}/trpc/workspace.draft?input=${input}`, { headers: smuggled() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { content: { statement: { paragraphs: string[] } } } } };
    expect(body.result.data.content.statement.paragraphs[0]).toMatch(/^When a child goes into care/);
  });

  it("refuses Worcestershire's draft and changes to it, whatever the headers and cookies say", async () => {
    const before = await snapshot(t.db);
    const input = encodeURIComponent(JSON.stringify({ council: 'worcestershire' }));
    expect((await fetch(`${base}/trpc/workspace.draft?input=${input}`, { headers: smuggled() })).status).toBe(403);
    const save = await fetch(`${base}/trpc/workspace.saveSection`, {
      method: 'POST',
      headers: { ...smuggled(), 'content-type': 'application/json' },
      body: JSON.stringify({ council: 'worcestershire', section: 'events', revision: 0, content: [] }),
    });
    expect(save.status).toBe(403);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('takes no session from a cookie: only the portal-forwarded bearer token counts', async () => {
    const input = encodeURIComponent(JSON.stringify({ council: 'worcestershire' }));
    const response = await fetch(`${base}/trpc/workspace.draft?input=${input}`, { headers: { cookie: `pk_session=${tokens.publisherA}` } });
    expect(response.status).toBe(401);
  });
});
