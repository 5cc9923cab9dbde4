import { type PasswordHasher, passwordHasher } from '@pledgekeeper/api';
import { type Database, findUserByEmail, insertUser, recordAudit } from '@pledgekeeper/db';
import { accountEmail, newPassword } from '@pledgekeeper/domain/workspace';

export type AdminOutcome = 'created' | 'present';

/** The first platform admin's email and password, checked: a clear message for each problem. */
export function checkAdminCredentials(email: string, password: string): { email: string; password: string } {
  const parsedEmail = accountEmail.safeParse(email);
  if (!parsedEmail.success) throw new Error(parsedEmail.error.issues[0]!.message);
  const parsedPassword = newPassword.safeParse(password);
  if (!parsedPassword.success) throw new Error(parsedPassword.error.issues[0]!.message);
  return { email: parsedEmail.data, password: parsedPassword.data };
}

/**
 * Creates a platform admin unless an account with that email exists. An existing account is
 * left exactly as it is: its password is never replaced from here. The admin gets no council role.
 */
export async function ensurePlatformAdmin(
  db: Database,
  admin: { email: string; password: string; displayName?: string },
  options: { source: 'environment' | 'command line'; hasher?: PasswordHasher; now?: Date },
): Promise<AdminOutcome> {
  const { email, password } = checkAdminCredentials(admin.email, admin.password);
  if (await findUserByEmail(db, email)) return 'present';
  const passwordHash = await (options.hasher ?? passwordHasher).hash(password);
  const now = options.now ?? new Date();
  try {
    await db.transaction().execute(async (trx) => {
      const user = await insertUser(
        trx,
        { email, displayName: admin.displayName ?? 'Platform admin', passwordHash, isPlatformAdmin: true },
        now,
      );
      await recordAudit(
        trx,
        {
          councilId: null,
          actor: null,
          action: 'admin-created',
          summary: `Created platform admin ${email} from the ${options.source}`,
          detail: { userId: user.id },
        },
        now,
      );
    });
  } catch (error) {
    // Two servers starting at once on one database: the other one made it first.
    if (await findUserByEmail(db, email)) return 'present';
    throw error;
  }
  return 'created';
}
