import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCouncilBySlug } from '@pledgekeeper/db';
import type { Role } from '@pledgekeeper/domain/workspace';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { PASSWORD, T0, accountsHarness } from '../testing/accounts.js';
import { rejection } from '../testing/rejection.js';

describeEachDialect(describe, 'invitations to a council on %s', (dialect) => {
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

  describe('invitations', () => {
    const invite = async (email: string, role: Role = 'editor', council = 'somerset') => {
      const publisher = `pub@${council}.gov.uk`;
      if (!(await t.db.selectFrom('users').select('id').where('email', '=', publisher).executeTakeFirst()))
        await person(publisher, [[council, 'publisher']]);
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
        {
          council_id: somerset,
          actor_email: 'pub@somerset.gov.uk',
          summary: 'Invited new.editor@somerset.gov.uk to be an editor of Somerset County Council',
        },
      ]);
      expect(await audit('invitation-accepted')).toEqual([
        {
          council_id: somerset,
          actor_email: 'new.editor@somerset.gov.uk',
          summary: 'Accepted the invitation and is now an editor of Somerset County Council',
        },
      ]);
    });

    it('works once only', async () => {
      const { token } = await invite('new.editor@somerset.gov.uk');
      await api().auth.acceptInvitation({ token, displayName: 'Nia', password: PASSWORD });
      expect((await rejection(api().auth.invitation({ token }), 'NOT_FOUND')).message).toBe(NOT_VALID);
      expect(
        (await rejection(api().auth.acceptInvitation({ token, displayName: 'Mallory', password: 'another long password' }), 'NOT_FOUND'))
          .message,
      ).toBe(NOT_VALID);
      expect(await t.db.selectFrom('users').select('display_name').where('email', '=', 'new.editor@somerset.gov.uk').execute()).toEqual([
        { display_name: 'Nia' },
      ]);
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
      expect(
        (await rejection(api().auth.acceptInvitation({ token: 'nope', displayName: 'x', password: PASSWORD }), 'NOT_FOUND')).message,
      ).toBe(NOT_VALID);
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
      const wrong = await rejection(
        api().auth.acceptInvitation({ token, displayName: 'Someone Else', password: 'not my password at all' }),
        'UNAUTHORIZED',
      );
      expect(wrong.message).toMatch(/already an account for shared@service.gov.uk/);
      expect(await api().auth.invitation({ token })).toMatchObject({ email: 'shared@service.gov.uk' });

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
