import { type TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, findCouncilBySlug, insertInvitation, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { argon2Hasher } from '../passwords.js';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });
const ADMIN_PASSWORD = 'the admin has a long password too';
const NORTH_YORKSHIRE = { slug: 'north-yorkshire', name: 'North Yorkshire Council', kind: 'unitary', nation: 'england' } as const;

describeEachDialect(describe, 'onboarding councils on %s', (dialect) => {
  let t: TestDatabase;
  let tokens: Record<string, string>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = {};
    const admin = await insertUser(
      t.db,
      { email: 'admin@pledgekeeper.example', displayName: 'Admin', passwordHash: await cheap.hash(ADMIN_PASSWORD), isPlatformAdmin: true },
      NOW,
    );
    tokens.admin = (await createSession(t.db, admin.id, NOW)).token;
    const publisher = await insertUser(t.db, { email: 'pat@somerset.gov.uk', displayName: 'Pat', passwordHash: 'unused' }, NOW);
    await setRole(t.db, (await findCouncilBySlug(t.db, 'somerset'))!.id, publisher.id, 'publisher', NOW);
    tokens.publisher = (await createSession(t.db, publisher.id, NOW)).token;
  });
  afterEach(() => t.destroy());

  const as = (who: 'admin' | 'publisher' | null) =>
    createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: who ? tokens[who]! : null, passwordHasher: cheap }));
  const admin = () => as('admin');
  const rows = async () => ({
    councils: await t.db.selectFrom('councils').select(['id', 'slug']).orderBy('id').execute(),
    invitations: await t.db.selectFrom('invitations').select('id').orderBy('id').execute(),
    memberships: await t.db.selectFrom('memberships').select(['user_id', 'council_id', 'role']).orderBy('user_id').execute(),
    audit: await t.db.selectFrom('audit_log').select('id').orderBy('id').execute(),
  });

  it('is for platform admins only: FORBIDDEN to a publisher, UNAUTHORIZED to anyone signed out', async () => {
    const before = await rows();
    const attempts = (api: ReturnType<typeof as>) => [
      () => api.admin.councils(),
      () => api.admin.createCouncil(NORTH_YORKSHIRE),
      () => api.admin.invitePublisher({ council: 'somerset', email: 'x@example.org' }),
    ];
    for (const attempt of attempts(as('publisher')))
      expect((await rejection(attempt(), 'FORBIDDEN')).message).toBe('Only a platform admin can do this');
    for (const attempt of attempts(as(null))) expect((await rejection(attempt(), 'UNAUTHORIZED')).message).toBe('Sign in to do this');
    expect(await rows()).toEqual(before);
  });

  it('lists every council, published or not, with its publishers', async () => {
    await admin().admin.createCouncil(NORTH_YORKSHIRE);
    expect(await admin().admin.councils()).toEqual([
      { ...NORTH_YORKSHIRE, published: false, publishers: 0 },
      { slug: 'somerset', name: 'Somerset County Council', kind: 'county', nation: 'england', published: true, publishers: 1 },
      { slug: 'worcestershire', name: 'Worcestershire County Council', kind: 'county', nation: 'england', published: true, publishers: 0 },
    ]);
  });

  it('creates a council with no page and no role for the admin, and audits it', async () => {
    expect(await admin().admin.createCouncil({ ...NORTH_YORKSHIRE, name: '  North Yorkshire Council ' })).toEqual({
      council: 'north-yorkshire',
    });
    const created = await findCouncilBySlug(t.db, 'north-yorkshire');
    expect(created?.council).toEqual({ ...NORTH_YORKSHIRE, contact: null, brandColour: null, brandName: null, brandLogo: null });
    expect((await admin().auth.me())?.memberships).toEqual([]);
    await rejection(admin().people.list({ council: 'north-yorkshire' }), 'FORBIDDEN');
    await rejection(admin().council.page({ council: 'north-yorkshire' }), 'NOT_FOUND');
    expect((await admin().council.list()).map((c) => c.slug)).not.toContain('north-yorkshire');
    const audit = await t.db.selectFrom('audit_log').select(['council_id', 'actor_email', 'action', 'summary']).execute();
    expect(audit).toEqual([
      {
        council_id: created!.id,
        actor_email: 'admin@pledgekeeper.example',
        action: 'council-created',
        summary: 'Created North Yorkshire Council (north-yorkshire)',
      },
    ]);
  });

  it('refuses a slug that is taken, naming it, and changes nothing', async () => {
    const before = await rows();
    const error = await rejection(admin().admin.createCouncil({ ...NORTH_YORKSHIRE, slug: 'somerset' }), 'CONFLICT');
    expect(error.message).toBe('There is already a council with the slug somerset');
    expect(await rows()).toEqual(before);
  });

  it('lets only one of two admins racing for the same slug create it', async () => {
    const results = await Promise.allSettled([admin().admin.createCouncil(NORTH_YORKSHIRE), admin().admin.createCouncil(NORTH_YORKSHIRE)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as TRPCError).code).toBe('CONFLICT');
    expect(await t.db.selectFrom('councils').select('id').where('slug', '=', 'north-yorkshire').execute()).toHaveLength(1);
  });

  it.each([
    ['a reserved slug', { slug: 'admin' }, /reserved/],
    ['an empty name', { name: '   ' }, /must not be empty/],
    ['an unknown kind', { kind: 'parish' }, /kind/],
    ['an unknown nation', { nation: 'mars' }, /nation/],
  ])('refuses a council with %s', async (_, change, message) => {
    const before = await rows();
    expect((await rejection(admin().admin.createCouncil({ ...NORTH_YORKSHIRE, ...change } as never), 'BAD_REQUEST')).message).toMatch(
      message,
    );
    expect(await rows()).toEqual(before);
  });

  it("invites a new council's first publisher, who accepts and can then manage its people", async () => {
    await admin().admin.createCouncil(NORTH_YORKSHIRE);
    const { token, expiresAt } = await admin().admin.invitePublisher({ council: 'north-yorkshire', email: 'Nadia@NorthYorks.gov.uk' });
    expect(expiresAt).toBe(new Date(NOW.getTime() + 7 * 24 * 3_600_000).toISOString());
    expect(await as(null).auth.invitation({ token })).toMatchObject({
      council: 'north-yorkshire',
      role: 'publisher',
      email: 'nadia@northyorks.gov.uk',
    });
    const accepted = await as(null).auth.acceptInvitation({ token, displayName: 'Nadia', password: 'a long enough password' });
    const nadia = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: accepted.token, passwordHasher: cheap }));
    expect((await nadia.people.list({ council: 'north-yorkshire' })).members).toEqual([
      { email: 'nadia@northyorks.gov.uk', displayName: 'Nadia', role: 'publisher', isYou: true },
    ]);
    expect((await nadia.people.audit({ council: 'north-yorkshire' })).map((e) => e.action).sort()).toEqual([
      'council-created',
      'invitation-accepted',
      'invitation-created',
    ]);
    expect((await admin().admin.councils()).find((c) => c.slug === 'north-yorkshire')?.publishers).toBe(1);
  });

  it('answers NOT_FOUND to an invitation for a council that does not exist', async () => {
    const before = await rows();
    const error = await rejection(admin().admin.invitePublisher({ council: 'nowhere', email: 'x@example.org' }), 'NOT_FOUND');
    expect(error.message).toBe('There is no council "nowhere" on Pledgekeeper');
    expect(await rows()).toEqual(before);
  });

  describe('never gives the platform admin a council role', () => {
    it('refuses to invite a publisher to a council that already has one, and changes nothing', async () => {
      const before = await rows();
      const error = await rejection(admin().admin.invitePublisher({ council: 'somerset', email: 'someone@example.org' }), 'CONFLICT');
      expect(error.message).toBe('Somerset County Council already has a publisher: its publishers invite everyone else');
      expect(await rows()).toEqual(before);
    });

    it("refuses the admin's own email, and an invitation to it made before cannot be accepted", async () => {
      const before = await rows();
      const error = await rejection(
        admin().admin.invitePublisher({ council: 'worcestershire', email: 'Admin@Pledgekeeper.example' }),
        'CONFLICT',
      );
      expect(error.message).toBe('admin@pledgekeeper.example is a platform admin, who cannot take a role in a council');
      expect(await rows()).toEqual(before);
      // A link made for the admin's email before this rule: it is refused on accepting, naming why.
      const worcestershire = (await findCouncilBySlug(t.db, 'worcestershire'))!.id;
      const { token } = await insertInvitation(
        t.db,
        worcestershire,
        { email: 'admin@pledgekeeper.example', role: 'publisher', createdBy: null },
        NOW,
      );
      const refused = await rejection(
        as(null).auth.acceptInvitation({ token, displayName: 'Admin', password: ADMIN_PASSWORD }),
        'FORBIDDEN',
      );
      expect(refused.message).toMatch(/platform admin cannot take a role in a council/);
      expect(await t.db.selectFrom('memberships').select('role').where('council_id', '=', worcestershire).execute()).toEqual([]);
      await rejection(admin().feedback.overview({ council: 'worcestershire' }), 'FORBIDDEN');
    });

    it('refuses the admin in a council even if a role was written for it directly', async () => {
      const worcestershire = (await findCouncilBySlug(t.db, 'worcestershire'))!.id;
      const adminId = (await t.db.selectFrom('users').select('id').where('is_platform_admin', '=', 1).executeTakeFirstOrThrow()).id;
      await setRole(t.db, worcestershire, adminId, 'publisher', NOW);
      const error = await rejection(admin().feedback.overview({ council: 'worcestershire' }), 'FORBIDDEN');
      expect(error.message).toBe('A platform admin has no role in any council');
      await rejection(admin().people.list({ council: 'worcestershire' }), 'FORBIDDEN');
      // Nor does that row count as the council's publisher: a real one can still be invited.
      await expect(
        admin().admin.invitePublisher({ council: 'worcestershire', email: 'real@worcestershire.gov.uk' }),
      ).resolves.toMatchObject({ token: expect.any(String) });
    });

    it('keeps one first-publisher link live at a time: a new one replaces the last', async () => {
      const first = await admin().admin.invitePublisher({ council: 'worcestershire', email: 'first@worcestershire.gov.uk' });
      const second = await admin().admin.invitePublisher({ council: 'worcestershire', email: 'second@worcestershire.gov.uk' });
      await rejection(as(null).auth.invitation({ token: first.token }), 'NOT_FOUND');
      await as(null).auth.acceptInvitation({ token: second.token, displayName: 'Second', password: 'a long enough password' });
      await rejection(admin().admin.invitePublisher({ council: 'worcestershire', email: 'third@worcestershire.gov.uk' }), 'CONFLICT');
    });
  });
});
