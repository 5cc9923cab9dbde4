import { defineConfig } from 'vitest/config';

// Lighthouse takes 20-40 s a page on a 2-core machine, after the stack and Chromium start.
export default defineConfig({
  test: {
    // The repository's scripts (start.sh's supervisor, the test summary) are tested here too.
    include: ['src/**/*.test.js', '../../scripts/**/*.test.mjs'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    testTimeout: 180_000,
    // One file at a time: the benchmark's smoke loads the machine, and Lighthouse measures it.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
