import type { HttpModule } from '../../platform/http/app.ts';
import { calendarRoutes } from './calendar.routes.ts';

/**
 * The legal clock. Other modules (dossiers, reporting) compute every deadline through these
 * functions; all are pure over a `WorkingCalendar` except `loadCalendar`, which reads it (cached).
 */
export { invalidateCalendar, loadCalendar } from './calendar.cache.ts';
export {
  addWorkingTime,
  computeDeadline,
  extendDeadline,
  normaliseStart,
  outcome,
  pauseClock,
  resumeClock,
  workingTimeBetween,
  type Deadline,
  type DeadlineInput,
  type Interval,
  type Outcome,
  type TimeLimitInput,
} from './deadline.ts';
export { toLocalIso } from './local-time.ts';
export { proposeYear } from './proposal.ts';
export { buildCalendar, OFFICIAL_SCHEDULE, type CalendarEntryData, type WorkingCalendar, type WorkingSchedule } from './working-time.ts';

export const calendarModule: HttpModule = { name: 'calendar', register: calendarRoutes };
