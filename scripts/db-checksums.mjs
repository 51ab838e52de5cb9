// Prints one line per table of a Motcua database: name, row count and a checksum of its rows, so two
// databases (a source and its restored backup) can be compared with `diff`. Read-only.
//   node scripts/db-checksums.mjs postgres://…/motcua      PostgreSQL
//   node scripts/db-checksums.mjs ./data                    embedded database in a data directory (API stopped)
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { register } = await import('tsx/esm/api');
register();
const { openPglite, openPostgres, rowsOf } = await import(path.join(root, 'apps/api/src/platform/db/client.ts'));
const { sql } = await import('drizzle-orm');

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node scripts/db-checksums.mjs <postgres URL | data directory>\n');
  process.exit(2);
}
const database = /^postgres(ql)?:\/\//.test(target) ? await openPostgres(target, 1) : await openPglite(path.join(path.resolve(target), 'pgdata'));
try {
  const tables = rowsOf(
    await database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.name);
  for (const name of tables) {
    const [row] = rowsOf(
      await database.db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as sum from "${name}" t`)),
    );
    process.stdout.write(`${name} ${row.n} ${row.sum}\n`);
  }
} finally {
  await database.close();
}
