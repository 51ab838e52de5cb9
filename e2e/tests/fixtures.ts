import AxeBuilder from '@axe-core/playwright';
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

/** The QR code printed on a demo chip-based citizen ID card (number|old ID|name|birth|sex|address|issued). */
export const DEMO_CARD = '046190000123|191234567|Nguyễn Thị Hoa|01051990|Nữ|Tổ 3, Phường Phú Xuân, Thành phố Huế|15082021';

/**
 * On the open counter intake screen: finds birth registration, scans the card, ticks the documents
 * the counter asks for, receives the dossier and returns its code. The online-only e-form is not
 * on the counter's list.
 */
export async function receiveBirthRegistration(page: Page, search = 'khai sinh'): Promise<string> {
  await page.getByLabel('Tìm thủ tục').fill(search);
  await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh\s*1\.001193/ }).click();
  const qr = page.getByLabel('Quét mã QR trên thẻ căn cước');
  await qr.fill(DEMO_CARD);
  await qr.press('Enter');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Thị Hoa');
  await expect(page.getByRole('checkbox', { name: /^Mẫu hộ tịch điện tử/ })).toHaveCount(0);
  for (const name of [/^Giấy chứng sinh/, /^Hộ chiếu\/Thẻ căn cước/, /^Tờ khai đăng ký khai sinh/]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await expect(page.getByText('Đủ các giấy tờ bắt buộc: có thể tiếp nhận hồ sơ.')).toBeVisible();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' })).toBeVisible();
  return (await page.locator('.dossier-code').textContent())!.trim();
}

/** Serious and critical WCAG 2.1 A/AA violations on the page, as "rule: targets" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
