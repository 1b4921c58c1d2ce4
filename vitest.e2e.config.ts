import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist/chrome) in Debian's Chromium.
// One file at a time: each launches a browser, and CI machines have two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
