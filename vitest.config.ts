import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Every core: vitest's default leaves one idle, which on a 2-core CI machine runs the files one
    // at a time (PGlite 329 s against 234 s with both cores).
    maxWorkers: os.availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['src/server/testing/global-setup.ts'],
  },
});
