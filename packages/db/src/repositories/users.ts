import { randomUUID } from 'node:crypto';
import type { Membership, Role } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';

export interface StoredUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isPlatformAdmin: boolean;
  disabled: boolean;
}

const USER_COLUMNS = ['id', 'email', 'display_name', 'password_hash', 'is_platform_admin', 'disabled_at'] as const;

const toUser = (row: {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_platform_admin: number;
  disabled_at: string | null;
}): StoredUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  isPlatformAdmin: Number(row.is_platform_admin) === 1,
  disabled: row.disabled_at !== null,
});

export async function findUserByEmail(db: Database, email: string): Promise<StoredUser | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Database, id: string): Promise<StoredUser | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function insertUser(
  db: Database,
  user: { email: string; displayName: string; passwordHash: string; isPlatformAdmin?: boolean },
  now: Date,
): Promise<StoredUser> {
  const id = randomUUID();
  const row = {
    id,
    email: user.email.toLowerCase(),
    display_name: user.displayName,
    password_hash: user.passwordHash,
    is_platform_admin: user.isPlatformAdmin ? 1 : 0,
    created_at: now.toISOString(),
    disabled_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function updatePasswordHash(db: Database, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Every council the person has a role in, by council name. */
export async function listMemberships(db: Database, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('councils', 'councils.id', 'memberships.council_id')
    .select(['councils.slug', 'councils.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('councils.name')
    .execute();
  return rows.map((row) => ({ council: row.slug, councilName: row.name, role: row.role as Role }));
}

export async function findRole(db: Database, councilId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('council_id', '=', councilId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? (row.role as Role) : null;
}

/** Gives the person this role in the council, replacing any role they had there. */
export async function setRole(db: Database, councilId: string, userId: string, role: Role, now: Date): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, council_id: councilId, role, created_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['user_id', 'council_id']).doUpdateSet({ role }))
    .execute();
}
