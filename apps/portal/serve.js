#!/usr/bin/env node
// The portal's HTTP server: the built SvelteKit app (build/handler.js), with the store of public
// pages answering first. A public page that nothing has changed since it was rendered is sent
// from memory without SvelteKit parsing the address, so a reader's request costs about what a
// bare Node.js server's does; everything else goes to SvelteKit, which stores what it renders.
//
// It takes the settings adapter-node's own server takes (PORT, HOST, SHUTDOWN_TIMEOUT,
// KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT) and the portal's own, which build/handler.js reads.
import { createServer } from 'node:http';
import process from 'node:process';

const { handler } = await import('./build/handler.js');
// Set by the app's start-up hook (src/lib/server/public-page-cache.ts), which has run by now.
const serveFresh = globalThis[Symbol.for('pledgekeeper.portal.serve-fresh')];
if (typeof serveFresh !== 'function') throw new Error('The portal did not offer its store of public pages: is the build current?');

const seconds = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds, not "${raw}"`);
  return value;
};
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || '3000');
const shutdownSeconds = seconds('SHUTDOWN_TIMEOUT', 30);

const server = createServer((request, response) => {
  if (serveFresh(request, response)) return;
  handler(request, response, () => {
    response.writeHead(404).end('Not found');
  });
});
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT', undefined);
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT', undefined);
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

server.listen({ host, port }, () => {
  console.log(`Listening on http://${host}:${port}`);
});

// Requests in flight finish; idle keep-alive connections close now, the rest after the timeout.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.closeIdleConnections();
  server.close(() => {
    process.emit('sveltekit:shutdown', 'SIGTERM');
    process.exit(0);
  });
  setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
