import { sql, type SQL } from 'drizzle-orm';
import type { StatsDimension, StatsRow } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { execRows } from './queue.repo.ts';
import { TIME_ZONE } from './queue.rules.ts';

const dimension: Record<StatsDimension, { key: SQL; label: SQL }> = {
  center: { key: sql`t.center_id::text`, label: sql`ce.name` },
  group: { key: sql`g.code`, label: sql`g.code || ' – ' || g.name` },
  counter: { key: sql`coalesce(lpad(c.number::text, 3, '0'), '-')`, label: sql`coalesce(c.name, '-')` },
  officer: { key: sql`coalesce(t.officer_id::text, '-')`, label: sql`coalesce(u.full_name, '-')` },
  hour: {
    key: sql`lpad(extract(hour from t.issued_at at time zone ${sql.raw(`'${TIME_ZONE}'`)})::int::text, 2, '0')`,
    label: sql`lpad(extract(hour from t.issued_at at time zone ${sql.raw(`'${TIME_ZONE}'`)})::int::text, 2, '0') || ':00'`,
  },
};

/**
 * Tickets, served, no-shows, waiting time (arrival or appointment time → call) and service time
 * (call → finish) and the holders' ratings of their visits over local days [from, to], grouped by one
 * dimension; joined with the dossiers received from those visits (returned, hours from the number to
 * the returned result, the dossier ratings). Dossiers and their ratings belong to other modules and
 * are read by table name only.
 */
export async function queueStats(db: Db, a: { scope: SQL; from: string; to: string; by: StatsDimension }): Promise<StatsRow[]> {
  const d = dimension[a.by];
  const rows = await execRows<Record<string, unknown>>(
    db,
    sql`select ${d.key} as key, ${d.label} as label, count(*)::int as tickets,
          count(*) filter (where t.status = 'done')::int as served,
          count(*) filter (where t.status = 'no_show')::int as no_shows,
          avg(extract(epoch from (t.called_at - greatest(t.issued_at, t.ready_at))) / 60) filter (where t.called_at is not null)::float8 as avg_wait,
          avg(extract(epoch from (t.finished_at - t.called_at)) / 60) filter (where t.status = 'done')::float8 as avg_service,
          count(r.ticket_id) filter (where r.rating = 'very_satisfied')::int as very_satisfied,
          count(r.ticket_id) filter (where r.rating = 'satisfied')::int as satisfied,
          count(r.ticket_id) filter (where r.rating = 'dissatisfied')::int as dissatisfied,
          count(d.id)::int as dossiers,
          count(d.returned_at)::int as returned,
          avg(extract(epoch from (d.returned_at - t.issued_at)) / 3600) filter (where d.returned_at is not null)::float8 as to_return,
          count(dr.dossier_id) filter (where dr.overall = 'very_satisfied')::int as d_very_satisfied,
          count(dr.dossier_id) filter (where dr.overall = 'satisfied')::int as d_satisfied,
          count(dr.dossier_id) filter (where dr.overall = 'dissatisfied')::int as d_dissatisfied
        from queue_tickets t
        left join queue_ratings r on r.ticket_id = t.id
        left join dossiers d on d.id = t.dossier_id
        left join dossier_ratings dr on dr.dossier_id = t.dossier_id
        join centers ce on ce.id = t.center_id
        join service_groups g on g.id = t.service_group_id
        left join counters c on c.id = t.counter_id
        left join users u on u.id = t.officer_id
        where ${a.scope} and t.service_day between ${a.from} and ${a.to}
        group by 1, 2 order by 1`,
  );
  const oneDecimal = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return rows.map((r) => ({
    key: String(r.key),
    label: String(r.label),
    tickets: Number(r.tickets),
    served: Number(r.served),
    noShows: Number(r.no_shows),
    avgWaitMinutes: oneDecimal(r.avg_wait),
    avgServiceMinutes: oneDecimal(r.avg_service),
    ratings: { verySatisfied: Number(r.very_satisfied), satisfied: Number(r.satisfied), dissatisfied: Number(r.dissatisfied) },
    dossiers: {
      linked: Number(r.dossiers),
      returned: Number(r.returned),
      avgIssueToReturnHours: oneDecimal(r.to_return),
      ratings: { verySatisfied: Number(r.d_very_satisfied), satisfied: Number(r.d_satisfied), dissatisfied: Number(r.d_dissatisfied) },
    },
  }));
}

export const inCenter = (centerId: string) => sql`t.center_id = ${centerId}`;
export const inProvince = (provinceCode: string) => sql`t.province_code = ${provinceCode}`;
