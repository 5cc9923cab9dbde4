import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { REQUEST_ID_HEADER } from '@pledgekeeper/domain/http-headers';
import { buildServer } from './app.js';

const SECRET_TOKEN = 'SECRETTOKEN-3f9a8c1d2e7b4a6f9c0d1e2f3a4b5c6d';
const invitationUrl = `/trpc/auth.invitation?input=${encodeURIComponent(JSON.stringify({ token: SECRET_TOKEN }))}`;

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

// The server with its log written to memory, as it would be to stdout.
async function serverLoggingAt(db: TestDatabase['db'], level: string, options: { slowRequestMs?: number } = {}) {
  const lines: string[] = [];
  const app = buildServer({ db, logger: { level, stream: { write: (line: string) => void lines.push(line) } }, ...options });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const log = () => lines.map((line) => JSON.parse(line) as LogLine);
  return { app, base, lines, log };
}

// A reader's day: pages, an invitation link (whose token travels in the query), a bad request.
async function browse(base: string): Promise<void> {
  await (await fetch(`${base}/trpc/council.list`)).arrayBuffer();
  await (await fetch(`${base}/trpc/council.page?input=${encodeURIComponent('{"council":"somerset"}')}`)).arrayBuffer();
  expect((await fetch(`${base}${invitationUrl}`)).status).toBe(404);
  await (await fetch(`${base}/nowhere?token=${SECRET_TOKEN}`)).arrayBuffer();
  await (await fetch(`${base}/health`)).arrayBuffer();
}

describe('the request log', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite', { seed: true });
  });
  afterAll(() => t.destroy());

  it('writes nothing per request at the default info level, and never the invitation token', async () => {
    const server = await serverLoggingAt(t.db, 'info');
    try {
      const before = server.lines.length;
      await browse(server.base);
      await server.app.close();
      const during = server
        .log()
        .slice(before)
        .filter((line) => line.msg !== 'Server listening at' && !/closing|stopp/i.test(line.msg));
      expect(during).toEqual([]);
      expect(server.lines.join('\n')).not.toContain('SECRETTOKEN');
    } finally {
      await server.app.close();
    }
  });

  it('at debug, logs each request with its method, path, status and duration, without the query string', async () => {
    const server = await serverLoggingAt(t.db, 'debug');
    try {
      await browse(server.base);
      await server.app.close();
      const text = server.lines.join('\n');
      expect(text).not.toContain('SECRETTOKEN');
      expect(text).not.toContain('?input=');
      expect(text).not.toContain('%7B');
      const invitation = server.log().filter((line) => line.path === '/trpc/auth.invitation');
      expect(invitation).toHaveLength(1);
      expect(invitation[0]).toMatchObject({ level: 20, method: 'GET', status: 404 });
      expect(typeof invitation[0]!.ms).toBe('number');
      // Fastify's own "incoming request" and "request completed" pair, with the whole URL, is off.
      expect(server.log().filter((line) => line.msg === 'incoming request')).toEqual([]);
    } finally {
      await server.app.close();
    }
  });

  it('logs a request under the id the portal sent with it, and under a new one when the id given is not sane', async () => {
    const server = await serverLoggingAt(t.db, 'debug');
    try {
      const given = 'c0ffee00-1234-4abc-8def-0123456789ab';
      await (await fetch(`${server.base}/trpc/council.list`, { headers: { [REQUEST_ID_HEADER]: given } })).arrayBuffer();
      await (await fetch(`${server.base}/health`, { headers: { [REQUEST_ID_HEADER]: 'no"good\\id' } })).arrayBuffer();
      await server.app.close();
      expect(server.log().find((line) => line.path === '/trpc/council.list')).toMatchObject({ reqId: given, status: 200 });
      expect(server.log().find((line) => line.path === '/health')?.reqId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      await server.app.close();
    }
  });

  it('logs a slow request once at warn, with its path and no query string', async () => {
    const server = await serverLoggingAt(t.db, 'info', { slowRequestMs: 0 });
    try {
      await fetch(`${server.base}${invitationUrl}`);
      await server.app.close();
      const slow = server.log().filter((line) => line.level >= 40);
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatchObject({ level: 40, method: 'GET', path: '/trpc/auth.invitation', status: 404 });
      expect(server.lines.join('\n')).not.toContain('SECRETTOKEN');
    } finally {
      await server.app.close();
    }
  });
});

describe('the request log when the database fails', () => {
  it('logs the failed request at error level with its path, never its query string', async () => {
    const t = await openTestDatabase('sqlite', { seed: true });
    const server = await serverLoggingAt(t.db, 'info');
    try {
      await t.db.schema.dropTable('invitations').ifExists().execute();
      expect((await fetch(`${server.base}${invitationUrl}`)).status).toBe(500);
      await server.app.close();
      const failed = server.log().filter((line) => line.msg === 'request failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ level: 50, method: 'GET', path: '/trpc/auth.invitation', status: 500 });
      expect(server.lines.join('\n')).not.toContain('SECRETTOKEN');
    } finally {
      await server.app.close();
      await t.destroy();
    }
  });
});
