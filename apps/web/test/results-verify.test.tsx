import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { problem, renderApp, stubApi } from './helpers.tsx';

const code = 'H46.01-261123-0001-KQ1';
const result = {
  code,
  dossierCode: 'H46.01-261123-0001',
  procedureName: 'Thủ tục đăng ký khai sinh',
  issuer: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
  provinceName: 'Thành phố Huế',
  signerName: 'Tôn Nữ Thanh Hương',
  signerTitle: 'Lãnh đạo',
  signedAt: '2026-11-23T09:40:00+07:00',
  sha256: 'ab'.repeat(32),
  sizeBytes: 61234,
  certificate: {
    subject: 'CN=Tôn Nữ Thanh Hương, T=Lãnh đạo, C=VN',
    issuer: 'CN=Motcua Demo CA — Thành phố Huế, C=VN',
    serial: '01ab',
    fingerprintSha256: 'cd'.repeat(32),
    notBefore: '2026-11-23T09:40:00+07:00',
    notAfter: '2029-11-23T09:40:00+07:00',
  },
  scheme: 'pdf-cms-sha256-rsa',
  verifyUrl: `/xac-thuc/${code}`,
};
const checks = (over: object) => ({ sha256: 'ef'.repeat(32), signaturePresent: true, signatureValid: true, coversWholeFile: true, certificateKnown: true, hashMatches: true, ...over });

describe('public e-result verification', () => {
  it('opened from the QR code, shows who issued and signed the result, in Vietnamese', async () => {
    stubApi({ [`GET /api/v1/results/${code}`]: { status: 200, body: result } });
    renderApp(`/xac-thuc/${code}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Xác thực kết quả giải quyết thủ tục hành chính' })).toBeTruthy();
    expect(await screen.findByText('Kết quả này đã được cấp và ký số:')).toBeTruthy();
    expect(screen.getByText('Tôn Nữ Thanh Hương (Lãnh đạo)')).toBeTruthy();
    expect(screen.getByText('09:40, 23/11/2026')).toBeTruthy();
    expect(screen.getByText('ab'.repeat(32))).toBeTruthy();
    expect((screen.getByLabelText('Mã kết quả') as HTMLInputElement).value).toBe(code);
  });

  it('says so when the code is unknown', async () => {
    stubApi({ [`GET /api/v1/results/${code}`]: problem(404, 'results.not_found', 'No result with this code.') });
    renderApp(`/xac-thuc/${code}`);
    expect((await screen.findByRole('alert')).textContent).toBe(`Không tìm thấy kết quả có mã ${code}.`);
  });

  it('uploads the PDF as itself and shows a valid result', async () => {
    const calls = stubApi({ 'POST /api/v1/results/verify': { status: 200, body: { verdict: 'valid', reason: 'exact_match', result, checks: checks({}) } } });
    const { user } = renderApp('/xac-thuc');
    const file = new File(['%PDF-1.7 signed'], 'ket-qua.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Tệp kết quả (PDF)'), file);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
    const panel = await screen.findByRole('status');
    expect(within(panel).getByRole('heading', { name: 'Hợp lệ' })).toBeTruthy();
    expect(within(panel).getByText('Tệp trùng khớp từng byte với kết quả đã ký số, chữ ký số hợp lệ.')).toBeTruthy();
    const sent = calls[0]!.init!;
    expect((sent.headers as Record<string, string>)['content-type']).toBe('application/pdf');
    expect(sent.body).toBeInstanceOf(Blob);
  });

  it('shows a file changed after signing as modified, with the failed checks', async () => {
    stubApi({
      'POST /api/v1/results/verify': { status: 200, body: { verdict: 'tampered', reason: 'modified_after_signing', result, checks: checks({ coversWholeFile: false, hashMatches: false }) } },
    });
    const { user } = renderApp('/xac-thuc');
    await user.upload(screen.getByLabelText('Tệp kết quả (PDF)'), new File(['%PDF-1.7 x'], 'x.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
    const panel = await screen.findByRole('status');
    expect(within(panel).getByRole('heading', { name: 'Đã bị sửa đổi' })).toBeTruthy();
    expect(within(panel).getByText(/Chữ ký bao trùm toàn bộ tệp: không/)).toBeTruthy();
  });

  it('looks a typed code up on its own page', async () => {
    stubApi({ [`GET /api/v1/results/${code}`]: { status: 200, body: result } });
    const { user } = renderApp('/xac-thuc');
    const lookup = screen.getByRole('button', { name: 'Tra cứu' });
    expect((lookup as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Mã kết quả'), code);
    await user.click(lookup);
    expect(await screen.findByText('Kết quả này đã được cấp và ký số:')).toBeTruthy();
  });
});
