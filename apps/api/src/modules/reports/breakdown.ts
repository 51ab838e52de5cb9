import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { userNames } from '../auth/index.ts';
import type { Period } from './counts.repo.ts';
import type { Table } from './export.ts';
import type { ReportUnit } from './units.repo.ts';

export type BreakdownBy = 'procedure' | 'sector' | 'officer';
export type BreakdownRow = { key: string; label: string; received: number; handled: number; onTime: number; late: number; online: number; avgProcessingDays: number | null };

const keys: Record<BreakdownBy, { key: string; label: string }> = {
  procedure: { key: 'f.procedure_code', label: 'max(f.procedure_name)' },
  sector: { key: 'f.sector', label: 'f.sector' },
  officer: { key: "coalesce(f.officer_id::text, '')", label: "''" },
};

/**
 * The activity of a unit per procedure, sector or officer over a period, straight from the facts
 * (index on unit and day): received in the period, and handled in it on time or late.
 */
export async function breakdown(deps: Pick<AppContext, 'db'>, unit: ReportUnit, p: Period, by: BreakdownBy): Promise<BreakdownRow[]> {
  const k = keys[by];
  const scope = unit.kind === 'province' ? sql`f.province_code = ${unit.provinceCode}` : sql`f.unit_code = ${unit.unitCode}`;
  const inReceived = sql`f.received_day between ${p.from}::date and ${p.to}::date`;
  const inHandled = sql`f.handled_day between ${p.from}::date and ${p.to}::date`;
  const rows = rowsOf<{ key: string; label: string; received: number; handled: number; on_time: number; late: number; online: number; avg_days: number | null }>(
    await deps.db.execute(sql`
      select ${sql.raw(k.key)} as key, ${sql.raw(k.label)} as label,
        count(*) filter (where ${inReceived})::int as received,
        count(*) filter (where ${inHandled})::int as handled,
        count(*) filter (where ${inHandled} and f.on_time)::int as on_time,
        count(*) filter (where ${inHandled} and not f.on_time)::int as late,
        count(*) filter (where ${inReceived} and f.channel = 2)::int as online,
        avg(f.processing_days) filter (where ${inHandled}) as avg_days
      from report_dossier_facts f
      where ${scope} and (${inReceived} or ${inHandled})
      group by 1${by === 'sector' ? sql`, f.sector` : sql``}
      order by received desc, key
      limit 500`),
  );
  const names = by === 'officer' ? await userNames(deps.db, rows.map((r) => r.key).filter((x) => x !== '')) : new Map<string, string>();
  return rows.map((r) => ({
    key: r.key,
    label: by === 'officer' ? (names.get(r.key) ?? (r.key === '' ? '—' : r.key)) : r.label,
    received: r.received,
    handled: r.handled,
    onTime: r.on_time,
    late: r.late,
    online: r.online,
    avgProcessingDays: r.avg_days === null ? null : Math.round(Number(r.avg_days) * 100) / 100,
  }));
}

export function breakdownTable(by: BreakdownBy, rows: BreakdownRow[]): Table {
  const head = { procedure: 'Thủ tục', sector: 'Lĩnh vực', officer: 'Cán bộ' }[by];
  return {
    title: `Theo ${head.toLowerCase()}`,
    columns: [
      { key: 'key', header: 'Mã' },
      { key: 'label', header: head },
      { key: 'received', header: 'Tiếp nhận' },
      { key: 'handled', header: 'Đã giải quyết' },
      { key: 'onTime', header: 'Đúng hạn' },
      { key: 'late', header: 'Quá hạn' },
      { key: 'online', header: 'Trực tuyến' },
      { key: 'avgProcessingDays', header: 'Bình quân (ngày làm việc)', numFmt: '0.00' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
