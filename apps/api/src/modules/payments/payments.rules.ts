import type { FeeLine, ProcedureVersion } from '@motcua/contracts';

/** Pure fee and numbering rules: no database, no clock. */

const channelNames = { 1: 'counter', 2: 'online', 3: 'postal' } as const;

/**
 * What the applicant owes: the amount set on the dossier when staff fixed it (request for payment,
 * intake), else the fee lines the procedure version states for the dossier's channel.
 */
export function feeLinesFor(d: { channel: number; feeTotal: number }, version: Pick<ProcedureVersion, 'channels'> | null): FeeLine[] {
  if (d.feeTotal > 0) return [{ label: 'Phí, lệ phí', amount: d.feeTotal }];
  const name = channelNames[d.channel as 1 | 2 | 3] ?? 'counter';
  const own = version?.channels.find((c) => c.channel === name)?.fees;
  return (own ?? []).filter((l) => l.amount > 0);
}

export const total = (lines: readonly FeeLine[]) => lines.reduce((s, l) => s + l.amount, 0);

/** `BL-H46.01-2026-000123`: receipt book of a center, numbered from 1 each year. */
export function receiptNumber(agencyCode: string, year: number, seq: number): string {
  return `BL-${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Our reference for one online attempt: the dossier code plus a random tail, ≤ 40 characters. */
export function txnRefFor(dossierCode: string, randomHex: string): string {
  return `${dossierCode}-${randomHex.replace(/[^0-9a-f]/gi, '').slice(-6).toUpperCase()}`;
}

/** The local (Asia/Ho_Chi_Minh) calendar year and date of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
