// Temporary folders (sample seeds, browser profiles) go when the run ends, however it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

const temporaryDirs = [];
export function temporaryDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}
// A browser that has just been closed may still be writing its profile: a folder emptied while
// something is added to it fails with ENOTEMPTY, so the removal is tried again a few times.
export function removeTemporaryFiles() {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
process.once('exit', removeTemporaryFiles);

/** The built stack as the benchmark runs it: production mode, each server in its own process group. */
export const BENCH_STACK = { env: { NODE_ENV: 'production' }, detached: true };
