import type { OutreachPack, OutreachReport, OutreachSession, OutreachSessionCreate, Role } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { findStaff, listStaff } from '../auth/index.ts';
import { computeDeadline, loadCalendar, toLocalIso } from '../calendar/index.ts';
import { currentVersion, isOffered } from '../catalog/index.ts';
import { channelLimit } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';
import { findSession, insertSession, listSessions, reportLines } from './outreach.repo.ts';
import { atLocalHour, summarise } from './outreach.rules.ts';
import type { SessionRow } from './outreach.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;
const STAFF_ROLES: Role[] = ['counter_officer', 'specialist', 'leader', 'director'];
const PREPARERS: Role[] = ['counter_officer', 'leader', 'director'];

export function requireIntakeStaff(actor: Actor): string {
  if (!actor.centerId || !PREPARERS.includes(actor.role)) throw forbidden('outreach.not_allowed', 'Only counter staff and leaders of a center run outreach sessions.');
  return actor.centerId;
}

/** Staff of my center who can be taken along. */
export async function teamCandidates(deps: Deps, actor: Actor) {
  const centerId = requireIntakeStaff(actor);
  const lists = await Promise.all(STAFF_ROLES.map(async (role) => (await listStaff(deps.db, centerId, role)).map((s) => ({ id: s.id, fullName: s.fullName, role }))));
  return lists.flat();
}

export async function createSession(deps: Deps, actor: Actor, input: OutreachSessionCreate): Promise<SessionRow> {
  const centerId = requireIntakeStaff(actor);
  const errors: { path: string; message: string }[] = [];
  const team = [...new Set(input.teamUserIds)];
  for (const id of team) {
    const s = await findStaff(deps.db, id);
    if (!s || !s.active || s.centerId !== centerId) errors.push({ path: 'teamUserIds', message: `${id} is not active staff of this center` });
  }
  const codes = [...new Set(input.procedureCodes)];
  const now = deps.clock.now();
  for (const code of codes) {
    const v = await currentVersion(deps.db, code, now);
    if (!v) errors.push({ path: 'procedureCodes', message: `${code} is not in force` });
    else if (!v.boundaryFree && !(await isOffered(deps.db, centerId, code))) errors.push({ path: 'procedureCodes', message: `${code} is not offered by this center` });
  }
  if (errors.length > 0) throw new DomainError('validation', 'outreach.invalid_session', 'The session cannot be prepared as entered.', { errors });
  return insertSession(deps.db, { id: deps.ids.next(), centerId, place: input.place, sessionDate: input.date, team, procedureCodes: codes, createdBy: actor.userId, createdAt: now });
}

export async function sessionOf(deps: Pick<AppContext, 'db'>, actor: Actor, id: string): Promise<SessionRow> {
  const s = await findSession(deps.db, id);
  if (!s || s.centerId !== actor.centerId) throw notFound('outreach.session_not_found', 'No such outreach session.');
  return s;
}

export async function mySessions(deps: Deps, actor: Actor): Promise<SessionRow[]> {
  return listSessions(deps.db, requireIntakeStaff(actor));
}

export async function toSessionView(deps: Pick<AppContext, 'db'>, s: SessionRow): Promise<OutreachSession> {
  const team = await Promise.all(s.team.map((id) => findStaff(deps.db, id)));
  return {
    id: s.id,
    centerId: s.centerId,
    place: s.place,
    date: s.sessionDate,
    team: team.filter((m) => m !== null).map((m) => ({ id: m.id, fullName: m.fullName, role: m.role })),
    procedureCodes: s.procedureCodes,
    createdAt: toLocalIso(s.createdAt),
  };
}

/**
 * What the device caches before leaving: the versions in force now, the center, and for each
 * procedure the provisional due date of a receipt at each hour of the session day. The official
 * deadline is computed again at sync, from the recorded receipt time.
 */
export async function packOf(deps: Deps, actor: Actor, id: string): Promise<OutreachPack> {
  requireIntakeStaff(actor);
  const s = await sessionOf(deps, actor, id);
  const center = await findCenter(deps.db, s.centerId);
  if (!center) throw notFound('units.center_not_found', 'Your center is not in the database.');
  const now = deps.clock.now();
  const cal = await loadCalendar(deps);
  const procedures = (await Promise.all(s.procedureCodes.map((c) => currentVersion(deps.db, c, now)))).filter((v) => v !== null);
  const provisionalDueAt: Record<string, (string | null)[]> = {};
  for (const v of procedures) {
    const limit = channelLimit(v, 'counter');
    provisionalDueAt[v.code] = Array.from({ length: 24 }, (_, h) => (limit ? toLocalIso(computeDeadline(cal, { receivedAt: atLocalHour(s.sessionDate, h), limit }).dueAt) : null));
  }
  return { session: await toSessionView(deps, s), center: { id: center.id, name: center.name, agencyCode: center.agencyCode }, procedures, provisionalDueAt, preparedAt: toLocalIso(now) };
}

export async function reportOf(deps: Deps, actor: Actor, id: string): Promise<OutreachReport> {
  const s = await sessionOf(deps, actor, id);
  return { session: await toSessionView(deps, s), ...summarise(await reportLines(deps.db, s.id)) };
}
