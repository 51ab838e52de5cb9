import { addWorkingTime, outcome, workingTimeBetween, type Outcome, type WorkingCalendar } from '../calendar/index.ts';

/**
 * Per-step time budgets for the process control sheet (Form 06). The procedure's time limit is
 * split across the four steps a dossier goes through; until a procedure states its own split, the
 * default gives intake 10%, processing 60%, approval 20% and return 10% of the working time between
 * the clock start and the original deadline. Pure: same events, same calendar, same verdicts.
 */
export type Phase = 'intake' | 'processing' | 'approval' | 'return';
export const phases: readonly Phase[] = ['intake', 'processing', 'approval', 'return'];
export type Split = Record<Phase, number>;
export const DEFAULT_SPLIT: Split = { intake: 0.1, processing: 0.6, approval: 0.2, return: 0.1 };

/** The action that hands a dossier from one step to the next, i.e. ends the step. */
const endsPhase: Record<string, Phase> = {
  assign: 'intake',
  submit_for_approval: 'processing',
  approve: 'approval',
  finish: 'return',
  record_payment: 'return',
};
/** Where the dossier is after such an action (a send-back reopens processing). */
const nextPhase: Record<string, Phase | null> = {
  assign: 'processing',
  submit_for_approval: 'approval',
  send_back: 'processing',
  approve: 'return',
  finish: null,
  record_payment: null,
};

export type StepEvent = { at: Date; action: string };
export type Verdict = { phase: Phase; startedAt: Date; budgetMs: number; usedMs: number; dueAt: Date; outcome: Outcome };

export type StepPlan = { totalMs: number; budgets: Record<Phase, number> };

export function plan(cal: WorkingCalendar, clockStartsAt: Date, originalDueAt: Date, split: Split = DEFAULT_SPLIT): StepPlan {
  const totalMs = workingTimeBetween(cal, clockStartsAt, originalDueAt);
  return { totalMs, budgets: Object.fromEntries(phases.map((p) => [p, Math.round(totalMs * split[p])])) as Record<Phase, number> };
}

/** Supplement waits, when the legal clock stood still (request → receipt, or until now). */
function pauses(events: StepEvent[], until: Date): { from: Date; to: Date }[] {
  const out: { from: Date; to: Date }[] = [];
  let open: Date | null = null;
  for (const e of events) {
    if (e.action === 'request_supplement' && !open) open = e.at;
    if (e.action === 'receive_supplement' && open) {
      out.push({ from: open, to: e.at });
      open = null;
    }
  }
  if (open) out.push({ from: open, to: until });
  return out;
}

/**
 * One verdict per event that ends a step (index → verdict). A step is timed from the instant the
 * dossier entered it, less any supplement wait inside it; it is late once its working time exceeds
 * its budget, early when it ended on a day before its step deadline's day (the legal clock's rule 7).
 */
export function judgeSteps(cal: WorkingCalendar, events: StepEvent[], clockStartsAt: Date | null, originalDueAt: Date | null, split: Split = DEFAULT_SPLIT): Map<number, Verdict> {
  const verdicts = new Map<number, Verdict>();
  if (!clockStartsAt || !originalDueAt) return verdicts;
  const { budgets } = plan(cal, clockStartsAt, originalDueAt, split);
  const last = events.at(-1)?.at ?? clockStartsAt;
  const waits = pauses(events, last);
  let current: Phase | null = 'intake';
  let startedAt = clockStartsAt;
  events.forEach((e, i) => {
    // Work done before the clock starts (after hours, at intake) counts from the clock start.
    const at = maxDate(e.at, clockStartsAt);
    if (current && endsPhase[e.action] === current) {
      const paused = waits.reduce((sum, w) => sum + workingTimeBetween(cal, maxDate(w.from, startedAt), minDate(w.to, at)), 0);
      const usedMs = workingTimeBetween(cal, startedAt, at) - paused;
      const dueAt = addWorkingTime(cal, startedAt, budgets[current] + paused);
      verdicts.set(i, { phase: current, startedAt, budgetMs: budgets[current], usedMs, dueAt, outcome: usedMs > budgets[current] ? 'late' : outcome(at, dueAt) });
    }
    if (e.action in nextPhase) {
      current = nextPhase[e.action] ?? null;
      startedAt = at;
    }
  });
  return verdicts;
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
