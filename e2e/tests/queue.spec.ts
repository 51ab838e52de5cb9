import { expect, test } from '@playwright/test';
import { receiveBirthRegistration, seriousViolations, signIn } from './fixtures.ts';

test('a ticket taken at the kiosk is called at the counter, shown on the display and opens intake', async ({ page, context }) => {
  // The kiosk is set up once by choosing its center.
  const kiosk = await context.newPage();
  await kiosk.goto('/kiosk');
  await kiosk.getByRole('link', { name: /H46\.01/ }).click();
  await expect(kiosk).toHaveURL(/\/kiosk\/[0-9a-f-]{36}$/);
  const centerId = kiosk.url().split('/').pop()!;

  const display = await context.newPage();
  await display.goto(`/display/${centerId}`);
  await expect(display.getByRole('heading', { level: 1, name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân' })).toBeVisible();

  // A citizen takes a civil-status number.
  const issued = kiosk.waitForResponse((r) => r.url().endsWith(`/queue/centers/${centerId}/tickets`) && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: /Hộ tịch/ }).click();
  const ticket = (await (await issued).json()) as { id: string; number: string };
  await expect(kiosk.getByRole('heading', { name: 'Số thứ tự của bạn' })).toBeVisible();
  await expect(kiosk.getByText(ticket.number, { exact: true })).toBeVisible();
  await expect(kiosk.getByRole('img', { name: 'Mã QR để theo dõi số thứ tự trên điện thoại' })).toBeVisible();
  const waitingA = display.getByRole('region', { name: 'Đang chờ' }).getByRole('listitem').filter({ hasText: 'Hộ tịch' });
  await expect(waitingA).toContainText('1');

  // The officer opens counter 1 for civil status and calls the next number.
  await signIn(page, 'phuxuan.motcua');
  await page.goto('/staff/counter');
  await page.getByLabel('Quầy của tôi').selectOption({ label: 'Quầy 1 – Tư pháp – Hộ tịch' });
  await page.getByRole('checkbox', { name: 'A Hộ tịch' }).check();
  await page.getByRole('button', { name: 'Mở quầy' }).click();
  const called = page.waitForResponse((r) => r.url().includes('/call-next'));
  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await called;
  await expect(page.getByText(ticket.number, { exact: true })).toBeVisible();

  // The hall sees it within a second.
  const nowCalling = display.getByRole('region', { name: 'Đang mời' });
  await expect(nowCalling.getByRole('row', { name: `${ticket.number} Quầy 1` })).toBeVisible({ timeout: 1000 });
  await expect(display.getByRole('region', { name: 'Vừa gọi' })).toContainText(ticket.number);
  await expect(waitingA).toContainText('0');

  // Serving: intake opens with the ticket, so the new dossier is linked back to it.
  await page.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
  await expect(page.getByText('Đang được phục vụ')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mở tiếp nhận hồ sơ' })).toHaveAttribute('href', `/staff/intake?ticket=${ticket.id}`);

  // The citizen's phone (QR link) shows where to go.
  const phone = await context.newPage();
  await phone.goto(`/queue/tickets/${ticket.id}`);
  await expect(phone.getByRole('status')).toHaveText('Mời bạn đến quầy số 1');

  // The visit's intake: the new dossier is linked back to the ticket.
  await page.getByRole('link', { name: 'Mở tiếp nhận hồ sơ' }).click();
  const code = await receiveBirthRegistration(page);
  expect(code).toMatch(/^H46\.01-\d{6}-\d{4}$/);
  await expect(page.getByText(`Đã gắn số thứ tự ${ticket.number} với hồ sơ này.`)).toBeVisible();

  // Back at the console, the officer closes the visit; the hall board clears it.
  await page.goto('/staff/counter');
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect(nowCalling.getByRole('row', { name: `${ticket.number} Quầy 1` })).toHaveCount(0);
});

test('the kiosk, the display board and the counter console have no serious accessibility violations', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('link', { name: /H46\.01/ }).click();
  await expect(page.getByRole('button', { name: /Hộ tịch/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const centerId = page.url().split('/').pop()!;
  await page.goto(`/display/${centerId}`);
  await expect(page.getByRole('region', { name: 'Đang chờ' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await signIn(page, 'phuxuan.motcua');
  await page.goto('/staff/counter');
  await expect(page.getByLabel('Quầy của tôi')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
