import { type FastifyInstance, type FastifyServerOptions, LogController, fastify } from 'fastify';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { type AppRouter, type Mailer, appRouter, createContext } from '@pledgekeeper/api';
import type { Database, DatabaseHealth } from '@pledgekeeper/db';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { REQUEST_ID_HEADER, SANE_REQUEST_ID } from '@pledgekeeper/domain/http-headers';
import { addressKeyOf, clientAddressOf } from './client-address.js';
import { logRequests, noteFailure, requestSerializer } from './request-log.js';

export { CLIENT_HEADER, PORTAL_KEY_HEADER } from './client-address.js';

export interface ServerOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** PLEDGEKEEPER_SECRET: without it, no reader address the portal forwards is believed. */
  secret?: string | null;
  /** A request slower than this is logged at warn; tests lower it. */
  slowRequestMs?: number;
  /** What `/health` asks: `createDatabase(...).health`. Default: `select 1`, given up after 2 s. */
  health?: () => Promise<DatabaseHealth>;
  /** Sends the emails procedures ask for; none without one. */
  mailer?: Mailer | null;
}

const pingWithin = async (db: Database, ms: number): Promise<DatabaseHealth> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'database did not answer in time' }), ms);
  });
  const ping = sql`select 1`.execute(db).then(
    (): DatabaseHealth => ({ ok: true }),
    (): DatabaseHealth => ({ ok: false, reason: 'database unreachable' }),
  );
  return Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-site',
} as const;

// Our serializer wins over any given: a logged request never shows its query string.
const withSerializers = (logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] =>
  logger
    ? { ...(logger === true ? {} : logger), serializers: { ...(logger === true ? {} : logger.serializers), req: requestSerializer } }
    : false;

const bearerToken = (authorization: string | undefined): string | null => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  return match?.[1] ?? null;
};

/** The HTTP server around the API, without listening: tests inject requests or listen on port 0. */
export function buildServer({ db, logger = false, secret = null, slowRequestMs, health, mailer = null }: ServerOptions): FastifyInstance {
  const app = fastify({
    logger: withSerializers(logger),
    // Fastify's own pair of lines per request carries the whole URL: request-log.ts writes ours.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1_048_576,
    // The portal sends its request's id, so a reader's request has one id in both logs.
    genReqId: (request) => {
      const given = request.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  logRequests(app, slowRequestMs);
  const clientOf = clientAddressOf(secret);
  // Without a secret the API makes up a key per process; with one, every instance shares its key.
  const addressKey = secret ? addressKeyOf(secret) : undefined;

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // A cross-site form can post text/plain without a preflight; a mutation must be JSON.
    if (request.method === 'POST' && !/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      await reply.code(415).send({ error: { message: 'Send mutations as JSON, with the content type application/json' } });
    }
  });

  app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      // One procedure per request: a batch would check many passwords under one rate-limit look.
      allowBatching: false,
      createContext: ({ req }) =>
        createContext({
          db,
          sessionToken: bearerToken(req.headers.authorization),
          client: clientOf(req),
          addressKey,
          mailer,
        }),
      onError({ error, req }) {
        noteFailure(req, error.cause ?? error);
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // 200 when the database answers now; 503 with a short reason otherwise, within a couple of
  // seconds even when the database hangs. The database layer logs changes, not every check.
  const checkHealth = health ?? (() => pingWithin(db, 2_000));
  app.get('/health', async (_request, reply) => {
    const result = await checkHealth();
    if (result.ok) return { status: 'ok' };
    return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable', reason: result.reason });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { message: `Nothing here: ${request.method} ${request.url.split('?')[0]}` } });
  });

  // Fastify's own errors (a body that is too large, malformed JSON): a clear message, no stack.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) noteFailure(request, error);
    reply.code(status).send({ error: { message: status === 500 ? 'Something went wrong on our side' : error.message } });
  });

  return app;
}
