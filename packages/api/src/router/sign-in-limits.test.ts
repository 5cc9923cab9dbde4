import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { Role } from '@pledgekeeper/domain/workspace';
import { type PasswordHasher, argon2Hasher } from '../passwords.js';
import { appRouter, createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';

const T0 = new Date('2026-11-25T09:00:00Z');
const minutes = (n: number) => n * 60_000;
const PASSWORD = 'a long and memorable passphrase';
const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

/** A hasher that counts the passwords it checks: what a guesser is limited to. */
const countingHasher = () => {
  const counter = { checks: 0 };
  const hasher: PasswordHasher = {
    hash: cheap.hash,
    verify: (p, h) => ((counter.checks += 1), cheap.verify(p, h)),
    verifyNothing: (p) => ((counter.checks += 1), cheap.verifyNothing(p)),
  };
  return { counter, hasher };
};
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as { code: string }).code)).sort();

describeEachDialect(describe, 'sign-in limits on %s', (dialect) => {
  let t: TestDatabase;
  let now: Date;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    now = T0;
  });
  afterEach(() => t.destroy());

  const api = (options: { token?: string | null; client?: string; hasher?: PasswordHasher } = {}) =>
    createCaller(
      createContext({
        db: t.db,
        now: () => now,
        sessionToken: options.token ?? null,
        client: options.client ?? '203.0.113.7',
        passwordHasher: options.hasher ?? cheap,
      }),
    );
  const person = async (email: string, roles: [string, Role][] = []) => {
    const user = await insertUser(t.db, { email, displayName: email.split('@')[0]!, passwordHash: await cheap.hash(PASSWORD) }, now);
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, now);
    return user;
  };
  const signIn = async (email: string, password = PASSWORD) => (await api().auth.signIn({ email, password })).token;
  const audit = (action: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['council_id', 'actor_email', 'summary'])
      .where('action', '=', action)
      .orderBy('at')
      .orderBy('summary')
      .execute();

  it('pauses an email from a client after 5 failures there, even for the right password, for 15 minutes', async () => {
    await person('sam@somerset.gov.uk');
    for (let i = 0; i < 5; i++) {
      await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }), 'UNAUTHORIZED');
    }
    const limited = await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    expect(limited.message).toBe('Too many attempts. Wait 15 minutes, then try again.');
    now = new Date(T0.getTime() + minutes(14));
    await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    expect(await audit('sign-in')).toEqual([]);
    const reasons = (await audit('sign-in-failed')).map((e) => e.summary.split(': ')[1]);
    expect(reasons.filter((r) => r === 'wrong password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'too many attempts')).toHaveLength(2);
    now = new Date(T0.getTime() + minutes(15) + 1000);
    await expect(signIn('sam@somerset.gov.uk')).resolves.toBeTypeOf('string');
  });

  it('lets the owner in from another client while someone guessing elsewhere is paused', async () => {
    await person('sam@somerset.gov.uk');
    for (let i = 0; i < 5; i++) {
      await rejection(
        api({ client: '198.51.100.66' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }),
        'UNAUTHORIZED',
      );
    }
    await rejection(
      api({ client: '198.51.100.66' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }),
      'TOO_MANY_REQUESTS',
    );
    await expect(api({ client: '203.0.113.7' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD })).resolves.toMatchObject({
      user: { email: 'sam@somerset.gov.uk' },
    });
  });

  it('pauses an email from every client after 20 failures spread over many, for 15 minutes', async () => {
    await person('sam@somerset.gov.uk');
    for (let i = 0; i < 19; i++) {
      await rejection(
        api({ client: `10.0.0.${i}` }).auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }),
        'UNAUTHORIZED',
      );
    }
    await rejection(api({ client: '10.0.1.0' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }), 'UNAUTHORIZED');
    await rejection(api({ client: '10.0.2.0' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    await expect(api({ client: '10.0.2.0' }).auth.signIn({ email: 'pat@example.org', password: PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    now = new Date(T0.getTime() + minutes(15) + 1000);
    await expect(api({ client: '10.0.2.0' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD })).resolves.toMatchObject({
      user: { email: 'sam@somerset.gov.uk' },
    });
  });

  it('checks only 5 of 12 passwords sent at once for one email from one client', async () => {
    await person('sam@somerset.gov.uk');
    const { counter, hasher } = countingHasher();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => api({ hasher }).auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' })),
    );
    expect(counter.checks).toBe(5);
    expect(codes(results)).toEqual([...Array(7).fill('TOO_MANY_REQUESTS'), ...Array(5).fill('UNAUTHORIZED')]);
    await rejection(api({ hasher }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    expect(counter.checks).toBe(5);
  });

  it('checks only 5 of 10 passwords sent in one HTTP batch, should batching ever be on', async () => {
    await person('sam@somerset.gov.uk');
    const { counter, hasher } = countingHasher();
    const guesses = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [i, { email: 'sam@somerset.gov.uk', password: `guess number ${i}` }]),
    );
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      req: new Request(`http://api.test/trpc/${Array(10).fill('auth.signIn').join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(guesses),
      }),
      createContext: () => createContext({ db: t.db, now: () => now, client: '203.0.113.7', passwordHasher: hasher }),
    });
    const answers = (await response.json()) as { error: { data: { code: string } } }[];
    expect(answers.map((a) => a.error.data.code).sort()).toEqual([...Array(5).fill('TOO_MANY_REQUESTS'), ...Array(5).fill('UNAUTHORIZED')]);
    expect(counter.checks).toBe(5);
  });

  it('checks only 20 of 30 passwords sent at once for one email from 30 clients', async () => {
    await person('sam@somerset.gov.uk');
    const { counter, hasher } = countingHasher();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        api({ hasher, client: `10.1.0.${i}` }).auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }),
      ),
    );
    expect(counter.checks).toBe(20);
    expect(codes(results).filter((c) => c === 'UNAUTHORIZED')).toHaveLength(20);
  });

  it('checks only 5 passwords of an existing account accepting an invitation at once', async () => {
    await person('shared@service.gov.uk', [['worcestershire', 'publisher']]);
    await person('pub@somerset.gov.uk', [['somerset', 'publisher']]);
    const { token } = await api({ token: await signIn('pub@somerset.gov.uk') }).people.invite({
      council: 'somerset',
      email: 'shared@service.gov.uk',
      role: 'editor',
    });
    const { counter, hasher } = countingHasher();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        api({ hasher }).auth.acceptInvitation({ token, displayName: 'x', password: 'not my password at all' }),
      ),
    );
    expect(counter.checks).toBe(5);
    expect(codes(results).filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);
    await rejection(api({ hasher }).auth.signIn({ email: 'shared@service.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
  });

  it('does not pause after 4 failures, and a success starts the count again', async () => {
    await person('sam@somerset.gov.uk');
    const fail = () => rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: 'wrong password' }), 'UNAUTHORIZED');
    for (let i = 0; i < 4; i++) await fail();
    await signIn('sam@somerset.gov.uk');
    for (let i = 0; i < 4; i++) await fail();
    await expect(signIn('sam@somerset.gov.uk')).resolves.toBeTypeOf('string');
  });

  it('pauses a client after 20 failures across emails, and only that client', async () => {
    await person('sam@somerset.gov.uk');
    for (let i = 0; i < 20; i++) {
      await rejection(
        api({ client: '198.51.100.9' }).auth.signIn({ email: `guess${i}@example.org`, password: 'wrong password' }),
        'UNAUTHORIZED',
      );
    }
    await rejection(api({ client: '198.51.100.9' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    await expect(api({ client: '198.51.100.10' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD })).resolves.toMatchObject(
      {
        user: { email: 'sam@somerset.gov.uk' },
      },
    );
    now = new Date(T0.getTime() + minutes(16));
    await expect(api({ client: '198.51.100.9' }).auth.signIn({ email: 'sam@somerset.gov.uk', password: PASSWORD })).resolves.toMatchObject({
      user: { email: 'sam@somerset.gov.uk' },
    });
  });
});
