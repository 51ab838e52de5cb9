import { expect, request as pwRequest, test, type Page } from '@playwright/test';
import { DEMO_CARD, DEMO_PASSWORD } from './fixtures.ts';

/** Today in Vietnam, the session day. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** On the outreach page: prepares a session for today with these procedures (searched by code) and team members, and opens it. */
export async function prepareSession(page: Page, place: string, codes: string[], team: string[] = []): Promise<string> {
  await page.getByRole('link', { name: 'Tiếp nhận lưu động' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận lưu động' })).toBeVisible();
  // The pack and the address lists are cached by the service worker only once it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.getByLabel('Địa điểm (thôn, bản)').fill(place);
  await page.getByLabel('Ngày đi').fill(todayInVietnam());
  for (const name of team) await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
  for (const code of codes) {
    await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill(code);
    await page.getByRole('button', { name: new RegExp(`^Thêm .*\\(${code.replace('.', '\\.')}\\)$`) }).click();
  }
  await page.getByRole('button', { name: 'Lưu phiên và tải về máy' }).click();
  await expect(page).toHaveURL(/\/staff\/outreach\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Phiên lưu động ${place}`) })).toBeVisible();
  return page.url().split('/').pop()!;
}

/**
 * Fills the offline intake form for the demo card: ticks every document of the checklist, or only
 * those matching `documents`; `leader` chooses on-the-spot finishing by that leader. Leaves the
 * provisional receipt (Form 01) open and returns its local number.
 */
export async function receiveOffline(page: Page, code: string, options: { documents?: RegExp[]; leader?: string; photo?: { label: RegExp; file: Buffer } } = {}): Promise<string> {
  await page.getByRole('combobox', { name: 'Thủ tục', exact: true }).selectOption(code);
  const qr = page.getByLabel('Quét mã QR trên thẻ căn cước');
  await qr.fill(DEMO_CARD);
  await qr.press('Enter');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Thị Hoa');
  const intake = page.getByRole('region', { name: 'Tiếp nhận hồ sơ (không cần mạng)' });
  if (options.documents) for (const name of options.documents) await intake.getByRole('checkbox', { name }).check();
  else for (const box of await intake.getByRole('group', { name: '3. Thành phần hồ sơ' }).getByRole('checkbox').all()) await box.check();
  if (options.photo) await page.getByLabel(options.photo.label).setInputFiles({ name: 'giay-to.png', mimeType: 'image/png', buffer: options.photo.file });
  if (options.leader) await page.getByLabel('Giải quyết tại chỗ').selectOption({ label: `Có: ${options.leader} duyệt và trả kết quả tại chỗ` });
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ (lưu trên máy)' }).click();
  const receipt = page.getByRole('region', { name: 'Phiếu tiếp nhận (Mẫu 01) — tạm thời' });
  await expect(receipt).toBeVisible();
  return (await receipt.locator('.outreach-local-number').textContent())!.trim();
}

export const deviceRows = (page: Page) => page.getByRole('table', { name: 'Hồ sơ đã tiếp nhận trong phiên, lưu trên máy' }).locator('tbody tr');

/** Headers for the API from a fresh client, so the browser's own session is left alone. */
export async function bearer(username: string): Promise<Record<string, string>> {
  const fresh = await pwRequest.newContext({ baseURL: test.info().project.use.baseURL! });
  const res = await fresh.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  const { token } = (await res.json()) as { token: string };
  await fresh.dispose();
  return { authorization: `Bearer ${token}` };
}
