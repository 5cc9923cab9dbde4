// Starts the built API server on a fresh SQLite database (the server seeds both councils into it)
// and the portal pointing at it, each on a free port. Needs `pnpm build` first.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, startService, waitUntilReady } from './services.js';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

// The built servers, found through this package's workspace dependencies.
function builtEntry(packageName, relativeFile) {
  const dir = realpathSync(join(benchDir, 'node_modules', ...packageName.split('/')));
  const file = join(dir, relativeFile);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  return { dir, file };
}

function serverEntry() {
  const dir = realpathSync(join(benchDir, 'node_modules', '@pledgekeeper', 'server'));
  const bin = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).bin;
  const relative = typeof bin === 'string' ? bin : Object.values(bin ?? {})[0] ?? 'dist/main.js';
  return builtEntry('@pledgekeeper/server', relative);
}

// Temporary folders (databases, browser profiles) go when the run ends, however it ends.
const temporaryDirs = [];
export function temporaryDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}
export function removeTemporaryFiles() {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', removeTemporaryFiles);

/**
 * The API and the portal, ready to answer; stop them with services.js's `stopAll()`, or these
 * two alone with `stopService` on each of `services`. `apiEnv` adds to the API server's
 * environment, such as a SEED_DIR of sample councils.
 */
export async function startStack({ apiEnv = {} } = {}) {
  const server = serverEntry();
  const portal = builtEntry('@pledgekeeper/portal', 'build/index.js');
  const [apiPort, portalPort] = await freePorts(2);
  const dataDir = temporaryDir('pledgekeeper-bench-');
  // Shared by the two servers, as start.sh does, so the API believes the reader the portal names.
  const env = { ...process.env, NODE_ENV: 'production', PLEDGEKEEPER_SECRET: randomBytes(32).toString('base64url') };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const portalUrl = `http://127.0.0.1:${portalPort}`;

  const api = startService({
    name: 'API server', file: server.file, cwd: server.dir,
    env: { ...env, API_PORT: String(apiPort), DATABASE_URL: join(dataDir, 'bench.sqlite'), LOG_LEVEL: 'warn', ...apiEnv },
  });
  await waitUntilReady(api, `${apiUrl}/health`);
  const web = startService({
    name: 'portal', file: portal.file, cwd: portal.dir,
    env: { ...env, PORT: String(portalPort), HOST: '127.0.0.1', ORIGIN: portalUrl, API_URL: apiUrl },
  });
  await waitUntilReady(web, `${portalUrl}/`);
  return { apiUrl, portalUrl, services: [api, web] };
}
