import type { DossierStatus } from '@motcua/contracts';

export type NextStep = 'wait_precheck' | 'wait_processing' | 'supplement' | 'pay' | 'collect_result' | 'done' | 'refused' | 'closed';

/** What the citizen should do next, by status; the web turns it into plain words. */
export function nextStepOf(status: DossierStatus, feeTotal: number, feePaid: boolean): NextStep {
  switch (status) {
    case 'new':
      return feeTotal > 0 && !feePaid ? 'pay' : 'wait_precheck';
    case 'received':
    case 'processing':
      return 'wait_processing';
    case 'supplement_requested':
      return 'supplement';
    case 'awaiting_payment':
      return 'pay';
    case 'finished':
      return 'collect_result';
    case 'returned':
      return 'done';
    case 'not_accepted':
      return 'refused';
    case 'withdrawn':
    case 'stopped':
      return 'closed';
  }
}

/** Events a citizen is shown; internal bookkeeping (file scans, reassignment) stays with staff. */
const hidden = new Set(['attach_file', 'reassign', 'assign']);
export const isPublicEvent = (action: string) => !hidden.has(action);
