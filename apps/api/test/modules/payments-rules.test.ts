import { describe, expect, it } from 'vitest';
import { canonical, sign, verify } from '../../src/modules/payments/gateway.signature.ts';
import { compare } from '../../src/modules/payments/payments.reconcile.ts';
import type { PaymentRow } from '../../src/modules/payments/payments.repo.ts';
import { feeLinesFor, receiptNumber, txnRefFor } from '../../src/modules/payments/payments.rules.ts';
import { amountInWords } from '../../src/modules/payments/vn-words.ts';

describe('gateway signature', () => {
  const fields = { merchant: 'MOTCUA', txnRef: 'H46.01-261123-0001-AB12CD', amount: '10000', status: 'success', paidAt: '2026-11-23T02:05:00.000Z', gatewayTxnId: 'GW1' };
  it('signs the fields sorted by key, without the signature itself', () => {
    expect(canonical({ ...fields, signature: 'x' })).toBe('amount=10000&gatewayTxnId=GW1&merchant=MOTCUA&paidAt=2026-11-23T02:05:00.000Z&status=success&txnRef=H46.01-261123-0001-AB12CD');
  });
  it('verifies its own signature and refuses any change, another key or garbage', () => {
    const s = sign('k'.repeat(20), fields);
    expect(verify('k'.repeat(20), fields, s)).toBe(true);
    expect(verify('k'.repeat(20), fields, s.toUpperCase())).toBe(true);
    expect(verify('k'.repeat(20), { ...fields, amount: '10001' }, s)).toBe(false);
    expect(verify('j'.repeat(20), fields, s)).toBe(false);
    expect(verify('k'.repeat(20), fields, s.slice(0, 63))).toBe(false);
    expect(verify('k'.repeat(20), fields, undefined)).toBe(false);
  });
});

describe('fees and numbers', () => {
  const version = { channels: [{ channel: 'counter', fees: [{ label: 'Lệ phí', amount: 10000 }] }, { channel: 'online', fees: [{ label: 'Lệ phí', amount: 7000 }] }] } as never;
  it('takes the fee of the dossier’s channel unless staff fixed the amount', () => {
    expect(feeLinesFor({ channel: 1, feeTotal: 0 }, version)).toEqual([{ label: 'Lệ phí', amount: 10000 }]);
    expect(feeLinesFor({ channel: 2, feeTotal: 0 }, version)).toEqual([{ label: 'Lệ phí', amount: 7000 }]);
    expect(feeLinesFor({ channel: 2, feeTotal: 25000 }, version)).toEqual([{ label: 'Phí, lệ phí', amount: 25000 }]);
    expect(feeLinesFor({ channel: 1, feeTotal: 0 }, null)).toEqual([]);
  });
  it('numbers receipts per center and year', () => {
    expect(receiptNumber('H46.01', 2026, 123)).toBe('BL-H46.01-2026-000123');
    expect(txnRefFor('H46.01-261123-0001', '0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('H46.01-261123-0001-3F4A5B');
  });
  it('writes amounts in Vietnamese words', () => {
    expect(amountInWords(10000)).toBe('Mười nghìn đồng');
    expect(amountInWords(7000)).toBe('Bảy nghìn đồng');
    expect(amountInWords(25000)).toBe('Hai mươi lăm nghìn đồng');
    expect(amountInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(amountInWords(121_000)).toBe('Một trăm hai mươi mốt nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });
});

describe('reconciliation', () => {
  const p = (txnRef: string, status: PaymentRow['status'], amount = 10000) => ({ txnRef, status, amount, centerId: 'c1' }) as PaymentRow;
  it('matches by reference and lists every kind of difference', () => {
    const gateway = [
      { txnRef: 'A', gatewayTxnId: 'g', amount: 10000, status: 'success' as const, paidAt: null },
      { txnRef: 'B', gatewayTxnId: 'g', amount: 10000, status: 'success' as const, paidAt: null },
      { txnRef: 'C', gatewayTxnId: 'g', amount: 9000, status: 'success' as const, paidAt: null },
      { txnRef: 'D', gatewayTxnId: 'g', amount: 10000, status: 'success' as const, paidAt: null },
      { txnRef: 'F', gatewayTxnId: 'g', amount: 10000, status: 'failed' as const, paidAt: null },
    ];
    const ours = [p('A', 'paid'), p('B', 'pending'), p('C', 'paid'), p('E', 'paid'), p('F', 'failed')];
    const { matched, mismatches } = compare(gateway, ours, new Map(ours.map((x) => [x.txnRef, x])));
    expect(matched).toBe(2);
    expect(mismatches.map((m) => `${m.txnRef}:${m.kind}`)).toEqual(['B:status_mismatch', 'C:amount_mismatch', 'D:missing_in_motcua', 'E:missing_at_gateway']);
  });
});
