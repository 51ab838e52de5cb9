import { expect, test } from '@playwright/test';
import { receiveBirthRegistration, seriousViolations, signIn } from './fixtures.ts';

// The test server starts the portal simulator in process on PORT + 1000 (playwright.config.ts);
// its admin endpoint lets the test make the portal refuse one center, then accept it again.
const PORT = Number(process.env.E2E_PORT ?? 8091);
const portal = `http://127.0.0.1:${PORT + 1000}`;
const setPortalFaults = async (faults: object) => {
  const res = await fetch(`${portal}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  expect(res.ok).toBe(true);
};

test.afterEach(async () => {
  await setPortalFaults({ rejectAgencies: [] });
});

test('the province sync dashboard shows a center the portal refuses, and a retry clears it', async ({ page }) => {
  // The portal refuses records of Phú Xuân (H46.01); a counter officer receives a dossier there.
  await setPortalFaults({ rejectAgencies: ['H46.01'] });
  await signIn(page, 'phuxuan.motcua');
  await page.goto('/staff/intake');
  const code = await receiveBirthRegistration(page, '1.001193');

  await page.context().clearCookies();
  await signIn(page, 'admin');
  await page.goto('/province');
  await page.getByRole('link', { name: /^Đồng bộ Cổng Dịch vụ công quốc gia/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đồng bộ Cổng Dịch vụ công quốc gia' })).toBeVisible();

  const centers = page.getByRole('table', { name: /^Tình trạng đồng bộ theo trung tâm/ });
  const row = centers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /H46\.01/ }) });
  await expect(async () => {
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect(row.getByText('Đang lỗi')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // The portal's own error is shown, and the dossier is listed among the failures.
  await expect(row.getByText('MaDonVi H46.01: đơn vị chưa được cấp quyền đồng bộ')).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('trung tâm có thay đổi chưa đồng bộ được');
  await row.getByRole('button', { name: 'Chi tiết' }).click();
  await expect(page.getByRole('heading', { name: 'Các thay đổi chưa đồng bộ được' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: code })).not.toHaveCount(0);
  // The change was set aside: it waits on the dashboard for someone to acknowledge it.
  const setAside = page.getByRole('table', { name: 'Thay đổi bị gác lại, mới nhất trước' });
  await expect(setAside.getByRole('rowheader', { name: code })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The portal accepts the center again; the administrator retries and the center is clean.
  await setPortalFaults({ rejectAgencies: [] });
  await row.getByRole('button', { name: /^Gửi lại các thay đổi lỗi của/ }).click();
  await expect(page.getByRole('status').first()).toContainText('vào hàng gửi lại');
  await expect(async () => {
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect(page.getByText('Tất cả trung tâm đang đồng bộ bình thường.')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByText('Đang lỗi')).toHaveCount(0);
  // Its acknowledged changes now count in the lag percentiles.
  await expect(row.getByRole('cell').nth(2)).not.toHaveText('—');
});

test('staff other than the province administrator are told the sync page is not theirs', async ({ page }) => {
  await signIn(page, 'phuxuan.giamdoc');
  await page.goto('/province/sync');
  await expect(page.getByRole('alert')).toHaveText('Chỉ quản trị viên cấp tỉnh mới xem được trang này.');
});
