import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { Role } from '@pledgekeeper/domain/workspace';
import { argon2Hasher } from '../passwords.js';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

describeEachDialect(describe, "a council's people on %s", (dialect) => {
  let t: TestDatabase;
  let tokens: Record<string, string>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = {};
    await person('pat@somerset.gov.uk', [['somerset', 'publisher']]);
    await person('ed@somerset.gov.uk', [['somerset', 'editor']]);
    await person('wyn@worcestershire.gov.uk', [['worcestershire', 'publisher']]);
  });
  afterEach(() => t.destroy());

  async function person(email: string, roles: [string, Role][]) {
    const user = await insertUser(
      t.db,
      { email, displayName: email.split('@')[0]!, passwordHash: await cheap.hash('a long enough password') },
      NOW,
    );
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, NOW);
    tokens[email] = (await createSession(t.db, user.id, NOW)).token;
  }
  const as = (email: string | null) =>
    createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: email ? tokens[email]! : null, passwordHasher: cheap }));
  const pat = () => as('pat@somerset.gov.uk');
  const rows = async () => ({
    memberships: await t.db
      .selectFrom('memberships')
      .select(['user_id', 'council_id', 'role'])
      .orderBy('user_id')
      .orderBy('council_id')
      .execute(),
    invitations: await t.db.selectFrom('invitations').select(['id', 'accepted_at', 'revoked_at']).orderBy('id').execute(),
    audit: await t.db.selectFrom('audit_log').select('id').orderBy('id').execute(),
  });
  const roleOf = async (email: string, council = 'somerset') =>
    (await pat().people.list({ council })).members.find((m) => m.email === email)?.role ?? null;

  it('lists the members, marking who is asking, and the open invitations', async () => {
    const { expiresAt } = await pat().people.invite({ council: 'somerset', email: 'New.Person@Somerset.gov.uk', role: 'editor' });
    const list = await pat().people.list({ council: 'somerset' });
    expect(list.members).toEqual([
      { email: 'ed@somerset.gov.uk', displayName: 'ed', role: 'editor', isYou: false },
      { email: 'pat@somerset.gov.uk', displayName: 'pat', role: 'publisher', isYou: true },
    ]);
    expect(list.invitations).toEqual([{ id: expect.any(String), email: 'new.person@somerset.gov.uk', role: 'editor', expiresAt }]);
  });

  it("refuses to invite a platform admin's email, and changes nothing", async () => {
    await insertUser(
      t.db,
      { email: 'admin@pledgekeeper.example', displayName: 'Admin', passwordHash: 'unused', isPlatformAdmin: true },
      NOW,
    );
    const before = await rows();
    const error = await rejection(
      pat().people.invite({ council: 'somerset', email: 'ADMIN@pledgekeeper.example', role: 'editor' }),
      'CONFLICT',
    );
    expect(error.message).toBe('admin@pledgekeeper.example is a platform admin, who cannot take a role in a council');
    expect(await rows()).toEqual(before);
  });

  it('is for publishers of that council only', async () => {
    const before = await rows();
    const attempts = (api: ReturnType<typeof as>) => [
      () => api.people.list({ council: 'somerset' }),
      () => api.people.invite({ council: 'somerset', email: 'x@example.org', role: 'publisher' }),
      () => api.people.revokeInvitation({ council: 'somerset', invitationId: '00000000-0000-4000-8000-000000000000' }),
      () => api.people.changeRole({ council: 'somerset', email: 'ed@somerset.gov.uk', role: 'publisher' }),
      () => api.people.remove({ council: 'somerset', email: 'pat@somerset.gov.uk' }),
      () => api.people.audit({ council: 'somerset' }),
    ];
    for (const attempt of attempts(as(null))) await rejection(attempt(), 'UNAUTHORIZED');
    for (const attempt of attempts(as('ed@somerset.gov.uk'))) {
      expect((await rejection(attempt(), 'FORBIDDEN')).message).toBe('Only a publisher of Somerset County Council can do this');
    }
    for (const attempt of attempts(as('wyn@worcestershire.gov.uk'))) {
      expect((await rejection(attempt(), 'FORBIDDEN')).message).toBe('You do not have a role in Somerset County Council');
    }
    expect(await rows()).toEqual(before);
  });

  it("cannot revoke another council's invitation by its id", async () => {
    const { token } = await pat().people.invite({ council: 'somerset', email: 'new@somerset.gov.uk', role: 'editor' });
    const [invitation] = (await pat().people.list({ council: 'somerset' })).invitations;
    const before = await rows();
    await rejection(
      as('wyn@worcestershire.gov.uk').people.revokeInvitation({ council: 'worcestershire', invitationId: invitation!.id }),
      'NOT_FOUND',
    );
    expect(await rows()).toEqual(before);
    await expect(as(null).auth.invitation({ token })).resolves.toMatchObject({ council: 'somerset' });
  });

  it('revokes an open invitation once, and audits it', async () => {
    await pat().people.invite({ council: 'somerset', email: 'new@somerset.gov.uk', role: 'editor' });
    const [invitation] = (await pat().people.list({ council: 'somerset' })).invitations;
    expect(await pat().people.revokeInvitation({ council: 'somerset', invitationId: invitation!.id })).toEqual({ revoked: true });
    expect((await pat().people.list({ council: 'somerset' })).invitations).toEqual([]);
    const again = await rejection(pat().people.revokeInvitation({ council: 'somerset', invitationId: invitation!.id }), 'NOT_FOUND');
    expect(again.message).toBe('There is no open invitation with that id in Somerset County Council');
    expect(await pat().people.audit({ council: 'somerset' })).toContainEqual({
      at: NOW.toISOString(),
      actor: 'pat',
      action: 'invitation-revoked',
      summary: 'Revoked the invitation to new@somerset.gov.uk',
    });
  });

  it('a new invitation to the same email replaces the open one', async () => {
    const first = await pat().people.invite({ council: 'somerset', email: 'new@somerset.gov.uk', role: 'editor' });
    await pat().people.invite({ council: 'somerset', email: 'new@somerset.gov.uk', role: 'publisher' });
    expect((await pat().people.list({ council: 'somerset' })).invitations.map((i) => i.role)).toEqual(['publisher']);
    await rejection(as(null).auth.invitation({ token: first.token }), 'NOT_FOUND');
  });

  it('changes a role and audits it', async () => {
    expect(await pat().people.changeRole({ council: 'somerset', email: 'ED@somerset.gov.uk', role: 'publisher' })).toEqual({
      email: 'ed@somerset.gov.uk',
      role: 'publisher',
    });
    expect(await roleOf('ed@somerset.gov.uk')).toBe('publisher');
    // Now a publisher, Ed may manage people too.
    await expect(as('ed@somerset.gov.uk').people.list({ council: 'somerset' })).resolves.toMatchObject({
      members: expect.arrayContaining([expect.objectContaining({ email: 'ed@somerset.gov.uk', role: 'publisher', isYou: true })]),
    });
    expect((await pat().people.audit({ council: 'somerset' }))[0]).toEqual({
      at: NOW.toISOString(),
      actor: 'pat',
      action: 'role-changed',
      summary: 'Changed ed from editor to publisher',
    });
  });

  it('never leaves a council without a publisher', async () => {
    const before = await rows();
    const demote = await rejection(
      pat().people.changeRole({ council: 'somerset', email: 'pat@somerset.gov.uk', role: 'editor' }),
      'CONFLICT',
    );
    expect(demote.message).toBe('Somerset County Council needs at least one publisher: make someone else a publisher first');
    await rejection(pat().people.remove({ council: 'somerset', email: 'pat@somerset.gov.uk' }), 'CONFLICT');
    expect(await rows()).toEqual(before);

    await pat().people.changeRole({ council: 'somerset', email: 'ed@somerset.gov.uk', role: 'publisher' });
    await pat().people.changeRole({ council: 'somerset', email: 'pat@somerset.gov.uk', role: 'editor' });
    await rejection(as('ed@somerset.gov.uk').people.remove({ council: 'somerset', email: 'ed@somerset.gov.uk' }), 'CONFLICT');
  });

  it('keeps a publisher when two publishers demote each other at the same moment', async () => {
    await pat().people.changeRole({ council: 'somerset', email: 'ed@somerset.gov.uk', role: 'publisher' });
    const results = await Promise.allSettled([
      pat().people.changeRole({ council: 'somerset', email: 'ed@somerset.gov.uk', role: 'editor' }),
      as('ed@somerset.gov.uk').people.changeRole({ council: 'somerset', email: 'pat@somerset.gov.uk', role: 'editor' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const somerset = (await findCouncilBySlug(t.db, 'somerset'))!.id;
    const publishers = await t.db
      .selectFrom('memberships')
      .select('user_id')
      .where('council_id', '=', somerset)
      .where('role', '=', 'publisher')
      .execute();
    expect(publishers).toHaveLength(1);
  });

  it('removes a member, who then has no access, and audits it', async () => {
    expect(await pat().people.remove({ council: 'somerset', email: 'ed@somerset.gov.uk' })).toEqual({ removed: true });
    expect(await roleOf('ed@somerset.gov.uk')).toBeNull();
    expect((await as('ed@somerset.gov.uk').auth.me())?.memberships).toEqual([]);
    expect((await pat().people.audit({ council: 'somerset' }))[0]).toMatchObject({
      action: 'member-removed',
      summary: 'Removed ed (editor) from Somerset County Council',
    });
  });

  it('answers NOT_FOUND for someone with no role in the council, even one with a role elsewhere', async () => {
    const before = await rows();
    const error = await rejection(
      pat().people.changeRole({ council: 'somerset', email: 'wyn@worcestershire.gov.uk', role: 'editor' }),
      'NOT_FOUND',
    );
    expect(error.message).toBe('wyn@worcestershire.gov.uk has no role in Somerset County Council');
    await rejection(pat().people.remove({ council: 'somerset', email: 'wyn@worcestershire.gov.uk' }), 'NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('refuses an invitation id that is not one, before looking', async () => {
    const error = await rejection(pat().people.revokeInvitation({ council: 'somerset', invitationId: 'nul\u0000' }), 'BAD_REQUEST');
    expect(error.message).toMatch(/That is not an invitation id/);
  });

  it.each([
    ['a malformed email', { email: 'not an email', role: 'editor' }, /right format/],
    ['an unknown role', { email: 'x@example.org', role: 'owner' }, /editor or publisher/],
  ])('refuses an invitation with %s', async (_, input, message) => {
    const before = await rows();
    expect((await rejection(pat().people.invite({ council: 'somerset', ...input } as never), 'BAD_REQUEST')).message).toMatch(message);
    expect(await rows()).toEqual(before);
  });

  it("shows a council's audit log to its publishers only, newest first, by name, with its own people's sign-ins only", async () => {
    const earlier = new Date(NOW.getTime() - 1000);
    const signedOut = createCaller(createContext({ db: t.db, now: () => earlier, sessionToken: null, passwordHasher: cheap }));
    await signedOut.auth.signIn({ email: 'pat@somerset.gov.uk', password: 'a long enough password' });
    await signedOut.auth.signIn({ email: 'wyn@worcestershire.gov.uk', password: 'a long enough password' });
    await as('wyn@worcestershire.gov.uk').people.invite({ council: 'worcestershire', email: 'w@example.org', role: 'editor' });
    await pat().people.invite({ council: 'somerset', email: 'first@example.org', role: 'editor' });
    const later = new Date(NOW.getTime() + 1000);
    await createCaller(
      createContext({ db: t.db, now: () => later, sessionToken: tokens['pat@somerset.gov.uk']!, passwordHasher: cheap }),
    ).people.invite({
      council: 'somerset',
      email: 'second@example.org',
      role: 'publisher',
    });
    expect(await pat().people.audit({ council: 'somerset' })).toEqual([
      {
        at: later.toISOString(),
        actor: 'pat',
        action: 'invitation-created',
        summary: 'Invited second@example.org to be a publisher of Somerset County Council',
      },
      {
        at: NOW.toISOString(),
        actor: 'pat',
        action: 'invitation-created',
        summary: 'Invited first@example.org to be an editor of Somerset County Council',
      },
      { at: earlier.toISOString(), actor: 'pat', action: 'sign-in', summary: 'Signed in' },
    ]);
  });
});
