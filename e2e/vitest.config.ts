import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    // Journeys share one server; run them one after another so they do not race for the CPU.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for the page to catch up with a save; vitest's 1 s default is tight on a
    // loaded 2-core CI machine (playwright's own waits allow 30 s).
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['e2e/support/global-setup.ts'],
    setupFiles: ['e2e/support/failure-report.ts'],
  },
});
