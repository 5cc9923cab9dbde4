import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own, in a temporary folder on a free port, that the test may
 * stop, restart, freeze and thaw to see how the service behaves when its database goes away.
 * The shared TEST_POSTGRES_URL server is never treated like this: other suites use it.
 */
export interface ThrowawayCluster {
  /** A superuser URL to its `postgres` database. */
  url: string;
  port: number;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP on the postmaster and every backend: connections are accepted, nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Ends every backend connected to `database` except the caller's (pg_terminate_backend). */
  terminateBackends(database: string): Promise<number>;
  destroy(): Promise<void>;
}

/** The folder of the newest installed PostgreSQL's programs, or null when none is installed. */
function postgresBinaries(): string | null {
  if (process.env.TEST_PG_BIN) return process.env.TEST_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port was given');
  return address.port;
}

const isRoot = () => process.getuid?.() === 0;

/** Starts a fresh cluster. Needs PostgreSQL's programs; as root they run as the postgres user. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb');
  const dir = mkdtempSync(join('/tmp', 'pledgekeeper-fault-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket);
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chownSync(socket, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o755);
  }
  const asOwner = (program: string, args: string[]) =>
    isRoot()
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { cwd: dir })
      : run(join(bin, program), args, { cwd: dir });
  await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = async () => {
    await asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await asOwner('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']).catch(() => {});
  };
  // Every process of the cluster: the postmaster and its children.
  const pids = async (): Promise<string[]> => {
    // `--`: the pattern starts with a dash, which pgrep would otherwise take for an option.
    const { stdout } = await run('pgrep', ['-f', '--', `-D ${data}`]).catch(() => ({ stdout: '' }));
    const main = stdout.split('\n').filter(Boolean);
    const children = await Promise.all(
      main.map((pid) =>
        run('pgrep', ['-P', pid])
          .then((r) => r.stdout.split('\n').filter(Boolean))
          .catch(() => []),
      ),
    );
    return [...main, ...children.flat()];
  };
  const signal = async (name: 'STOP' | 'CONT') => {
    for (const pid of await pids()) {
      try {
        process.kill(Number(pid), `SIG${name}`);
      } catch {
        // Gone already.
      }
    }
  };
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop,
    start,
    freeze: () => signal('STOP'),
    thaw: () => signal('CONT'),
    async terminateBackends(database: string) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const result = await client.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [database],
        );
        return result.rowCount ?? 0;
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await signal('CONT');
      await stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
