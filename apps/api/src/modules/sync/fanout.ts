import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import type { DossierChange } from '../dossier/index.ts';
import { targetTopics } from './dashboard.repo.ts';
import type { DossierSnapshot } from './portal-mapping.ts';
import { webhookSubscriptions } from './sync.tables.ts';

/** A result delivered to a sector system, so a registration done at the center is there without re-entry. */
export type SectorDelivery = {
  system: 'civil_status' | 'household_business';
  dossierId: string;
  seq: number;
  provinceCode: string;
  centerId: string;
  changedAt: string;
  record: { dossierCode: string; procedureCode: string; kind: string; subject: string; subjectIdNumber: string | null; resultCodes: string[]; registeredAt: string };
};

/** One dossier event for one integrator's URL. */
export type WebhookDelivery = {
  subscriptionId: string;
  dossierId: string;
  seq: number;
  provinceCode: string;
  centerId: string;
  changedAt: string;
  event: { id: string; type: string; dossierCode: string; status: string; at: string; seq: number };
};

/** Which sector system keeps the results of a procedure, by its sector. Pure. */
export function sectorOf(sector: string | null): SectorDelivery['system'] | null {
  if (!sector) return null;
  if (sector === 'Hộ tịch') return 'civil_status';
  if (/hộ kinh doanh/i.test(sector)) return 'household_business';
  return null;
}

const finishing = new Set(['finished']);

/**
 * Derives the deliveries a change causes besides the portal: the result to the sector system when a
 * dossier is finished, and the event to every active webhook of its province. Written in one
 * transaction with idempotent keys, so seeing the same change again (a retry) adds nothing.
 */
export async function fanOut(ctx: AppContext, items: { change: DossierChange; snapshot: DossierSnapshot }[]): Promise<void> {
  const provinces = [...new Set(items.map((i) => i.snapshot.provinceCode))];
  const hooks = provinces.length
    ? await ctx.db
        .select({ id: webhookSubscriptions.id, provinceCode: webhookSubscriptions.provinceCode })
        .from(webhookSubscriptions)
        .where(and(inArray(webhookSubscriptions.provinceCode, provinces), eq(webhookSubscriptions.active, true)))
    : [];
  const work: { topic: string; payload: unknown; key: string; order: string }[] = [];
  for (const { change: c, snapshot: s } of items) {
    const base = { dossierId: s.id, seq: c.seq, provinceCode: s.provinceCode, centerId: s.centerId, changedAt: c.at };
    const system = sectorOf(s.sector);
    if (system && finishing.has(c.toState) && c.action !== 'resync') {
      const payload: SectorDelivery = {
        system,
        ...base,
        record: { dossierCode: s.code, procedureCode: s.procedureCode, kind: s.procedureName, subject: s.applicantName, subjectIdNumber: s.applicantIdNumber, resultCodes: s.results.map((r) => r.code), registeredAt: (s.finishedAt ?? new Date(c.at)).toISOString() },
      };
      work.push({ topic: targetTopics[system], payload, key: `${s.id}:${c.seq}`, order: s.id });
    }
    if (c.action === 'resync') continue;
    for (const h of hooks.filter((x) => x.provinceCode === s.provinceCode)) {
      const payload: WebhookDelivery = { subscriptionId: h.id, ...base, event: { id: `${s.id}:${c.seq}`, type: `dossier.${c.action}`, dossierCode: s.code, status: c.toState, at: c.at, seq: c.seq } };
      work.push({ topic: targetTopics.webhook, payload, key: `${h.id}:${s.id}:${c.seq}`, order: `${h.id}:${s.id}` });
    }
  }
  if (work.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    for (const w of work) await enqueueInTx(tx, ctx, { topic: w.topic, payload: w.payload, idempotencyKey: w.key, orderingKey: w.order, maxAttempts: 1_000_000 });
  });
  ctx.wakeOutbox();
}
