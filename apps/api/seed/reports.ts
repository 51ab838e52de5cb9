import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { rebuildProvince, toFact, type DossierSnapshot } from '../src/modules/reports/index.ts';
import { procedureVersions, procedures } from '../src/modules/catalog/catalog.tables.ts';
import { communes } from '../src/modules/units/units.tables.ts';

const PROVINCE = '46';
const PER_COMMUNE = 50;
const FIRST_DAY = Date.UTC(2026, 4, 1, 1); // 1 May 2026, 08:00 in Huế
const DAYS = 175; // … to late October: every demo dossier is closed before November.
const HOUR = 3_600_000;

/** A small deterministic generator, so every start seeds the same history. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return ((s ^ (s >>> 13)) >>> 0) / 4294967296;
  };
}

/**
 * Demo history for the demo province (Huế): about 2,000 closed dossiers of May–October 2026 across
 * its 40 communes, as if imported from an older system, so the dashboards have something to rank.
 * Each commune has its own habits (online share, lateness, e-results) so the ranking spreads out.
 */
export async function seedReportsDemo(tx: Db, deps: { clock: Clock }): Promise<{ dossiers: number }> {
  const units = await tx.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, PROVINCE)).orderBy(communes.code);
  const procs = await tx
    .select({ code: procedureVersions.code, name: procedureVersions.name, sector: procedureVersions.sector })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(sql`'commune' = any(${procedureVersions.levels})`, sql`${procedureVersions.onlineLevel} <> 'none'`))
    .orderBy(procedureVersions.code)
    .limit(24);
  if (units.length === 0 || procs.length === 0) return { dossiers: 0 };
  const now = deps.clock.now();
  const facts = [];
  for (const [ui, unit] of units.entries()) {
    const r = rng(ui * 7919 + 17);
    const habits = { online: 0.45 + r() * 0.5, late: 0.01 + r() * 0.12, eResult: 0.6 + r() * 0.4, synced: 0.85 + r() * 0.15, paid: 0.2 + r() * 0.6 };
    for (let n = 1; n <= PER_COMMUNE; n++) {
      const p = procs[Math.floor(r() * r() * procs.length)]!;
      const received = new Date(FIRST_DAY + Math.floor(r() * DAYS) * 24 * HOUR + Math.floor(r() * 8) * HOUR);
      const due = new Date(received.getTime() + (2 + Math.floor(r() * 4)) * 24 * HOUR);
      const late = r() < habits.late;
      const finished = new Date(late ? due.getTime() + (1 + Math.floor(r() * 3)) * 24 * HOUR : received.getTime() + Math.floor(r() * (due.getTime() - received.getTime())));
      const fee = r() < 0.3 ? 50_000 : 0;
      const eResult = r() < habits.eResult;
      const snapshot: DossierSnapshot = {
        code: `DEMO-${unit.code}-${String(n).padStart(4, '0')}`,
        dossierId: null,
        source: 'import',
        provinceCode: PROVINCE,
        unitCode: unit.code,
        centerId: null,
        officerId: null,
        procedureCode: p.code,
        procedureName: p.name,
        sector: p.sector,
        channel: r() < habits.online ? 2 : 1,
        status: 'returned',
        receivedAt: received,
        dueAt: due,
        finishedAt: finished,
        returnedAt: new Date(finished.getTime() + 2 * HOUR),
        closedAt: null,
        pausedAt: null,
        supplementCount: r() < 0.08 ? 1 : 0,
        outcome: null,
        processingDays: Math.round(((finished.getTime() - received.getTime()) / (24 * HOUR)) * 100) / 100,
        feeTotal: fee,
        paidOnline: fee > 0 && r() < habits.paid,
        returnsDocument: true,
        hasEResult: eResult,
        digitized: r() < 0.9,
        reusedComponent: r() < 0.5,
        citizenStore: r() < 0.3,
        populationData: r() < 0.6,
        certification: false,
        eCertifiedCopy: false,
        syncedToPortal: r() < habits.synced,
        rating: r() < 0.3 ? (r() < 0.1 ? 1 : r() < 0.5 ? 2 : 3) : null,
        hasPetition: false,
        noAppointment: false,
      };
      facts.push(toFact(snapshot, now));
    }
  }
  // Bulk insert with the row trigger paused, then one set-based rebuild of the province's rollups.
  await tx.execute(sql`alter table report_dossier_facts disable trigger report_facts_rollup`);
  // One JSON parameter instead of 50 per row: PGlite binds thousands of parameters slowly.
  const rows = JSON.stringify(facts.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]))));
  await tx.execute(sql`insert into report_dossier_facts select * from jsonb_populate_recordset(null::report_dossier_facts, ${rows}::jsonb) on conflict do nothing`);
  await tx.execute(sql`alter table report_dossier_facts enable trigger report_facts_rollup`);
  await rebuildProvince(tx, PROVINCE);
  return { dossiers: facts.length };
}
