import { z } from 'zod';

/** Who may go ahead of the normal line (Law on the Elderly, Law on Persons with Disabilities …). */
export const PriorityCategory = z.enum(['elderly', 'disability', 'pregnant', 'small_child']);
export type PriorityCategory = z.infer<typeof PriorityCategory>;

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketSource = z.enum(['kiosk', 'online', 'appointment']);
export type TicketSource = z.infer<typeof TicketSource>;

/** How the visit went (asked after service on the phone or at the kiosk; not the dossier rating). */
export const VisitRating = z.enum(['very_satisfied', 'satisfied', 'dissatisfied']);
export type VisitRating = z.infer<typeof VisitRating>;

/** Vietnamese mobile number, with or without the +84 prefix; stored as typed (digits only). */
export const PhoneNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese phone number such as 0905123456'));

export const IssueTicketRequest = z.object({
  serviceGroupId: z.uuid(),
  priority: PriorityCategory.nullable().default(null),
  phone: PhoneNumber.nullable().default(null),
  source: z.enum(['kiosk', 'online']).default('kiosk'),
});
export type IssueTicketRequest = z.input<typeof IssueTicketRequest>;

/** What anyone holding the ticket (paper or QR link) may see: no phone, no officer. */
export const PublicTicket = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  number: z.string(),
  serviceGroupCode: z.string(),
  serviceGroupName: z.string(),
  priority: PriorityCategory.nullable(),
  status: TicketStatus,
  issuedAt: z.iso.datetime(),
  /** Tickets that will be called before this one (0 when no longer waiting). */
  ahead: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
  counterNumber: z.number().int().nullable(),
  statusUrl: z.string(),
  /** QR code of `statusUrl` as an SVG document, for the screen and the printed ticket. */
  qrSvg: z.string(),
  /** The holder's rating of the visit once given (asked for only when the ticket is done). */
  rating: VisitRating.nullable(),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

/** The staff view of a ticket at a counter. */
export const Ticket = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  number: z.string(),
  serviceGroupId: z.uuid(),
  serviceGroupCode: z.string(),
  priority: PriorityCategory.nullable(),
  source: TicketSource,
  status: TicketStatus,
  counterId: z.uuid().nullable(),
  counterNumber: z.number().int().nullable(),
  targetCounterId: z.uuid().nullable(),
  dossierId: z.uuid().nullable(),
  recalls: z.number().int(),
  issuedAt: z.iso.datetime(),
  calledAt: z.iso.datetime().nullable(),
  servingAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const PublicCenter = z.object({ id: z.uuid(), agencyCode: z.string(), name: z.string() });
export type PublicCenter = z.infer<typeof PublicCenter>;

export const OpenCounterRequest = z.object({ serviceGroupIds: z.array(z.uuid()).min(1).max(26) });
export const TransferRequest = z
  .object({ serviceGroupId: z.uuid().optional(), counterId: z.uuid().optional() })
  .refine((v) => (v.serviceGroupId ? 1 : 0) + (v.counterId ? 1 : 0) === 1, 'give either serviceGroupId or counterId');
export type TransferRequest = z.infer<typeof TransferRequest>;
export const LinkDossierRequest = z.object({ dossierId: z.uuid() });
export const NoticeRequest = z.object({ text: z.string().trim().max(500) });

export const CounterState = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  open: z.boolean(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  serviceGroupIds: z.array(z.uuid()),
  current: Ticket.nullable(),
});
export type CounterState = z.infer<typeof CounterState>;

export const GroupWaiting = z.object({ id: z.uuid(), code: z.string(), name: z.string(), waiting: z.number().int() });
export type GroupWaiting = z.infer<typeof GroupWaiting>;

export const ConsoleState = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  counters: z.array(CounterState),
  groups: z.array(GroupWaiting),
});
export type ConsoleState = z.infer<typeof ConsoleState>;

export const CallNextResponse = z.object({ ticket: Ticket.nullable() });

/** One call as the hall sees it. */
export const BoardCall = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  counterNumber: z.number().int(),
  at: z.iso.datetime(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const QueueEventType = z.enum(['issued', 'called', 'recalled', 'serving', 'finished', 'no_show', 'transferred', 'notice', 'counter']);
export type QueueEventType = z.infer<typeof QueueEventType>;

/**
 * An event on a center's live feed (SSE `event: queue`, `id:` = seq). Each carries the waiting
 * counts, so a board that applies events alone stays right.
 */
export const QueueEvent = z.object({
  seq: z.number().int(),
  type: QueueEventType,
  at: z.iso.datetime(),
  call: BoardCall.nullable(),
  /** Counter whose display line changes (called → shows the number; finished/no-show/transfer → clears). */
  counterNumber: z.number().int().nullable(),
  waiting: z.record(z.string(), z.number().int()),
  notice: z.string().nullable(),
});
export type QueueEvent = z.infer<typeof QueueEvent>;

/** The whole board at once: sent first on a fresh connection (SSE `event: snapshot`). */
export const BoardSnapshot = z.object({
  seq: z.number().int(),
  centerId: z.uuid(),
  centerName: z.string(),
  groups: z.array(GroupWaiting),
  counters: z.array(z.object({ number: z.number().int(), name: z.string(), current: BoardCall.nullable() })),
  recentCalls: z.array(BoardCall),
  notice: z.string(),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

export const StatsDimension = z.enum(['center', 'group', 'counter', 'officer', 'hour']);
export type StatsDimension = z.infer<typeof StatsDimension>;

export const StatsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  by: StatsDimension.default('group'),
});

export const RatingCounts = z.object({ verySatisfied: z.number().int(), satisfied: z.number().int(), dissatisfied: z.number().int() });
export type RatingCounts = z.infer<typeof RatingCounts>;

export const StatsRow = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  /** Issue (or appointment time) → call, over called tickets; null when none. */
  avgWaitMinutes: z.number().nullable(),
  /** Call → finish, over finished tickets; null when none. */
  avgServiceMinutes: z.number().nullable(),
  /** Ratings of these visits by their ticket holders. */
  ratings: RatingCounts,
  /**
   * Joined with the dossiers received from these visits: how many, how many returned, the average
   * hours from taking the number to the returned result (waiting + processing), and the citizens'
   * ratings of those dossiers (feedback module).
   */
  dossiers: z.object({ linked: z.number().int(), returned: z.number().int(), avgIssueToReturnHours: z.number().nullable(), ratings: RatingCounts }),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsResponse = z.object({ from: z.string(), to: z.string(), by: StatsDimension, rows: z.array(StatsRow) });
export type StatsResponse = z.infer<typeof StatsResponse>;

export const AppointmentSlot = z.object({
  serviceGroupId: z.uuid(),
  startsAt: z.iso.datetime(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;

export const BookAppointmentRequest = z.object({
  serviceGroupId: z.uuid(),
  startsAt: z.iso.datetime(),
  fullName: z.string().trim().min(1).max(200),
  phone: PhoneNumber.nullable().default(null),
});

/** Check-in at the kiosk: the booking code, or the phone number given when booking. */
export const CheckInRequest = z
  .object({ code: z.string().trim().min(4).max(12).optional(), phone: PhoneNumber.optional() })
  .refine((v) => (v.code ? 1 : 0) + (v.phone ? 1 : 0) === 1, 'give either code or phone');
export type CheckInRequest = z.input<typeof CheckInRequest>;

export const Appointment = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  serviceGroupId: z.uuid(),
  startsAt: z.iso.datetime(),
  code: z.string(),
  status: z.enum(['booked', 'checked_in', 'cancelled']),
  ticketId: z.uuid().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

/** What the citizen keeps after booking: the code to type at the kiosk, also as a QR code. */
export const BookedAppointment = Appointment.extend({
  centerName: z.string(),
  serviceGroupName: z.string(),
  /** QR code of the booking code (SVG): a kiosk scanner types it into the check-in field. */
  qrSvg: z.string(),
});
export type BookedAppointment = z.infer<typeof BookedAppointment>;


export const RateVisitRequest = z.object({ rating: VisitRating, channel: z.enum(['phone', 'kiosk']).default('phone') });
export type RateVisitRequest = z.input<typeof RateVisitRequest>;

export const VisitRatingResult = z.object({ ticketId: z.uuid(), rating: VisitRating, channel: z.enum(['phone', 'kiosk']), ratedAt: z.iso.datetime() });
export type VisitRatingResult = z.infer<typeof VisitRatingResult>;
