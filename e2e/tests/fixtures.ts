import { expect, type Page } from '@playwright/test';

/** Demo accounts seeded by `scripts/start.mjs`; every demo password is "motcua". */
export const DEMO_PASSWORD = 'motcua';

/** Signs in through the real form, as an officer would, and waits for the who-am-I page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tôi là ai' })).toBeVisible();
}
