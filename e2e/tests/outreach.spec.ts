import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, signIn } from './fixtures.ts';
import { deviceRows as rows, prepareSession, receiveOffline } from './outreach-steps.ts';

// A PNG as the device camera would give it (signature and header are what the server sniffs).
const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.alloc(3000, 7)]);
const photoSha = createHash('sha256').update(photo).digest('hex');

async function receiveBirthOffline(page: Page): Promise<string> {
  const number = await receiveOffline(page, '1.001193', { documents: [/^Giấy chứng sinh/, /^Hộ chiếu\/Thẻ căn cước/, /^Tờ khai đăng ký khai sinh/], photo: { label: /^Chụp ảnh: Giấy chứng sinh/, file: photo } });
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
  return number;
}

async function officialCodes(page: Page): Promise<string[]> {
  const states = await rows(page).locator('.outreach-sync-state').allTextContents();
  return states.map((s) => /^Đã đồng bộ: (\S+)$/.exec(s.trim())?.[1] ?? `not synced: ${s}`);
}

test('three dossiers received with the network cut survive a reload, sync with official codes, and a repeated sync creates no duplicate', async ({ page, context }) => {
  test.setTimeout(240_000);
  await signIn(page, 'phuxuan.motcua');
  await prepareSession(page, 'Thôn Khe Tre', ['1.001193']);
  // The installed app: its service worker has the shell cached and controls the page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  const numbers = [await receiveBirthOffline(page), await receiveBirthOffline(page), await receiveBirthOffline(page)];
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
