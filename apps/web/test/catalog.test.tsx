import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ProcedureDetail } from '@motcua/contracts';
import { renderApp, stubApi } from './helpers.tsx';

const birth: ProcedureDetail = {
  id: '0196d2f4-3c1e-7a10-8000-0000000000a1',
  code: '1.001193',
  version: 1,
  effectiveFrom: '2026-06-30T17:00:00.000Z',
  publishedAt: '2026-11-02T01:00:00.000Z',
  source: 'seed',
  changeNote: '',
  retiredAt: null,
  openFlags: [],
  name: 'Thủ tục đăng ký khai sinh',
  sector: 'Hộ tịch',
  ministry: 'Bộ Tư pháp',
  levels: ['commune'],
  procedureType: '',
  decisionNumber: '163/QĐ-BTP',
  applicantTypes: ['Công dân Việt Nam'],
  competentAgency: 'Ủy ban nhân dân cấp xã',
  agencyType: 'commune',
  channels: [
    { channel: 'counter', timeLimit: { sameDay: true, cutoff: '15:00' }, timeLimitText: '1', fees: [], feeText: 'Miễn phí', note: '', cases: [] },
    { channel: 'online', timeLimit: { workingDays: 3 }, timeLimitText: '3 Ngày làm việc', fees: [{ label: 'Lệ phí', amount: 8000 }], feeText: '8,000 VNĐ', note: '', cases: [] },
  ],
  onlineLevel: 'partial',
  boundaryFree: true,
  documents: [
    { id: 'd01', name: 'Giấy chứng sinh', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: true, reuse: 'none', form: null },
    { id: 'd02', name: 'Thẻ căn cước của người đi đăng ký', group: null, kind: 'present', originals: 1, copies: 0, requirement: 'mandatory', digitise: false, reuse: 'population_db', form: null },
  ],
  documentNotes: [],
  results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
  steps: ['Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.'],
  legalBasis: [],
  conditions: '',
  sourceUrl: '',
};

const summary = { code: birth.code, name: birth.name, sector: 'Hộ tịch', level: 'commune', levels: ['commune'], onlineLevel: 'partial', boundaryFree: true, versionId: birth.id, version: 1 };

describe('procedure search (public)', () => {
  it('searches as typed without diacritics and lists matches with their field and online level', async () => {
    const calls = stubApi({
      'GET /api/v1/procedures/sectors': { status: 200, body: [{ sector: 'Hộ tịch', count: 41 }] },
      'GET /api/v1/procedures?limit=30': { status: 200, body: { items: [], total: 344 } },
      'GET /api/v1/procedures?q=dang+ky+khai+sinh&limit=30': { status: 200, body: { items: [summary], total: 1 } },
    });
    const { user } = renderApp('/citizen/procedures');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Tìm thấy 344 thủ tục');
    await user.type(screen.getByLabelText('Tên hoặc mã thủ tục'), 'dang ky khai sinh');
    await user.click(screen.getByRole('button', { name: 'Tìm' }));

    const link = await screen.findByRole('link', { name: 'Thủ tục đăng ký khai sinh' });
    expect(link.getAttribute('href')).toBe('/citizen/procedures/1.001193');
    expect(screen.getByText(/Hộ tịch · Cấp xã · Trực tuyến một phần/)).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain('GET /api/v1/procedures?q=dang+ky+khai+sinh&limit=30');
  });

  it('is reachable from the citizen portal page', async () => {
    stubApi({});
    renderApp('/citizen');
    expect((await screen.findByRole('link', { name: /Tra cứu thủ tục hành chính/ })).getAttribute('href')).toBe('/citizen/procedures');
  });
});

describe('procedure page (public)', () => {
  it('tells a citizen what to bring, how long it takes per channel, the fees and where to go', async () => {
    stubApi({ 'GET /api/v1/procedures/1.001193': { status: 200, body: birth } });
    renderApp('/citizen/procedures/1.001193');

    expect(await screen.findByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeTruthy();
    const bring = screen.getByRole('region', { name: 'Giấy tờ cần chuẩn bị' });
    expect(within(bring).getByText('Giấy chứng sinh')).toBeTruthy();
    expect(within(bring).getAllByText(/1 bản chính · Bắt buộc/)).toHaveLength(2);
    expect(within(bring).getByRole('heading', { name: 'Giấy tờ mang theo để xuất trình' })).toBeTruthy();

    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Nộp trực tiếp/ }).textContent).toContain('Trong ngày (nộp trước 15:00)');
    expect(within(table).getByRole('row', { name: /Nộp trực tiếp/ }).textContent).toContain('Miễn phí');
    expect(within(table).getByRole('row', { name: /Nộp trực tuyến/ }).textContent).toContain('3 ngày làm việc');
    expect(within(table).getByRole('row', { name: /Nộp trực tuyến/ }).textContent).toContain('8.000 đồng');
    expect(screen.getByText(/bất kỳ Trung tâm Phục vụ hành chính công nào trong tỉnh/)).toBeTruthy();
    expect(screen.getByText(/Có thể nộp trực tuyến/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'In trang này' })).toBeTruthy();
  });

  it('says plainly when a code does not exist', async () => {
    stubApi({ 'GET /api/v1/procedures/9.999999': { status: 404, body: { type: 'x', title: 'Not Found', status: 404, detail: 'No such procedure.', code: 'catalog.procedure_not_found' } } });
    renderApp('/citizen/procedures/9.999999');
    expect(await screen.findByText('Không tìm thấy thủ tục này.')).toBeTruthy();
  });
});

describe('catalog administration (province admin)', () => {
  const admin = {
    user: { id: '0196d2f4-3c1e-7a10-8000-0000000000b1', username: 'admin', fullName: 'Nguyễn Văn Quản', role: 'province_admin' as const },
    province: { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue City', unitType: 'city' },
    center: null,
  };
  const flag = {
    id: '0196d2f4-3c1e-7a10-8000-0000000000c1',
    code: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    field: 'channels[counter,online,postal]',
    message: '"1" without a unit read as same day with a 15:00 cut-off (the steps mention 15 giờ)',
    raisedAt: '2026-11-02T01:00:00.000Z',
    versionId: birth.id,
  };

  it('lists the readings to review and confirms one', async () => {
    const calls = stubApi({
      'GET /api/v1/me': { status: 200, body: admin },
      'GET /api/v1/catalog/flags?limit=50&offset=0': { status: 200, body: { items: [flag], total: 1 } },
      'GET /api/v1/centers': { status: 200, body: [] },
      [`POST /api/v1/catalog/flags/${flag.id}/confirm`]: { status: 204 },
    });
    const { user } = renderApp('/province/catalog');
    expect(await screen.findByRole('heading', { level: 2, name: 'Cần rà soát (1)' })).toBeTruthy();
    const row = screen.getByRole('row', { name: /1\.001193/ });
    expect(row.textContent).toContain('same day with a 15:00 cut-off');
    await user.click(within(row).getByRole('button', { name: /Xác nhận đúng/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Cần rà soát (0)' })).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain(`POST /api/v1/catalog/flags/${flag.id}/confirm`);
  });

  it('tells other staff the page is for the province administrator', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: { ...admin, user: { ...admin.user, role: 'counter_officer' } } } });
    renderApp('/province/catalog');
    expect(await screen.findByText('Chỉ quản trị viên cấp tỉnh được quản trị danh mục thủ tục.')).toBeTruthy();
  });
});
