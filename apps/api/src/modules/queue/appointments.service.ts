import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Appointment, AppointmentSlot, BookedAppointment } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { publishAll, type QueueDeps } from './queue.deps.ts';
import { execRows, findCenterRow, findGroup, findTicket, type TicketRow } from './queue.repo.ts';
import { localDay, startOfLocalDay } from './queue.rules.ts';
import { issueTicketInTx } from './tickets.service.ts';

/** The director opens bookable slots (same start again = new capacity). */
export async function openSlots(deps: QueueDeps, actor: Actor, centerId: string, input: { serviceGroupId: string; startsAt: string[]; capacity: number }): Promise<void> {
  if (actor.centerId !== centerId) throw notFound('queue.center_not_found', 'No such center.');
  if (actor.role !== 'director') throw forbidden('queue.director_only', 'Only the center director opens appointment slots.');
  const { ctx } = deps;
  const group = await findGroup(ctx.db, centerId, input.serviceGroupId);
  if (!group) throw notFound('queue.group_not_found', 'No such service group at this center.');
  await ctx.db.transaction(async (tx) => {
    for (const startsAt of input.startsAt) {
      await tx.execute(
        sql`insert into queue_appointment_slots (id, province_code, center_id, service_group_id, starts_at, capacity)
            values (${ctx.ids.next()}, ${group.provinceCode}, ${centerId}, ${group.id}, ${new Date(startsAt)}, ${input.capacity})
            on conflict (center_id, service_group_id, starts_at) do update set capacity = greatest(excluded.capacity, queue_appointment_slots.booked)`,
      );
    }
  });
}

export async function listSlots(deps: QueueDeps, centerId: string, day: string): Promise<AppointmentSlot[]> {
  const from = startOfLocalDay(day);
  const to = new Date(from.getTime() + 24 * 3600_000);
  const rows = await execRows<{ service_group_id: string; starts_at: string | Date; capacity: number; booked: number }>(
    deps.ctx.db,
    sql`select service_group_id, starts_at, capacity, booked from queue_appointment_slots
        where center_id = ${centerId} and starts_at >= ${from} and starts_at < ${to} order by starts_at, service_group_id`,
  );
  return rows.map((r) => ({ serviceGroupId: r.service_group_id, startsAt: new Date(r.starts_at).toISOString(), capacity: Number(r.capacity), booked: Number(r.booked) }));
}

type AppointmentRow = { id: string; center_id: string; service_group_id: string; starts_at: string | Date; code: string; status: Appointment['status']; ticket_id: string | null; phone: string | null };

const toAppointment = (r: AppointmentRow): Appointment => ({
  id: r.id,
  centerId: r.center_id,
  serviceGroupId: r.service_group_id,
  startsAt: new Date(r.starts_at).toISOString(),
  code: r.code,
  status: r.status,
  ticketId: r.ticket_id,
});

/** Books a place; the capacity check is one compare-and-set on the slot row, so it cannot overbook. */
export async function book(deps: QueueDeps, centerId: string, input: { serviceGroupId: string; startsAt: string; fullName: string; phone: string | null }): Promise<BookedAppointment> {
  const { ctx } = deps;
  const center = await findCenterRow(ctx.db, centerId);
  if (!center) throw notFound('queue.center_not_found', 'No such center.');
  const group = await findGroup(ctx.db, centerId, input.serviceGroupId);
  if (!group) throw notFound('queue.slot_not_found', 'No appointment slot at this time.');
  const startsAt = new Date(input.startsAt);
  if (startsAt <= ctx.clock.now()) throw new DomainError('business_rule', 'queue.slot_past', 'This time has already passed.');
  const appointment = await ctx.db.transaction(async (tx) => {
    const [slot] = await execRows<{ id: string }>(
      tx,
      sql`update queue_appointment_slots set booked = booked + 1
          where center_id = ${centerId} and service_group_id = ${input.serviceGroupId} and starts_at = ${startsAt} and booked < capacity
          returning id`,
    );
    if (!slot) {
      const [exists] = await execRows<{ id: string }>(tx, sql`select id from queue_appointment_slots where center_id = ${centerId} and service_group_id = ${input.serviceGroupId} and starts_at = ${startsAt}`);
      if (!exists) throw notFound('queue.slot_not_found', 'No appointment slot at this time.');
      throw conflict('queue.slot_full', 'This time is fully booked; choose another.');
    }
    const id = ctx.ids.next();
    // The last hex digits of a UUIDv7 are random: a short code a person can type at the kiosk.
    const code = id.replace(/-/g, '').slice(-6).toUpperCase();
    const [row] = await execRows<AppointmentRow>(
      tx,
      sql`insert into queue_appointments (id, province_code, center_id, service_group_id, slot_id, starts_at, code, full_name, phone, status, created_at)
          values (${id}, ${center.provinceCode}, ${centerId}, ${input.serviceGroupId}, ${slot.id}, ${startsAt}, ${code}, ${input.fullName}, ${input.phone}, 'booked', ${ctx.clock.now()})
          returning id, center_id, service_group_id, starts_at, code, status, ticket_id, phone`,
    );
    return toAppointment(row!);
  });
  const qrSvg = await QRCode.toString(appointment.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { ...appointment, centerName: center.name, serviceGroupName: group.name, qrSvg };
}

/**
 * Check-in on arrival, on the appointment's day: issues a ticket whose place in line is the
 * appointment time, so from that time on it is called before walk-ins. Checking in twice returns
 * the same ticket.
 */
export async function checkIn(deps: QueueDeps, centerId: string, by: { code?: string | undefined; phone?: string | undefined }): Promise<TicketRow> {
  const { ctx } = deps;
  const result = await ctx.db.transaction(async (tx) => {
    const [a] = by.code ? await byCode(tx, centerId, by.code) : await byPhone(tx, centerId, by.phone ?? '', localDay(ctx.clock.now()));
    if (!a || a.status === 'cancelled') throw notFound('queue.appointment_not_found', 'No appointment with this code or phone number.');
    if (a.ticket_id) return { ticket: (await findTicket(tx, a.ticket_id))!, event: null };
    if (localDay(new Date(a.starts_at)) !== localDay(ctx.clock.now())) {
      throw new DomainError('business_rule', 'queue.appointment_other_day', 'This appointment is for another day.', { details: { startsAt: new Date(a.starts_at).toISOString() } });
    }
    const issued = await issueTicketInTx(deps, tx, centerId, {
      serviceGroupId: a.service_group_id,
      priority: null,
      phone: a.phone,
      source: 'kiosk',
      appointment: { id: a.id, startsAt: new Date(a.starts_at) },
    });
    await tx.execute(sql`update queue_appointments set status = 'checked_in', ticket_id = ${issued.ticket.id} where id = ${a.id}`);
    return issued;
  });
  if (result.event) publishAll(deps, centerId, [result.event]);
  return result.ticket;
}

const appointmentColumns = sql`id, center_id, service_group_id, starts_at, code, status, ticket_id, phone`;

function byCode(tx: Db, centerId: string, code: string): Promise<AppointmentRow[]> {
  return execRows<AppointmentRow>(tx, sql`select ${appointmentColumns} from queue_appointments where center_id = ${centerId} and code = ${code.trim().toUpperCase()} for update`);
}

/**
 * The day's appointment booked with this phone (0905… and +84905… are the same number): the
 * earliest one not yet checked in, else the one already checked in (to show its ticket again).
 */
function byPhone(tx: Db, centerId: string, phone: string, day: string): Promise<AppointmentRow[]> {
  const from = startOfLocalDay(day);
  const to = new Date(from.getTime() + 24 * 3600_000);
  const last9 = phone.replace(/\D/g, '').slice(-9);
  return execRows<AppointmentRow>(
    tx,
    sql`select ${appointmentColumns} from queue_appointments
        where center_id = ${centerId} and phone is not null and right(phone, 9) = ${last9} and status <> 'cancelled'
          and starts_at >= ${from} and starts_at < ${to}
        order by (status = 'booked') desc, starts_at limit 1 for update`,
  );
}
