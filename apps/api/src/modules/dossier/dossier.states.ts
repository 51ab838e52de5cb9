import type { DossierAction, Role } from '@motcua/contracts';

/** The National Public Service Portal's ten dossier status codes. */
export const statusCodes = {
  new: 1,
  received: 2,
  not_accepted: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  finished: 9,
  returned: 10,
} as const;
export type Status = keyof typeof statusCodes;

/** Internal steps while the portal sees "processing". */
export const processingSteps = ['assigned', 'in_review', 'awaiting_approval', 'approved'] as const;
export type Step = (typeof processingSteps)[number];

/** Where a dossier is: a status, or processing plus its internal step. */
export type State = Exclude<Status, 'processing'> | `processing:${Step}`;

export const allStates: State[] = [
  'new',
  'received',
  'not_accepted',
  ...processingSteps.map((s) => `processing:${s}` as const),
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'finished',
  'returned',
];

/** The actions staff take; the list itself lives in the shared contracts. */
export type Action = DossierAction;

/**
 * `to: 'same'` keeps the state (reassign, apology letter); `to: 'resume'` goes back to where the
 * dossier was before the supplement request (pre-check → new, processing → in review).
 */
type Transition = { from: readonly State[]; to: State | 'same' | 'resume'; roles: readonly Role[] };

const intake = ['counter_officer', 'leader', 'director'] as const;
const back = ['specialist', 'leader', 'director'] as const;
const lead = ['leader', 'director'] as const;
const open: State[] = ['received', 'processing:assigned', 'processing:in_review', 'processing:awaiting_approval', 'processing:approved'];
const working: State[] = ['processing:assigned', 'processing:in_review', 'processing:awaiting_approval', 'processing:approved'];

/** Who may do what from where. The compiler checks every action has exactly one row. */
export const transitions = {
  accept: { from: ['new'], to: 'received', roles: intake },
  refuse: { from: ['new', 'supplement_requested'], to: 'not_accepted', roles: intake },
  request_supplement: { from: ['new', 'received', 'processing:assigned', 'processing:in_review'], to: 'supplement_requested', roles: [...intake, 'specialist'] },
  // A citizen answers online only through the citizen portal, which checks that they filed the dossier (ActOptions.owner).
  receive_supplement: { from: ['supplement_requested'], to: 'resume', roles: [...intake, 'specialist', 'citizen'] },
  assign: { from: ['received'], to: 'processing:assigned', roles: lead },
  reassign: { from: working, to: 'same', roles: lead },
  start_review: { from: ['processing:assigned'], to: 'processing:in_review', roles: back },
  submit_for_approval: { from: ['processing:in_review'], to: 'processing:awaiting_approval', roles: back },
  send_back: { from: ['processing:awaiting_approval'], to: 'processing:in_review', roles: lead },
  approve: { from: ['processing:awaiting_approval'], to: 'processing:approved', roles: lead },
  request_payment: { from: ['processing:approved'], to: 'awaiting_payment', roles: [...intake, 'specialist'] },
  record_payment: { from: ['awaiting_payment'], to: 'finished', roles: intake },
  finish: { from: ['processing:approved'], to: 'finished', roles: [...intake, 'specialist'] },
  return_result: { from: ['finished'], to: 'returned', roles: intake },
  withdraw: { from: [...open, 'new', 'supplement_requested', 'awaiting_payment'], to: 'withdrawn', roles: intake },
  stop: { from: [...working, 'supplement_requested'], to: 'stopped', roles: lead },
  apologize: { from: [...open, 'supplement_requested'], to: 'same', roles: lead },
} as const satisfies Record<Action, Transition>;

export type Decision = { ok: true; to: State } | { ok: false; reason: 'illegal_state' | 'role_not_allowed' };

/** Pure: may `role` do `action` on a dossier in `state`, and where does it go? */
export function decide(state: State, action: Action, role: Role, resumeTo: State | null = null): Decision {
  const t: Transition = transitions[action];
  if (!t.from.includes(state)) return { ok: false, reason: 'illegal_state' };
  if (!t.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (t.to === 'same') return { ok: true, to: state };
  if (t.to === 'resume') return { ok: true, to: resumeTo ?? 'processing:in_review' };
  return { ok: true, to: t.to };
}

export function splitState(state: State): { status: Status; step: Step | null } {
  const [status, step] = state.split(':') as [Status, Step | undefined];
  return { status, step: step ?? null };
}

export function joinState(status: Status, step: Step | null): State {
  return (status === 'processing' ? `processing:${step ?? 'assigned'}` : status) as State;
}

/** States after which nothing more happens to a dossier. */
export const terminal: readonly State[] = ['not_accepted', 'withdrawn', 'stopped', 'returned'];
