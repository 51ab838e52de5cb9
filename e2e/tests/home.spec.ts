import { expect, test } from '@playwright/test';

test('the home page is in Vietnamese and links to all five applications', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Phần mềm một cửa cho Trung tâm Phục vụ hành chính công',
  );
  await expect(page).toHaveTitle('Trang chủ · Motcua');
  const main = page.getByRole('main');
  for (const name of ['Cổng dịch vụ công', 'Ki-ốt lấy số', 'Màn hình gọi số', 'Cán bộ', 'Cấp tỉnh']) {
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('switching the language to English translates the page and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Ngôn ngữ').selectOption('en');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'One-stop software for Public Administrative Service Centers',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Home · Motcua');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an unknown address shows a translated not-found page', async ({ page }) => {
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await page.getByRole('main').getByRole('link', { name: 'Về trang chủ' }).click();
  await expect(page).toHaveURL(/\/$/);
});
