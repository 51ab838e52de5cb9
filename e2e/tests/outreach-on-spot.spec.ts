import { expect, test } from '@playwright/test';
import { seriousViolations, signIn } from './fixtures.ts';
import { bearer, deviceRows, prepareSession, receiveOffline, todayInVietnam } from './outreach-steps.ts';

const LEADER = 'Tôn Nữ Thanh Hương';

/** An instant as the app writes it: Vietnam time, whole seconds, e.g. 2026-11-23T08:30:00+07:00. */
const vnIso = (ms: number) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

/** Receipt, signature and hand-over: three moments of today in Vietnam, in that order, none after now. */
function momentsToday(): [number, number, number] {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const span = Math.min(45 * 60_000, now - Date.parse(`${todayInVietnam()}T00:00:00+07:00`));
  return [now - span, now - Math.round(span / 2000) * 1000, now];
}

test('a birth registration received, signed and handed over in the village keeps those three moments after sync, on the timeline and in the report', async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page, 'phuxuan.motcua');
  const sessionId = await prepareSession(page, 'Thôn Hạ Lang', ['1.001193'], [LEADER]);
  const [receivedAt, signedAt, handedOverAt] = momentsToday();

  await context.setOffline(true);
  await page.clock.setFixedTime(receivedAt);
  const number = await receiveOffline(page, '1.001193', { documents: [/^Giấy chứng sinh/, /^Hộ chiếu\/Thẻ căn cước/, /^Tờ khai đăng ký khai sinh/], leader: LEADER });
  await expect(page.getByRole('region', { name: 'Phiếu tiếp nhận (Mẫu 01) — tạm thời' })).toContainText('Giải quyết và trả kết quả tại chỗ');
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();

  // The leader signs, then the officer hands the birth certificate over: each noted as it happens.
  const row = deviceRows(page).filter({ has: page.getByRole('rowheader', { name: number }) });
  await expect(row.getByRole('button', { name: 'Ghi nhận đã trao kết quả cho người nộp' })).toHaveCount(0);
  await page.clock.setFixedTime(signedAt);
  await row.getByRole('button', { name: `Ghi nhận ${LEADER} đã ký duyệt` }).click();
  await page.clock.setFixedTime(handedOverAt);
  await row.getByRole('button', { name: 'Ghi nhận đã trao kết quả cho người nộp' }).click();
  await expect(row).toContainText(`${LEADER} ký duyệt lúc ${vnIso(signedAt).slice(11, 16)}`);
  await expect(row).toContainText(`Trao kết quả lúc ${vnIso(handedOverAt).slice(11, 16)}`);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Đồng bộ (1 hồ sơ)' }).click();
  await expect(page.getByText('Đã đồng bộ xong 1 hồ sơ.')).toBeVisible({ timeout: 30_000 });
  const state = (await row.locator('.outreach-sync-state').textContent())!.trim();
  expect(state).toMatch(/^Đã đồng bộ: H46\.01-/);

  await page.getByRole('button', { name: 'Xem báo cáo (cần mạng)' }).click();
  const report = page.getByRole('table', { name: 'Tỷ lệ giải quyết tại chỗ: 100%' });
  await expect(report.locator('tfoot td')).toHaveText(['1', '1', '0', '0']);
  expect(await seriousViolations(page)).toEqual([]);

  const officer = await bearer('phuxuan.motcua');
  const dossier = await (await page.request.get(`/api/v1/dossiers/by-code/${state.replace('Đã đồng bộ: ', '')}`, { headers: officer })).json();
  expect(dossier).toMatchObject({ channel: 'outreach', status: 'returned', receivedAt: vnIso(receivedAt), finishedAt: vnIso(signedAt), returnedAt: vnIso(handedOverAt) });
  const sessionReport = await (await page.request.get(`/api/v1/outreach/sessions/${sessionId}/report`, { headers: officer })).json();
  expect(sessionReport.totals).toMatchObject({ received: 1, finishedOnSpot: 1, takenBack: 0, onSpotRate: 1 });

  // The dossier's timeline shows the moments in the village, not the sync back at the center.
  await page.goto(`/staff/dossiers/${dossier.id}`);
  const event = (name: string) => page.locator('li.timeline-event').filter({ has: page.getByText(name, { exact: true }) }).locator('.timeline-head time');
  await expect(event('Tiếp nhận hồ sơ')).toHaveAttribute('datetime', vnIso(receivedAt));
  await expect(event('Lãnh đạo ký duyệt')).toHaveAttribute('datetime', vnIso(signedAt));
  await expect(event('Trả kết quả cho công dân')).toHaveAttribute('datetime', vnIso(handedOverAt));
  await expect(page.getByText('Lịch sử toàn vẹn: không bước nào bị sửa hay xóa.')).toBeVisible();
});
