import { z } from 'zod';

/**
 * A legal time limit as the law states it. Shared by the catalog (what a procedure allows),
 * the calendar (which computes the deadline) and dossiers (which pin it at receipt).
 */
export const TimeLimit = z.union([
  z.object({ workingDays: z.number().min(0).max(365).multipleOf(0.5) }).strict(),
  z.object({ workingHours: z.number().min(0).max(8 * 365) }).strict(),
  z
    .object({
      sameDay: z.literal(true),
      /** Local time "HH:MM" after which a receipt is due the next working day; default 15:00. */
      cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('15:00'),
    })
    .strict(),
]);
export type TimeLimit = z.infer<typeof TimeLimit>;
