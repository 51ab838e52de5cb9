import fs from 'node:fs';
import path from 'node:path';
import { apiRoot } from '../src/platform/paths.ts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import type { Ids } from '../src/platform/ids.ts';
import { seedProcedures, type SeedProcedure } from '../src/modules/catalog/index.ts';
import { centerProcedures, procedureVersions } from '../src/modules/catalog/catalog.tables.ts';
import { centers, serviceGroups } from '../src/modules/units/units.tables.ts';

const file = path.join(apiRoot, 'seed', 'data', 'procedures-commune.json');

export function readSeedProcedures(): { effectiveFrom: string; procedures: SeedProcedure[] } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { effectiveFrom: string; procedures: SeedProcedure[] };
}

/** The 344 commune-level procedures of the National Public Service Portal (production data too). */
export async function seedCatalog(tx: Db, deps: { clock: Clock; ids: Ids }) {
  const data = readSeedProcedures();
  return seedProcedures(tx, deps, data.procedures, new Date(data.effectiveFrom));
}

/** Service group letter by sector, as the demo centers' kiosks group their counters. */
export function demoGroupOf(sector: string): 'A' | 'B' | 'C' | 'D' | 'E' {
  const s = sector.toLowerCase();
  if (s === 'hộ tịch') return 'A';
  if (s.includes('đất đai')) return 'B';
  if (s.includes('kinh doanh') || s.includes('hợp tác xã') || s.includes('tổ hợp tác')) return 'C';
  if (s === 'chứng thực') return 'D';
  return 'E';
}

/** Every demo commune center offers every commune-level procedure, grouped by sector. */
export async function seedDemoOfferings(tx: Db, deps: { clock: Clock }): Promise<{ offerings: number }> {
  const now = deps.clock.now();
  const commune = await tx.select({ id: centers.id, provinceCode: centers.provinceCode }).from(centers).where(eq(centers.level, 'commune'));
  const { procedures: items } = readSeedProcedures();
  const known = new Set((await tx.selectDistinct({ code: procedureVersions.code }).from(procedureVersions)).map((r) => r.code));
  let offerings = 0;
  for (const center of commune) {
    const groups = new Map((await tx.select().from(serviceGroups).where(eq(serviceGroups.centerId, center.id))).map((g) => [g.code, g.id]));
    if (groups.size === 0) continue;
    const values = items
      .filter((p) => p.content.levels.includes('commune') && known.has(p.code))
      .flatMap((p) => {
        const groupId = groups.get(demoGroupOf(p.content.sector)) ?? groups.get('E');
        return groupId ? [{ provinceCode: center.provinceCode, centerId: center.id, code: p.code, serviceGroupId: groupId, updatedAt: now, updatedBy: null }] : [];
      });
    for (let i = 0; i < values.length; i += 500) {
      offerings += (await tx.insert(centerProcedures).values(values.slice(i, i + 500)).onConflictDoNothing().returning({ code: centerProcedures.code })).length;
    }
  }
  return { offerings };
}
