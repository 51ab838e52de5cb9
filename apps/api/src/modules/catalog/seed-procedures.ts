import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Ids } from '../../platform/ids.ts';
import { refreshStatistics, insertFlags, insertProcedure, insertVersions, latestContents, type NewFlag, type NewVersion } from './catalog.repo.ts';
import { changedFields } from './diff.ts';
import type { SeedProcedure } from './portal-record.ts';

/**
 * Loads seed procedures: a new code gets version 1, a code whose seeded content changed gets a
 * new version, an unchanged one is left alone. Review flags come with each new version.
 */
export async function seedProcedures(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  items: SeedProcedure[],
  effectiveFrom: Date,
): Promise<{ added: number; changed: number; flags: number }> {
  const now = deps.clock.now();
  const latest = await latestContents(tx);
  const versions: NewVersion[] = [];
  const flags: NewFlag[] = [];
  let added = 0;
  for (const item of items) {
    const prior = latest.get(item.code);
    if (prior && changedFields(prior.content, item.content).length === 0) continue;
    if (!prior) {
      await insertProcedure(tx, item.code, now);
      added++;
    }
    const id = deps.ids.next();
    versions.push({
      id,
      code: item.code,
      version: (prior?.version ?? 0) + 1,
      effectiveFrom: prior && prior.effectiveFrom > effectiveFrom ? now : effectiveFrom,
      publishedAt: now,
      publishedBy: null,
      source: 'seed',
      changeNote: 'Seeded from the National Public Service Portal',
      content: item.content,
    });
    for (const f of item.flags) flags.push({ id: deps.ids.next(), code: item.code, versionId: id, field: f.field, message: f.message, raisedAt: now });
  }
  await insertVersions(tx, versions, now);
  await insertFlags(tx, flags);
  if (versions.length > 0) await refreshStatistics(tx);
  return { added, changed: versions.length - added, flags: flags.length };
}
