import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '../testing.js';
import { isSignInLimited, markSignInSucceeded, pruneSignInAttempts, recordSignInAttempt, takeSignInAttempt } from './sign-in-attempts.js';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeEachDialect(describe, 'sign-in attempts on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
  });
  afterEach(() => t.destroy());

  const fail = (email: string, client: string, when: Date) => recordSignInAttempt(t.db, { email, client, succeeded: false }, when);

  it('limits an email from one client after 5 failures there in 15 minutes, until the oldest is 15 minutes old', async () => {
    for (let i = 0; i < 4; i++) await fail('Sam@Example.org', 'a', at(i));
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'a' }, at(5))).toBe(false);
    await fail('sam@example.org', 'a', at(4));
    expect(await isSignInLimited(t.db, { email: 'SAM@example.org', client: 'a' }, at(5))).toBe(true);
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'b' }, at(5))).toBe(false);
    expect(await isSignInLimited(t.db, { email: 'someone.else@example.org', client: 'a' }, at(5))).toBe(false);
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'a' }, at(15))).toBe(false);
  });

  it('limits an email from every client after 20 failures spread over many', async () => {
    for (let i = 0; i < 19; i++) await fail('sam@example.org', `client-${i}`, at(1));
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'owner' }, at(2))).toBe(false);
    await fail('sam@example.org', 'client-19', at(1));
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'owner' }, at(2))).toBe(true);
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'owner' }, at(16))).toBe(false);
  });

  it('counts 12 attempts taken at once one after another: 5 are let through, the rest refused and not recorded', async () => {
    const taken = await Promise.all(
      Array.from({ length: 12 }, () => takeSignInAttempt(t.db, { email: 'Sam@example.org', client: 'a' }, at(0))),
    );
    expect(taken.filter((id) => id !== null)).toHaveLength(5);
    expect(await t.db.selectFrom('sign_in_attempts').select(['email', 'succeeded']).execute()).toEqual(
      Array(5).fill({ email: 'sam@example.org', succeeded: 0 }),
    );
    await markSignInSucceeded(
      t.db,
      taken.find((id) => id !== null)!,
    );
    expect(await takeSignInAttempt(t.db, { email: 'sam@example.org', client: 'a' }, at(1))).toBeTypeOf('string');
  });

  it('counts only failures since the last success for an email', async () => {
    for (let i = 0; i < 4; i++) await fail('sam@example.org', 'a', at(i));
    await recordSignInAttempt(t.db, { email: 'sam@example.org', client: 'a', succeeded: true }, at(4));
    for (let i = 5; i < 9; i++) await fail('sam@example.org', 'a', at(i));
    expect(await isSignInLimited(t.db, { email: 'sam@example.org', client: 'b' }, at(9))).toBe(false);
  });

  it('limits a client after 20 failures across emails, and a success does not clear it', async () => {
    for (let i = 0; i < 19; i++) await fail(`guess${i}@example.org`, '198.51.100.9', at(0));
    expect(await isSignInLimited(t.db, { email: 'new@example.org', client: '198.51.100.9' }, at(1))).toBe(false);
    await fail('guess19@example.org', '198.51.100.9', at(0));
    await recordSignInAttempt(t.db, { email: 'real@example.org', client: '198.51.100.9', succeeded: true }, at(1));
    expect(await isSignInLimited(t.db, { email: 'new@example.org', client: '198.51.100.9' }, at(1))).toBe(true);
    expect(await isSignInLimited(t.db, { email: 'new@example.org', client: '198.51.100.10' }, at(1))).toBe(false);
    expect(await isSignInLimited(t.db, { email: 'new@example.org', client: '198.51.100.9' }, at(15))).toBe(false);
  });

  it('forgets attempts older than a day', async () => {
    await fail('sam@example.org', 'a', at(0));
    await fail('sam@example.org', 'a', at(24 * 60 + 1));
    await pruneSignInAttempts(t.db, at(24 * 60 + 2));
    expect(await t.db.selectFrom('sign_in_attempts').select('at').execute()).toEqual([{ at: at(24 * 60 + 1).toISOString() }]);
  });
});
