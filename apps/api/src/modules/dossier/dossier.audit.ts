import { asc, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { firstBrokenStoredLink } from './dossier.chain.ts';
import { joinState } from './dossier.states.ts';
import { dossierEvents, dossiers } from './dossier.tables.ts';

/** One dossier whose recorded history no longer proves itself. */
export type ChainBreak = {
  dossierId: string;
  code: string;
  /** The first event that does not fit: changed, out of place, or following a deleted one. */
  seq: number | null;
  eventId: string | null;
  problem: 'hash_mismatch' | 'missing_event' | 'no_events' | 'last_event_removed';
};

export type ChainAudit = { dossiers: number; events: number; broken: ChainBreak[] };

/**
 * Re-checks every dossier's event chain: each link's hash over its content and the previous hash,
 * seq numbers 1..n without a gap (a deleted event), and the last event's state against the
 * dossier's current state (a deleted tail). Reads in pages so a large database fits in memory.
 */
export async function auditChains(db: Db, opts: { pageSize?: number } = {}): Promise<ChainAudit> {
  const pageSize = opts.pageSize ?? 500;
  const audit: ChainAudit = { dossiers: 0, events: 0, broken: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select({ id: dossiers.id, code: dossiers.code, status: dossiers.status, step: dossiers.step })
      .from(dossiers)
      .where(gt(dossiers.id, after))
      .orderBy(asc(dossiers.id))
      .limit(pageSize);
    if (page.length === 0) return audit;
    after = page.at(-1)!.id;
    const events = await db
      .select()
      .from(dossierEvents)
      .where(inArray(dossierEvents.dossierId, page.map((d) => d.id)))
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq));
    const byDossier = new Map<string, (typeof events)[number][]>();
    for (const e of events) byDossier.set(e.dossierId, [...(byDossier.get(e.dossierId) ?? []), e]);
    for (const d of page) {
      audit.dossiers++;
      const list = byDossier.get(d.id) ?? [];
      audit.events += list.length;
      const found = checkOne(d, list);
      if (found) audit.broken.push(found);
    }
  }
}

type EventRow = typeof dossierEvents.$inferSelect;

function checkOne(d: { id: string; code: string; status: string; step: string | null }, list: EventRow[]): ChainBreak | null {
  const base = { dossierId: d.id, code: d.code };
  if (list.length === 0) return { ...base, seq: null, eventId: null, problem: 'no_events' };
  const gap = list.findIndex((e, i) => e.seq !== i + 1);
  if (gap >= 0) return { ...base, seq: list[gap]!.seq, eventId: list[gap]!.id, problem: 'missing_event' };
  const broken = firstBrokenStoredLink(list);
  if (broken !== null) return { ...base, seq: broken, eventId: list[broken - 1]!.id, problem: 'hash_mismatch' };
  const last = list.at(-1)!;
  const now = joinState(d.status as Parameters<typeof joinState>[0], d.step as Parameters<typeof joinState>[1]);
  if (last.toState !== now) return { ...base, seq: last.seq + 1, eventId: null, problem: 'last_event_removed' };
  return null;
}
