import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '../testing.js';
import { findCouncilBySlug } from './councils.js';
import { findLiveInvitation, insertInvitation, listOpenInvitations, markInvitationAccepted, revokeInvitation } from './invitations.js';
import { hashToken } from './sessions.js';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const DAY = 24 * 3_600_000;

describeEachDialect(describe, 'invitations on %s', (dialect) => {
  let t: TestDatabase;
  let somerset: string;
  let worcestershire: string;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    somerset = (await findCouncilBySlug(t.db, 'somerset'))!.id;
    worcestershire = (await findCouncilBySlug(t.db, 'worcestershire'))!.id;
  });
  afterEach(() => t.destroy());

  it('stores only the hash of a 256-bit token, valid for 7 days', async () => {
    const created = await insertInvitation(t.db, somerset, { email: 'New@Example.org', role: 'editor', createdBy: null }, T0);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt).toBe(new Date(T0.getTime() + 7 * DAY).toISOString());
    const [row] = await t.db.selectFrom('invitations').selectAll().execute();
    expect(row).toMatchObject({ email: 'new@example.org', token_hash: hashToken(created.token), council_id: somerset });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await findLiveInvitation(t.db, created.token, T0)).toEqual({
      id: created.id,
      councilId: somerset,
      council: 'somerset',
      councilName: 'Somerset County Council',
      email: 'new@example.org',
      role: 'editor',
      expiresAt: created.expiresAt,
    });
    expect(await findLiveInvitation(t.db, created.token, new Date(T0.getTime() + 7 * DAY))).toBeNull();
  });

  it('is used up once, and only within its own council', async () => {
    const created = await insertInvitation(t.db, somerset, { email: 'new@example.org', role: 'editor', createdBy: null }, T0);
    expect(await markInvitationAccepted(t.db, worcestershire, created.id, T0)).toBe(false);
    expect(await markInvitationAccepted(t.db, somerset, created.id, T0)).toBe(true);
    expect(await markInvitationAccepted(t.db, somerset, created.id, T0)).toBe(false);
    expect(await findLiveInvitation(t.db, created.token, T0)).toBeNull();
  });

  it('is revoked only by its own council, and then is neither listed nor usable', async () => {
    const created = await insertInvitation(t.db, somerset, { email: 'new@example.org', role: 'publisher', createdBy: null }, T0);
    expect(await revokeInvitation(t.db, worcestershire, created.id, T0)).toBeNull();
    expect(await listOpenInvitations(t.db, somerset, T0)).toHaveLength(1);
    expect(await listOpenInvitations(t.db, worcestershire, T0)).toEqual([]);
    expect(await revokeInvitation(t.db, somerset, created.id, T0)).toMatchObject({ email: 'new@example.org', role: 'publisher' });
    expect(await listOpenInvitations(t.db, somerset, T0)).toEqual([]);
    expect(await markInvitationAccepted(t.db, somerset, created.id, T0)).toBe(false);
    expect(await revokeInvitation(t.db, somerset, created.id, T0)).toBeNull();
  });

  it('replaces an open invitation to the same email in the same council, not in another', async () => {
    const first = await insertInvitation(t.db, somerset, { email: 'new@example.org', role: 'editor', createdBy: null }, T0);
    const elsewhere = await insertInvitation(t.db, worcestershire, { email: 'new@example.org', role: 'editor', createdBy: null }, T0);
    const second = await insertInvitation(t.db, somerset, { email: 'NEW@example.org', role: 'publisher', createdBy: null }, T0);
    expect(await findLiveInvitation(t.db, first.token, T0)).toBeNull();
    expect(await findLiveInvitation(t.db, second.token, T0)).toMatchObject({ role: 'publisher' });
    expect(await findLiveInvitation(t.db, elsewhere.token, T0)).toMatchObject({ council: 'worcestershire' });
  });
});
