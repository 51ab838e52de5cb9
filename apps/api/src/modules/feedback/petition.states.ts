/** Petition statuses and who moves them where. The compiler checks every action has one row. Pure. */
export const petitionStatuses = ['received', 'info_requested', 'refused', 'answered'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];
export type PetitionAction = 'refuse' | 'request_info' | 'provide_info' | 'answer';

type Transition = { from: readonly PetitionStatus[]; to: PetitionStatus; by: 'staff' | 'submitter' };

export const petitionTransitions = {
  /** Not a matter for PAKN (e.g. a complaint under the Law on Complaints): within 2 working days. */
  refuse: { from: ['received'], to: 'refused', by: 'staff' },
  /** Ask the submitter for what is missing: within 5 working days. */
  request_info: { from: ['received'], to: 'info_requested', by: 'staff' },
  provide_info: { from: ['info_requested'], to: 'received', by: 'submitter' },
  /** The public answer: within 15 working days of receipt. */
  answer: { from: ['received', 'info_requested'], to: 'answered', by: 'staff' },
} as const satisfies Record<PetitionAction, Transition>;

export function nextStatus(from: PetitionStatus, action: PetitionAction): PetitionStatus | null {
  const t: Transition = petitionTransitions[action];
  return t.from.includes(from) ? t.to : null;
}

export const openStatuses: readonly PetitionStatus[] = ['received', 'info_requested'];
