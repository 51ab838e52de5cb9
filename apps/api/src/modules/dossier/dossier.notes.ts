import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { recordEvent, type EventActor } from './dossier.events.ts';
import { joinState } from './dossier.states.ts';
import { dossierFiles, dossiers } from './dossier.tables.ts';

/**
 * A fact another module records about a dossier without moving it (the citizen's rating): the next
 * link of the timeline and, like every event, a portal-sync message — in the caller's transaction.
 * Touches `updated_at` so reconciliation of the period sees the change. Returns the event's seq.
 */
export async function recordNoteInTx(tx: Db, deps: Pick<AppContext, 'ids' | 'clock'>, n: { dossierId: string; actor: EventActor; action: 'rating'; data: Record<string, unknown> }): Promise<number> {
  await tx.execute(sql`select id from dossiers where id = ${n.dossierId} for update`);
  const now = deps.clock.now();
  const [d] = await tx.update(dossiers).set({ updatedAt: now }).where(eq(dossiers.id, n.dossierId)).returning();
  if (!d) throw new Error(`dossier ${n.dossierId} does not exist`);
  const state = joinState(d.status, d.step);
  const link = await recordEvent(tx, deps.ids, { dossierId: d.id, at: now, actor: n.actor, action: n.action, fromState: state, toState: state, data: n.data });
  return link.seq;
}

/** A file already in storage (e.g. the citizen's upload) attached to an item of the dossier's list. */
export type StoredFile = { itemId: string; fileKey: string; mime: string; size: number; sha256: string };

/**
 * Attaches files already in storage to a dossier inside the caller's transaction (the citizen's
 * answer to a supplement request, run in `act`'s `inTransaction`). Returns what the event records.
 */
export async function attachStoredFilesInTx(tx: Db, deps: Pick<AppContext, 'ids' | 'clock'>, dossierId: string, uploadedBy: string, files: StoredFile[]): Promise<{ itemId: string; sha256: string; size: number }[]> {
  const now = deps.clock.now();
  for (const f of files) {
    await tx.insert(dossierFiles).values({ id: deps.ids.next(), dossierId, itemId: f.itemId, fileKey: f.fileKey, mime: f.mime, size: f.size, sha256: f.sha256, uploadedBy, uploadedAt: now });
  }
  return files.map((f) => ({ itemId: f.itemId, sha256: f.sha256, size: f.size }));
}
