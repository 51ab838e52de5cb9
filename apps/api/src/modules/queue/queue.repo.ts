import { sql, type SQL } from 'drizzle-orm';
import type { BoardCall, PriorityCategory, QueueEvent, QueueEventType, Ticket, TicketSource, TicketStatus } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';

// Centers, service groups, counters and users belong to other modules; this module only reads
// them, by name in SQL, because a module may not import another module's tables.

export const NOTIFY_CHANNEL = 'motcua_queue';

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

/** A Postgres array literal for `= any(...::uuid[])`; ids are validated uuids. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

export async function execRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export type GroupRow = { id: string; code: string; name: string; provinceCode: string; centerId: string };

export async function findGroup(db: Db, centerId: string, groupId: string): Promise<GroupRow | null> {
  const rows = await execRows<GroupRow>(
    db,
    sql`select id, code, name, province_code as "provinceCode", center_id as "centerId" from service_groups where id = ${groupId} and center_id = ${centerId}`,
  );
  return rows[0] ?? null;
}

export async function listGroups(db: Db, centerId: string): Promise<GroupRow[]> {
  return execRows<GroupRow>(
    db,
    sql`select id, code, name, province_code as "provinceCode", center_id as "centerId" from service_groups where center_id = ${centerId} order by sort_order, code`,
  );
}

export type CenterRow = { id: string; name: string; agencyCode: string; provinceCode: string };

export async function findCenterRow(db: Db, centerId: string): Promise<CenterRow | null> {
  const rows = await execRows<CenterRow>(
    db,
    sql`select id, name, agency_code as "agencyCode", province_code as "provinceCode" from centers where id = ${centerId}`,
  );
  return rows[0] ?? null;
}

export async function listCenterRows(db: Db, provinceCode?: string): Promise<CenterRow[]> {
  return execRows<CenterRow>(
    db,
    sql`select id, name, agency_code as "agencyCode", province_code as "provinceCode" from centers
        ${provinceCode ? sql`where province_code = ${provinceCode}` : sql``} order by agency_code`,
  );
}

export type CounterRow = { id: string; number: number; name: string; centerId: string; provinceCode: string };

export async function findCounter(db: Db, counterId: string): Promise<CounterRow | null> {
  const rows = await execRows<CounterRow>(
    db,
    sql`select id, number, name, center_id as "centerId", province_code as "provinceCode" from counters where id = ${counterId}`,
  );
  return rows[0] ?? null;
}

/** Takes the next number of a group for the day; the row lock makes concurrent issues queue up. */
export async function nextSeq(tx: Db, centerId: string, groupId: string, day: string): Promise<number> {
  const rows = await execRows<{ last_seq: number }>(
    tx,
    sql`insert into queue_day_counters (center_id, service_group_id, service_day, last_seq) values (${centerId}, ${groupId}, ${day}, 1)
        on conflict (center_id, service_group_id, service_day) do update set last_seq = queue_day_counters.last_seq + 1
        returning last_seq`,
  );
  return Number(rows[0]!.last_seq);
}

/** Waiting tickets per group letter today (every group of the center, zeros included). */
export async function waitingCounts(db: Db, centerId: string, day: string): Promise<Record<string, number>> {
  const rows = await execRows<{ code: string; n: number }>(
    db,
    sql`select g.code, count(t.id)::int as n from service_groups g
        left join queue_tickets t on t.service_group_id = g.id and t.status = 'waiting' and t.service_day = ${day}
        where g.center_id = ${centerId} group by g.code order by g.code`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
}

export type NewEvent = {
  centerId: string;
  provinceCode: string;
  type: QueueEventType;
  ticketId: string | null;
  actorId: string | null;
  at: Date;
  day: string;
  call?: BoardCall | null;
  counterNumber?: number | null;
  notice?: string | null;
};

/**
 * Appends an event to the center's feed inside the caller's transaction. Taking the next seq locks
 * the board row until commit, so a center's events commit in seq order and a display that resumes
 * after seq N misses nothing. On PostgreSQL the NOTIFY is sent at commit, to every API process.
 */
export async function appendEvent(tx: Db, e: NewEvent, notify: { origin: string } | null): Promise<QueueEvent> {
  const waiting = await waitingCounts(tx, e.centerId, e.day);
  const seqRows = await execRows<{ last_seq: number }>(
    tx,
    sql`insert into queue_boards (center_id, province_code, last_seq) values (${e.centerId}, ${e.provinceCode}, 1)
        on conflict (center_id) do update set last_seq = queue_boards.last_seq + 1 returning last_seq`,
  );
  const event: QueueEvent = {
    seq: Number(seqRows[0]!.last_seq),
    type: e.type,
    at: e.at.toISOString(),
    call: e.call ?? null,
    counterNumber: e.counterNumber ?? null,
    waiting,
    notice: e.notice ?? null,
  };
  await tx.execute(
    sql`insert into queue_events (center_id, seq, province_code, type, ticket_id, at, actor_id, payload)
        values (${e.centerId}, ${event.seq}, ${e.provinceCode}, ${e.type}, ${e.ticketId}, ${e.at}, ${e.actorId}, ${JSON.stringify(event)}::jsonb)`,
  );
  if (notify) {
    await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ o: notify.origin, c: e.centerId, e: event })})`);
  }
  return event;
}

export async function eventsAfter(db: Db, centerId: string, afterSeq: number, limit: number): Promise<QueueEvent[]> {
  const rows = await execRows<{ payload: QueueEvent | string }>(
    db,
    sql`select payload from queue_events where center_id = ${centerId} and seq > ${afterSeq} order by seq limit ${limit}`,
  );
  return rows.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as QueueEvent) : r.payload));
}

export async function boardRow(db: Db, centerId: string): Promise<{ lastSeq: number; notice: string }> {
  const rows = await execRows<{ last_seq: number; notice: string }>(db, sql`select last_seq, notice from queue_boards where center_id = ${centerId}`);
  return { lastSeq: Number(rows[0]?.last_seq ?? 0), notice: rows[0]?.notice ?? '' };
}

export type TicketRow = Ticket & {
  provinceCode: string;
  serviceGroupName: string;
  serviceDay: string;
  seq: number;
  phone: string | null;
  readyAt: string;
  officerId: string | null;
  appointmentId: string | null;
};

const ticketColumns = sql`t.id, t.center_id, t.province_code, t.number, t.seq, t.service_day::text as service_day, t.service_group_id,
  g.code as group_code, g.name as group_name, t.priority, t.source, t.status, t.counter_id, c.number as counter_number,
  t.target_counter_id, t.dossier_id, t.recalls, t.issued_at, t.called_at, t.serving_at, t.finished_at, t.phone, t.ready_at,
  t.officer_id, t.appointment_id`;

const ticketFrom = sql`from queue_tickets t join service_groups g on g.id = t.service_group_id left join counters c on c.id = t.counter_id`;

function toTicket(r: Record<string, unknown>): TicketRow {
  return {
    id: r.id as string,
    centerId: r.center_id as string,
    provinceCode: r.province_code as string,
    number: r.number as string,
    seq: Number(r.seq),
    serviceDay: r.service_day as string,
    serviceGroupId: r.service_group_id as string,
    serviceGroupCode: r.group_code as string,
    serviceGroupName: r.group_name as string,
    priority: (r.priority as PriorityCategory | null) ?? null,
    source: r.source as TicketSource,
    status: r.status as TicketStatus,
    counterId: (r.counter_id as string | null) ?? null,
    counterNumber: r.counter_number === null || r.counter_number === undefined ? null : Number(r.counter_number),
    targetCounterId: (r.target_counter_id as string | null) ?? null,
    dossierId: (r.dossier_id as string | null) ?? null,
    recalls: Number(r.recalls),
    issuedAt: iso(r.issued_at),
    calledAt: isoOrNull(r.called_at),
    servingAt: isoOrNull(r.serving_at),
    finishedAt: isoOrNull(r.finished_at),
    phone: (r.phone as string | null) ?? null,
    readyAt: iso(r.ready_at),
    officerId: (r.officer_id as string | null) ?? null,
    appointmentId: (r.appointment_id as string | null) ?? null,
  };
}

export async function findTicket(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<TicketRow | null> {
  const rows = await execRows<Record<string, unknown>>(
    db,
    sql`select ${ticketColumns} ${ticketFrom} where t.id = ${id} ${opts.lock ? sql`for update of t` : sql``}`,
  );
  return rows[0] ? toTicket(rows[0]) : null;
}

/** Tickets currently called or being served at the given counters today. */
export async function currentAtCounters(db: Db, centerId: string, day: string): Promise<TicketRow[]> {
  const rows = await execRows<Record<string, unknown>>(
    db,
    sql`select ${ticketColumns} ${ticketFrom}
        where t.center_id = ${centerId} and t.service_day = ${day} and t.status in ('called', 'serving') order by t.called_at`,
  );
  return rows.map(toTicket);
}

/**
 * Claims the next ticket for a counter in one statement. FOR UPDATE SKIP LOCKED makes two counters
 * calling at the same instant take different tickets; a row another caller already moved on is
 * re-checked against `status = 'waiting'` and skipped. Order: tickets transferred to this counter,
 * then appointments whose time has come, then the preferred class (priority policy), then time.
 */
export async function claimNext(
  tx: Db,
  a: { centerId: string; day: string; counterId: string; officerId: string; groupIds: string[]; preferPriority: boolean; now: Date },
): Promise<TicketRow | null> {
  const claimed = await execRows<{ id: string }>(
    tx,
    sql`with next as (
          select id from queue_tickets
          where center_id = ${a.centerId} and service_day = ${a.day} and status = 'waiting'
            and (target_counter_id = ${a.counterId}
                 or (target_counter_id is null and service_group_id = any(${uuidArray(a.groupIds)}::uuid[])))
          order by (target_counter_id is not null) desc,
                   (appointment_id is not null and ready_at <= ${a.now}) desc,
                   ((priority is not null) = ${a.preferPriority}) desc,
                   ready_at, seq
          limit 1
          for update skip locked)
        update queue_tickets t set status = 'called', counter_id = ${a.counterId}, officer_id = ${a.officerId},
          called_at = ${a.now}, target_counter_id = null
        from next where t.id = next.id
        returning t.id`,
  );
  return claimed[0] ? findTicket(tx, claimed[0].id) : null;
}

/** Tickets that will be called before this one in its line (priority first, then time). */
export async function countAhead(db: Db, t: TicketRow): Promise<number> {
  const earlier = sql`(ready_at, seq) < (${new Date(t.readyAt)}, ${t.seq})`;
  const rows = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from queue_tickets
        where center_id = ${t.centerId} and service_day = ${t.serviceDay} and status = 'waiting' and id <> ${t.id}
          and service_group_id = ${t.serviceGroupId} and target_counter_id is null
          and ${t.priority ? sql`priority is not null and ${earlier}` : sql`(priority is not null or ${earlier})`}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Waiting ticket at `position` (0 = next) of a group's line, if it left a phone not yet told. */
export async function ticketToNotify(tx: Db, centerId: string, groupId: string, day: string, position: number): Promise<{ id: string; number: string; phone: string } | null> {
  const rows = await execRows<{ id: string; number: string; phone: string | null; near_turn_notified: boolean }>(
    tx,
    sql`select id, number, phone, near_turn_notified from queue_tickets
        where center_id = ${centerId} and service_day = ${day} and status = 'waiting' and service_group_id = ${groupId} and target_counter_id is null
        order by (priority is not null) desc, ready_at, seq offset ${position} limit 1`,
  );
  const r = rows[0];
  return r && r.phone && !r.near_turn_notified ? { id: r.id, number: r.number, phone: r.phone } : null;
}

export async function avgServiceMinutes(db: Db, centerId: string, groupId: string, day: string): Promise<number | null> {
  const rows = await execRows<{ m: number | null }>(
    db,
    sql`select avg(extract(epoch from (finished_at - called_at)) / 60)::float8 as m from (
          select finished_at, called_at from queue_tickets
          where center_id = ${centerId} and service_group_id = ${groupId} and service_day = ${day} and status = 'done'
          order by finished_at desc limit 20) recent`,
  );
  const m = rows[0]?.m;
  return m === null || m === undefined ? null : Number(m);
}

export async function openCountersServing(db: Db, centerId: string, groupId: string): Promise<number> {
  const rows = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from queue_counter_states where center_id = ${centerId} and open and ${groupId}::uuid = any(service_group_ids)`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The last calls of the day, newest first, for the board. */
export async function recentCalls(db: Db, centerId: string, since: Date, limit: number): Promise<BoardCall[]> {
  const rows = await execRows<{ payload: QueueEvent | string }>(
    db,
    sql`select payload from queue_events where center_id = ${centerId} and type in ('called', 'recalled') and at >= ${since}
        order by seq desc limit ${limit}`,
  );
  return rows.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as QueueEvent) : r.payload).call!).filter(Boolean);
}
