import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the domain (npm run test:mutation): the domain's own
// unit and property tests, pure TypeScript with no I/O, so thousands of mutants finish in minutes.
export default defineConfig({
  test: {
    include: ['hub/domain/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
