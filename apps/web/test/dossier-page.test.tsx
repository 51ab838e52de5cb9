import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { DossierAction } from '@motcua/contracts';
import { planActions } from '../src/features/dossier/action-plan.ts';
import { clearUnitCache } from '../src/features/dossier/commune-picker.tsx';
import { demoMe, renderApp, stubApi } from './helpers.tsx';
import { communes46, dossier, ids, timeline } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;

const specialistMe = { ...demoMe, user: { ...demoMe.user, id: ids.specialist, username: 'phuxuan.chuyenvien', fullName: 'Phan Văn Dũng', role: 'specialist' as const } };
const path = `/staff/dossiers/${ids.dossier}`;
const GET = `GET /api/v1/dossiers/${ids.dossier}`;
const TIMELINE = `GET /api/v1/dossiers/${ids.dossier}/timeline`;
const ACT = `POST /api/v1/dossiers/${ids.dossier}/actions`;

function routesFor(allowedActions: DossierAction[], extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/me': { status: 200, body: specialistMe },
    [GET]: { status: 200, body: dossier({ allowedActions }) },
    [TIMELINE]: { status: 200, body: timeline() },
    'GET /api/v1/provinces/46/communes': { status: 200, body: communes46 },
    ...extra,
  } as Parameters<typeof stubApi>[0];
}

const buttonNames = () =>
  within(screen.getByRole('region', { name: 'Việc cần làm' }))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('dossier page actions', { timeout: SLOW_MACHINE_MS }, () => {
  beforeEach(() => clearUnitCache());

  it('shows exactly the actions the server allows, the next step of the workflow first', async () => {
    stubApi(routesFor(['request_supplement', 'start_review', 'withdraw']));
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: 'Hồ sơ H46.01-261123-0001' });
    expect(buttonNames()).toEqual(['Bắt đầu thẩm định', 'Yêu cầu bổ sung hồ sơ', 'Rút hồ sơ theo yêu cầu']);
    expect(screen.getByRole('button', { name: 'Bắt đầu thẩm định' }).className).toContain('button-primary-action');
    expect(screen.queryByRole('button', { name: 'Ký duyệt' })).toBeNull();
  });

  it('says so when the user has nothing to do, and shows no buttons', async () => {
    stubApi(routesFor([]));
    renderApp(path);
    expect(await screen.findByText('Bước này do người khác xử lý; bạn chưa có việc gì với hồ sơ này.')).toBeTruthy();
    expect(buttonNames()).toEqual([]);
  });

  it('sends the version on screen with a one-click action and shows the new state', async () => {
    const routes = routesFor(['start_review'], { [ACT]: { status: 200, body: dossier({ step: 'in_review', version: 3, allowedActions: ['submit_for_approval', 'request_supplement'] }) } });
    const calls = stubApi(routes);
    const { user } = renderApp(path);
    await user.click(await screen.findByRole('button', { name: 'Bắt đầu thẩm định' }));

    expect(await screen.findByText('Đã thực hiện: Bắt đầu thẩm định.')).toBeTruthy();
    expect(JSON.parse(String(calls.find((c) => c.key === ACT)?.init?.body))).toEqual({ action: 'start_review', expectedVersion: 2 });
    expect(screen.getByText('Đang xử lý · Đang thẩm định')).toBeTruthy();
    expect(buttonNames()).toEqual(['Trình lãnh đạo ký duyệt', 'Yêu cầu bổ sung hồ sơ']);
  });

  it('on a 409 says someone else changed the dossier and reloads it', async () => {
    const routes = routesFor(['start_review'], {
      [ACT]: {
        status: 409,
        body: { type: 'x', title: 'Conflict', status: 409, detail: 'Someone else changed this dossier first; reload it.', code: 'dossier.stale', currentStatus: 'processing', currentStep: 'in_review', version: 3 },
      },
    });
    const calls = stubApi(routes);
    const { user } = renderApp(path);
    const start = await screen.findByRole('button', { name: 'Bắt đầu thẩm định' });
    // Meanwhile a colleague started the review: that is what the reload will find.
    routes[GET] = { status: 200, body: dossier({ step: 'in_review', version: 3, allowedActions: ['submit_for_approval'] }) };
    await user.click(start);

    expect((await screen.findByRole('alert')).textContent).toBe('Người khác vừa thay đổi hồ sơ này. Thông tin mới nhất đã được tải lại: hãy kiểm tra rồi thao tác lại.');
    expect(await screen.findByRole('button', { name: 'Trình lãnh đạo ký duyệt' })).toBeTruthy();
    expect(calls.filter((c) => c.key === GET)).toHaveLength(2);
    expect(screen.getByText('Đang xử lý · Đang thẩm định')).toBeTruthy();
  });

  it('asks for the reason before an action that needs one, and shows the server’s field error there', async () => {
    const routes = routesFor(['withdraw'], {
      [ACT]: { status: 400, body: { type: 'x', title: 'Bad Request', status: 400, detail: 'Give the reason in writing.', code: 'dossier.reason_required', errors: [{ path: 'reason', message: 'required for this action' }] } },
    });
    const calls = stubApi(routes);
    const { user } = renderApp(path);
    await user.click(await screen.findByText('Kết thúc hồ sơ (rút, dừng, từ chối)'));
    await user.click(screen.getByRole('button', { name: 'Rút hồ sơ theo yêu cầu' }));
    expect(calls.some((c) => c.key === ACT)).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Xác nhận: Rút hồ sơ theo yêu cầu' }));
    expect(await screen.findByText('Ghi rõ lý do.')).toBeTruthy();

    routes[ACT] = { status: 200, body: dossier({ status: 'withdrawn', statusCode: 7, step: null, version: 3, allowedActions: [] }) };
    await user.type(screen.getByLabelText('Lý do (bắt buộc, ghi vào lịch sử hồ sơ)'), 'Công dân xin rút');
    await user.click(screen.getByRole('button', { name: 'Xác nhận: Rút hồ sơ theo yêu cầu' }));
    expect(await screen.findByText('Hồ sơ đã kết thúc; không còn việc gì cần làm.')).toBeTruthy();
    const bodies = calls.filter((c) => c.key === ACT).map((c) => JSON.parse(String(c.init?.body)));
    expect(bodies[1]).toEqual({ action: 'withdraw', expectedVersion: 2, reason: 'Công dân xin rút' });
  });

  it('asks how the result is returned; by post it sends the tracking code and the recipient', async () => {
    const routes = routesFor(['return_result'], { [ACT]: { status: 200, body: dossier({ status: 'returned', statusCode: 10, step: null, version: 3, allowedActions: [] }) } });
    const calls = stubApi(routes);
    const { user } = renderApp(path);
    await user.click(await screen.findByRole('button', { name: 'Trả kết quả cho công dân' }));
    expect(calls.some((c) => c.key === ACT)).toBe(false);
    expect((screen.getByRole('radio', { name: 'Trả trực tiếp tại quầy' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Gửi qua dịch vụ bưu chính' }));
    await user.type(screen.getByLabelText('Mã bưu gửi'), 'EB123456789VN');
    await user.click(screen.getByRole('button', { name: 'Xác nhận: Trả kết quả cho công dân' }));
    expect(await screen.findByText('Hồ sơ đã kết thúc; không còn việc gì cần làm.')).toBeTruthy();
    const body = JSON.parse(String(calls.find((c) => c.key === ACT)?.init?.body));
    expect(body).toMatchObject({ action: 'return_result', returnMethod: 'post', postalTrackingCode: 'EB123456789VN' });
    expect(body.receivedBy).toBeTruthy();
  });
});

describe('dossier page information', () => {
  beforeEach(() => clearUnitCache());

  it('shows the timeline in Vietnamese with actors, state changes and the intact chain, and the forms', async () => {
    stubApi(
      routesFor([], {
        [TIMELINE]: {
          status: 200,
          body: timeline([{ actorId: ids.specialist, actorName: 'Phan Văn Dũng', actorRole: 'specialist', action: 'start_review', fromState: 'processing:assigned', toState: 'processing:in_review', at: '2026-11-23T10:05:00.000+07:00' }]),
        },
      }),
    );
    renderApp(path);
    const history = within(await screen.findByRole('region', { name: 'Quá trình xử lý' }));
    await history.findByText('Lịch sử toàn vẹn: không bước nào bị sửa hay xóa.');
    const events = history.getAllByRole('listitem').map((li) => li.textContent);
    expect(events[0]).toContain('09:12 23/11/2026 Tiếp nhận hồ sơ');
    expect(events[0]).toContain('Nguyễn Thị Lan (Cán bộ tiếp nhận (một cửa))');
    expect(events[0]).toContain('Hẹn trả kết quả: 17:00, Thứ Ba 24/11/2026');
    expect(events[1]).toContain('Hệ thống');
    expect(events[1]).toContain('Đã tiếp nhận → Đang xử lý · Chờ chuyên viên thẩm định');
    expect(events[2]).toContain('10:05 23/11/2026 Bắt đầu thẩm định');
    expect(events[2]).toContain('Phan Văn Dũng (Chuyên viên xử lý)');

    expect(screen.getByText('Bạn (Phan Văn Dũng)')).toBeTruthy();
    expect(await screen.findByText('Tổ 3, Phường Phú Xuân')).toBeTruthy();
    const forms = within(screen.getByRole('region', { name: 'Biểu mẫu' }));
    expect(forms.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)' }).getAttribute('href')).toBe(`/api/v1/dossiers/${ids.dossier}/forms/01.pdf`);
    expect(forms.getByRole('link', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)' })).toBeTruthy();
  });

  it('lists the signed e-result with its PDF and the public verify page', async () => {
    const code = 'H46.01-261123-0001-KQ1';
    const result = {
      id: '0196d2f4-3c1e-7a10-8000-0000000000e1',
      dossierId: ids.dossier,
      n: 1,
      code,
      dossierCode: 'H46.01-261123-0001',
      procedureName: 'Thủ tục đăng ký khai sinh',
      issuer: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
      provinceName: 'Thành phố Huế',
      signerName: 'Tôn Nữ Thanh Hương',
      signerTitle: 'Phó Chủ tịch',
      signedAt: '2026-11-23T14:30:00.000+07:00',
      sha256: 'ab',
      sizeBytes: 1,
      certificate: { subject: 's', issuer: 'i', serial: '1', fingerprintSha256: 'f', notBefore: 'a', notAfter: 'b' },
      scheme: 'pdf-cms-sha256-rsa',
      verifyUrl: `/xac-thuc/${code}`,
      pdfUrl: `/api/v1/results/${code}/pdf`,
    };
    stubApi(
      routesFor([], {
        [GET]: { status: 200, body: dossier({ step: 'approved', version: 5 }) },
        [`GET /api/v1/dossiers/${ids.dossier}/results`]: { status: 200, body: { items: [result] } },
      }),
    );
    renderApp(path);
    const section = within(await screen.findByRole('region', { name: 'Kết quả điện tử' }));
    expect((await section.findByRole('link', { name: `Kết quả ${code} (PDF đã ký số)` })).getAttribute('href')).toBe(`/api/v1/results/${code}/pdf`);
    expect(section.getByRole('link', { name: 'Kiểm tra chữ ký' }).getAttribute('href')).toBe(`/xac-thuc/${code}`);
    expect(section.getByText(/ký bởi Tôn Nữ Thanh Hương \(Phó Chủ tịch\) lúc 14:30 23\/11\/2026/)).toBeTruthy();
  });

  it('warns loudly when the hash chain is broken', async () => {
    stubApi(routesFor([], { [TIMELINE]: { status: 200, body: timeline([], { chainIntact: false, brokenAtSeq: 2 }) } }));
    renderApp(path);
    expect((await screen.findByRole('alert')).textContent).toContain('lịch sử hồ sơ đã bị can thiệp từ bước 2');
  });

  it('shows the paused clock while the citizen supplements', async () => {
    stubApi(routesFor([], { [GET]: { status: 200, body: dossier({ status: 'supplement_requested', step: null, paused: true }) } }));
    renderApp(path);
    expect(await screen.findByText('Đang tạm dừng tính thời hạn.')).toBeTruthy();
    expect(screen.getByText('Chờ bổ sung')).toBeTruthy();
  });
});

describe('action plan', () => {
  it('puts the forward step first, detours next and endings apart', () => {
    expect(planActions(['reassign', 'send_back', 'approve', 'withdraw', 'stop', 'apologize'])).toEqual({
      primary: 'approve',
      others: ['send_back', 'reassign', 'apologize'],
      endings: ['withdraw', 'stop'],
    });
    expect(planActions(['request_payment', 'finish', 'withdraw'])).toEqual({ primary: 'finish', others: ['request_payment'], endings: ['withdraw'] });
    expect(planActions([])).toEqual({ primary: null, others: [], endings: [] });
  });
});
