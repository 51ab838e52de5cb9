import type { BoardCall, BoardSnapshot, QueueEvent } from '@motcua/contracts';

/** What the display shows; built from the snapshot, then moved by each live event. */
export type BoardState = {
  seq: number;
  centerName: string;
  groups: { code: string; name: string; waiting: number }[];
  counters: { number: number; name: string; current: BoardCall | null }[];
  recentCalls: BoardCall[];
  notice: string;
};

const RECENT = 8;

export function fromSnapshot(s: BoardSnapshot): BoardState {
  return {
    seq: s.seq,
    centerName: s.centerName,
    groups: s.groups.map(({ code, name, waiting }) => ({ code, name, waiting })),
    counters: s.counters,
    recentCalls: s.recentCalls.slice(0, RECENT),
    notice: s.notice,
  };
}

/**
 * Applies one event. Pure and idempotent per seq, so an event seen twice (snapshot race, replay)
 * changes nothing the second time.
 */
export function applyEvent(state: BoardState, e: QueueEvent): BoardState {
  if (e.seq <= state.seq) return state;
  const groups = state.groups.map((g) => ({ ...g, waiting: e.waiting[g.code] ?? g.waiting }));
  let { counters, recentCalls, notice } = state;
  if (e.call) {
    const call = e.call;
    counters = counters.map((c) => (c.number === call.counterNumber ? { ...c, current: call } : c));
    const others = recentCalls.filter((r) => !(r.ticketId === call.ticketId && r.at === call.at));
    recentCalls = [call, ...others].slice(0, RECENT);
  } else if (e.counterNumber !== null && (e.type === 'finished' || e.type === 'no_show' || e.type === 'transferred')) {
    counters = counters.map((c) => (c.number === e.counterNumber ? { ...c, current: null } : c));
  }
  if (e.type === 'notice') notice = e.notice ?? '';
  return { ...state, seq: e.seq, groups, counters, recentCalls, notice };
}

/** The sentence the hall hears: digits spelled one by one so every voice reads "B 0 2 3" the same way. */
export function callSentence(call: BoardCall, template: (number: string, counter: number) => string): string {
  const spoken = call.number.split('').join(' ');
  return template(spoken, call.counterNumber);
}
