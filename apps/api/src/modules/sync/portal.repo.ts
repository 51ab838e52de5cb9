import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import type { DossierStatus } from '../dossier/index.ts';
import type { DossierSnapshot } from './portal-mapping.ts';

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

type Row = {
  id: string;
  code: string;
  province_code: string;
  center_id: string;
  agency_code: string;
  procedure_code: string;
  procedure_name: string;
  sector: string | null;
  online_level: string | null;
  channel: number;
  status: DossierStatus;
  applicant_name: string;
  applicant_id: string | null;
  received_at: string;
  due_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  fee_total: number;
  fee_paid: boolean;
  payment_method: string | null;
  supplement_count: number;
  latest_seq: number;
  results: { code: string }[] | null;
  rating: string | null;
};

/**
 * The dossiers as the portal should see them now (`latestSeq` only when asked: reconciliation needs it,
 * delivery does not), in one query for a whole batch. Reads the
 * catalog's version (online level, sector), the e-results, the payment events and the citizen's rating by SQL: this is a
 * read model for one outgoing format, not business logic of those modules.
 */
export async function loadSnapshots(db: Db, dossierIds: string[], resultUrl: (code: string) => string, opts: { latestSeq?: boolean } = {}): Promise<Map<string, DossierSnapshot>> {
  if (dossierIds.length === 0) return new Map();
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select d.id, d.code, d.province_code, d.center_id, c.agency_code, d.procedure_code, d.procedure_name,
             pv.sector, pv.online_level, d.channel, d.status,
             d.applicant->>'fullName' as applicant_name, d.applicant->>'idNumber' as applicant_id,
             d.received_at, d.due_at, d.finished_at, d.returned_at, d.fee_total, d.fee_paid, d.supplement_count,
             case when d.fee_paid then (select e.data->>'method' from dossier_events e
               where e.dossier_id = d.id and e.action in ('fee_paid', 'record_payment')
               order by e.seq desc limit 1) end as payment_method,
             ${opts.latestSeq ? sql`(select max(e.seq) from dossier_events e where e.dossier_id = d.id)::int` : sql`0`} as latest_seq,
             case when d.status in ('processing', 'awaiting_payment', 'finished', 'returned') then
               (select json_agg(json_build_object('code', r.code) order by r.n) from e_results r where r.dossier_id = d.id) end as results,
             (select dr.overall from dossier_ratings dr where dr.dossier_id = d.id) as rating
      from dossiers d
      join centers c on c.id = d.center_id
      left join procedure_versions pv on pv.id = d.procedure_version_id
      where d.id = any(${uuidArray(dossierIds)}::uuid[])`),
  );
  const out = new Map<string, DossierSnapshot>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      code: r.code,
      provinceCode: r.province_code,
      centerId: r.center_id,
      agencyCode: r.agency_code,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      sector: r.sector,
      onlineLevel: r.online_level,
      channel: Number(r.channel),
      status: r.status,
      applicantName: r.applicant_name,
      applicantIdNumber: r.applicant_id,
      receivedAt: new Date(r.received_at),
      dueAt: date(r.due_at),
      finishedAt: date(r.finished_at),
      returnedAt: date(r.returned_at),
      feeTotal: Number(r.fee_total),
      feePaid: Boolean(r.fee_paid),
      paymentMethod: r.payment_method,
      supplementCount: Number(r.supplement_count),
      latestSeq: Number(r.latest_seq ?? 0),
      results: (r.results ?? []).map((x) => ({ code: x.code, url: resultUrl(x.code) })),
      rating: r.rating ?? null,
    });
  }
  return out;
}

/** Dossiers of a province whose latest change falls in the period: what reconciliation compares. */
export async function dossierIdsChangedIn(db: Db, provinceCode: string, from: Date, to: Date): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select d.id from dossiers d
      where d.province_code = ${provinceCode} and d.updated_at >= ${from} and d.updated_at < ${to}
      order by d.id`),
  );
  return rows.map((r) => r.id);
}
