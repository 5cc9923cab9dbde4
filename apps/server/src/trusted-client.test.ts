import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { describeEachDialect } from '@pledgekeeper/stack';
import { buildServer } from './app.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

const sendMessage = (base: string, headers: Record<string, string>) =>
  fetch(`${base}/trpc/feedback.send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ council: 'somerset', page: '/somerset', message: 'Please add more about buses' }),
  });

// Six messages, each claiming a new reader: the limit is five per reader per quarter hour.
async function statusesOfSixReaders(base: string, headers: (i: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await sendMessage(base, headers(i))).status);
  return statuses;
}

describeEachDialect(describe, 'who the API counts as the client, on %s', (dialect) => {
  let t: TestDatabase;
  let app: ReturnType<typeof buildServer>;
  let base: string;

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    app = buildServer({ db: t.db, secret: SECRET });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });
  const clearLimits = () => t.db.deleteFrom('submission_attempts').execute();

  it('ignores a forwarded client sent without the portal key: a new value each time is still limited', async () => {
    await clearLimits();
    expect(await statusesOfSixReaders(base, (i) => ({ 'x-pledgekeeper-client': `198.51.100.${i}` }))).toEqual([
      200, 200, 200, 200, 200, 429,
    ]);
  });

  it('ignores a forwarded client sent with a wrong portal key', async () => {
    await clearLimits();
    const wrong = (i: number) => ({ 'x-pledgekeeper-client': `198.51.100.${i}`, 'x-pledgekeeper-portal-key': `${SECRET.slice(0, -1)}x` });
    expect(await statusesOfSixReaders(base, wrong)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts each reader the portal names, when the portal sends its key', async () => {
    await clearLimits();
    const portal = (i: number) => ({ 'x-pledgekeeper-client': `198.51.100.${i}`, 'x-pledgekeeper-portal-key': SECRET });
    expect(await statusesOfSixReaders(base, portal)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('refuses a tRPC batch, checking no password', async () => {
    const before = await t.db.selectFrom('sign_in_attempts').select('id').execute();
    const response = await fetch(`${base}/trpc/auth.signIn,auth.signIn?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        0: { email: 'someone@example.org', password: 'guess-number-one' },
        1: { email: 'someone@example.org', password: 'guess-number-two' },
      }),
    });
    expect(response.status).toBe(400);
    expect(await t.db.selectFrom('sign_in_attempts').select('id').execute()).toEqual(before);
  });
});

describe('without a secret', () => {
  it('trusts no forwarded client at all', async () => {
    const t = await openTestDatabase('sqlite', { seed: true });
    const app = buildServer({ db: t.db });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const statuses = await statusesOfSixReaders(base, (i) => ({
        'x-pledgekeeper-client': `198.51.100.${i}`,
        'x-pledgekeeper-portal-key': '',
      }));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await app.close();
      await t.destroy();
    }
  });
});
