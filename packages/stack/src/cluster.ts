import { type ApiServer, startApi } from './api-server.js';
import { type Nginx, startNginx } from './nginx.js';
import { freePorts } from './ports.js';
import { type Service, waitUntilReady } from './service.js';
import { type StackOptions, layFooting, startPortal } from './stack.js';

/** A portal instance, which only nginx should reach. */
export interface PortalServer extends Service {
  /** `http://127.0.0.1:PORT`: requests straight here need an X-Forwarded-For, as nginx adds. */
  base: string;
}

/** Several API servers on one database and several portals, with nginx in front, as in production. */
export interface Cluster {
  /** Where readers come in: nginx, and every portal's ORIGIN. */
  url: string;
  /** nginx's side for the API: every portal's API_URL, so their calls are shared out too. */
  apiUrl: string;
  databaseUrl: string;
  apis: ApiServer[];
  portals: PortalServer[];
  nginx: Nginx;
  /** Stops every server and removes the database the cluster made. */
  stop: () => Promise<void>;
}

export interface ClusterOptions extends Pick<StackOptions, 'apiEnv' | 'portalEnv' | 'env' | 'dialect' | 'databaseUrl'> {
  /** How many API servers and how many portals: 2 unless given. */
  instances?: number;
}

/**
 * The built API servers and portals, each on a free port and with the settings the deployment
 * notes in `deploy/nginx/pledgekeeper.conf` give them, behind nginx running that file.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const { directory, databaseUrl, common, started, stop } = await layFooting(options);
  try {
    const [port, apiPort, ...ports] = await freePorts(2 + 2 * count);
    const url = `http://127.0.0.1:${port}`;
    const apiPorts = ports.slice(0, count);
    const portalPorts = ports.slice(count);
    const apis: ApiServer[] = [];
    // One after another: the first migrates and seeds the database, the others find it ready.
    for (const one of apiPorts) {
      const api = await startApi({
        port: one,
        cwd: directory,
        baseEnv: common,
        env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ORIGIN: url, ...options.apiEnv },
      });
      started.push(api);
      apis.push(api);
    }
    // Before the portals, whose calls to the API go through it; nothing is sent to its portal
    // side until they are ready, or it would pass over the ones it found down.
    const nginx = await startNginx({
      port,
      apiPort,
      portals: portalPorts.map((one) => `127.0.0.1:${one}`),
      apis: apiPorts.map((one) => `127.0.0.1:${one}`),
    });
    started.push(nginx);
    const portals = portalPorts.map((portalPort, index): PortalServer => {
      const portal = startPortal({
        name: `Portal ${index + 1}`,
        cwd: directory,
        env: {
          ...common,
          PORT: String(portalPort),
          HOST: '127.0.0.1',
          ORIGIN: url,
          API_URL: nginx.apiBase,
          ADDRESS_HEADER: 'X-Forwarded-For',
          XFF_DEPTH: '1',
          ...options.portalEnv,
        },
      });
      started.push(portal);
      return { ...portal, base: `http://127.0.0.1:${portalPort}` };
    });
    // With the header nginx adds: without it, a portal set to read the reader's address from it fails.
    const proxied = { 'x-forwarded-for': '127.0.0.1' };
    await Promise.all(portals.map((portal) => waitUntilReady(portal, `${portal.base}/`, 30_000, proxied)));
    return { url, apiUrl: nginx.apiBase, databaseUrl, apis, portals, nginx, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
