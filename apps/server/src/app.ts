import { type FastifyInstance, type FastifyServerOptions, LogController, fastify } from 'fastify';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { type AppRouter, type Mailer, appRouter, createContext } from '@pledgekeeper/api';
import { type Database, type DatabaseHealth, type PublicationEvents, type PublicationWatch, editionCacheSizes } from '@pledgekeeper/db';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { PORTAL_KEY_HEADER, PUBLICATION_STREAM_PATH, REQUEST_ID_HEADER, SANE_REQUEST_ID } from '@pledgekeeper/domain/http-headers';
import { addressKeyOf, clientAddressOf } from './client-address.js';
import { CACHE_HEADER, type PendingRead, createPublicReads, takesGzip } from './public-reads.js';
import { STREAM_HEADERS, createPublicationStream } from './publication-stream.js';
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
  /**
   * Starts watching the database for publications (`watchPublications` with its URL). Without
   * it no public read is kept and no portal can follow this API's publications.
   */
  watch?: (events: PublicationEvents) => PublicationWatch;
  /** API_CACHE_BYTES: how much the public reads kept may take (default 32 MiB; 0 keeps none). */
  cacheBytes?: number;
  /** Told when watching publications stops or starts again. */
  onWatchChange?: (live: boolean, reason?: string) => void;
}

export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

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
export function buildServer({
  db,
  logger = false,
  secret = null,
  slowRequestMs,
  health,
  mailer = null,
  watch,
  cacheBytes = DEFAULT_CACHE_BYTES,
  onWatchChange,
}: ServerOptions): FastifyInstance {
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

  // Public reads kept until the next publication anywhere, and the portals told of each.
  const reads = createPublicReads(cacheBytes);
  const stream = createPublicationStream();
  const changed = () => {
    reads.changed();
    stream.changed();
  };
  const watching = watch?.({
    changed,
    live() {
      reads.setLive(true);
      onWatchChange?.(true);
    },
    lost(reason) {
      reads.setLive(false);
      stream.endAll();
      onWatchChange?.(false, reason);
    },
  });
  app.addHook('preClose', async () => {
    stream.close();
    await watching?.stop();
  });
  const pendingReads = new WeakMap<object, PendingRead>();

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // A cross-site form can post text/plain without a preflight; a mutation must be JSON.
    if (request.method === 'POST' && !/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      await reply.code(415).send({ error: { message: 'Send mutations as JSON, with the content type application/json' } });
      return;
    }
    const key = reads.keyOf(request.method, request.url, request.headers.authorization !== undefined);
    if (key === null) return;
    const kept = reads.fresh(key);
    if (!kept) {
      pendingReads.set(request.raw, reads.pending(key));
      reply.header(CACHE_HEADER, 'miss');
      return;
    }
    const gzip = kept.gzipped !== null && takesGzip(request.headers['accept-encoding']);
    reply.header('content-type', kept.contentType).header(CACHE_HEADER, 'hit');
    if (kept.gzipped !== null) reply.header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? kept.gzipped : kept.body);
  });

  // A public read worked out now is kept as it goes out, unless something changed meanwhile.
  // tRPC's answer is a web Response, whose status Fastify would read only later: taking its body
  // here means taking its status and headers too.
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingReads.get(request.raw);
    if (!pending || !(payload instanceof Response)) return payload;
    const body = Buffer.from(await payload.arrayBuffer());
    reply.code(payload.status);
    for (const [name, value] of payload.headers) reply.header(name, value);
    if (payload.status === 200) reads.keep(pending, body, payload.headers.get('content-type') ?? 'application/json');
    return body;
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
          changed,
        }),
      onError({ error, req }) {
        noteFailure(req, error.cause ?? error);
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // 200 when the database answers now; 503 with a short reason otherwise, within a couple of
  // seconds even when the database hangs. The database layer logs changes, not every check.
  const checkHealth = health ?? (() => pingWithin(db, 2_000));
  // What is kept, in bytes, with its bound: memory an operator can see and plan for.
  const caches = () => ({ reads: reads.size(), ...editionCacheSizes() });
  app.get('/health', async (_request, reply) => {
    const result = await checkHealth();
    const live = watching?.isLive() ?? false;
    reply.header('cache-control', 'no-store');
    if (result.ok) return { status: 'ok', live, caches: caches() };
    return reply.code(503).send({ status: 'unavailable', reason: result.reason, live, caches: caches() });
  });

  // The portals' feed of publications. Only a portal may follow it, when a secret is set: each
  // stream is a connection held open.
  const portalKey = secret ? createHash('sha256').update(secret).digest() : null;
  app.get(PUBLICATION_STREAM_PATH, async (request, reply) => {
    const given = request.headers[PORTAL_KEY_HEADER];
    if (portalKey && (typeof given !== 'string' || !timingSafeEqual(createHash('sha256').update(given).digest(), portalKey))) {
      return reply.code(403).send({ error: { message: 'Only the portal may follow publications' } });
    }
    if (!watching?.isLive()) {
      return reply.code(503).send({ error: { message: 'This instance is not hearing publications now: try again shortly' } });
    }
    if (stream.full()) return reply.code(503).send({ error: { message: 'Too many followers of publications' } });
    const { body, gone } = stream.follow();
    // The response's close, not the request's: a request without a body may close as soon as it
    // has been read, long before its reader leaves.
    reply.raw.on('close', gone);
    return reply.headers(STREAM_HEADERS).send(body);
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
