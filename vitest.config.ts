import { defineConfig } from 'vitest/config';

// Native modules (better-sqlite3, uWS) want real processes, not worker threads.
export default defineConfig({
  test: {
    include: ['{protocol,hub,cloud-sync,electron,test}/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    // Component tests (renderer/) say `// @vitest-environment happy-dom` at their top; the rest is plain Node.
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['protocol/**', 'hub/**', 'cloud-sync/**'],
      exclude: ['**/*.test.ts', 'hub/store/migrations/**'],
    },
  },
});
