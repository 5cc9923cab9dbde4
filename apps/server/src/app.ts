import { type FastifyInstance, type FastifyServerOptions, fastify } from 'fastify';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { type AppRouter, appRouter, createContext } from '@pledgekeeper/api';
import type { Database } from '@pledgekeeper/db';
import { sql } from 'kysely';

export interface ServerOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-site',
} as const;

export const CLIENT_HEADER = 'x-pledgekeeper-client';

const headerValue = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.slice(0, 100) || undefined;

const bearerToken = (authorization: string | undefined): string | null => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  return match?.[1] ?? null;
};

/** The HTTP server around the API, without listening: tests inject requests or listen on port 0. */
export function buildServer({ db, logger = false }: ServerOptions): FastifyInstance {
  const app = fastify({ logger, routerOptions: { maxParamLength: 200 }, bodyLimit: 1_048_576 });

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
      createContext: ({ req }) =>
        createContext({
          db,
          sessionToken: bearerToken(req.headers.authorization),
          // The portal calls the API for its readers and names each reader's address in this header.
          client: headerValue(req.headers[CLIENT_HEADER]) ?? req.ip,
        }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  app.get('/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch (error) {
      app.log.error({ err: error }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { message: `Nothing here: ${request.method} ${request.url.split('?')[0]}` } });
  });

  // Fastify's own errors (a body that is too large, malformed JSON): a clear message, no stack.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    reply.code(status).send({ error: { message: status === 500 ? 'Something went wrong on our side' : error.message } });
  });

  return app;
}
