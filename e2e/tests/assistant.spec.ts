import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('at the kiosk, "lam giay khai sinh can gi" is answered with Đăng ký khai sinh, its code and a link to its source', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('link', { name: /H46\.01/ }).click();
  await expect(page).toHaveURL(/\/kiosk\/[0-9a-f-]{36}$/);

  const assistant = page.getByRole('region', { name: 'Trợ lý thủ tục' });
  await assistant.getByLabel('Câu hỏi của bạn').fill('lam giay khai sinh can gi');
  await assistant.getByRole('button', { name: 'Hỏi', exact: true }).click();

  const log = assistant.getByRole('log', { name: 'Hội thoại với trợ lý' });
  await expect(log.getByText('Thủ tục đăng ký khai sinh — mã 1.001193, phiên bản 1 (lĩnh vực Hộ tịch)')).toBeVisible();
  const documents = log.getByRole('region', { name: 'Giấy tờ cần chuẩn bị' });
  await expect(documents.getByText(/^Giấy chứng sinh/)).toBeVisible();
  const source = documents.getByRole('link', { name: /Thủ tục đăng ký khai sinh \(mã 1\.001193, phiên bản 1\) — giấy tờ/ });
  await expect(source).toHaveAttribute('href', '/citizen/procedures/1.001193');

  // Voice input is offered only where the browser has speech recognition (Chromium headless: webkitSpeechRecognition).
  const hasSpeech = await page.evaluate(() => 'webkitSpeechRecognition' in window || 'SpeechRecognition' in window);
  await expect(assistant.getByRole('button', { name: 'Nói câu hỏi' })).toHaveCount(hasSpeech ? 1 : 0);

  const results = await new AxeBuilder({ page }).include('.assistant').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await source.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
});

test('a question the catalog cannot answer is told so, with no invented facts', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('link', { name: /H46\.01/ }).click();
  const assistant = page.getByRole('region', { name: 'Trợ lý thủ tục' });
  await assistant.getByLabel('Câu hỏi của bạn').fill('giá vàng hôm nay bao nhiêu');
  await assistant.getByRole('button', { name: 'Hỏi', exact: true }).click();
  await expect(assistant.getByText(/Tôi không tìm thấy thủ tục nào trong danh mục/)).toBeVisible();
  await expect(assistant.getByRole('link', { name: /phiên bản/ })).toHaveCount(0);
});

test('on the citizen portal, the assistant opens under the procedure search', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/citizen/procedures');
  await page.getByRole('button', { name: 'Hỏi trợ lý thủ tục' }).click();
  const assistant = page.getByRole('region', { name: 'Trợ lý thủ tục' });
  await assistant.getByLabel('Câu hỏi của bạn').fill('dang ky ket hon mat bao nhieu tien');
  await assistant.getByRole('button', { name: 'Hỏi', exact: true }).click();
  const fees = assistant.getByRole('region', { name: 'Phí, lệ phí' });
  await expect(fees.getByText('Nộp trực tiếp: Miễn phí')).toBeVisible();
  await expect(fees.getByRole('link', { name: /mã 1\.000894/ })).toHaveAttribute('href', '/citizen/procedures/1.000894');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});
