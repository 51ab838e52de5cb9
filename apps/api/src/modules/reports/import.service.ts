import { inArray, sql } from 'drizzle-orm';
import type { ImportedDossier, ImportResult } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { loadCalendar, workingTimeBetween, type WorkingCalendar } from '../calendar/index.ts';
import { procedureFacts } from './catalog-facts.ts';
import { isCertificationSector, toFact, type FactRow } from './facts.ts';
import { checkShapes, type RowProblem } from './import-parse.ts';
import { reportDossierFacts } from './reports.tables.ts';
import { rollupAll } from './rollup.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;
const WORKING_DAY_MS = 8 * 3_600_000;
const ratings = { dissatisfied: 1, satisfied: 2, very_satisfied: 3 } as const;

/** Working days from receipt to finish, without the time the citizen took to supplement. */
function processingDays(cal: WorkingCalendar, d: ImportedDossier): number | null {
  if (!d.finishedAt) return null;
  const end = new Date(d.finishedAt);
  let ms = workingTimeBetween(cal, new Date(d.receivedAt), end);
  for (const s of d.supplements) ms -= workingTimeBetween(cal, new Date(s.requestedAt), s.suppliedAt ? new Date(s.suppliedAt) : end);
  return Math.round((Math.max(0, ms) / WORKING_DAY_MS) * 100) / 100;
}

function rejected(problems: RowProblem[]): DomainError {
  const first = problems[0]!;
  const message = `Row ${first.row}${first.code ? ` (${first.code})` : ''}: ${first.errors.map((e) => `${e.path} ${e.message}`).join('; ')}. Nothing was imported.`;
  return new DomainError('validation', 'reports.import_invalid_row', message, {
    errors: problems.flatMap((p) => p.errors.map((e) => ({ path: `rows[${p.row}].${e.path}`, message: e.message }))),
    details: { rows: problems.slice(0, 100) },
  });
}

/**
 * Historical dossiers from an older one-stop system, straight into the facts. Every row is checked
 * first (shape, commune of the admin's province, known procedure, not a live dossier's code); one bad
 * row rejects the file and writes nothing. Importing the same code again replaces that row.
 */
export async function importDossiers(deps: Deps, actor: Actor, rows: unknown[]): Promise<ImportResult> {
  if (actor.role !== 'province_admin') throw forbidden('reports.import_admin_only', 'Only the province admin imports historical dossiers.');
  if (rows.length === 0) throw new DomainError('validation', 'reports.import_empty', 'The file has no dossiers.');
  const { ok, problems } = checkShapes(rows);

  const communes = new Set(
    rowsOf<{ code: string }>(await deps.db.execute(sql`select code from communes where province_code = ${actor.provinceCode}`)).map((r) => r.code),
  );
  const catalog = new Map((await procedureFacts(deps.db)).map((p) => [p.code, p]));
  const codes = ok.map((d) => d.code);
  const live = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    const found = await deps.db.select({ code: reportDossierFacts.code }).from(reportDossierFacts).where(sql`${inArray(reportDossierFacts.code, chunk)} and ${reportDossierFacts.source} = 'live'`);
    for (const f of found) live.add(f.code);
  }
  const rowOf = new Map(rows.map((r, i) => [(r as { code?: unknown })?.code, i + 1]));
  for (const d of ok) {
    const errors = [];
    if (!communes.has(d.unitCode)) errors.push({ path: 'unitCode', message: `no commune ${d.unitCode} in province ${actor.provinceCode}` });
    if (!catalog.has(d.procedureCode)) errors.push({ path: 'procedureCode', message: `no procedure ${d.procedureCode} in the catalog` });
    if (live.has(d.code)) errors.push({ path: 'code', message: 'belongs to a dossier handled in Motcua' });
    if (errors.length > 0) problems.push({ row: rowOf.get(d.code) ?? 0, code: d.code, errors });
  }
  if (problems.length > 0) throw rejected(problems.sort((a, b) => a.row - b.row));

  const cal = await loadCalendar(deps);
  const now = deps.clock.now();
  const facts: FactRow[] = ok.map((d) => {
    const p = catalog.get(d.procedureCode)!;
    const last = d.supplements.at(-1);
    return toFact(
      {
        code: d.code,
        dossierId: null,
        source: 'import',
        provinceCode: actor.provinceCode,
        unitCode: d.unitCode,
        centerId: null,
        officerId: null,
        procedureCode: d.procedureCode,
        procedureName: p.name,
        sector: p.sector,
        channel: d.channel,
        status: d.status,
        receivedAt: new Date(d.receivedAt),
        dueAt: d.dueAt ? new Date(d.dueAt) : null,
        finishedAt: d.finishedAt ? new Date(d.finishedAt) : null,
        returnedAt: d.returnedAt ? new Date(d.returnedAt) : null,
        closedAt: null,
        pausedAt: d.status === 'supplement_requested' && last ? new Date(last.requestedAt) : null,
        supplementCount: d.supplements.length,
        outcome: null,
        processingDays: processingDays(cal, d),
        feeTotal: d.feeAmount,
        paidOnline: d.paidOnline,
        returnsDocument: p.returnsDocument,
        hasEResult: d.hasEResult,
        digitized: d.digitized,
        reusedComponent: d.reusedComponent,
        citizenStore: d.reusedComponent && d.usedPopulationData,
        populationData: d.usedPopulationData,
        certification: isCertificationSector(p.sector),
        eCertifiedCopy: isCertificationSector(p.sector) && d.hasEResult,
        syncedToPortal: d.syncedToPortal,
        rating: d.rating ? ratings[d.rating] : null,
        hasPetition: false,
        noAppointment: false,
      },
      now,
    );
  });

  const result = await deps.db.transaction(async (tx) => {
    let inserted = 0;
    for (let i = 0; i < facts.length; i += 500) {
      const chunk = facts.slice(i, i + 500);
      const set = Object.fromEntries(Object.keys(chunk[0]!).filter((k) => k !== 'code').map((k) => [k, sql.raw(`excluded.${snake(k)}`)]));
      const out = await tx
        .insert(reportDossierFacts)
        .values(chunk)
        .onConflictDoUpdate({ target: reportDossierFacts.code, set, setWhere: sql`${reportDossierFacts.source} = 'import'` })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      inserted += out.filter((r) => r.inserted).length;
    }
    return { received: facts.length, inserted, updated: facts.length - inserted };
  });
  await rollupAll(deps);
  return result;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
