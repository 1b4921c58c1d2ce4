import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The whole message files, as the pages and the CLI register them, and the engine's data.
    setupFiles: ['src/shared/i18n-all.ts', 'src/engine/bundled-engine-data.ts'],
    testTimeout: 30_000,
  },
});
