import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the apps in Debian's Chromium against a real hub (and cloud). One file at a time:
// each starts its own hub and browser, and two cores are enough for one of each.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/build-apps.setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
