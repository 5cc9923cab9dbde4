import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './built.js';
import { freePorts } from './ports.js';
import { type Service, startService } from './service.js';

/** The reverse proxy's configuration as deployed, with placeholders where deployments differ. */
export const nginxConfigFile = (): string => join(repoRoot, 'deploy/nginx/pledgekeeper.conf');

/** Debian's nginx (the nginx-light package), else the first on PATH; none is ever downloaded. */
export function nginxPath(): string {
  const candidates = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx'))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // The next one.
    }
  }
  throw new Error('nginx is missing: install Debian’s nginx-light (scripts/test.sh does, as root)');
}

export interface NginxPlaces {
  /** The portals, `host:port` each, taken in turn. */
  portals: string[];
  /** The API servers, `host:port` each, taken in turn. */
  apis: string[];
  /** Where readers come in, as nginx's `listen` takes it: `443 ssl http2`, or `127.0.0.1:8080`. */
  listen: string;
  /** Where the portals reach the API. */
  apiListen: string;
}

/** The deployed configuration with its placeholders filled in; fails on one it does not know. */
export function renderNginxConfig(template: string, places: NginxPlaces): string {
  if (places.portals.length === 0 || places.apis.length === 0) throw new Error('nginx needs at least one portal and one API server');
  const servers = (addresses: string[]) => addresses.map((address) => `server ${address};`).join(' ');
  const values: Record<string, string> = {
    __PORTAL_UPSTREAMS__: servers(places.portals),
    __API_UPSTREAMS__: servers(places.apis),
    __LISTEN__: places.listen,
    __API_LISTEN__: places.apiListen,
  };
  return template.replace(/__[A-Z]+(?:_[A-Z]+)*__/g, (name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the configuration has a placeholder ${name} that nothing fills in`);
    return value;
  });
}

/**
 * Around the deployed file, what a child process of ours needs: one process in the foreground
 * (no workers to outlive it, no switch to another user when run as root), and its pid file, logs
 * and temporary files in a folder of its own, away from any nginx the machine runs itself.
 */
const mainConfig = (folder: string): string => `daemon off;
master_process off;
pid ${folder}/nginx.pid;
error_log stderr warn;
events {
    worker_connections 1024;
}
http {
    # Which instance answered each request, for tests that check they take turns.
    log_format upstreams '$server_port $request_method $request_uri $status $upstream_addr';
    access_log ${folder}/access.log upstreams;
    client_body_temp_path ${folder}/client-body;
    proxy_temp_path ${folder}/proxy;
    fastcgi_temp_path ${folder}/fastcgi;
    uwsgi_temp_path ${folder}/uwsgi;
    scgi_temp_path ${folder}/scgi;
    include ${folder}/pledgekeeper.conf;
}
`;

/** nginx in front of the portals and the API servers, as `deploy/nginx/pledgekeeper.conf` puts it. */
export interface Nginx extends Service {
  /** Where readers come in: `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
  /** Where the portals reach the API: what their API_URL should be. */
  apiBase: string;
  /** Its own folder, with its configuration, pid file and logs: removed when it stops. */
  folder: string;
  /** Its access log so far, a line per request: port, method, path, status, the instance that answered. */
  accessLog: () => Promise<string>;
}

export interface NginxOptions {
  portals: string[];
  apis: string[];
  /** Ports already chosen with the others a test needs, so no two are the same; else free ones. */
  port?: number;
  apiPort?: number;
}

/** Starts nginx on 127.0.0.1 and waits until both its sides take connections. */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const [port, apiPort] = options.port && options.apiPort ? [options.port, options.apiPort] : ((await freePorts(2)) as [number, number]);
  const command = nginxPath();
  const folder = await mkdtemp(join(tmpdir(), 'pledgekeeper-nginx-'));
  const places = { portals: options.portals, apis: options.apis, listen: `127.0.0.1:${port}`, apiListen: `127.0.0.1:${apiPort}` };
  try {
    await writeFile(join(folder, 'pledgekeeper.conf'), renderNginxConfig(await readFile(nginxConfigFile(), 'utf8'), places));
    await writeFile(join(folder, 'nginx.conf'), mainConfig(folder));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  // -e: its log before the configuration is read goes to stderr too, not to /var/log/nginx.
  const service = startService({
    name: 'nginx',
    command,
    args: ['-p', `${folder}/`, '-c', join(folder, 'nginx.conf'), '-e', 'stderr'],
    env: { PATH: process.env.PATH ?? '' },
  });
  const nginx: Nginx = {
    ...service,
    base: `http://127.0.0.1:${port}`,
    apiBase: `http://127.0.0.1:${apiPort}`,
    folder,
    accessLog: () => readFile(join(folder, 'access.log'), 'utf8').catch(() => ''),
    async stop(graceMs) {
      const code = await service.stop(graceMs);
      await rm(folder, { recursive: true, force: true });
      return code;
    },
  };
  try {
    await listening(nginx, [port, apiPort], 10_000);
  } catch (error) {
    await nginx.stop(0);
    throw error;
  }
  return nginx;
}

/**
 * Waits until every port takes a connection. Not an HTTP request: one sent before the instances
 * behind it are up would have nginx count them as failed and pass them over for ten seconds.
 */
async function listening(service: Service, ports: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const open = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
      socket.setTimeout(1_000, () => done(false));
    });
  while (Date.now() < deadline) {
    if (!service.alive()) throw new Error(`${service.name} exited before it was listening:\n${service.output().slice(-4_000)}`);
    if ((await Promise.all(ports.map(open))).every(Boolean)) return;
    await sleep(50);
  }
  throw new Error(
    `${service.name} was not listening on ${ports.join(' and ')} after ${timeoutMs / 1000} s:\n${service.output().slice(-4_000)}`,
  );
}
