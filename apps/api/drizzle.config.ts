import { defineConfig } from 'drizzle-kit';

// drizzle-kit only writes SQL migrations from the table definitions; the app applies them itself
// (src/platform/db/migrate.ts) because drizzle-kit cannot load PGlite's contrib extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/modules/*/*.tables.ts', './src/platform/**/*.tables.ts'],
  out: './migrations',
});
