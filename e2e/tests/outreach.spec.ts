import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CARD, seriousViolations, signIn } from './fixtures.ts';

// A PNG as the device camera would give it (signature and header are what the server sniffs).
const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.alloc(3000, 7)]);
const photoSha = createHash('sha256').update(photo).digest('hex');

/** Today in Vietnam, the session day. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function receiveOffline(page: Page): Promise<string> {
  await page.getByRole('combobox', { name: 'Thủ tục', exact: true }).selectOption('1.001193');
  const qr = page.getByLabel('Quét mã QR trên thẻ căn cước');
  await qr.fill(DEMO_CARD);
  await qr.press('Enter');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Thị Hoa');
  for (const name of [/^Giấy chứng sinh/, /^Hộ chiếu\/Thẻ căn cước/, /^Tờ khai đăng ký khai sinh/]) await page.getByRole('checkbox', { name }).check();
  await page.getByLabel(/^Chụp ảnh: Giấy chứng sinh/).setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: photo });
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ (lưu trên máy)' }).click();
  const receipt = page.getByRole('region', { name: 'Phiếu tiếp nhận (Mẫu 01) — tạm thời' });
  await expect(receipt).toBeVisible();
  const number = (await receipt.locator('.outreach-local-number').textContent())!.trim();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
  return number;
}

const rows = (page: Page) => page.getByRole('table', { name: 'Hồ sơ đã tiếp nhận trong phiên, lưu trên máy' }).locator('tbody tr');

async function officialCodes(page: Page): Promise<string[]> {
  const states = await rows(page).locator('.outreach-sync-state').allTextContents();
  return states.map((s) => /^Đã đồng bộ: (\S+)$/.exec(s.trim())?.[1] ?? `not synced: ${s}`);
}

test('three dossiers received with the network cut survive a reload, sync with official codes, and a repeated sync creates no duplicate', async ({ page, context }) => {
  test.setTimeout(240_000);
  await signIn(page, 'phuxuan.motcua');
  await page.getByRole('link', { name: 'Tiếp nhận lưu động' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận lưu động' })).toBeVisible();
  // The installed app: its service worker has the shell cached and controls the page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await page.getByLabel('Địa điểm (thôn, bản)').fill('Thôn Khe Tre');
  await page.getByLabel('Ngày đi').fill(todayInVietnam());
  await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill('khai sinh');
  await page.getByRole('button', { name: 'Thêm Thủ tục đăng ký khai sinh (1.001193)' }).click();
  await page.getByRole('button', { name: 'Lưu phiên và tải về máy' }).click();
  await expect(page).toHaveURL(/\/staff\/outreach\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Phiên lưu động Thôn Khe Tre/ })).toBeVisible();

  await context.setOffline(true);
  const numbers = [await receiveOffline(page), await receiveOffline(page), await receiveOffline(page)];
  expect(new Set(numbers).size).toBe(3);

  // Still offline: the page comes back from the device, and so do the three dossiers.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hồ sơ trên máy (3)' })).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).locator('.outreach-sync-state')).toHaveText(['Chưa đồng bộ', 'Chưa đồng bộ', 'Chưa đồng bộ']);
  expect(await rows(page).locator('th').allTextContents()).toEqual([...numbers].sort());

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Đồng bộ (3 hồ sơ)' }).click();
  await expect(page.getByText('Đã đồng bộ xong 3 hồ sơ.')).toBeVisible({ timeout: 60_000 });
  const codes = await officialCodes(page);
  expect(codes).toHaveLength(3);
  for (const code of codes) {
    expect(code).toMatch(/^H46\.01-/);
    const dossier = await page.request.get(`/api/v1/dossiers/by-code/${code}`);
    expect(dossier.status()).toBe(200);
    expect(await dossier.json()).toMatchObject({ code, channel: 'outreach', procedureCode: '1.001193' });
    const files = await (await page.request.get(`/api/v1/dossiers/${(await dossier.json()).id}/files`)).json();
    expect(files.map((f: { sha256: string }) => f.sha256)).toEqual([photoSha]);
  }

  // The device loses the server's answers (a dropped connection): it syncs everything again.
  const outreachCount = async () => ((await (await page.request.get('/api/v1/dossiers?limit=500')).json()).items as { channel: string }[]).filter((d) => d.channel === 'outreach').length;
  const before = await outreachCount();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('motcua-outreach');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('dossiers', 'readwrite');
          const all = tx.objectStore('dossiers').getAll();
          all.onsuccess = () => all.result.forEach((d: { sync: unknown }) => tx.objectStore('dossiers').put({ ...d, sync: { state: 'pending' } }));
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.reload();
  await page.getByRole('button', { name: 'Đồng bộ (3 hồ sơ)' }).click();
  await expect(page.getByText('Đã đồng bộ xong 3 hồ sơ.')).toBeVisible({ timeout: 60_000 });
  expect(await officialCodes(page)).toEqual(codes);
  expect(await outreachCount()).toBe(before);

  await page.getByRole('button', { name: 'Xem báo cáo (cần mạng)' }).click();
  await expect(page.getByRole('table', { name: /^Tỷ lệ giải quyết tại chỗ/ }).locator('tfoot td').first()).toHaveText('3');
  expect(await seriousViolations(page)).toEqual([]);
});
