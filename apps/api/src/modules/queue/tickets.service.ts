import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { PriorityCategory, PublicTicket, QueueEvent, Ticket } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { conflict, DomainError, notFound } from '../../platform/errors.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import { listCounterStates, setStreak } from './counters.repo.ts';
import { preferredClass, streakAfter } from './priority.ts';
import { notifyOf, publishAll, type QueueDeps } from './queue.deps.ts';
import {
  appendEvent,
  avgServiceMinutes,
  claimNext,
  countAhead,
  execRows,
  findCenterRow,
  findCounter,
  findGroup,
  findTicket,
  nextSeq,
  openCountersServing,
  ticketToNotify,
  type TicketRow,
} from './queue.repo.ts';
import { allowedActions, estimateWaitMinutes, localDay, NEAR_TURN_AHEAD, nextStatus, ticketNumber, type TicketAction } from './queue.rules.ts';
import { queueTickets } from './queue.tables.ts';
import { findRating } from './ratings.service.ts';

/** SMS goes through the outbox; the SMS adapter (a later issue) registers the handler for this topic. */
export const SMS_TOPIC = 'sms.send';

export type IssueInput = { serviceGroupId: string; priority: PriorityCategory | null; phone: string | null; source: 'kiosk' | 'online' };

export type IssueOptions = IssueInput & { appointment?: { id: string; startsAt: Date } };

export async function issueTicket(deps: QueueDeps, centerId: string, input: IssueOptions): Promise<TicketRow> {
  const { ctx } = deps;
  const { event, ticket } = await ctx.db.transaction((tx) => issueTicketInTx(deps, tx, centerId, input));
  publishAll(deps, centerId, [event]);
  if (input.phone) ctx.wakeOutbox();
  return ticket;
}

/** Issues inside the caller's transaction (appointment check-in issues and checks in atomically). */
export async function issueTicketInTx(deps: QueueDeps, tx: Db, centerId: string, input: IssueOptions): Promise<{ ticket: TicketRow; event: QueueEvent }> {
  const { ctx } = deps;
  const group = await findGroup(tx, centerId, input.serviceGroupId);
  if (!group) throw notFound('queue.group_not_found', 'No such service group at this center.');
  const now = ctx.clock.now();
  const day = localDay(now);
  const id = ctx.ids.next();
  const seq = await nextSeq(tx, centerId, group.id, day);
  const number = ticketNumber(group.code, seq);
  await tx.insert(queueTickets).values({
    id,
    provinceCode: group.provinceCode,
    centerId,
    serviceGroupId: group.id,
    serviceDay: day,
    seq,
    number,
    priority: input.priority,
    source: input.appointment ? 'appointment' : input.source,
    status: 'waiting',
    phone: input.phone,
    appointmentId: input.appointment?.id ?? null,
    readyAt: input.appointment?.startsAt ?? now,
    issuedAt: now,
  });
  if (input.phone) {
    await enqueueInTx(tx, ctx, {
      topic: SMS_TOPIC,
      idempotencyKey: `queue:${id}:issued`,
      payload: { to: input.phone, template: 'queue.ticket_issued', params: { number, group: group.name }, ticketId: id },
    });
  }
  const event = await appendEvent(tx, { centerId, provinceCode: group.provinceCode, type: 'issued', ticketId: id, actorId: null, at: now, day }, notifyOf(deps));
  return { event, ticket: (await findTicket(tx, id))! };
}

/** The citizen's view: place in line, estimate, QR of the status page. */
export async function publicTicket(deps: QueueDeps, id: string, baseUrl: string): Promise<PublicTicket> {
  const { db } = deps.ctx;
  const t = await findTicket(db, id);
  if (!t) throw notFound('queue.ticket_not_found', 'No such ticket.');
  const center = (await findCenterRow(db, t.centerId))!;
  let ahead = 0;
  let estimate = 0;
  if (t.status === 'waiting') {
    const [n, avg, open] = await Promise.all([countAhead(db, t), avgServiceMinutes(db, t.centerId, t.serviceGroupId, t.serviceDay), openCountersServing(db, t.centerId, t.serviceGroupId)]);
    ahead = n;
    estimate = estimateWaitMinutes({ ahead, avgServiceMinutes: avg, openCounters: open });
  }
  const statusUrl = `${baseUrl}/queue/tickets/${t.id}`;
  const rating = t.status === 'done' ? await findRating(db, t.id) : null;
  return {
    id: t.id,
    centerId: t.centerId,
    centerName: center.name,
    number: t.number,
    serviceGroupCode: t.serviceGroupCode,
    serviceGroupName: t.serviceGroupName,
    priority: t.priority,
    status: t.status,
    issuedAt: t.issuedAt,
    ahead,
    estimatedWaitMinutes: estimate,
    counterNumber: t.status === 'called' || t.status === 'serving' ? t.counterNumber : null,
    statusUrl,
    qrSvg: await QRCode.toString(statusUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    rating: rating?.rating ?? null,
  };
}

export function staffTicket(t: TicketRow): Ticket {
  return {
    id: t.id,
    centerId: t.centerId,
    number: t.number,
    serviceGroupId: t.serviceGroupId,
    serviceGroupCode: t.serviceGroupCode,
    priority: t.priority,
    source: t.source,
    status: t.status,
    counterId: t.counterId,
    counterNumber: t.counterNumber,
    targetCounterId: t.targetCounterId,
    dossierId: t.dossierId,
    recalls: t.recalls,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    servingAt: t.servingAt,
    finishedAt: t.finishedAt,
  };
}

/** Staff of the ticket's center only; any other ticket answers like a missing one. */
function ensureSameCenter(actor: Actor, centerId: string): void {
  if (actor.centerId !== centerId) throw notFound('queue.ticket_not_found', 'No such ticket.');
}

/**
 * Calls the next ticket to a counter (priority policy, the counter's groups, tickets transferred to
 * it). The counter row is locked first, so a double click cannot call two tickets to one counter.
 */
export async function callNext(deps: QueueDeps, actor: Actor, counterId: string): Promise<TicketRow | null> {
  const { ctx } = deps;
  const counter = await findCounter(ctx.db, counterId);
  if (!counter || counter.centerId !== actor.centerId) throw notFound('queue.counter_not_found', 'No such counter.');
  const now = ctx.clock.now();
  const day = localDay(now);
  const result = await ctx.db.transaction(async (tx) => {
    const [state] = await listCounterStates(tx, counter.centerId, { counterId, lock: true });
    if (!state?.open) throw conflict('queue.counter_not_open', 'Open the counter before calling.');
    const [current] = await execRows<{ number: string }>(
      tx,
      sql`select number from queue_tickets where counter_id = ${counterId} and service_day = ${day} and status in ('called', 'serving') limit 1`,
    );
    if (current) throw conflict('queue.counter_busy', `Ticket ${current.number} is still at this counter; finish, skip or transfer it first.`, { number: current.number });
    const preferPriority = preferredClass(state.priorityStreak) === 'priority';
    const ticket = await claimNext(tx, { centerId: counter.centerId, day, counterId, officerId: actor.userId, groupIds: state.serviceGroupIds, preferPriority, now });
    if (!ticket) return null;
    await setStreak(tx, counterId, streakAfter(state.priorityStreak, ticket.priority ? 'priority' : 'normal'));
    await notifyNearTurn(deps, tx, ticket, day);
    const event = await appendEvent(
      tx,
      {
        centerId: ticket.centerId,
        provinceCode: ticket.provinceCode,
        type: 'called',
        ticketId: ticket.id,
        actorId: actor.userId,
        at: now,
        day,
        call: { ticketId: ticket.id, number: ticket.number, counterNumber: counter.number, at: now.toISOString() },
        counterNumber: counter.number,
      },
      notifyOf(deps),
    );
    return { ticket, event };
  });
  if (!result) return null;
  publishAll(deps, counter.centerId, [result.event]);
  return result.ticket;
}

/** "3 people before you": told once, to the ticket that has just moved to that place. */
async function notifyNearTurn(deps: QueueDeps, tx: Db, called: TicketRow, day: string): Promise<void> {
  const next = await ticketToNotify(tx, called.centerId, called.serviceGroupId, day, NEAR_TURN_AHEAD);
  if (!next) return;
  await enqueueInTx(tx, deps.ctx, {
    topic: SMS_TOPIC,
    idempotencyKey: `queue:${next.id}:near_turn`,
    payload: { to: next.phone, template: 'queue.near_turn', params: { number: next.number, ahead: NEAR_TURN_AHEAD }, ticketId: next.id },
  });
  await tx.execute(sql`update queue_tickets set near_turn_notified = true where id = ${next.id}`);
  deps.ctx.wakeOutbox();
}

type ActInput =
  | { action: 'recall' | 'start' | 'finish' | 'skip' }
  | { action: 'transfer'; serviceGroupId?: string | undefined; counterId?: string | undefined };

const eventOf = { recall: 'recalled', start: 'serving', finish: 'finished', skip: 'no_show', transfer: 'transferred' } as const;

/** Recall, start, finish, skip or transfer: a compare-and-set on the locked row; an illegal move is a 409. */
export async function actOnTicket(deps: QueueDeps, actor: Actor, ticketId: string, input: ActInput): Promise<TicketRow> {
  const { ctx } = deps;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const t = await findTicket(tx, ticketId, { lock: true });
    if (!t) throw notFound('queue.ticket_not_found', 'No such ticket.');
    ensureSameCenter(actor, t.centerId);
    const action: TicketAction = input.action;
    const to = nextStatus(t.status, action);
    if (!to) {
      throw conflict('queue.illegal_transition', `A ${t.status} ticket cannot be ${action}ed.`, { ticketStatus: t.status, action, allowed: allowedActions(t.status) });
    }
    let counterNumber = t.counterNumber;
    switch (input.action) {
      case 'recall':
        if (t.status === 'no_show') {
          // The person came back: the counter that skipped them calls them again.
          await tx.execute(sql`update queue_tickets set status = 'called', recalls = recalls + 1, finished_at = null where id = ${t.id}`);
        } else {
          await tx.execute(sql`update queue_tickets set recalls = recalls + 1 where id = ${t.id}`);
        }
        break;
      case 'start':
        await tx.execute(sql`update queue_tickets set status = 'serving', serving_at = ${now} where id = ${t.id}`);
        break;
      case 'finish':
        await tx.execute(sql`update queue_tickets set status = 'done', finished_at = ${now} where id = ${t.id}`);
        break;
      case 'skip':
        await tx.execute(sql`update queue_tickets set status = 'no_show', finished_at = ${now} where id = ${t.id}`);
        break;
      case 'transfer': {
        const target = await transferTarget(tx, t, input);
        // Keeps its place in line (ready_at): the person has already waited once.
        await tx.execute(
          sql`update queue_tickets set status = 'waiting', service_group_id = ${target.groupId}, target_counter_id = ${target.counterId},
                counter_id = null, officer_id = null, called_at = null, serving_at = null, transfers = transfers + 1 where id = ${t.id}`,
        );
        break;
      }
    }
    const updated = (await findTicket(tx, t.id))!;
    counterNumber = counterNumber ?? updated.counterNumber;
    const event = await appendEvent(
      tx,
      {
        centerId: t.centerId,
        provinceCode: t.provinceCode,
        type: eventOf[input.action],
        ticketId: t.id,
        actorId: actor.userId,
        at: now,
        day: t.serviceDay,
        call: input.action === 'recall' && counterNumber !== null ? { ticketId: t.id, number: t.number, counterNumber, at: now.toISOString() } : null,
        counterNumber,
      },
      notifyOf(deps),
    );
    return { ticket: updated, event };
  });
  publishAll(deps, result.ticket.centerId, [result.event]);
  return result.ticket;
}

async function transferTarget(
  tx: Db,
  t: TicketRow,
  input: { serviceGroupId?: string | undefined; counterId?: string | undefined },
): Promise<{ groupId: string; counterId: string | null }> {
  if (input.counterId) {
    const counter = await findCounter(tx, input.counterId);
    if (!counter || counter.centerId !== t.centerId) throw notFound('queue.counter_not_found', 'No such counter.');
    if (counter.id === t.counterId) throw new DomainError('business_rule', 'queue.transfer_to_self', 'The ticket is already at this counter.');
    return { groupId: t.serviceGroupId, counterId: counter.id };
  }
  const group = await findGroup(tx, t.centerId, input.serviceGroupId!);
  if (!group) throw notFound('queue.group_not_found', 'No such service group at this center.');
  return { groupId: group.id, counterId: null };
}

/** Records which dossier this visit produced (the intake page of issue 5 calls this). */
export async function linkDossier(deps: QueueDeps, actor: Actor, ticketId: string, dossierId: string): Promise<TicketRow> {
  const { ctx } = deps;
  return ctx.db.transaction(async (tx) => {
    const t = await findTicket(tx, ticketId, { lock: true });
    if (!t) throw notFound('queue.ticket_not_found', 'No such ticket.');
    ensureSameCenter(actor, t.centerId);
    if (t.status === 'waiting' || t.status === 'no_show') {
      throw conflict('queue.not_served', 'Only a ticket that was called can be linked to a dossier.', { ticketStatus: t.status });
    }
    if (t.dossierId && t.dossierId !== dossierId) throw conflict('queue.dossier_already_linked', 'This ticket is already linked to another dossier.');
    await tx.execute(sql`update queue_tickets set dossier_id = ${dossierId} where id = ${t.id}`);
    return (await findTicket(tx, t.id))!;
  });
}

