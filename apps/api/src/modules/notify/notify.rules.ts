import type { TemplateId } from './notify.templates.ts';

/** Which message a recorded dossier change sends the citizen, if any. Pure. */
export function templateForChange(change: { action: string; toState: string }): TemplateId | null {
  switch (change.action) {
    case 'submit_online':
      return 'dossier.submitted';
    case 'receive':
      return change.toState === 'received' || change.toState.startsWith('processing') ? 'dossier.received' : null;
    case 'accept':
      return 'dossier.received';
    case 'request_supplement':
      return 'dossier.supplement';
    case 'request_payment':
      return 'dossier.payment_due';
    case 'finish':
    case 'record_payment':
      return change.toState === 'finished' ? 'dossier.result_ready' : null;
    case 'apologize':
      return 'dossier.apology';
    case 'refuse':
      return 'dossier.refused';
    default:
      return null;
  }
}

export type Channel = 'sms' | 'email' | 'inapp';

/**
 * The channels a message goes out on: what the citizen chose and has an address for. Without an
 * account, SMS to the phone given (the applicant's, a petition's contact), else e-mail to the address given.
 */
export function channelsFor(contact: { channels: Channel[]; phone: string | null; email: string | null } | null, phone: string | null | undefined, email?: string | null): Channel[] {
  if (!contact) return phone ? ['sms'] : email ? ['email'] : [];
  return contact.channels.filter((c) => (c === 'sms' ? !!contact.phone : c === 'email' ? !!contact.email : true));
}

/**
 * Where a dossier message sends the citizen. "Payment due" goes to the dossier's payment page, which
 * opens for the citizen account that filed it; without an account (filed at the counter) there is
 * no page to pay on, so it goes to public tracking (fee, status, pay at the counter), as the others do.
 */
export function linkFor(template: TemplateId, code: string, hasAccount: boolean, origin: string): string {
  const c = encodeURIComponent(code);
  return template === 'dossier.payment_due' && hasAccount ? `${origin}/citizen/dossiers/${c}/pay` : `${origin}/tra-cuu/${c}`;
}
