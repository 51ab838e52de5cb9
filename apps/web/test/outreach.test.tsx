import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { OutreachPack, OutreachSyncResult, ProcedureVersion } from '@motcua/contracts';
import { clearUnitCache } from '../src/features/dossier/commune-picker.tsx';
import { resetStore, store } from '../src/features/outreach/outreach-store.ts';
import { localIso } from '../src/features/outreach/outreach-time.ts';
import { demoMe, renderApp, stubApi } from './helpers.tsx';
import { birthRegistration, ids } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;
const CARD = '046190000123|191234567|Nguyễn Thị Hoa|01051990|Nữ|Tổ 3, Phường Phú Xuân, Thành phố Huế|15082021';
const SESSION = '0196d2f4-3c1e-7a10-8000-0000000000e1';
const today = localIso(new Date()).slice(0, 10);

const pack: OutreachPack = {
  session: { id: SESSION, centerId: demoMe.center!.id, place: 'Thôn Khe Tre', date: today, team: [{ id: demoMe.user.id, fullName: demoMe.user.fullName, role: 'counter_officer' }, { id: ids.leader, fullName: 'Lê Văn Hùng', role: 'leader' }], procedureCodes: ['1.001193'], createdAt: `${today}T07:00:00+07:00` },
  center: { id: demoMe.center!.id, name: demoMe.center!.name, agencyCode: 'H46.01' },
  procedures: [birthRegistration as ProcedureVersion],
  provisionalDueAt: { '1.001193': Array.from({ length: 24 }, (_, h) => `${today}T${h < 15 ? '17:00' : '23:59'}:00+07:00`) },
  preparedAt: `${today}T07:00:00+07:00`,
};

/** Receives one birth registration on the session screen with every request failing (no coverage). */
async function receiveOffline(user: ReturnType<typeof renderApp>['user'], onSpotBy?: string) {
  await user.selectOptions(await screen.findByLabelText('Thủ tục'), '1.001193');
  await user.click(screen.getByLabelText('Quét mã QR trên thẻ căn cước'));
  await user.paste(CARD);
  await user.keyboard('{Enter}');
  await screen.findByText(/Đã điền thông tin từ thẻ của Nguyễn Thị Hoa/);
  for (const name of [/^Giấy chứng sinh/, /^Giấy tờ tùy thân/, /^Tờ khai đăng ký khai sinh/]) await user.click(screen.getByRole('checkbox', { name }));
  if (onSpotBy) await user.selectOptions(screen.getByLabelText('Giải quyết tại chỗ'), `Có: ${onSpotBy} duyệt và trả kết quả tại chỗ`);
  await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ (lưu trên máy)' }));
  await screen.findByRole('heading', { name: 'Phiếu tiếp nhận (Mẫu 01) — tạm thời' });
}

describe('outreach session screen', { timeout: SLOW_MACHINE_MS }, () => {
  beforeEach(async () => {
    clearUnitCache();
    await resetStore();
    await store.savePack(pack, demoMe, new Date().toISOString());
  });

  it('receives a dossier with no connection: kept on the device with a provisional number and Form 01', async () => {
    stubApi({ 'GET /api/v1/provinces': 'network-down', 'GET /api/v1/provinces/46/communes': 'network-down' });
    const { user } = renderApp(`/staff/outreach/${SESSION}`);
    await receiveOffline(user);
    const number = `LĐ-${today.replaceAll('-', '')}-001`;
    expect(within(screen.getByRole('region', { name: 'Phiếu tiếp nhận (Mẫu 01) — tạm thời' })).getByText(number)).toBeTruthy();
    const [kept] = await store.dossiers(SESSION);
    expect(kept).toMatchObject({ localNumber: number, procedureCode: '1.001193', procedureVersionId: ids.version, decision: 'accept', sync: { state: 'pending' } });
    expect(kept!.applicant.fullName).toBe('Nguyễn Thị Hoa');
    expect(kept!.checklist.filter((c) => c.provided).map((c) => c.itemId)).toEqual(['d04', 'd06', 'd07']);
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }));
    const row = within(await screen.findByRole('table', { name: 'Hồ sơ đã tiếp nhận trong phiên, lưu trên máy' })).getByRole('row', { name: new RegExp(number) });
    expect(within(row).getByText('Chưa đồng bộ')).toBeTruthy();
  });

  it('sync shows the official code, and a changed procedure version as a conflict to review, keeping both on the device', async () => {
    const routes: Parameters<typeof stubApi>[0] = { 'GET /api/v1/provinces': 'network-down', 'GET /api/v1/provinces/46/communes': 'network-down' };
    stubApi(routes);
    const { user } = renderApp(`/staff/outreach/${SESSION}`);
    await receiveOffline(user);
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }));
    await receiveOffline(user);
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }));
    const [first, second] = await store.dossiers(SESSION);
    const synced: OutreachSyncResult = { key: first!.key, localNumber: first!.localNumber, state: 'synced', conflict: null, uploads: [], dossier: { id: ids.dossier, code: 'H46.01-261123-0042', status: 'finished', receivedAt: first!.receivedAt, dueAt: null } };
    const conflict: OutreachSyncResult = {
      key: second!.key,
      localNumber: second!.localNumber,
      state: 'conflict',
      dossier: null,
      uploads: [],
      conflict: {
        code: 'procedure_version_changed',
        message: 'changed',
        cachedVersion: 1,
        currentVersion: 2,
        currentVersionId: '0196d2f4-3c1e-7a10-8000-0000000000a2',
        changes: ['document added: Giấy xác nhận của trưởng thôn', 'time limit: same day (cut-off 15:00) → 2 working days'],
        differences: [
          { field: 'document', kind: 'added', before: null, after: { name: 'Giấy xác nhận của trưởng thôn', requirement: 'mandatory' } },
          { field: 'timeLimit', before: { sameDay: true, cutoff: '15:00' }, after: { workingDays: 2 } },
        ],
      },
    };
    // The stub answers by key: one request path, two dossiers.
    const { vi } = await import('vitest');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { key: string };
        return new Response(JSON.stringify(body.key === first!.key ? synced : conflict), { status: body.key === first!.key ? 201 : 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Đồng bộ (2 hồ sơ)' }));
    expect(await screen.findByText('Còn 1 hồ sơ chưa đồng bộ xong; chúng vẫn được giữ trên máy.')).toBeTruthy();
    expect(screen.getByText('Đã đồng bộ: H46.01-261123-0042')).toBeTruthy();
    expect(screen.getByText('Cần xem lại: thủ tục đã thay đổi')).toBeTruthy();
    // The difference field by field, in the officer's language.
    const diff = screen.getByRole('table', { name: 'Khác biệt giữa phiên bản 1 và 2' });
    expect(within(diff).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Nội dung thay đổiPhiên bản 1 (trên máy)Phiên bản 2 (đang có hiệu lực)',
      'Thêm giấy tờ—Giấy xác nhận của trưởng thôn (Bắt buộc)',
      'Thời hạn giải quyếtTrong ngày (nộp trước 15:00)2 ngày làm việc',
    ]);
    expect((await store.dossiers(SESSION)).map((d) => d.sync.state)).toEqual(['synced', 'conflict']);
    // Clearing the device removes only what the server confirmed.
    await user.click(screen.getByRole('button', { name: 'Xóa khỏi máy các hồ sơ đã đồng bộ' }));
    await screen.findByRole('heading', { name: 'Hồ sơ trên máy (1)' });
    expect((await store.dossiers(SESSION)).map((d) => d.key)).toEqual([second!.key]);
  });

  it('a dossier finished on the spot sends the moments the officer noted for the signature and the hand-over', async () => {
    stubApi({ 'GET /api/v1/provinces': 'network-down', 'GET /api/v1/provinces/46/communes': 'network-down' });
    const { user } = renderApp(`/staff/outreach/${SESSION}`);
    await receiveOffline(user, 'Lê Văn Hùng');
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }));
    const table = await screen.findByRole('table', { name: 'Hồ sơ đã tiếp nhận trong phiên, lưu trên máy' });
    // The hand-over comes after the signature, so it is offered only then.
    expect(within(table).queryByRole('button', { name: 'Ghi nhận đã trao kết quả cho người nộp' })).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'Ghi nhận Lê Văn Hùng đã ký duyệt' }));
    await user.click(await within(table).findByRole('button', { name: 'Ghi nhận đã trao kết quả cho người nộp' }));
    await within(table).findByText(/^Trao kết quả lúc \d{2}:\d{2}$/);
    expect(within(table).getByText(/^Lê Văn Hùng ký duyệt lúc \d{2}:\d{2}$/)).toBeTruthy();

    const [kept] = await store.dossiers(SESSION);
    const { leaderId, approvedAt, handedOverAt } = kept!.onSpot!;
    expect(leaderId).toBe(ids.leader);
    expect(kept!.receivedAt <= approvedAt! && approvedAt! <= handedOverAt!).toBe(true);
    const sent: unknown[] = [];
    const { vi } = await import('vitest');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)));
        const done: OutreachSyncResult = { key: kept!.key, localNumber: kept!.localNumber, state: 'synced', conflict: null, uploads: [], dossier: { id: ids.dossier, code: 'H46.01-261123-0043', status: 'returned', receivedAt: kept!.receivedAt, dueAt: null } };
        return new Response(JSON.stringify(done), { status: 201, headers: { 'content-type': 'application/json' } });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Đồng bộ (1 hồ sơ)' }));
    await screen.findByText('Đã đồng bộ: H46.01-261123-0043');
    expect(sent).toEqual([expect.objectContaining({ receivedAt: kept!.receivedAt, onSpot: { leaderId: ids.leader, approvedAt, handedOverAt } })]);
    // After the sync the row still shows the moments the server recorded.
    expect(within(table).getByText(`Trao kết quả lúc ${handedOverAt!.slice(11, 16)}`)).toBeTruthy();
  });
});
