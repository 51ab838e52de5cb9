import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    // Limits, not measurements: a database copy per file and real HTTP make some tests take
    // seconds, and several times longer when the 2-core CI machine is shared. Timing goals live
    // in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
