import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { execRows, uuidArray } from './queue.repo.ts';

export type CounterStateRow = {
  counterId: string;
  centerId: string;
  number: number;
  name: string;
  open: boolean;
  officerId: string | null;
  officerName: string | null;
  serviceGroupIds: string[];
  priorityStreak: number;
};

/** Every counter of a center with its state (closed when never opened). */
export async function listCounterStates(db: Db, centerId: string, opts: { counterId?: string; lock?: boolean } = {}): Promise<CounterStateRow[]> {
  const rows = await execRows<Record<string, unknown>>(
    db,
    sql`select c.id as counter_id, c.center_id, c.number, c.name, coalesce(s.open, false) as open, s.officer_id, u.full_name as officer_name,
          coalesce(s.service_group_ids, '{}') as service_group_ids, coalesce(s.priority_streak, 0) as priority_streak
        from counters c
        left join queue_counter_states s on s.counter_id = c.id
        left join users u on u.id = s.officer_id
        where c.center_id = ${centerId} ${opts.counterId ? sql`and c.id = ${opts.counterId}` : sql``}
        order by c.number
        ${opts.lock ? sql`for update of c` : sql``}`,
  );
  return rows.map((r) => ({
    counterId: r.counter_id as string,
    centerId: r.center_id as string,
    number: Number(r.number),
    name: r.name as string,
    open: Boolean(r.open),
    officerId: (r.officer_id as string | null) ?? null,
    officerName: (r.officer_name as string | null) ?? null,
    serviceGroupIds: parseUuidArray(r.service_group_ids),
    priorityStreak: Number(r.priority_streak),
  }));
}

// node-postgres parses uuid[] into an array; PGlite may hand back the text form "{a,b}".
function parseUuidArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

export async function upsertCounterState(
  tx: Db,
  s: { counterId: string; centerId: string; provinceCode: string; officerId: string | null; serviceGroupIds: string[]; open: boolean; now: Date },
): Promise<void> {
  await tx.execute(
    sql`insert into queue_counter_states (counter_id, province_code, center_id, officer_id, service_group_ids, open, priority_streak, updated_at)
        values (${s.counterId}, ${s.provinceCode}, ${s.centerId}, ${s.officerId}, ${uuidArray(s.serviceGroupIds)}::uuid[], ${s.open}, 0, ${s.now})
        on conflict (counter_id) do update set officer_id = excluded.officer_id, service_group_ids = excluded.service_group_ids,
          open = excluded.open, priority_streak = 0, updated_at = excluded.updated_at`,
  );
}

export async function setStreak(tx: Db, counterId: string, streak: number): Promise<void> {
  await tx.execute(sql`update queue_counter_states set priority_streak = ${streak} where counter_id = ${counterId}`);
}
