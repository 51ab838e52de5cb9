import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('a citizen finds birth registration without typing diacritics and sees what to bring', async ({ page }) => {
  await page.goto('/citizen');
  await page.getByRole('link', { name: /Tra cứu thủ tục hành chính/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục hành chính' })).toBeVisible();

  await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
  await page.getByRole('button', { name: 'Tìm' }).click();
  const first = page.getByRole('main').getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText('Thủ tục đăng ký khai sinh');
  await first.getByRole('link').click();

  await expect(page).toHaveURL(/\/citizen\/procedures\/1\.001193$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thủ tục đăng ký khai sinh');
  const checklist = page.getByRole('region', { name: 'Giấy tờ cần chuẩn bị' });
  await expect(checklist.getByText(/^Giấy chứng sinh/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Nộp trực tiếp/ })).toContainText('Trong ngày (nộp trước 15:00)');

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
