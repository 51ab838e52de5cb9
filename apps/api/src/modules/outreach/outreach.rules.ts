import type { DocumentItem, OutreachVersionChange, ProcedureVersion, TimeLimit } from '@motcua/contracts';

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

/** A device clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 10 * 60_000;

type Problem = { path: string; message: string };
/** What an instant noted on the device is checked against: the session day and the server's clock. */
export type DeviceCheck = { sessionDate: string; serverNow: Date };

/** Pure: why an instant noted on the device cannot be true for this session; empty when it can. */
export function deviceTimeProblems(path: string, at: Date, check: DeviceCheck, notBefore?: { at: Date; what: string }): Problem[] {
  const out: Problem[] = [];
  if (localDay(at) !== check.sessionDate) out.push({ path, message: `not on the session day ${check.sessionDate}` });
  if (at.getTime() > check.serverNow.getTime() + CLOCK_SKEW_MS) out.push({ path, message: 'in the future' });
  if (notBefore && at < notBefore.at) out.push({ path, message: `before the ${notBefore.what}` });
  return out;
}

export type OnSpotTimes = { approvedAt: Date; handedOverAt: Date };

/**
 * Pure: the times of an on-the-spot finish as the device noted them. A device that noted none
 * (an older app) gets the receipt time for both; a hand-over not noted is taken to be the approval.
 */
export function onSpotTimes(sent: { approvedAt?: string | undefined; handedOverAt?: string | undefined }, receivedAt: Date, check: DeviceCheck): { times: OnSpotTimes; errors: Problem[] } {
  const approvedAt = sent.approvedAt ? new Date(sent.approvedAt) : receivedAt;
  const handedOverAt = sent.handedOverAt ? new Date(sent.handedOverAt) : approvedAt;
  const errors: Problem[] = [];
  if (sent.handedOverAt && !sent.approvedAt) errors.push({ path: 'onSpot.approvedAt', message: 'required with a hand-over time' });
  if (sent.approvedAt) errors.push(...deviceTimeProblems('onSpot.approvedAt', approvedAt, check, { at: receivedAt, what: 'receipt' }));
  if (sent.handedOverAt) errors.push(...deviceTimeProblems('onSpot.handedOverAt', handedOverAt, check, { at: approvedAt, what: 'approval' }));
  return { times: { approvedAt, handedOverAt }, errors };
}

/**
 * Pure: what the officer must check when the version cached on the device is not the one in
 * force at receipt time: documents of the counter's list added, removed or changed, and the
 * counter's time limit and fees.
 */
export function versionChanges(cached: ProcedureVersion, current: ProcedureVersion): OutreachVersionChange[] {
  const out: OutreachVersionChange[] = [];
  const side = (d: DocumentItem) => ({ name: d.name, requirement: d.requirement });
  const before = new Map(counterDocuments(cached).map((d) => [d.id, d]));
  const after = new Map(counterDocuments(current).map((d) => [d.id, d]));
  for (const [id, d] of after) {
    const old = before.get(id);
    if (!old) out.push({ field: 'document', kind: 'added', before: null, after: side(d) });
    else if (old.requirement !== d.requirement || old.name !== d.name) out.push({ field: 'document', kind: 'changed', before: side(old), after: side(d) });
  }
  for (const [id, d] of before) if (!after.has(id)) out.push({ field: 'document', kind: 'removed', before: side(d), after: null });
  const [a, b] = [counter(cached), counter(current)];
  if (JSON.stringify(a?.timeLimit ?? null) !== JSON.stringify(b?.timeLimit ?? null)) out.push({ field: 'timeLimit', before: a?.timeLimit ?? null, after: b?.timeLimit ?? null });
  if (JSON.stringify(a?.fees ?? null) !== JSON.stringify(b?.fees ?? null)) out.push({ field: 'fees', before: a?.fees ?? null, after: b?.fees ?? null });
  return out;
}

const counter = (v: ProcedureVersion) => v.channels.find((c) => c.channel === 'counter') ?? v.channels[0];
const counterDocuments = (v: ProcedureVersion) => v.documents.filter((d) => !d.channels || d.channels.includes('counter'));

const limitText = (l: TimeLimit | null) =>
  !l ? 'none' : 'sameDay' in l ? `same day (cut-off ${l.cutoff})` : 'workingDays' in l ? `${l.workingDays} working days` : `${l.workingHours} working hours`;

/** Pure: one change as a line of the conflict's English summary. */
export function changeLine(c: OutreachVersionChange): string {
  switch (c.field) {
    case 'document':
      return `document ${c.kind}: ${(c.after ?? c.before)!.name}`;
    case 'timeLimit':
      return `time limit: ${limitText(c.before)} → ${limitText(c.after)}`;
    case 'fees':
      return 'fees changed';
  }
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
