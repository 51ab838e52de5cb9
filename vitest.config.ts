import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['apps/api', 'apps/web'],
    // Each API test file gets its own database copy (PGlite ~0.5 GB): two files at a time on 2 cores.
    maxWorkers: 2,
  },
});
