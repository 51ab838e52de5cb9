import type { Status } from './dossier.states.ts';

/** An agency outside the center that decides part of an interconnected procedure. */
export type ExternalAgency = 'police' | 'social_insurance';

export type BundleChild = { procedureCode: string; decidedBy: 'center' | ExternalAgency };

/**
 * Interconnected procedures (Decree 63/2024 liên thông): one intake at the commune center, one
 * deadline for the citizen, each part decided by its own authority.
 */
export const bundles: Record<string, { children: BundleChild[] }> = {
  // Birth registration + permanent residence + health insurance card for a child under 6.
  '2.000986': {
    children: [
      { procedureCode: '1.001193', decidedBy: 'center' },
      { procedureCode: '1.004222', decidedBy: 'police' },
      { procedureCode: '1.001939', decidedBy: 'social_insurance' },
    ],
  },
};

const finalStatuses: Status[] = ['not_accepted', 'withdrawn', 'stopped', 'finished', 'returned'];
const success: Status[] = ['finished', 'returned'];

/**
 * The citizen's one combined status: still processing while any part is open; once all parts are
 * final, finished if at least one part succeeded (a failed part never sinks the others), else stopped.
 */
export function combinedOutcome(children: { status: Status }[]): 'open' | 'finished' | 'stopped' {
  if (children.some((c) => !finalStatuses.includes(c.status))) return 'open';
  return children.some((c) => success.includes(c.status)) ? 'finished' : 'stopped';
}
