import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server and one real SMTP server for the whole run, files one at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    // The global setup builds the web app and starts the server; the hooks launch chromium.
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
