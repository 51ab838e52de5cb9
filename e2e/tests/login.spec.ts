import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.ts';

test('a counter officer signs in, sees their center and signs out', async ({ page }) => {
  await signIn(page, 'phuxuan.motcua');

  const main = page.getByRole('main');
  await expect(main.getByText('Cán bộ tiếp nhận (một cửa)')).toBeVisible();
  await expect(main.getByText('Trung tâm Phục vụ hành chính công phường Phú Xuân')).toBeVisible();
  await expect(main.getByText('Phường Phú Xuân', { exact: true })).toBeVisible();
  await expect(main.getByText('H46.01', { exact: true })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Giờ làm việc' })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The session is really gone, not just hidden.
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password shows an error and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('phuxuan.motcua');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/login$/);
});

test('a visitor without a session is sent from the staff and province pages to login', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/province');
  await expect(page).toHaveURL(/\/login$/);
});

test('the login form works with the keyboard alone', async ({ page }) => {
  await page.goto('/login');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await page.keyboard.type('phuxuan.motcua');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  await page.keyboard.type('motcua');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('main').getByText('H46.01', { exact: true })).toBeVisible();
});
