import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem, renderApp, stubApi } from './helpers.tsx';

afterEach(() => vi.unstubAllGlobals());

const view = {
  code: 'H46.01-261123-0001',
  procedureName: 'Thủ tục đăng ký khai sinh',
  channel: 'online',
  status: 'finished',
  statusCode: 9,
  step: null,
  receivedAt: '2026-11-23T09:00:00+07:00',
  dueAt: '2026-11-23T17:00:00+07:00',
  paused: false,
  finishedAt: '2026-11-23T15:00:00+07:00',
  outcome: 'on_time',
  feeTotal: 0,
  feePaid: false,
  nextStep: 'collect_result',
  supplementItems: [],
  timeline: [
    { at: '2026-11-23T09:00:00+07:00', action: 'submit_online', toState: 'new' },
    { at: '2026-11-23T09:30:00+07:00', action: 'accept', toState: 'received' },
  ],
  results: [{ code: 'H46.01-261123-0001-KQ1', signedAt: '2026-11-23T14:00:00+07:00', downloadUrl: '/api/v1/track/results/H46.01-261123-0001-KQ1/pdf?t=1.x', verifyUrl: '/xac-thuc/H46.01-261123-0001-KQ1' }],
};

describe('public tracking', () => {
  it('answers a wrong second factor with one plain sentence, and the right one with status, deadline, next step, timeline and the result', async () => {
    stubApi({ 'POST /api/v1/track': problem(404, 'track.not_found', 'No dossier matches') });
    const { user } = renderApp('/tra-cuu/H46.01-261123-0001');
    expect((screen.getByLabelText('Mã hồ sơ') as HTMLInputElement).value).toBe('H46.01-261123-0001');
    await user.type(screen.getByLabelText('4 số cuối điện thoại hoặc mã bí mật'), '0000');
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Không tìm thấy hồ sơ khớp với mã và thông tin đã nhập.');

    stubApi({ 'POST /api/v1/track': { status: 200, body: view } });
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect((await screen.findByTestId('dossier-status')).textContent).toBe('Đã có kết quả');
    expect(screen.getByText('23/11/2026 17:00')).toBeTruthy();
    expect(screen.getByText(/Kết quả đã sẵn sàng/)).toBeTruthy();
    expect(screen.getByText(/Trung tâm kiểm tra và tiếp nhận hồ sơ/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải kết quả H46.01-261123-0001-KQ1 (PDF có chữ ký số)' }).getAttribute('href')).toBe(view.results[0]!.downloadUrl);
  });
});

describe('sign-in with a one-time code', () => {
  it('asks for the phone, then the code, and says plainly when the code is wrong', async () => {
    const calls = stubApi({
      'POST /api/v1/citizen/otp': { status: 200, body: { expiresInSeconds: 300, resendAfterSeconds: 60 } },
      'POST /api/v1/citizen/otp/verify': problem(401, 'citizen.otp_invalid', 'wrong'),
    });
    const { user } = renderApp('/citizen/sign-in');
    await user.type(screen.getByLabelText('Số điện thoại'), '0905123456');
    await user.click(screen.getByRole('button', { name: 'Gửi mã' }));
    expect((await screen.findByRole('status')).textContent).toContain('Đã gửi mã tới 0905123456');
    await user.type(screen.getByLabelText('Mã xác thực'), '123456');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Mã không đúng hoặc đã hết hạn. Hãy yêu cầu mã mới.');
    expect(JSON.parse(String(calls.at(-1)!.init!.body))).toEqual({ phone: '0905123456', code: '123456' });
  });
});

describe('assisted mode', () => {
  it('records the citizen’s consent, then sends every portal call on their behalf until stopped', async () => {
    const calls = stubApi({
      'POST /api/v1/assisted/consents': { status: 201, body: { citizenId: '0196d2f4-3c1e-7a10-8000-0000000000aa', consentId: '0196d2f4-3c1e-7a10-8000-0000000000ab', phone: '0968000111' } },
      'GET /api/v1/citizen/me': { status: 200, body: { id: '0196d2f4-3c1e-7a10-8000-0000000000aa', phone: '0968000111', fullName: null, idNumber: null, email: null, language: 'vi', channels: ['sms'], volunteerCenterId: null } },
    });
    const { user } = renderApp('/citizen/assist');
    await user.type(screen.getByLabelText('Số điện thoại của người dân'), '0968000111');
    const start = screen.getByRole('button', { name: 'Bắt đầu nộp hộ' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox'));
    await user.click(start);
    expect((await screen.findByRole('status')).textContent).toBe('Bạn đang nộp hồ sơ thay cho người dân có số điện thoại 0968000111.');
    const { portalApi } = await import('../src/features/portal/portal-api.ts');
    await portalApi.me();
    expect(new Headers(calls.at(-1)!.init!.headers).get('x-on-behalf-of')).toBe('0196d2f4-3c1e-7a10-8000-0000000000aa');
    await user.click(screen.getByRole('button', { name: 'Kết thúc nộp hộ' }));
    expect(sessionStorage.getItem('motcua.onBehalfOf')).toBeNull();
  });
});
