import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.ts';

test('a province admin sees the official calendar year, marks a day off and takes it back', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/province');
  await page.getByRole('link', { name: 'Lịch làm việc và ngày nghỉ lễ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc chính thức' })).toBeVisible();

  const years = page.getByRole('table').first();
  await expect(years.getByRole('row', { name: /^2026/ })).toContainText('Đã xác nhận');
  await page.getByRole('button', { name: 'Xem năm 2026' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Lịch năm 2026' })).toBeVisible();

  const february = page.getByRole('table', { name: 'Tháng 2' });
  await expect(february.getByRole('button', { name: /Tết Nguyên đán \(mùng 1\)/ })).toHaveText('17');
  await expect(page.getByRole('table', { name: 'Tháng 8' }).getByRole('button', { name: /ngày làm việc \(Làm bù/ })).toHaveText('22');

  const march = page.getByRole('table', { name: 'Tháng 3' });
  await march.getByRole('button', { name: /13\/3\/2026/ }).click();
  const editor = page.getByRole('region', { name: /13\/3\/2026/ });
  await editor.getByLabel('Tên hiển thị').fill('Nghỉ thử nghiệm');
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await expect(march.getByRole('button', { name: /13\/3\/2026: ngày nghỉ \(Nghỉ thử nghiệm\)/ })).toBeVisible();

  await page.getByRole('region', { name: /13\/3\/2026/ }).getByRole('button', { name: 'Xóa, trở lại ngày thường' }).click();
  await expect(march.getByRole('button', { name: /13\/3\/2026: ngày làm việc$/ })).toBeVisible();
});

test('the calendar page, with the year view and the day editor open, has no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/province/calendar');
  await page.getByRole('button', { name: 'Xem năm 2026' }).click();
  await page.getByRole('table', { name: 'Tháng 2' }).getByRole('button', { name: /Tết Nguyên đán \(mùng 1\)/ }).click();
  await expect(page.getByRole('region', { name: /17\/2\/2026/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} nodes`);
  expect(serious).toEqual([]);
});

test('anyone computes an appointment date across Tết 2026 on the public calculator', async ({ page }) => {
  await page.goto('/deadline');
  await page.getByLabel('Thời điểm tiếp nhận hồ sơ').fill('2026-02-12T10:00');
  await page.getByLabel('Số ngày làm việc (bước 0,5)').fill('3');
  await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
  await expect(page.getByText('Thứ Ba, 24/2/2026, 10:00')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '23/2/2026: 08:00–12:00' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
