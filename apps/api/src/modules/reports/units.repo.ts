import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';

/**
 * A unit a report is about: the whole province, a commune (by its GSO code), or a province-level
 * center (by its agency code). Reads the units module's `communes`, `centers` and `provinces`
 * tables (its index has no lookup by commune code).
 */
export type ReportUnit = { kind: 'province' | 'unit'; provinceCode: string; unitCode: string; name: string; centerId: string | null };

export async function resolveUnit(db: Db, code: string): Promise<ReportUnit | null> {
  if (/^\d{2}$/.test(code)) {
    const p = rowsOf<{ name: string }>(await db.execute(sql`select full_name as name from provinces where code = ${code}`))[0];
    return p ? { kind: 'province', provinceCode: code, unitCode: code, name: p.name, centerId: null } : null;
  }
  if (/^\d{5}$/.test(code)) {
    const c = rowsOf<{ province: string; name: string; center: string | null }>(
      await db.execute(sql`select m.province_code as province, m.full_name as name, (select id from centers c where c.commune_code = m.code limit 1) as center from communes m where m.code = ${code}`),
    )[0];
    return c ? { kind: 'unit', provinceCode: c.province, unitCode: code, name: c.name, centerId: c.center } : null;
  }
  const center = rowsOf<{ id: string; province: string; commune: string | null; name: string }>(
    await db.execute(sql`select id, province_code as province, commune_code as commune, name from centers where agency_code = ${code}`),
  )[0];
  return center ? { kind: 'unit', provinceCode: center.province, unitCode: center.commune ?? code, name: center.name, centerId: center.id } : null;
}

/** The unit code under which a center's dossiers are counted. */
export async function unitOfCenter(db: Db, centerId: string): Promise<{ unitCode: string; provinceCode: string } | null> {
  const r = rowsOf<{ unit: string; province: string }>(await db.execute(sql`select coalesce(commune_code, agency_code) as unit, province_code as province from centers where id = ${centerId}`))[0];
  return r ? { unitCode: r.unit, provinceCode: r.province } : null;
}

/** Every commune of the province and every center without a commune, with names and centers. */
export async function unitsOfProvince(db: Db, provinceCode: string): Promise<{ unitCode: string; name: string; centerId: string | null }[]> {
  return rowsOf<{ unitCode: string; name: string; centerId: string | null }>(
    await db.execute(sql`
      select m.code as "unitCode", m.full_name as name, (select id from centers c where c.commune_code = m.code limit 1) as "centerId"
      from communes m where m.province_code = ${provinceCode}
      union all
      select agency_code, name, id from centers where province_code = ${provinceCode} and commune_code is null
      order by 1`),
  );
}

/**
 * Who may see a unit's reports: the province admin of its province, the staff of its own center.
 * Anyone else gets the same 404 as for a unit that does not exist.
 */
export function visibleUnitOr404(actor: Actor, unit: ReportUnit | null): ReportUnit {
  const ok =
    unit !== null &&
    (actor.role === 'province_admin' ? actor.provinceCode === unit.provinceCode : unit.kind === 'unit' && actor.centerId !== null && actor.centerId === unit.centerId);
  if (!ok) throw notFound('reports.unit_not_found', 'No such unit.');
  return unit;
}
