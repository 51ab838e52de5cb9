import type { ProcedureVersion, TimeLimit } from '@motcua/contracts';

/** Vietnam has no daylight saving: local time is UTC+7 all year. */
const OFFSET_MS = 7 * 3_600_000;

/** Pure: the Vietnam calendar day ("YYYY-MM-DD") of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Pure: the instant of `hour`:00 Vietnam time on `day`. */
export function atLocalHour(day: string, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}

/** Only a procedure the law settles the same day may be decided and finished on the spot. */
export function isSameDay(limit: TimeLimit | null): boolean {
  return limit !== null && 'sameDay' in limit;
}

const limitText = (l: TimeLimit | null | undefined) =>
  !l ? 'none' : 'sameDay' in l ? `same day (cut-off ${l.cutoff})` : 'workingDays' in l ? `${l.workingDays} working days` : `${l.workingHours} working hours`;

/**
 * Pure: what the officer must know when the version cached on the device is not the one in force
 * at receipt time — documents added or removed, a changed time limit or fee.
 */
export function versionChanges(cached: ProcedureVersion | null, current: ProcedureVersion): string[] {
  if (!cached) return [`the device had a version the server does not know; version ${current.version} is in force`];
  const out: string[] = [];
  const before = new Map(cached.documents.map((d) => [d.id, d]));
  const after = new Map(current.documents.map((d) => [d.id, d]));
  for (const [id, d] of after) {
    const old = before.get(id);
    if (!old) out.push(`document added: ${d.name}`);
    else if (old.requirement !== d.requirement || old.name !== d.name) out.push(`document changed: ${d.name}`);
  }
  for (const [id, d] of before) if (!after.has(id)) out.push(`document removed: ${d.name}`);
  const counter = (v: ProcedureVersion) => v.channels.find((c) => c.channel === 'counter') ?? v.channels[0];
  const [a, b] = [counter(cached), counter(current)];
  if (JSON.stringify(a?.timeLimit) !== JSON.stringify(b?.timeLimit)) out.push(`time limit: ${limitText(a?.timeLimit)} → ${limitText(b?.timeLimit)}`);
  if (JSON.stringify(a?.fees ?? []) !== JSON.stringify(b?.fees ?? [])) out.push('fees changed');
  if (out.length === 0) out.push(`version ${cached.version} → ${current.version}`);
  return out;
}

export type ReportLine = { procedureCode: string; procedureName: string; state: 'synced' | 'conflict'; status: string | null; onSpot: boolean };

/**
 * Pure: the session report. Received = dossiers accepted (or asked for a supplement) and synced;
 * finished on the spot + taken back = received; refusals are counted apart.
 */
export function summarise(lines: ReportLine[]) {
  const empty = () => ({ received: 0, finishedOnSpot: 0, takenBack: 0, notAccepted: 0 });
  const totals = { ...empty(), conflicts: 0 };
  const by = new Map<string, ReturnType<typeof empty> & { procedureCode: string; procedureName: string }>();
  for (const l of lines) {
    if (l.state === 'conflict') {
      totals.conflicts += 1;
      continue;
    }
    const row = by.get(l.procedureCode) ?? { procedureCode: l.procedureCode, procedureName: l.procedureName, ...empty() };
    by.set(l.procedureCode, row);
    for (const target of [totals, row]) {
      if (l.status === 'not_accepted') target.notAccepted += 1;
      else {
        target.received += 1;
        if (l.onSpot) target.finishedOnSpot += 1;
        else target.takenBack += 1;
      }
    }
  }
  const onSpotRate = totals.received === 0 ? null : Math.round((totals.finishedOnSpot / totals.received) * 1000) / 1000;
  return { totals: { ...totals, onSpotRate }, byProcedure: [...by.values()].sort((a, b) => a.procedureCode.localeCompare(b.procedureCode)) };
}
