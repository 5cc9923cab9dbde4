import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, dialectsUnderTest, openTestDatabase } from '@pledgekeeper/db/testing';
import type { Role } from '@pledgekeeper/domain';
import { type PasswordHasher, argon2Hasher } from '../passwords.js';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';

const T0 = new Date('2026-11-25T09:00:00Z');
const minutes = (n: number) => n * 60_000;
const PASSWORD = 'a long and memorable passphrase';

/** argon2id at a token cost, so the suite stays fast; passwords.test.ts checks the real cost. */
const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

describe.each(dialectsUnderTest())('accounts and sessions on %s', (dialect) => {
  let t: TestDatabase;
  let now: Date;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    now = T0;
  });
  afterEach(() => t.destroy());

  const api = (options: { token?: string | null; client?: string; hasher?: PasswordHasher } = {}) =>
    createCaller(createContext({ db: t.db, now: () => now, sessionToken: options.token ?? null, client: options.client ?? '203.0.113.7', passwordHasher: options.hasher ?? cheap }));

  const person = async (email: string, roles: [string, Role][] = [], isPlatformAdmin = false) => {
    const user = await insertUser(t.db, { email, displayName: email.split('@')[0]!, passwordHash: await cheap.hash(PASSWORD), isPlatformAdmin }, now);
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, now);
    return user;
  };
  const signIn = async (email: string, password = PASSWORD) => (await api().auth.signIn({ email, password })).token;
  const audit = (action: string) =>
    t.db.selectFrom('audit_log').select(['council_id', 'actor_email', 'summary']).where('action', '=', action).orderBy('at').orderBy('summary').execute();

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
      expect(await audit('sign-in')).toEqual([{ council_id: null, actor_email: 'sam@somerset.gov.uk', summary: 'sam@somerset.gov.uk signed in' }]);
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
      expect((await rejection(api().auth.signIn({ email: 'sam@somerset.gov.uk', password: '' }), 'BAD_REQUEST')).message).toMatch(/Enter your password/);
      expect((await rejection(api().auth.signIn({ email: 'sam', password: PASSWORD }), 'BAD_REQUEST')).message).toMatch(/right format/);
    });
  });

  describe('sessions', () => {
    it('end after 2 hours idle', async () => {
      await person('sam@somerset.gov.uk');
      const token = await signIn('sam@somerset.gov.uk');
      now = new Date(T0.getTime() + minutes(119));
      expect(await api({ token }).auth.me()).not.toBeNull();
      now = new Date(T0.getTime() + minutes(119 + 121));
      expect(await api({ token }).auth.me()).toBeNull();
      expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('end 12 hours after sign-in, however busy', async () => {
      await person('sam@somerset.gov.uk');
      const token = await signIn('sam@somerset.gov.uk');
      for (let hour = 1; hour < 12; hour++) {
        now = new Date(T0.getTime() + minutes(hour * 60));
        expect(await api({ token }).auth.me()).not.toBeNull();
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
      expect(await api({ token: other }).auth.me()).not.toBeNull();
      expect(await audit('sign-out')).toEqual([{ council_id: null, actor_email: 'sam@somerset.gov.uk', summary: 'sam@somerset.gov.uk signed out' }]);
    });

    it('answer null to me for no token or a made-up one', async () => {
      expect(await api().auth.me()).toBeNull();
      expect(await api({ token: 'x'.repeat(43) }).auth.me()).toBeNull();
    });
  });

  it('shows a person with roles in two councils both of them, and nothing else', async () => {
    await person('shared@service.gov.uk', [['worcestershire', 'publisher'], ['somerset', 'editor']]);
    await person('other@somerset.gov.uk', [['somerset', 'publisher']]);
    const me = await api({ token: await signIn('shared@service.gov.uk') }).auth.me();
    expect(me?.memberships).toEqual([
      { council: 'somerset', councilName: 'Somerset County Council', role: 'editor' },
      { council: 'worcestershire', councilName: 'Worcestershire County Council', role: 'publisher' },
    ]);
  });

  it('gives a platform admin no council by default', async () => {
    await person('admin@pledgekeeper.example', [], true);
    const me = await api({ token: await signIn('admin@pledgekeeper.example') }).auth.me();
    expect(me).toMatchObject({ isPlatformAdmin: true, memberships: [] });
  });

  describe('invitations', () => {
    const invite = async (email: string, role: Role = 'editor', council = 'somerset') => {
      const publisher = `pub@${council}.gov.uk`;
      if (!(await t.db.selectFrom('users').select('id').where('email', '=', publisher).executeTakeFirst())) await person(publisher, [[council, 'publisher']]);
      return api({ token: await signIn(publisher) }).people.invite({ council, email, role });
    };
    const NOT_VALID = 'This invitation link is not valid. It may have expired or been used already.';

    it('shows what it offers, then creates the account, the role and a session on accepting', async () => {
      const { token, expiresAt } = await invite('new.editor@somerset.gov.uk');
      expect(expiresAt).toBe(new Date(T0.getTime() + 7 * 24 * 3_600_000).toISOString());
      expect(await api().auth.invitation({ token })).toEqual({
        councilName: 'Somerset County Council',
        council: 'somerset',
        role: 'editor',
        email: 'new.editor@somerset.gov.uk',
        expiresAt,
      });
      const accepted = await api().auth.acceptInvitation({ token, displayName: '  Nia Editor ', password: PASSWORD });
      expect(accepted.user).toEqual({
        email: 'new.editor@somerset.gov.uk',
        displayName: 'Nia Editor',
        isPlatformAdmin: false,
        memberships: [{ council: 'somerset', councilName: 'Somerset County Council', role: 'editor' }],
      });
      expect((await api({ token: accepted.token }).auth.me())?.email).toBe('new.editor@somerset.gov.uk');
      expect(await signIn('new.editor@somerset.gov.uk')).toBeTypeOf('string');
      const somerset = (await findCouncilBySlug(t.db, 'somerset'))!.id;
      expect(await audit('invitation-created')).toEqual([
        { council_id: somerset, actor_email: 'pub@somerset.gov.uk', summary: 'Invited new.editor@somerset.gov.uk to be an editor of Somerset County Council' },
      ]);
      expect(await audit('invitation-accepted')).toEqual([
        { council_id: somerset, actor_email: 'new.editor@somerset.gov.uk', summary: 'new.editor@somerset.gov.uk accepted the invitation and is now an editor of Somerset County Council' },
      ]);
    });

    it('works once only', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      await api().auth.acceptInvitation({ token, displayName: 'Nia', password: PASSWORD });
      expect((await rejection(api().auth.invitation({ token }), 'NOT_FOUND')).message).toBe(NOT_VALID);
      expect((await rejection(api().auth.acceptInvitation({ token, displayName: 'Mallory', password: 'another long password' }), 'NOT_FOUND')).message).toBe(NOT_VALID);
      expect(await t.db.selectFrom('users').select('display_name').where('email', '=', 'new.editor@somerset.gov.uk').execute()).toEqual([{ display_name: 'Nia' }]);
    });

    it('lets only one of two people racing with the same link in', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      const results = await Promise.allSettled([
        api().auth.acceptInvitation({ token, displayName: 'First', password: PASSWORD }),
        api().auth.acceptInvitation({ token, displayName: 'Second', password: PASSWORD }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await t.db.selectFrom('users').select('id').where('email', '=', 'new.editor@somerset.gov.uk').execute()).toHaveLength(1);
    });

    it('expires after 7 days', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      now = new Date(T0.getTime() + 7 * 24 * 3_600_000 + 1000);
      await rejection(api().auth.invitation({ token }), 'NOT_FOUND');
      await rejection(api().auth.acceptInvitation({ token, displayName: 'Nia', password: PASSWORD }), 'NOT_FOUND');
      expect(await t.db.selectFrom('users').select('id').where('email', '=', 'new.editor@somerset.gov.uk').execute()).toEqual([]);
    });

    it('stops working when revoked', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      const publisher = api({ token: await signIn('pub@somerset.gov.uk') });
      const [open] = (await publisher.people.list({ council: 'somerset' })).invitations;
      await publisher.people.revokeInvitation({ council: 'somerset', invitationId: open!.id });
      await rejection(api().auth.acceptInvitation({ token, displayName: 'Nia', password: PASSWORD }), 'NOT_FOUND');
    });

    it('answers NOT_FOUND to a wrong token, with the same message', async () => {
      await invite('new.editor@somerset.gov.uk');
      expect((await rejection(api().auth.invitation({ token: 'A'.repeat(43) }), 'NOT_FOUND')).message).toBe(NOT_VALID);
      expect((await rejection(api().auth.acceptInvitation({ token: 'nope', displayName: 'x', password: PASSWORD }), 'NOT_FOUND')).message).toBe(NOT_VALID);
    });

    it('refuses a short new password, saying how long it must be, and keeps the invitation', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      const error = await rejection(api().auth.acceptInvitation({ token, displayName: 'Nia', password: 'short' }), 'BAD_REQUEST');
      expect(error.message).toMatch(/at least 12 characters/);
      expect(await api().auth.invitation({ token })).toMatchObject({ email: 'new.editor@somerset.gov.uk' });
    });

    it('gives an existing account the role once it gives its own password, and changes nothing else', async () => {
      const existing = await person('shared@service.gov.uk', [['worcestershire', 'publisher']]);
      const { token } = await invite('shared@service.gov.uk', 'editor');
      const wrong = await rejection(api().auth.acceptInvitation({ token, displayName: 'Someone Else', password: 'not my password at all' }), 'UNAUTHORIZED');
      expect(wrong.message).toMatch(/already an account for shared@service.gov.uk/);
      expect(await api().auth.invitation({ token })).toBeTruthy();

      const accepted = await api().auth.acceptInvitation({ token, displayName: 'Someone Else', password: PASSWORD });
      expect(accepted.user).toEqual({
        email: 'shared@service.gov.uk',
        displayName: 'shared',
        isPlatformAdmin: false,
        memberships: [
          { council: 'somerset', councilName: 'Somerset County Council', role: 'editor' },
          { council: 'worcestershire', councilName: 'Worcestershire County Council', role: 'publisher' },
        ],
      });
      const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', existing.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toBe(existing.passwordHash);
    });

    it('is not sent to someone who already has a role in the council: their role is changed instead', async () => {
      await person('second@somerset.gov.uk', [['somerset', 'editor']]);
      const error = await rejection(invite('second@somerset.gov.uk', 'publisher'), 'CONFLICT');
      expect(error.message).toBe('second@somerset.gov.uk already has a role in Somerset County Council: change their role instead');
      expect(await t.db.selectFrom('invitations').selectAll().execute()).toEqual([]);
    });
  });
});
