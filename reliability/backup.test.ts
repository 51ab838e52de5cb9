import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../apps/api/src/platform/db/client.ts';
import { migrate } from '../apps/api/src/platform/db/migrate.ts';
import { intakeBody, login, post } from './support/client.ts';
import { freshDatabase, startApi } from './support/processes.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reliability-backup-'));
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

const script = (name: string, args: string[], env: Record<string, string>) => {
  const { DATABASE_URL: _, ...rest } = process.env;
  return spawnSync('bash', [path.join(root, 'scripts', name), ...args], { cwd: root, env: { ...rest, ...env }, encoding: 'utf8' });
};
const checksums = (target: string) => execFileSync(process.execPath, [path.join(root, 'scripts/db-checksums.mjs'), target], { cwd: root, encoding: 'utf8' });
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

it('PostgreSQL: pg_dump backup with the files, restored into a new database, is identical and serves the same dossier and scan', async () => {
  const db = await freshDatabase();
  cleanup.push(() => db.drop());
  const dataDir = path.join(tmp, 'pg-source');
  let api = await startApi({ port: 18415, databaseUrl: db.url, dataDir, env: { MOTCUA_WORKER: 'off' } });
  const token = await login(api.url, 'phuxuan.motcua');
  const dossier = (await (await post(api.url, '/api/v1/dossiers', token, (await intakeBody(api.url))(1))).json()) as { id: string; code: string };
  const documents = ((await (await fetch(`${api.url}/api/v1/procedures/1.001193`)).json()) as { documents: { id: string }[] }).documents;
  const upload = await fetch(`${api.url}/api/v1/dossiers/${dossier.id}/files?itemId=${documents[0]!.id}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' }, body: pdf });
  expect(upload.status).toBe(201);
  const file = (await upload.json()) as { id: string };
  await api.kill('SIGTERM');

  const backup = script('backup.sh', [path.join(tmp, 'pg-backup')], { DATABASE_URL: db.url, MOTCUA_DATA_DIR: dataDir });
  expect(backup.status, backup.stderr).toBe(0);
  await db.cluster.query(`create database ${db.name}_restored`);
  cleanup.push(() => db.cluster.query(`drop database if exists ${db.name}_restored with (force)`));
  const restoredUrl = db.cluster.url(`${db.name}_restored`);
  const restoredDir = path.join(tmp, 'pg-restored');
  const restore = script('restore.sh', [path.join(tmp, 'pg-backup')], { DATABASE_URL: restoredUrl, MOTCUA_DATA_DIR: restoredDir });
  expect(restore.status, restore.stderr).toBe(0);
  // A second restore onto the now non-empty database is refused.
  expect(script('restore.sh', [path.join(tmp, 'pg-backup')], { DATABASE_URL: restoredUrl, MOTCUA_DATA_DIR: path.join(tmp, 'other') }).stderr).toMatch(/not empty/);

  const source = checksums(db.url);
  expect(source.split('\n').length).toBeGreaterThan(40);
  expect(checksums(restoredUrl)).toBe(source);

  api = await startApi({ port: 18415, databaseUrl: restoredUrl, dataDir: restoredDir, env: { MOTCUA_WORKER: 'off' } });
  cleanup.push(() => api.kill('SIGTERM'));
  const auth = { authorization: `Bearer ${await login(api.url, 'phuxuan.motcua')}` };
  expect(((await (await fetch(`${api.url}/api/v1/dossiers/${dossier.id}`, { headers: auth })).json()) as { code: string }).code).toBe(dossier.code);
  const scan = await fetch(`${api.url}/api/v1/dossiers/${dossier.id}/files/${file.id}`, { headers: auth });
  expect(Buffer.from(await scan.arrayBuffer()).equals(pdf)).toBe(true);
});

it('embedded database: the data directory copy is refused while open, and restored identical once stopped', async () => {
  const dataDir = path.join(tmp, 'lite-source');
  const lite = await openPglite(path.join(dataDir, 'pgdata'));
  await migrate(lite.db);
  fs.mkdirSync(path.join(dataDir, 'files/dossiers'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'files/dossiers/scan.pdf'), pdf);

  const refused = script('backup.sh', [path.join(tmp, 'lite-refused')], { MOTCUA_DATA_DIR: dataDir });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/stop the API first/);
  await lite.close();

  const backup = script('backup.sh', [path.join(tmp, 'lite-backup')], { MOTCUA_DATA_DIR: dataDir });
  expect(backup.status, backup.stderr).toBe(0);
  const restoredDir = path.join(tmp, 'lite-restored');
  const restore = script('restore.sh', [path.join(tmp, 'lite-backup')], { MOTCUA_DATA_DIR: restoredDir });
  expect(restore.status, restore.stderr).toBe(0);

  const source = checksums(dataDir);
  expect(source).toMatch(/^schema_migrations \d+ [0-9a-f]{32}$/m);
  expect(checksums(restoredDir)).toBe(source);
  expect(fs.readFileSync(path.join(restoredDir, 'files/dossiers/scan.pdf')).equals(pdf)).toBe(true);

  // A damaged backup is refused before anything is written.
  fs.appendFileSync(path.join(tmp, 'lite-backup/files.tar'), 'x');
  const damaged = script('restore.sh', [path.join(tmp, 'lite-backup')], { MOTCUA_DATA_DIR: path.join(tmp, 'lite-damaged') });
  expect(damaged.status).toBe(1);
  expect(fs.existsSync(path.join(tmp, 'lite-damaged/pgdata'))).toBe(false);
});
