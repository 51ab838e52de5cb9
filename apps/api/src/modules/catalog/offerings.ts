// Which procedures a center offers and which service group (queue letter) serves each.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Offering, ServiceGroup, SetOfferingsRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { canSeeCenter, findCenter, listServiceGroups } from '../units/index.ts';
import { centerProcedures, procedures } from './catalog.tables.ts';
import { requireCatalogAdmin } from './catalog.policy.ts';

export type OfferingGroup = { serviceGroupId: string; serviceGroupCode: string; serviceGroupName: string };

export async function listOfferings(db: Db, centerId: string): Promise<Offering[]> {
  const groups = new Map((await listServiceGroups(db, centerId)).map((g) => [g.id, g]));
  const rows = rowsOf<{ code: string; name: string; sector: string; service_group_id: string }>(
    await db.execute(sql`
      select o.code, v.name, v.sector, o.service_group_id
      from center_procedures o
      join lateral (select name, sector from procedure_versions v where v.code = o.code order by v.version desc limit 1) v on true
      where o.center_id = ${centerId}
      order by o.code`),
  );
  return rows.map((r) => ({ centerId, code: r.code, name: r.name, sector: r.sector, ...groupOf(groups.get(r.service_group_id)!) }));
}

export async function findOffering(db: Db, centerId: string, code: string): Promise<OfferingGroup | null> {
  const rows = await db
    .select({ serviceGroupId: centerProcedures.serviceGroupId })
    .from(centerProcedures)
    .where(and(eq(centerProcedures.centerId, centerId), eq(centerProcedures.code, code)));
  if (!rows[0]) return null;
  const group = (await listServiceGroups(db, centerId)).find((g) => g.id === rows[0]!.serviceGroupId);
  return group ? groupOf(group) : null;
}

const groupOf = (g: ServiceGroup): OfferingGroup => ({ serviceGroupId: g.id, serviceGroupCode: g.code, serviceGroupName: g.name });

/** Offers, moves or withdraws procedures at one center of the admin's province, all or nothing. */
export async function setOfferings(deps: Pick<AppContext, 'db' | 'clock'>, actor: Actor, centerId: string, input: SetOfferingsRequest): Promise<Offering[]> {
  requireCatalogAdmin(actor);
  const center = await findCenter(deps.db, centerId);
  if (!center || !canSeeCenter(actor, center)) throw notFound('units.center_not_found', 'No such center.');
  const groups = new Set((await listServiceGroups(deps.db, centerId)).map((g) => g.id));
  const codes = [...new Set(input.items.map((i) => i.code))];
  const known = new Set(
    (await deps.db.select({ code: procedures.code }).from(procedures).where(and(inArray(procedures.code, codes), sql`${procedures.retiredAt} is null`))).map((r) => r.code),
  );
  const errors = input.items.flatMap((item, i) => [
    ...(known.has(item.code) ? [] : [{ path: `body.items.${i}.code`, message: `no procedure ${item.code} in force` }]),
    ...(item.serviceGroupId === null || groups.has(item.serviceGroupId) ? [] : [{ path: `body.items.${i}.serviceGroupId`, message: 'not a service group of this center' }]),
  ]);
  if (errors.length > 0) throw new DomainError('validation', 'validation_failed', 'Some offerings are invalid; nothing was changed.', { errors });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const item of input.items) {
      if (item.serviceGroupId === null) {
        await tx.delete(centerProcedures).where(and(eq(centerProcedures.centerId, centerId), eq(centerProcedures.code, item.code)));
        continue;
      }
      await tx
        .insert(centerProcedures)
        .values({ provinceCode: center.provinceCode, centerId, code: item.code, serviceGroupId: item.serviceGroupId, updatedAt: now, updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: [centerProcedures.centerId, centerProcedures.code],
          set: { serviceGroupId: item.serviceGroupId, updatedAt: now, updatedBy: actor.userId },
        });
    }
  });
  return listOfferings(deps.db, centerId);
}
