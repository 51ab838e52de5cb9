import type { BoardSnapshot, ConsoleState, CounterState } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { listCounterStates, upsertCounterState } from './counters.repo.ts';
import { notifyOf, publishAll, type QueueDeps } from './queue.deps.ts';
import { appendEvent, boardRow, currentAtCounters, execRows, findCenterRow, findCounter, listGroups, recentCalls, waitingCounts } from './queue.repo.ts';
import { localDay, startOfLocalDay } from './queue.rules.ts';
import { staffTicket } from './tickets.service.ts';
import { sql } from 'drizzle-orm';

/** Roles that work a counter (the "signed-in staff of that center"). */
const COUNTER_ROLES = new Set(['counter_officer', 'specialist', 'leader', 'director']);

export function requireCounterStaff(actor: Actor, centerId?: string): string {
  if (!COUNTER_ROLES.has(actor.role) || !actor.centerId) throw forbidden('queue.not_counter_staff', 'Only staff of a center work its counters.');
  if (centerId && centerId !== actor.centerId) throw notFound('queue.center_not_found', 'No such center.');
  return actor.centerId;
}

export async function consoleState(deps: QueueDeps, actor: Actor, centerId: string): Promise<ConsoleState> {
  requireCounterStaff(actor, centerId);
  const { db } = deps.ctx;
  const center = await findCenterRow(db, centerId);
  if (!center) throw notFound('queue.center_not_found', 'No such center.');
  const day = localDay(deps.ctx.clock.now());
  const [states, groups, waiting, current] = await Promise.all([listCounterStates(db, centerId), listGroups(db, centerId), waitingCounts(db, centerId, day), currentAtCounters(db, centerId, day)]);
  const counters: CounterState[] = states.map((s) => {
    const t = current.find((c) => c.counterId === s.counterId);
    return {
      id: s.counterId,
      number: s.number,
      name: s.name,
      open: s.open,
      officerId: s.officerId,
      officerName: s.officerName,
      serviceGroupIds: s.serviceGroupIds,
      current: t ? staffTicket(t) : null,
    };
  });
  return {
    centerId,
    centerName: center.name,
    counters,
    groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name, waiting: waiting[g.code] ?? 0 })),
  };
}

/** An officer sits at a counter and says which groups it serves; a shift change simply takes it over. */
export async function openCounter(deps: QueueDeps, actor: Actor, counterId: string, serviceGroupIds: string[]): Promise<void> {
  const centerId = requireCounterStaff(actor);
  const { ctx } = deps;
  const counter = await findCounter(ctx.db, counterId);
  if (!counter || counter.centerId !== centerId) throw notFound('queue.counter_not_found', 'No such counter.');
  const groups = await listGroups(ctx.db, centerId);
  const unknown = serviceGroupIds.filter((id) => !groups.some((g) => g.id === id));
  if (unknown.length > 0) {
    throw new DomainError('validation', 'queue.group_not_found', 'A chosen service group does not belong to this center.', {
      errors: unknown.map(() => ({ path: 'body.serviceGroupIds', message: 'not a group of this center' })),
    });
  }
  await ctx.db.transaction(async (tx) => {
    await upsertCounterState(tx, { counterId, centerId, provinceCode: counter.provinceCode, officerId: actor.userId, serviceGroupIds: [...new Set(serviceGroupIds)], open: true, now: ctx.clock.now() });
  });
}

export async function closeCounter(deps: QueueDeps, actor: Actor, counterId: string): Promise<void> {
  const centerId = requireCounterStaff(actor);
  const { ctx } = deps;
  const counter = await findCounter(ctx.db, counterId);
  if (!counter || counter.centerId !== centerId) throw notFound('queue.counter_not_found', 'No such counter.');
  const day = localDay(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    const [busy] = await execRows<{ number: string }>(
      tx,
      sql`select number from queue_tickets where counter_id = ${counterId} and service_day = ${day} and status in ('called', 'serving') limit 1`,
    );
    if (busy) throw conflict('queue.counter_busy', `Ticket ${busy.number} is still at this counter; finish, skip or transfer it first.`, { number: busy.number });
    const [state] = await listCounterStates(tx, centerId, { counterId, lock: true });
    await upsertCounterState(tx, { counterId, centerId, provinceCode: counter.provinceCode, officerId: null, serviceGroupIds: state?.serviceGroupIds ?? [], open: false, now: ctx.clock.now() });
  });
}

/** Everything a display needs at once; sent first on a fresh connection. */
export async function boardSnapshot(deps: QueueDeps, centerId: string): Promise<BoardSnapshot> {
  const { db, clock } = deps.ctx;
  const center = await findCenterRow(db, centerId);
  if (!center) throw notFound('queue.center_not_found', 'No such center.');
  const day = localDay(clock.now());
  // The seq is read first: anything committed after it is delivered as an event on top.
  const board = await boardRow(db, centerId);
  const [groups, waiting, states, current, recent] = await Promise.all([
    listGroups(db, centerId),
    waitingCounts(db, centerId, day),
    listCounterStates(db, centerId),
    currentAtCounters(db, centerId, day),
    recentCalls(db, centerId, startOfLocalDay(day), 8),
  ]);
  return {
    seq: board.lastSeq,
    centerId,
    centerName: center.name,
    groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name, waiting: waiting[g.code] ?? 0 })),
    counters: states.map((s) => {
      const t = current.find((c) => c.counterId === s.counterId);
      return { number: s.number, name: s.name, current: t ? { ticketId: t.id, number: t.number, counterNumber: s.number, at: t.calledAt! } : null };
    }),
    recentCalls: recent,
    notice: board.notice,
  };
}

/** The director's scrolling line on the display board. */
export async function setNotice(deps: QueueDeps, actor: Actor, centerId: string, text: string): Promise<void> {
  if (actor.centerId !== centerId) throw notFound('queue.center_not_found', 'No such center.');
  if (actor.role !== 'director') throw forbidden('queue.director_only', 'Only the center director sets the notice line.');
  const { ctx } = deps;
  const center = (await findCenterRow(ctx.db, centerId))!;
  const now = ctx.clock.now();
  const event = await ctx.db.transaction(async (tx) => {
    const e = await appendEvent(tx, { centerId, provinceCode: center.provinceCode, type: 'notice', ticketId: null, actorId: actor.userId, at: now, day: localDay(now), notice: text }, notifyOf(deps));
    await tx.execute(sql`update queue_boards set notice = ${text}, notice_updated_at = ${now}, notice_updated_by = ${actor.userId} where center_id = ${centerId}`);
    return e;
  });
  publishAll(deps, centerId, [event]);
}
