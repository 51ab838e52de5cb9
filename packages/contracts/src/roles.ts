import { z } from 'zod';

/** Staff and citizen roles. A staff account belongs to one center (or, for a province admin, one province). */
export const Role = z.enum([
  'counter_officer',
  'specialist',
  'leader',
  'director',
  'province_admin',
  'citizen',
]);
export type Role = z.infer<typeof Role>;
