import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// Foreign keys to centers, service_groups, counters and users live in migration 0005; they are not
// declared here because a module may not import another module's tables.

export const ticketStatuses = ['waiting', 'called', 'serving', 'done', 'no_show'] as const;
export const priorityCategories = ['elderly', 'disability', 'pregnant', 'small_child'] as const;
export const ticketSources = ['kiosk', 'online', 'appointment'] as const;

/** One queue number for one visit; keeps its identity (and QR link) across transfers. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    serviceGroupId: uuid('service_group_id').notNull(),
    /** Local day (Asia/Ho_Chi_Minh) the number belongs to: numbering restarts every day. */
    serviceDay: date('service_day').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    priority: text('priority', { enum: priorityCategories }),
    source: text('source', { enum: ticketSources }).notNull(),
    status: text('status', { enum: ticketStatuses }).notNull(),
    phone: text('phone'),
    nearTurnNotified: boolean('near_turn_notified').notNull().default(false),
    appointmentId: uuid('appointment_id'),
    /** Place in line: issue time, or the appointment's time for a checked-in appointment. */
    readyAt: timestamp('ready_at', { withTimezone: true }).notNull(),
    /** Set by a transfer to a specific counter: only that counter calls the ticket. */
    targetCounterId: uuid('target_counter_id'),
    counterId: uuid('counter_id'),
    officerId: uuid('officer_id'),
    /** The dossier received from this visit (issue 5); no foreign key until that table exists. */
    dossierId: uuid('dossier_id'),
    recalls: integer('recalls').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    servingAt: timestamp('serving_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // The number (letter included) is unique per center and day; a transfer keeps it.
    uniqueIndex('queue_tickets_number_uq').on(t.centerId, t.serviceDay, t.number),
    index('queue_tickets_waiting_idx').on(t.centerId, t.serviceDay, t.readyAt).where(sql`${t.status} = 'waiting'`),
    index('queue_tickets_day_idx').on(t.provinceCode, t.centerId, t.serviceDay),
  ],
);

/** Last number handed out per center, group and day; the row lock serialises numbering. */
export const queueDayCounters = pgTable(
  'queue_day_counters',
  {
    centerId: uuid('center_id').notNull(),
    serviceGroupId: uuid('service_group_id').notNull(),
    serviceDay: date('service_day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.serviceGroupId, t.serviceDay] })],
);

/** Who sits at a counter and which groups it serves right now. */
export const queueCounterStates = pgTable('queue_counter_states', {
  counterId: uuid('counter_id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  centerId: uuid('center_id').notNull(),
  officerId: uuid('officer_id'),
  serviceGroupIds: uuid('service_group_ids').array().notNull(),
  open: boolean('open').notNull(),
  /** Priority tickets called in a row at this counter (see priority.ts). */
  priorityStreak: integer('priority_streak').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Per-center board: the event sequence (SSE ids) and the director's notice line. */
export const queueBoards = pgTable('queue_boards', {
  centerId: uuid('center_id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  notice: text('notice').notNull().default(''),
  noticeUpdatedAt: timestamp('notice_updated_at', { withTimezone: true }),
  noticeUpdatedBy: uuid('notice_updated_by'),
});

/** Append-only feed of what the hall sees; replayed to a display that reconnects with Last-Event-ID. */
export const queueEvents = pgTable(
  'queue_events',
  {
    centerId: uuid('center_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    provinceCode: text('province_code').notNull(),
    type: text('type').notNull(),
    ticketId: uuid('ticket_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.seq] })],
);

export const queueAppointmentSlots = pgTable(
  'queue_appointment_slots',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    serviceGroupId: uuid('service_group_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [uniqueIndex('queue_appointment_slots_uq').on(t.centerId, t.serviceGroupId, t.startsAt)],
);

export const queueAppointments = pgTable(
  'queue_appointments',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    serviceGroupId: uuid('service_group_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Short code the citizen types at the kiosk to check in. */
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    status: text('status', { enum: ['booked', 'checked_in', 'cancelled'] }).notNull(),
    ticketId: uuid('ticket_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('queue_appointments_code_uq').on(t.centerId, t.code)],
);

export const visitRatings = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;

/** How the visit went, in the holder's words: one per finished ticket (migration 0017). */
export const queueRatings = pgTable(
  'queue_ratings',
  {
    ticketId: uuid('ticket_id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    rating: text('rating', { enum: visitRatings }).notNull(),
    channel: text('channel', { enum: ['phone', 'kiosk'] }).notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('queue_ratings_center_idx').on(t.centerId, t.ratedAt)],
);
