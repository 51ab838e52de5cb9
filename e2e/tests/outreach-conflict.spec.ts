import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.ts';
import { bearer, deviceRows, prepareSession, receiveOffline } from './outreach-steps.ts';

/** Birth registration with acknowledgement of parentage: used by no other browser test, so a new version here changes nothing elsewhere. */
const CODE = '1.000689';

test('a dossier received under a version replaced while the team was away is flagged, reviewed field by field and received under the new version', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  await signIn(page, 'phuxuan.motcua');
  const sessionId = await prepareSession(page, 'Bản Cô Tiên', [CODE]);

  // While the team travels, the province publishes version 2: one more mandatory document and a longer time limit.
  const admin = await bearer('admin');
  const v1 = await (await request.get(`/api/v1/procedures/${CODE}`)).json();
  const { id: _i, code: _c, version: _v, effectiveFrom: _e, publishedAt: _p, source: _s, changeNote: _n, retiredAt: _r, openFlags: _f, ...content } = v1;
  const extra = { ...v1.documents[0], id: 'd98', name: 'Giấy xác nhận của trưởng thôn', requirement: 'mandatory' };
  const channels = content.channels.map((c: { channel: string }) => (c.channel === 'counter' ? { ...c, timeLimit: { workingDays: 5 }, timeLimitText: '5' } : c));
  const published = await request.post(`/api/v1/procedures/${CODE}/versions`, {
    headers: admin,
    data: { content: { ...content, channels, documents: [...content.documents, extra] }, changeNote: 'Thêm giấy xác nhận của trưởng thôn', baseVersionId: v1.id },
  });
  expect(published.status(), await published.text()).toBe(201);
  const v2 = await published.json();

  // In the village the device still has version 1: its checklist has no confirmation letter.
  await context.setOffline(true);
  const number = await receiveOffline(page, CODE);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
  await context.setOffline(false);

  await page.getByRole('button', { name: 'Đồng bộ (1 hồ sơ)' }).click();
  await expect(page.getByText('Còn 1 hồ sơ chưa đồng bộ xong; chúng vẫn được giữ trên máy.')).toBeVisible({ timeout: 30_000 });
  const row = deviceRows(page).filter({ has: page.getByRole('rowheader', { name: number }) });
  await expect(row.locator('.outreach-sync-state')).toHaveText('Cần xem lại: thủ tục đã thay đổi');
  const review = row.getByRole('alert');
  await expect(review).toContainText('máy dùng phiên bản 1, đang có hiệu lực phiên bản 2');
  // Nothing was received on the server behind the officer's back.
  const before = await (await request.get(`/api/v1/outreach/sessions/${sessionId}/report`, { headers: await bearer('phuxuan.motcua') })).json();
  expect(before.totals).toMatchObject({ received: 0, conflicts: 1 });

  // What changed, field by field and in the officer's language, before anything is re-checked.
  const diff = review.getByRole('table', { name: 'Khác biệt giữa phiên bản 1 và 2' });
  await expect(diff.locator('tbody tr')).toHaveText([
    ['Thêm giấy tờ', '—', 'Giấy xác nhận của trưởng thôn (Bắt buộc)'].join(''),
    ['Thời hạn giải quyết', '3 ngày làm việc', '5 ngày làm việc'].join(''),
  ]);

  await review.getByRole('button', { name: 'Xem lại theo phiên bản mới' }).click();

  const resync = review.getByRole('button', { name: 'Đồng bộ lại theo phiên bản 2' });
  await expect(resync).toBeDisabled();
  await review.getByRole('checkbox', { name: 'Giấy xác nhận của trưởng thôn' }).check();
  await resync.click();

  await expect(row.locator('.outreach-sync-state')).toHaveText(/^Đã đồng bộ: H46\.01-/, { timeout: 30_000 });
  const code = (await row.locator('.outreach-sync-state').textContent())!.replace('Đã đồng bộ: ', '').trim();
  const dossier = await (await request.get(`/api/v1/dossiers/by-code/${code}`, { headers: await bearer('phuxuan.motcua') })).json();
  expect(dossier).toMatchObject({ channel: 'outreach', procedureCode: CODE, procedureVersionId: v2.id });
  const after = await (await request.get(`/api/v1/outreach/sessions/${sessionId}/report`, { headers: await bearer('phuxuan.motcua') })).json();
  expect(after.totals).toMatchObject({ received: 1, conflicts: 0 });
});
