// Usage, from a package's folder: node ../../scripts/watch-and-run.mjs ENTRY
// `pnpm dev` for the API server: `tsc -w` recompiles the package and every workspace package it
// depends on into their dist/ folders, and once each has compiled, `node --watch ENTRY` restarts
// on every change to what it runs. Ctrl-C or turbo's signal stops them all.
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [entry] = process.argv.slice(2);
if (!entry) throw new Error('Usage: node ../../scripts/watch-and-run.mjs ENTRY');

const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** This package and the workspace packages it needs at run time, each once. */
function packagesToWatch(dir, found = new Map()) {
  if (found.has(dir)) return found;
  found.set(dir, manifest(dir).name);
  for (const [name, version] of Object.entries(manifest(dir).dependencies ?? {})) {
    if (String(version).startsWith('workspace:')) packagesToWatch(realpathSync(join(dir, 'node_modules', name)), found);
  }
  return found;
}

const children = [];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop(0));

// turbo has built them all already; node starts once every first recompile is written, so it
// never reads a file half-way through being written.
const compiled = [...packagesToWatch(process.cwd())].map(
  ([dir, name]) =>
    new Promise((resolve) => {
      const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc');
      const child = spawn(process.execPath, [tsc, '-w', '-p', 'tsconfig.build.json', '--preserveWatchOutput'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.once('exit', (code) => stop(code ?? 1));
      child.stdout.on('data', (chunk) => {
        const text = String(chunk);
        for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`${name}: ${line}\n`);
        if (/Watching for file changes/.test(text)) resolve();
      });
    }),
);
await Promise.all(compiled);
if (!stopping) {
  const node = spawn(process.execPath, ['--watch', entry], { stdio: 'inherit' });
  children.push(node);
  node.once('exit', (code) => stop(code ?? 1));
}
