import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditChains, type ChainAudit } from '../modules/dossier/index.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, type Db } from '../platform/db/client.ts';

const explain: Record<ChainAudit['broken'][number]['problem'], string> = {
  hash_mismatch: 'was changed after it was recorded (hash does not match)',
  missing_event: 'follows a deleted event (gap in the sequence before it)',
  no_events: 'has no events at all (its history was deleted)',
  last_event_removed: 'is missing: the last recorded state is not the dossier’s current state',
};

/** Checks every dossier's hash chain and prints one line per broken dossier; returns the exit code. */
export async function auditChainCommand(db: Db, print: (line: string) => void): Promise<number> {
  const audit = await auditChains(db);
  for (const b of audit.broken) {
    const event = b.seq === null ? 'history' : `event #${b.seq}${b.eventId ? ` (${b.eventId})` : ''}`;
    print(`BROKEN dossier ${b.code} (${b.dossierId}): ${event} ${explain[b.problem]}`);
  }
  print(`${audit.dossiers} dossiers, ${audit.events} events checked: ${audit.broken.length === 0 ? 'every chain intact' : `${audit.broken.length} broken`}`);
  return audit.broken.length === 0 ? 0 : 1;
}

// `npm run audit:chain`: the same database settings as the server (DATABASE_URL, or MOTCUA_DATA_DIR for
// PGlite, which only one process can open: stop the server first).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    console.error(`No database at ${path.join(config.dataDir, 'pgdata')}: set DATABASE_URL or MOTCUA_DATA_DIR.`);
    process.exit(2);
  }
  const database = await openDatabase(config);
  let code = 2;
  try {
    code = await auditChainCommand(database.db, (line) => console.log(line));
  } catch (err) {
    // An empty or foreign database: say so instead of a stack trace.
    console.error(`Cannot read the dossier events: ${(err as { cause?: Error }).cause?.message ?? (err as Error).message}`);
  } finally {
    await database.close();
  }
  process.exit(code);
}
