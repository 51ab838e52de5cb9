import fs from 'node:fs';
import path from 'node:path';
import { apiRoot } from '../src/platform/paths.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.ts';
import { communes, provinces } from '../src/modules/units/units.tables.ts';

type AdminUnits = {
  provinces: [code: string, name: string, fullName: string, nameEn: string, unitType: string][];
  communes: [code: string, provinceCode: string, name: string, fullName: string, nameEn: string, unitType: string][];
};

const file = path.join(apiRoot, 'seed', 'data', 'admin-units.json');

export function readAdminUnits(): AdminUnits {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AdminUnits;
}

/** All provinces and communes; an update of the data file corrects names in place. */
export async function seedReference(tx: Db): Promise<{ provinces: number; communes: number }> {
  const data = readAdminUnits();
  await tx
    .insert(provinces)
    .values(data.provinces.map(([code, name, fullName, nameEn, unitType]) => ({ code, name, fullName, nameEn, unitType })))
    .onConflictDoUpdate({
      target: provinces.code,
      set: { name: sql`excluded.name`, fullName: sql`excluded.full_name`, nameEn: sql`excluded.name_en`, unitType: sql`excluded.unit_type` },
    });
  for (let i = 0; i < data.communes.length; i += 500) {
    await tx
      .insert(communes)
      .values(
        data.communes.slice(i, i + 500).map(([code, provinceCode, name, fullName, nameEn, unitType]) => ({
          code,
          provinceCode,
          name,
          fullName,
          nameEn,
          unitType,
        })),
      )
      .onConflictDoUpdate({
        target: communes.code,
        set: { name: sql`excluded.name`, fullName: sql`excluded.full_name`, nameEn: sql`excluded.name_en`, unitType: sql`excluded.unit_type` },
      });
  }
  return { provinces: data.provinces.length, communes: data.communes.length };
}
