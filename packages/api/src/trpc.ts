import { randomBytes } from 'node:crypto';
import { TRPCError, initTRPC } from '@trpc/server';
import { z } from 'zod';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  type Database,
  type StoredUser,
  councilScope,
  findCouncilBySlug,
  findSessionUser,
  isDatabaseUnavailable,
} from '@pledgekeeper/db';
import { councilSlug } from '@pledgekeeper/domain/council';
import { Refusal } from '@pledgekeeper/domain/workspace';
import { type PasswordHasher, passwordHasher } from './passwords.js';
import { type Mailer, type Notifications, notifications } from './mail/index.js';

/** What every procedure may use. Built without an HTTP request, so tests call procedures directly. */
export interface Context {
  db: Database;
  now: () => Date;
  /** The session token the portal forwarded for the signed-in person, if any. */
  sessionToken: string | null;
  /** Who is asking, for rate limiting: the reader's address as the portal passed it on. */
  client: string;
  /** argon2id with the production cost, unless a test passes a cheaper one explicitly. */
  passwordHasher: PasswordHasher;
  /** The key for hashing readers' addresses for the anonymous forms' limit; never stored in the database. */
  addressKey: Uint8Array;
  /** Emails about what a procedure did, sent in the background after it commits; none without a mailer. */
  notify: Notifications;
  /**
   * Told after every mutation that succeeded, before its answer is sent: what this process keeps
   * of public answers is out of date from then on. Other processes hear of it from the database.
   */
  changed: () => void;
}

// Made once per process when none is given: the limit's window is only 15 minutes, so losing it
// at a restart costs nothing. Several instances of the API must be given the same key.
const PROCESS_ADDRESS_KEY = randomBytes(32);

export const createContext = (options: {
  db: Database;
  now?: () => Date;
  sessionToken?: string | null;
  client?: string;
  passwordHasher?: PasswordHasher;
  addressKey?: Uint8Array;
  mailer?: Mailer | null;
  changed?: () => void;
}): Context => ({
  db: options.db,
  now: options.now ?? (() => new Date()),
  sessionToken: options.sessionToken ?? null,
  client: options.client ?? 'unknown',
  passwordHasher: options.passwordHasher ?? passwordHasher,
  addressKey: options.addressKey ?? PROCESS_ADDRESS_KEY,
  // Bound to the database here: council procedures lose `db`, and recipients are found after they return.
  notify: notifications(options.db, options.mailer ?? null),
  changed: options.changed ?? (() => {}),
});

/** The signed-in person as procedures see them: never the password hash. */
interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
}
const toSessionUser = (user: StoredUser): SessionUser => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  isPlatformAdmin: user.isPlatformAdmin,
});

/** A readable one-line account of what was wrong with the input. */
const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause : null;
    const message = zodError
      ? describeIssues(zodError)
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. Please try again later.'
        : shape.message;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError: zodError ? z.flattenError(zodError) : null,
        // The other person's saved section, when a save was refused for a conflict.
        conflict: error.cause instanceof Refusal ? (error.cause.details?.conflict ?? null) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The one place a database outage becomes an answer: whichever query failed, in whatever
 * procedure, a connection-class failure is a 503 to retry, never a 500.
 */
const databaseOutages = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(result.error.cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: result.error.cause });
  }
  return result;
});

/**
 * The one place a refusal becomes an answer: the domain and the database layer throw a Refusal,
 * whatever the procedure, and it reaches the client as the tRPC error of the same code, keeping
 * the refusal as its cause so the formatter can send its details (a section conflict).
 */
const refusals = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof Refusal) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: refusal.code, message: refusal.message, cause: refusal });
  }
  return result;
});

/**
 * A mutation may have changed what the public sees; saying so before the answer leaves means the
 * person who published never reads their own page from before. Saying it too often costs a page
 * rendered again; too rarely, a page out of date, so every mutation says it.
 */
const changes = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (result.ok && type === 'mutation') ctx.changed();
  return result;
});

/** For platform-wide, published-only data; knows who is signed in, if anyone. */
export const publicProcedure = t.procedure
  .use(changes)
  .use(databaseOutages)
  .use(refusals)
  .use(async ({ ctx, next }) => {
    const user = ctx.sessionToken ? await findSessionUser(ctx.db, ctx.sessionToken, ctx.now()) : null;
    return next({ ctx: { user: user ? toSessionUser(user) : null } });
  });

const SIGN_IN_FIRST = 'Sign in to do this';

/** Anyone signed in. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new Refusal('UNAUTHORIZED', SIGN_IN_FIRST);
  return next({ ctx: { user: ctx.user } });
});

/** Platform admins only: onboarding councils. Gives no access to any council's content. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isPlatformAdmin) throw new Refusal('FORBIDDEN', 'Only a platform admin can do this');
  return next();
});

/**
 * The tenancy boundary. Resolves the council named in the input once; procedures get that
 * council's repositories and lose direct access to the database, so no query can miss the tenant.
 */
export const councilProcedure = publicProcedure.input(z.object({ council: councilSlug })).use(async ({ ctx, input, next }) => {
  const found = await findCouncilBySlug(ctx.db, input.council);
  if (!found) {
    throw new Refusal('NOT_FOUND', `There is no council "${input.council}" on Pledgekeeper`);
  }
  return next({ ctx: { db: undefined as never, council: councilScope(ctx.db, found.id, found.council) } });
});

/** People with a role in the council named in the input: its editors and publishers. */
export const memberProcedure = councilProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new Refusal('UNAUTHORIZED', SIGN_IN_FIRST);
  // Even if a membership row exists: the platform admin must never read a council's private data.
  if (ctx.user.isPlatformAdmin) throw new Refusal('FORBIDDEN', 'A platform admin has no role in any council');
  const role = await ctx.council.roleOf(ctx.user.id);
  if (!role) {
    throw new Refusal('FORBIDDEN', `You do not have a role in ${ctx.council.council.name}`);
  }
  return next({ ctx: { user: ctx.user, role } });
});

/** The council's publishers: review, publish, manage people, read the audit log. */
export const publisherProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.role !== 'publisher') {
    throw new Refusal('FORBIDDEN', `Only a publisher of ${ctx.council.council.name} can do this`);
  }
  return next();
});
