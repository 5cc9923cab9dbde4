import { TRPCError, initTRPC } from '@trpc/server';
import { z } from 'zod';
import { type Database, councilScope, findCouncilBySlug } from '@pledgekeeper/db';
import { councilSlug } from '@pledgekeeper/domain';

/** What every procedure may use. Built without an HTTP request, so tests call procedures directly. */
export interface Context {
  db: Database;
  now: () => Date;
}

export const createContext = (options: { db: Database; now?: () => Date }): Context => ({
  db: options.db,
  now: options.now ?? (() => new Date()),
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
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** For platform-wide, published-only data. */
export const publicProcedure = t.procedure;

/**
 * The tenancy boundary. Resolves the council named in the input once; procedures get that
 * council's repositories and lose direct access to the database, so no query can miss the tenant.
 */
export const councilProcedure = t.procedure
  .input(z.object({ council: councilSlug }))
  .use(async ({ ctx, input, next }) => {
    const found = await findCouncilBySlug(ctx.db, input.council);
    if (!found) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `There is no council "${input.council}" on Pledgekeeper` });
    }
    return next({ ctx: { db: undefined as never, council: councilScope(ctx.db, found.id, found.council) } });
  });
