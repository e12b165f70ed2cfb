import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the checks that read whole documents of the shared corpus
// ($FISCAL_EXTRACT_SHARED, else ../shared beside the repository; see tests/corpus-tier.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.corpus.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // the temporary folders the tests make are removed at the end of the run
    globalSetup: ['tests/temp-dirs.ts'],
  },
});
