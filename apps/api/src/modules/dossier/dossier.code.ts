import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { dossiers } from './dossier.tables.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The receipt date as YYMMDD in Vietnam time (the code's date part). */
export function localYymmdd(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(2, 10).replaceAll('-', '');
}

/** `{agencyCode}-{YYMMDD}-{NNNN}` (Circular 01/2018/TT-VPCP Art. 19 shape). */
export function formatDossierCode(agencyCode: string, at: Date, seq: number): string {
  return `${agencyCode}-${localYymmdd(at)}-${String(seq).padStart(4, '0')}`;
}

/**
 * Next number of the agency's day, taken inside the caller's transaction: the row lock makes
 * concurrent intakes queue here, and a rolled-back intake gives its number back, so there are no gaps.
 */
export async function nextDossierSeq(tx: Db, agencyCode: string, at: Date): Promise<number> {
  const day = localYymmdd(at);
  const rows = rowsOf<{ last_seq: number }>(
    await tx.execute(sql`
      insert into dossier_sequences (agency_code, day, last_seq) values (${agencyCode}, ${day}, 1)
      on conflict (agency_code, day) do update set last_seq = dossier_sequences.last_seq + 1
      returning last_seq`),
  );
  return rows[0]!.last_seq;
}

/**
 * Stands in for the code from the dossier's insert until `takeDossierCode`. Never seen outside the
 * transaction; unique because the id is, and outside the code shape so it cannot clash with one.
 */
export const provisionalCode = (id: string) => `~${id}`;

/**
 * Takes the day's next number and writes the real code. Called as late as the intake allows:
 * the counter row stays locked until commit, so everything done after it queues every other intake
 * of the agency's day (measured: with the number taken first, intakes spent most of their time
 * waiting on this lock).
 */
export async function takeDossierCode<T extends { id: string; code: string }>(tx: Db, row: T, agencyCode: string, at: Date): Promise<T> {
  const code = formatDossierCode(agencyCode, at, await nextDossierSeq(tx, agencyCode, at));
  // Same transaction as the insert: nobody has seen the row, so its version does not move.
  await tx.update(dossiers).set({ code }).where(eq(dossiers.id, row.id));
  return { ...row, code };
}
