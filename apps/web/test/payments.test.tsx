import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { problem, renderApp, stubApi } from './helpers.tsx';

const code = 'H46.01-261123-0001';
const summary = {
  dossierId: '01900000-0000-7000-8000-000000000001',
  dossierCode: code,
  procedureName: 'Đăng ký tạm trú',
  applicantName: 'Trần Văn Bình',
  dossierStatus: 'received',
  feeLines: [{ label: 'Phí, lệ phí', amount: 10000 }],
  amountDue: 10000,
  feePaid: false,
  notPayableReason: null,
  paidBy: null,
  payments: [],
};

describe('paying a fee online', () => {
  it('shows the fee lines and their total, and says plainly when the gateway is down (nothing charged, still payable)', async () => {
    const calls = stubApi({
      [`GET /api/v1/payments/dossiers/${code}`]: { status: 200, body: summary },
      'POST /api/v1/payments/online': problem(503, 'payments.gateway_unavailable', 'down'),
    });
    const { user } = renderApp(`/citizen/dossiers/${code}/pay`);
    expect(await screen.findByRole('heading', { level: 1, name: `Thanh toán phí, lệ phí hồ sơ ${code}` })).toBeTruthy();
    expect((await screen.findByTestId('amount-due')).textContent).toBe('10.000 đ');
    await user.click(screen.getByRole('button', { name: 'Thanh toán trực tuyến' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cổng thanh toán đang gián đoạn. Chưa có khoản tiền nào bị trừ; vui lòng thử lại sau.');
    expect(JSON.parse(String(calls.find((c) => c.key === 'POST /api/v1/payments/online')!.init!.body))).toEqual({ dossierCode: code });
    expect(screen.getByRole('button', { name: 'Thanh toán trực tuyến' })).toBeTruthy();
  });

  it('on the way back from the gateway, sends the signed result to the API and shows what it verified', async () => {
    const params = { merchant: 'MOTCUA', txnRef: `${code}-ABC123`, gatewayTxnId: 'GW1', amount: '10000', status: 'success', paidAt: '2026-11-23T02:05:00.000Z', signature: 'ab'.repeat(32) };
    const calls = stubApi({ 'POST /api/v1/payments/gateway/return': { status: 200, body: { outcome: 'applied', paymentStatus: 'paid', dossierCode: code } } });
    renderApp(`/citizen/payments/return?${new URLSearchParams(params)}`);
    expect((await screen.findByTestId('payment-result')).textContent).toBe('Thanh toán thành công');
    expect(screen.getByText(`Hồ sơ ${code} đã được ghi nhận thanh toán. Cảm ơn bạn.`)).toBeTruthy();
    expect(JSON.parse(String(calls[0]!.init!.body))).toEqual(params);
  });

  it('a forged or broken return is not taken for a payment', async () => {
    stubApi({ 'POST /api/v1/payments/gateway/return': problem(401, 'payments.bad_signature', 'bad') });
    renderApp('/citizen/payments/return?txnRef=x&signature=00');
    expect((await screen.findByTestId('payment-result')).textContent).toBe('Không xác nhận được kết quả thanh toán');
  });
});
