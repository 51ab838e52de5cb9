import { z } from 'zod';
import { Role } from './roles.ts';

export const Province = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  unitType: z.string(),
});
export type Province = z.infer<typeof Province>;

export const Commune = z.object({
  code: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  unitType: z.string(),
});
export type Commune = z.infer<typeof Commune>;

/** One working period of a weekday, local time (Asia/Ho_Chi_Minh), "HH:MM". */
export const WorkingPeriod = z.object({
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});

/** ISO weekday (1 = Monday … 7 = Sunday) → periods; a missing day is closed. */
export const WorkingHours = z.record(z.string().regex(/^[1-7]$/), z.array(WorkingPeriod));
export type WorkingHours = z.infer<typeof WorkingHours>;

export const CenterLevel = z.enum(['commune', 'province']);
export type CenterLevel = z.infer<typeof CenterLevel>;

export const Counter = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
});
export type Counter = z.infer<typeof Counter>;

export const Center = z.object({
  id: z.uuid(),
  agencyCode: z.string(),
  name: z.string(),
  level: CenterLevel,
  provinceCode: z.string(),
  provinceName: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  address: z.string(),
  workingHours: WorkingHours,
  counters: z.array(Counter),
});
export type Center = z.infer<typeof Center>;

export const Me = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    role: Role,
  }),
  province: Province,
  center: Center.nullable(),
});
export type Me = z.infer<typeof Me>;

/** A queue/service group of a center (Hộ tịch, Đất đai …); its letter prefixes ticket numbers. */
export const ServiceGroup = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  code: z.string().regex(/^[A-Z]$/),
  name: z.string(),
  sortOrder: z.number().int(),
});
export type ServiceGroup = z.infer<typeof ServiceGroup>;
