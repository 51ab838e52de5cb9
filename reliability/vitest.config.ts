import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: real API and worker processes, a private PostgreSQL that the tests stop
// and start, a reverse proxy. One file at a time: each test runs several processes on a 2-core machine.
export default defineConfig({
  test: {
    name: 'reliability',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
