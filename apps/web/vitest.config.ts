import { defineProject } from 'vitest/config';
import react from '@vitejs/plugin-react';

// A project of the root vitest config; paths resolve against this folder, wherever vitest starts.
export default defineProject({
  plugins: [react()],
  root: import.meta.dirname,
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    // A limit, not a measurement: rendering whole pages with typing in jsdom takes seconds when
    // the 2-core CI machine is shared (the default 5 s made tests fail that pass alone).
    testTimeout: 30_000,
  },
});
