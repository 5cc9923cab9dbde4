import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '@pledgekeeper/stack';
import { describe, expect, it } from 'vitest';

// Run here because the benchmark depends on every package, so turbo has built them all first.
const builtFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));

describe('the built packages', () => {
  it('hold no test helper that imports vitest: tests bring their own', () => {
    const dists = ['apps/server', 'packages/api', 'packages/db', 'packages/domain', 'packages/stack']
      .map((folder) => join(repoRoot, folder, 'dist'))
      .filter((dist) => existsSync(dist));
    expect(dists).toHaveLength(5);
    const importing = dists
      .flatMap(builtFiles)
      .filter((file) => /\bfrom\s*['"]vitest['"]|\bimport\(\s*['"]vitest['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(importing).toEqual([]);
  });
});
