import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The whole message files, as the pages and the CLI register them.
    setupFiles: ['src/shared/i18n-all.ts'],
    testTimeout: 30_000,
  },
});
