import type { DossierAction } from '@motcua/contracts';

/** What an action needs from the officer before it can be sent. */
export type ActionInput = 'none' | 'reason' | 'apology' | 'assignee' | 'supplement' | 'amount' | 'return';

export const actionInput: Record<DossierAction, ActionInput> = {
  accept: 'none',
  refuse: 'reason',
  request_supplement: 'supplement',
  receive_supplement: 'none',
  assign: 'assignee',
  reassign: 'assignee',
  start_review: 'none',
  submit_for_approval: 'none',
  send_back: 'reason',
  approve: 'none',
  request_payment: 'amount',
  record_payment: 'amount',
  finish: 'none',
  return_result: 'return',
  withdraw: 'reason',
  stop: 'reason',
  apologize: 'apology',
};

// The normal path through the workflow, in order; the first one allowed is the obvious next step.
const forward: readonly DossierAction[] = [
  'accept',
  'receive_supplement',
  'assign',
  'start_review',
  'submit_for_approval',
  'approve',
  'finish',
  'record_payment',
  'return_result',
];
// Detours that keep the dossier alive.
const detours: readonly DossierAction[] = ['request_supplement', 'send_back', 'request_payment', 'reassign', 'apologize'];
// Ends the dossier without a result: shown apart so nobody clicks one by habit.
const endings: readonly DossierAction[] = ['refuse', 'withdraw', 'stop'];

export type ActionPlan = { primary: DossierAction | null; others: DossierAction[]; endings: DossierAction[] };

/** Splits the actions the server allows into the main button, the other options and the endings. */
export function planActions(allowed: readonly DossierAction[]): ActionPlan {
  const can = new Set(allowed);
  const nextSteps = forward.filter((a) => can.has(a));
  const primary = nextSteps[0] ?? null;
  return {
    primary,
    others: [...nextSteps.slice(1), ...detours.filter((a) => can.has(a))],
    endings: endings.filter((a) => can.has(a)),
  };
}
