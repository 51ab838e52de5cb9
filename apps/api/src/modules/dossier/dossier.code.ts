import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';

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
