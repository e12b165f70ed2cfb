import { defineConfig } from 'vitest/config';

// `npm test`: everything the repository holds (tests/fixtures, corpus/samples); no ../shared needed.
// The whole-corpus checks (*.corpus.test.ts) are the second tier: vitest.corpus.config.ts.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'tests/**/*.corpus.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // the temporary folders the tests make are removed at the end of the run
    globalSetup: ['tests/temp-dirs.ts'],
  },
});
