import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCouncilBySlug, listAudit } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { PasswordHasher } from '../passwords.js';
import { PASSWORD, T0, accountsHarness, cheap, minutes } from '../testing/accounts.js';
import { rejection } from '../testing/rejection.js';

describeEachDialect(describe, 'accounts and sessions on %s', (dialect) => {
  let t: TestDatabase;
  let now: Date;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    now = T0;
  });
  afterEach(() => t.destroy());

  const { api, person, signIn, audit } = accountsHarness(
    () => t,
    () => now,
  );

  describe('signing in', () => {
    it('gives a 12-hour session and who the person is; the token then works', async () => {
      await person('sam@somerset.gov.uk', [['somerset', 'editor']]);
      const result = await api().auth.signIn({ email: '  Sam@Somerset.gov.uk ', password: PASSWORD });
      expect(result.expiresAt).toBe(new Date(T0.getTime() + minutes(12 * 60)).toISOString());
      expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(result.user).toEqual({
        email: 'sam@somerset.gov.uk',
        displayName: 'sam',
        isPlatformAdmin: false,
        memberships: [{ council: 'somerset', councilName: 'Somerset County Council', role: 'editor' }],
      });
      expect(await api({ token: result.token }).auth.me()).toEqual(result.user);
      // In Somerset's own log, which its publishers read.
      const somerset = (await findCouncilBySlug(t.db, 'somerset'))!.id;
      expect(await audit('sign-in')).toEqual([{ council_id: somerset, actor_email: 'sam@somerset.gov.uk', summary: 'Signed in' }]);
      const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).not.toContain(result.token);
    });

    it('gives the same answer for an unknown email as for a wrong password, and audits both', async () => {
      await person('sam@somerset.gov.uk');
      const unknown = await rejection(api().auth.signIn({ email: 'nobody@somerset.gov.uk', password: PASSWORD }), 'UNAUTHORIZED');
      const wrong = await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: `${PASSWORD}!` }), 'UNAUTHORIZED');
      expect(unknown.message).toBe('The email or password is not right');
      expect(wrong.message).toBe(unknown.message);
      expect(await audit('sign-in-failed')).toEqual([
        { council_id: null, actor_email: null, summary: 'Failed sign-in for nobody@somerset.gov.uk: no such account' },
        { council_id: null, actor_email: null, summary: 'Failed sign-in for sam@somerset.gov.uk: wrong password' },
      ]);
      expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('spends a password check on an unknown email too, so timing does not tell', async () => {
      const calls: string[] = [];
      const counting: PasswordHasher = {
        hash: cheap.hash,
        verify: (p, h) => (calls.push('verify'), cheap.verify(p, h)),
        verifyNothing: (p) => (calls.push('verifyNothing'), cheap.verifyNothing(p)),
      };
      await rejection(api({ hasher: counting }).auth.signIn({ email: 'nobody@example.org', password: PASSWORD }), 'UNAUTHORIZED');
      expect(calls).toEqual(['verifyNothing']);
    });

    it('refuses an empty password or a malformed email as bad input', async () => {
      expect((await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: '' }), 'BAD_REQUEST')).message).toMatch(
        /Enter your password/,
      );
      expect((await rejection(api().auth.signIn({ email: 'sam', password: PASSWORD }), 'BAD_REQUEST')).message).toMatch(/right format/);
    });
  });

  describe('sessions', () => {
    it('end after 2 hours idle', async () => {
      await person('sam@somerset.gov.uk');
      const token = await signIn('sam@somerset.gov.uk');
      now = new Date(T0.getTime() + minutes(119));
      expect(await api({ token }).auth.me()).toMatchObject({ email: 'sam@somerset.gov.uk' });
      now = new Date(T0.getTime() + minutes(119 + 121));
      expect(await api({ token }).auth.me()).toBeNull();
      expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('end 12 hours after sign-in, however busy', async () => {
      await person('sam@somerset.gov.uk');
      const token = await signIn('sam@somerset.gov.uk');
      for (let hour = 1; hour < 12; hour++) {
        now = new Date(T0.getTime() + minutes(hour * 60));
        expect(await api({ token }).auth.me()).toMatchObject({ email: 'sam@somerset.gov.uk' });
      }
      now = new Date(T0.getTime() + minutes(12 * 60));
      expect(await api({ token }).auth.me()).toBeNull();
    });

    it('end at sign-out, and signing out needs a session', async () => {
      await person('sam@somerset.gov.uk');
      const token = await signIn('sam@somerset.gov.uk');
      const other = await signIn('sam@somerset.gov.uk');
      expect(await api({ token }).auth.signOut()).toEqual({ signedOut: true });
      expect(await api({ token }).auth.me()).toBeNull();
      await rejection(api({ token }).auth.signOut(), 'UNAUTHORIZED');
      await rejection(api().auth.signOut(), 'UNAUTHORIZED');
      expect(await api({ token: other }).auth.me()).toMatchObject({ email: 'sam@somerset.gov.uk' });
      expect(await audit('sign-out')).toEqual([{ council_id: null, actor_email: 'sam@somerset.gov.uk', summary: 'Signed out' }]);
    });

    it('answer null to me for no token or a made-up one', async () => {
      expect(await api().auth.me()).toBeNull();
      expect(await api({ token: 'x'.repeat(43) }).auth.me()).toBeNull();
    });
  });

  it('shows a person with roles in two councils both of them, and nothing else', async () => {
    await person('shared@service.gov.uk', [
      ['worcestershire', 'publisher'],
      ['somerset', 'editor'],
    ]);
    await person('other@somerset.gov.uk', [['somerset', 'publisher']]);
    const me = await api({ token: await signIn('shared@service.gov.uk') }).auth.me();
    expect(me?.memberships).toEqual([
      { council: 'somerset', councilName: 'Somerset County Council', role: 'editor' },
      { council: 'worcestershire', councilName: 'Worcestershire County Council', role: 'publisher' },
    ]);
  });

  it("puts a sign-in in the log of each of the person's councils, by name, and a failed one in none", async () => {
    await person('shared@service.gov.uk', [
      ['worcestershire', 'publisher'],
      ['somerset', 'editor'],
    ]);
    await signIn('shared@service.gov.uk');
    await rejection(api().auth.signIn({ email: 'shared@service.gov.uk', password: `${PASSWORD}!` }), 'UNAUTHORIZED');
    const signedIn = { at: T0.toISOString(), actor: 'shared', action: 'sign-in', summary: 'Signed in' };
    for (const slug of ['somerset', 'worcestershire']) {
      expect(await listAudit(t.db, (await findCouncilBySlug(t.db, slug))!.id)).toEqual([signedIn]);
    }
  });

  it('gives a platform admin no council by default', async () => {
    await person('admin@pledgekeeper.example', [], true);
    const me = await api({ token: await signIn('admin@pledgekeeper.example') }).auth.me();
    expect(me).toMatchObject({ isPlatformAdmin: true, memberships: [] });
    // No council's log: their sign-in is logged platform-wide.
    expect(await audit('sign-in')).toEqual([{ council_id: null, actor_email: 'admin@pledgekeeper.example', summary: 'Signed in' }]);
  });
});
