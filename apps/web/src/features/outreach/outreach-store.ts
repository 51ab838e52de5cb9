import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Applicant, Me, OutreachConflict, OutreachPack, OutreachSubmission, OutreachUpload } from '@motcua/contracts';

/** A photo or scan taken on the device, kept as bytes until the server confirms it. */
export type LocalFile = { itemId: string; name: string; mime: OutreachSubmission['files'][number]['mime']; size: number; sha256: string; blob: Blob };

export type SyncState =
  | { state: 'pending' }
  | { state: 'uploading'; code: string; dueAt: string | null; dossierId: string; uploads: OutreachUpload[] }
  | { state: 'synced'; code: string; dueAt: string | null; dossierId: string; status: string }
  | { state: 'conflict'; conflict: OutreachConflict }
  | { state: 'error'; message: string };

export type OnSpot = { leaderId: string; approvedAt?: string; handedOverAt?: string };

/** One dossier received offline, as stored in IndexedDB. */
export type LocalDossier = {
  key: string;
  sessionId: string;
  localNumber: string;
  receivedAt: string;
  procedureCode: string;
  procedureName: string;
  procedureVersionId: string;
  applicant: Applicant;
  checklist: { itemId: string; provided: boolean }[];
  decision: 'accept';
  provisionalDueAt: string | null;
  /** Finished on the spot: the leader chosen at receipt, then the times the officer noted as they happened. */
  onSpot?: OnSpot;
  files: LocalFile[];
  sync: SyncState;
};

interface OutreachDb extends DBSchema {
  packs: { key: string; value: { sessionId: string; pack: OutreachPack; me: Me; savedAt: string } };
  dossiers: { key: string; value: LocalDossier; indexes: { bySession: string } };
}

let opened: Promise<IDBPDatabase<OutreachDb>> | null = null;

function db(): Promise<IDBPDatabase<OutreachDb>> {
  opened ??= openDB<OutreachDb>('motcua-outreach', 1, {
    upgrade(d) {
      d.createObjectStore('packs', { keyPath: 'sessionId' });
      d.createObjectStore('dossiers', { keyPath: 'key' }).createIndex('bySession', 'sessionId');
    },
  });
  return opened;
}

/** Tests start each case from an empty database. */
export async function resetStore(): Promise<void> {
  if (opened) (await opened).close();
  opened = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('motcua-outreach');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export const store = {
  savePack: async (pack: OutreachPack, me: Me, savedAt: string) => (await db()).put('packs', { sessionId: pack.session.id, pack, me, savedAt }),
  pack: async (sessionId: string) => (await db()).get('packs', sessionId),
  packs: async () => (await db()).getAll('packs'),
  /** Adds a dossier with the next local number of the session, in one transaction. */
  addDossier: async (d: Omit<LocalDossier, 'localNumber'>, prefix: string): Promise<LocalDossier> => {
    const tx = (await db()).transaction('dossiers', 'readwrite');
    const count = await tx.store.index('bySession').count(d.sessionId);
    const full: LocalDossier = { ...d, localNumber: `${prefix}-${String(count + 1).padStart(3, '0')}` };
    await tx.store.add(full);
    await tx.done;
    return full;
  },
  dossiers: async (sessionId: string) => {
    const all = await (await db()).getAllFromIndex('dossiers', 'bySession', sessionId);
    return all.sort((a, b) => a.localNumber.localeCompare(b.localNumber));
  },
  setSync: async (key: string, sync: SyncState) => {
    const tx = (await db()).transaction('dossiers', 'readwrite');
    const d = await tx.store.get(key);
    if (d) await tx.store.put({ ...d, sync });
    await tx.done;
  },
  /** The officer reviewed a conflict: the dossier is checked against the version now in force and synced again. */
  resolveConflict: async (key: string, procedureVersionId: string, checklist: LocalDossier['checklist']) => {
    const tx = (await db()).transaction('dossiers', 'readwrite');
    const d = await tx.store.get(key);
    if (d) await tx.store.put({ ...d, procedureVersionId, checklist, sync: { state: 'pending' } });
    await tx.done;
  },
  /** Notes when the leader approved, or when the result was handed over; only before the server has the dossier. */
  noteOnSpot: async (key: string, step: 'approvedAt' | 'handedOverAt', at: string) => {
    const tx = (await db()).transaction('dossiers', 'readwrite');
    const d = await tx.store.get(key);
    if (d?.onSpot && !d.onSpot[step] && d.sync.state !== 'synced' && d.sync.state !== 'uploading') await tx.store.put({ ...d, onSpot: { ...d.onSpot, [step]: at } });
    await tx.done;
  },
  /** Only dossiers the server confirmed (code given, every photo stored) may leave the device. */
  removeConfirmed: async (sessionId: string) => {
    const tx = (await db()).transaction('dossiers', 'readwrite');
    const all = await tx.store.index('bySession').getAll(sessionId);
    for (const d of all) if (d.sync.state === 'synced') await tx.store.delete(d.key);
    await tx.done;
  },
};
