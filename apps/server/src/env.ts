import { resolve } from 'node:path';
import { z } from 'zod';
import { accountEmail, newPassword } from '@pledgekeeper/domain/workspace';
import { type MailSettings, readMailSettings } from '@pledgekeeper/api';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value);

const schema = z.object({
  API_PORT: port(3001),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DIR: z.string().min(1).optional(),
  // The first platform admin, created at start if absent. Both or neither; never a default.
  PLEDGEKEEPER_ADMIN_EMAIL: z.preprocess(emptyIsUnset, accountEmail.optional()),
  PLEDGEKEEPER_ADMIN_PASSWORD: z.preprocess(emptyIsUnset, newPassword.optional()),
  // Shared with the portal only: proves a request comes from it, and keys hashes of readers' addresses.
  PLEDGEKEEPER_SECRET: z.preprocess(emptyIsUnset, z.string().min(32, 'must be at least 32 characters long').optional()),
  // Bytes the public reads kept until the next publication may take; 0 keeps none.
  API_CACHE_BYTES: z.preprocess(
    emptyIsUnset,
    z.coerce
      .number()
      .int('must be a whole number of bytes')
      .min(0)
      .default(32 * 1024 * 1024),
  ),
});

export interface ServerEnv {
  port: number;
  host: string;
  /** A postgres:// URL, or the path of the SQLite file. */
  databaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  seedDirectory: string | undefined;
  /** From PLEDGEKEEPER_ADMIN_EMAIL and PLEDGEKEEPER_ADMIN_PASSWORD, when both are set. */
  admin: { email: string; password: string } | null;
  /** PLEDGEKEEPER_SECRET, or null: then no forwarded reader address is trusted. */
  secret: string | null;
  /** SMTP_URL, MAIL_FROM, MAIL_OUTBOX and ORIGIN (the portal's address, for links in emails). */
  mail: MailSettings;
  /** API_CACHE_BYTES: the bound on the public reads kept, in bytes. */
  cacheBytes: number;
}

/** The one place the server reads its environment; a bad value stops start-up with a clear message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ');
    throw new Error(`The server's environment is not valid:\n  ${problems}`);
  }
  const env = parsed.data;
  if (Boolean(env.PLEDGEKEEPER_ADMIN_EMAIL) !== Boolean(env.PLEDGEKEEPER_ADMIN_PASSWORD)) {
    throw new Error(
      "The server's environment is not valid:\n  set both PLEDGEKEEPER_ADMIN_EMAIL and PLEDGEKEEPER_ADMIN_PASSWORD to create the first platform admin, or neither",
    );
  }
  let mail: MailSettings;
  try {
    mail = readMailSettings(source);
  } catch (error) {
    throw new Error(`The server's environment is not valid:\n  ${(error as Error).message}`, { cause: error });
  }
  return {
    port: env.API_PORT,
    host: env.API_HOST,
    databaseUrl: env.DATABASE_URL ?? resolve('data', 'pledgekeeper.sqlite'),
    logLevel: env.LOG_LEVEL,
    seedDirectory: env.SEED_DIR,
    admin:
      env.PLEDGEKEEPER_ADMIN_EMAIL && env.PLEDGEKEEPER_ADMIN_PASSWORD
        ? { email: env.PLEDGEKEEPER_ADMIN_EMAIL, password: env.PLEDGEKEEPER_ADMIN_PASSWORD }
        : null,
    secret: env.PLEDGEKEEPER_SECRET ?? null,
    mail,
    cacheBytes: env.API_CACHE_BYTES,
  };
}
