import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: keep the worker count modest so CLI subprocess tests are not starved.
    maxWorkers: 2,
  },
});
