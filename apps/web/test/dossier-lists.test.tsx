import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Me, Role } from '@motcua/contracts';
import type { ListedDossier } from '../src/features/dossier/dossier-api.ts';
import { workloadOf } from '../src/features/dossier/workload.ts';
import { demoMe, renderApp, stubApi } from './helpers.tsx';
import { dossier, ids } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;

const meAs = (role: Role, id = demoMe.user.id): Me => ({ ...demoMe, user: { ...demoMe.user, id, role } });
const other = '0196d2f4-3c1e-7a10-8000-0000000000b9';

function listed(n: number, overrides: Partial<ListedDossier> = {}): ListedDossier {
  const id = `0196d2f4-3c1e-7a10-8000-0000000001${String(n).padStart(2, '0')}`;
  return { ...dossier({ id, code: `H46.01-261123-00${String(n).padStart(2, '0')}`, version: 4 }), badge: null, ...overrides };
}

const late = listed(1, { badge: 'late', applicant: { ...dossier().applicant, fullName: 'Lê Văn Tám' }, allowedActions: ['submit_for_approval'], step: 'in_review' });
const today = listed(2, { badge: 'due_today', allowedActions: ['start_review'] });
const atRisk = listed(3, { badge: 'at_risk', assigneeId: other });
const calm = listed(4, { dueAt: '2026-12-01T17:00:00+07:00', status: 'supplement_requested', step: null, paused: true });

describe('specialist inbox', { timeout: SLOW_MACHINE_MS }, () => {
  it('lists my dossiers with their badges and filters them by badge and by text', async () => {
    stubApi({
      'GET /api/v1/me': { status: 200, body: meAs('specialist', ids.specialist) },
      'GET /api/v1/dossiers?assignee=me&limit=500': { status: 200, body: { items: [late, today, atRisk, calm] } },
    });
    const { user } = renderApp('/staff/inbox');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ được giao cho tôi' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Hồ sơ được giao cho tôi' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-1)?.textContent)).toEqual(['Trình lãnh đạo ký duyệt', 'Bắt đầu thẩm định', '—', '—']);
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-2)?.textContent)).toEqual([
      '17:00, Thứ Ba 24/11/2026 Quá hạn',
      '17:00, Thứ Ba 24/11/2026 Đến hạn hôm nay',
      '17:00, Thứ Ba 24/11/2026 Sắp quá hạn',
      'Tạm dừng (chờ bổ sung)',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: late.code }).getAttribute('href')).toBe(`/staff/dossiers/${late.id}`);

    await user.selectOptions(screen.getByLabelText('Hiển thị'), 'Quá hạn (1)');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Hiển thị'), 'Cần tôi xử lý (2)');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('Hiển thị'), 'Tất cả (4)');
    await user.type(screen.getByLabelText('Tìm theo mã hồ sơ, tên, số căn cước'), 'le van tam');
    expect(screen.getByText('Đang hiển thị 1 trên 4 hồ sơ.')).toBeTruthy();
  });

  it('shows the whole center to the counter, with the results waiting to be handed over', async () => {
    const approved = listed(5, { step: 'approved', allowedActions: ['finish', 'request_payment'] });
    stubApi({
      'GET /api/v1/me': { status: 200, body: meAs('counter_officer') },
      'GET /api/v1/dossiers?assignee=all&limit=500': { status: 200, body: { items: [late, approved] } },
    });
    renderApp('/staff/inbox?scope=all&show=results');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ của trung tâm' })).toBeTruthy();
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([approved.code]);
  });
});

describe('leader approvals', () => {
  it('signs a dossier awaiting approval with one click (approval and signed e-result), sending the version it showed', async () => {
    const waiting = listed(6, { step: 'awaiting_approval', allowedActions: ['approve', 'send_back'] });
    const routes: Parameters<typeof stubApi>[0] = {
      'GET /api/v1/me': { status: 200, body: meAs('leader', ids.leader) },
      'GET /api/v1/dossiers?assignee=all&limit=500': { status: 200, body: { items: [late, waiting] } },
      'GET /api/v1/dossiers/apology-drafts': { status: 200, body: { items: [] } },
      [`POST /api/v1/dossiers/${waiting.id}/sign`]: { status: 200, body: { dossier: { ...waiting, step: 'approved', version: 5 }, result: { code: `${waiting.code}-KQ1` } } },
    };
    const calls = stubApi(routes);
    const { user } = renderApp('/staff/approvals');
    const table = await screen.findByRole('table', { name: 'Hồ sơ chờ ký duyệt' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    routes['GET /api/v1/dossiers?assignee=all&limit=500'] = { status: 200, body: { items: [late] } };
    await user.click(within(table).getByRole('button', { name: `Ký duyệt hồ sơ ${waiting.code}` }));

    expect(await screen.findByText(`Đã ký duyệt hồ sơ ${waiting.code}; kết quả điện tử ${waiting.code}-KQ1.`)).toBeTruthy();
    expect(await screen.findByText('Không có hồ sơ nào chờ ký duyệt.')).toBeTruthy();
    expect(JSON.parse(String(calls.find((c) => c.key.startsWith('POST'))?.init?.body))).toEqual({ expectedVersion: 4 });
  });
});

describe('apology letters', () => {
  it('lists the Form 04 drafts for dossiers about to be late, with the step that took the time', async () => {
    stubApi({
      'GET /api/v1/me': { status: 200, body: meAs('leader', ids.leader) },
      'GET /api/v1/dossiers?assignee=all&limit=500': { status: 200, body: { items: [] } },
      'GET /api/v1/dossiers/apology-drafts': {
        status: 200,
        body: {
          items: [
            { dossierId: late.id, code: late.code, procedureName: late.procedureName, applicantName: 'Lê Văn Tám', dueAt: '2026-11-24T17:00:00+07:00', draftedAt: '2026-11-23T08:00:00+07:00', causeState: 'processing:in_review', causeWorkingHours: 6.5 },
          ],
        },
      },
    });
    renderApp('/staff/approvals');
    const drafts = await screen.findByRole('region', { name: 'Thư xin lỗi chờ ký (Mẫu 04)' });
    expect(within(drafts).getByRole('link', { name: late.code }).getAttribute('href')).toBe(`/staff/dossiers/${late.id}`);
    expect(drafts.textContent).toContain('chậm ở bước: Đang xử lý · Đang thẩm định (6,5 giờ làm việc)');
    expect(screen.getByText('Không có hồ sơ nào chờ ký duyệt.')).toBeTruthy();
  });
});

describe('director workload', () => {
  it('counts open dossiers and badges per officer, busiest first', () => {
    const { officers, atRisk: risky, unassigned } = workloadOf([late, today, atRisk, calm, listed(7, { assigneeId: null, status: 'received', step: null })]);
    expect(officers.map((o) => [o.id, o.open, o.late, o.dueToday, o.atRisk])).toEqual([
      [ids.specialist, 3, 1, 1, 0],
      [other, 1, 0, 0, 1],
      [null, 1, 0, 0, 0],
    ]);
    expect(risky.map((d) => d.code)).toEqual([late.code, today.code, atRisk.code]);
    expect(unassigned).toHaveLength(1);
  });

  it('hands an at-risk dossier to another officer', async () => {
    const movable = { ...atRisk, allowedActions: ['reassign' as const] };
    const calls = stubApi({
      'GET /api/v1/me': { status: 200, body: meAs('director') },
      'GET /api/v1/dossiers?assignee=all&limit=500': { status: 200, body: { items: [today, movable] } },
      [`GET /api/v1/dossiers/${today.id}/timeline`]: { status: 200, body: { events: [], chainIntact: true, brokenAtSeq: null } },
      [`POST /api/v1/dossiers/${movable.id}/actions`]: { status: 200, body: movable },
      'GET /api/v1/dossiers/reports/extra-paper': {
        status: 200,
        body: { items: [{ dossierId: today.id, code: today.code, procedureName: 'Thủ tục đăng ký khai sinh', at: '2026-11-23T09:00:00+07:00', actorName: 'Nguyễn Thị Mai', documents: [{ name: 'Giấy xác nhận tình trạng hôn nhân', legalReason: 'Điều 16 Luật Hộ tịch' }] }] },
      },
    });
    const { user } = renderApp('/staff/workload');
    const extra = await screen.findByRole('region', { name: 'Yêu cầu giấy tờ ngoài danh mục' });
    expect(await within(extra).findByText(/Giấy xác nhận tình trạng hôn nhân \(căn cứ: Điều 16 Luật Hộ tịch\)/)).toBeTruthy();
    expect(within(extra).getByRole('link', { name: today.code })).toBeTruthy();
    const perOfficer = await screen.findByRole('table', { name: 'Hồ sơ đang giải quyết theo cán bộ' });
    expect(within(perOfficer).getAllByRole('row')).toHaveLength(3);
    const risky = screen.getByRole('table', { name: 'Hồ sơ quá hạn hoặc sắp quá hạn' });
    const row = within(risky).getByRole('row', { name: new RegExp(movable.code) });
    const select = within(row).getByLabelText(`Giao hồ sơ ${movable.code} cho`);
    await user.selectOptions(select, within(select).getAllByRole('option')[1]!);
    await user.click(within(row).getByRole('button', { name: 'Giao' }));

    expect(await screen.findByText(`Đã giao lại hồ sơ ${movable.code}.`)).toBeTruthy();
    expect(JSON.parse(String(calls.find((c) => c.key.startsWith('POST'))?.init?.body))).toEqual({ action: 'reassign', expectedVersion: 4, assigneeId: ids.specialist });
  });
});

describe('staff home', () => {
  it.each([
    ['counter_officer', ['Tiếp nhận hồ sơ', 'Hồ sơ chờ trả kết quả', 'Tất cả hồ sơ của trung tâm', 'Tiếp nhận lưu động']],
    ['specialist', ['Hồ sơ được giao cho tôi', 'Tất cả hồ sơ của trung tâm']],
    ['leader', ['Tiếp nhận hồ sơ', 'Hồ sơ được giao cho tôi', 'Hồ sơ chờ ký duyệt', 'Tiến độ và phân công', 'Tất cả hồ sơ của trung tâm', 'Tiếp nhận lưu động']],
    ['director', ['Tiếp nhận hồ sơ', 'Hồ sơ chờ ký duyệt', 'Tiến độ và phân công', 'Tất cả hồ sơ của trung tâm', 'Tiếp nhận lưu động']],
  ] as const)('links a %s to their screens', async (role, links) => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: meAs(role) } });
    renderApp('/staff');
    const work = await screen.findByRole('region', { name: 'Công việc của tôi' });
    expect(within(work).getAllByRole('link').map((a) => a.textContent)).toEqual(links);
  });

  it('shows no work section to a province administrator', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: meAs('province_admin') } });
    renderApp('/staff');
    await screen.findByText('Nguyễn Thị Lan');
    expect(screen.queryByRole('region', { name: 'Công việc của tôi' })).toBeNull();
  });
});
