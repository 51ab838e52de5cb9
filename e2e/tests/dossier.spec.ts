import { expect, test, type Page } from '@playwright/test';
import { DEMO_CARD as CARD, receiveBirthRegistration, seriousViolations, signIn } from './fixtures.ts';

/** Ends one officer's session and starts another's in the same browser, as at a shared PC. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

async function act(page: Page, button: string): Promise<void> {
  await page.getByRole('region', { name: 'Việc cần làm' }).getByRole('button', { name: button }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã thực hiện: ${button}.` })).toBeVisible();
}

test('a birth registration goes from the counter through review and signature back to the citizen', async ({ page }) => {
  // Counter: find the procedure, scan the card, tick the documents, receive.
  await signIn(page, 'phuxuan.motcua');
  await page.getByRole('region', { name: 'Công việc của tôi' }).getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tại quầy' })).toBeVisible();
  await page.getByLabel('Tìm thủ tục').fill('khai sinh');
  await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh\s*1\.001193/ }).click();
  await expect(page.getByText('1.001193 · Hộ tịch · Thời hạn giải quyết: trong ngày (nhận trước 15:00)')).toBeVisible();

  const qr = page.getByLabel('Quét mã QR trên thẻ căn cước');
  await qr.fill(CARD);
  await qr.press('Enter');
  await expect(page.getByText('Đã điền thông tin từ thẻ của Nguyễn Thị Hoa. Hãy kiểm tra lại.')).toBeVisible();
  await expect(page.getByLabel('Số căn cước (12 chữ số)')).toHaveValue('046190000123');
  await expect(page.getByLabel('Xã, phường, đặc khu')).toHaveValue('19753');

  await expect(page.getByText(/^Còn thiếu \d+ giấy tờ bắt buộc/)).toBeVisible();
  // The interactive e-form is for online filing only: the counter does not ask for it.
  await expect(page.getByRole('checkbox', { name: /^Mẫu hộ tịch điện tử/ })).toHaveCount(0);
  for (const name of [/^Giấy chứng sinh/, /^Hộ chiếu\/Thẻ căn cước/, /^Tờ khai đăng ký khai sinh/]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await expect(page.getByText('Đủ các giấy tờ bắt buộc: có thể tiếp nhận hồ sơ.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' })).toBeVisible();
  const code = (await page.locator('.dossier-code').textContent())!.trim();
  expect(code).toMatch(/^H46\.01-\d{6}-\d{4}$/);
  await expect(page.getByText(/^\d{2}:\d{2}, Thứ .+ \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();

  // Form 01, the receipt and appointment slip, in both layouts.
  const a4 = page.getByRole('link', { name: /Mẫu 01.*khổ A4/ });
  const thermal = page.getByRole('link', { name: 'In khổ giấy 80 mm' });
  await expect(a4).toHaveAttribute('href', /\/api\/v1\/dossiers\/[0-9a-f-]{36}\/forms\/01\.pdf$/);
  await expect(thermal).toHaveAttribute('href', /\/forms\/01\.pdf\?layout=thermal$/);
  for (const link of [a4, thermal]) {
    const pdf = await page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  }

  await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` })).toBeVisible();
  const dossierUrl = new URL(page.url()).pathname;

  // Specialist: finds it in the inbox (received dossiers are assigned automatically), reviews, submits.
  await switchUser(page, 'phuxuan.chuyenvien');
  await page.getByRole('region', { name: 'Công việc của tôi' }).getByRole('link', { name: 'Hồ sơ được giao cho tôi' }).click();
  await page.getByRole('table').getByRole('link', { name: code }).click();
  await expect(page.getByText('Đang xử lý · Chờ chuyên viên thẩm định', { exact: true })).toBeVisible();
  await act(page, 'Bắt đầu thẩm định');
  await act(page, 'Trình lãnh đạo ký duyệt');
  await expect(page.getByText('Đang xử lý · Chờ lãnh đạo ký duyệt', { exact: true })).toBeVisible();

  // Leader: signs from the approval queue with one click.
  await switchUser(page, 'phuxuan.lanhdao');
  await page.getByRole('region', { name: 'Công việc của tôi' }).getByRole('link', { name: 'Hồ sơ chờ ký duyệt' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: `Ký duyệt hồ sơ ${code}` }).click();
  await expect(page.getByText(`Đã ký duyệt hồ sơ ${code}; kết quả điện tử ${code}-KQ1.`)).toBeVisible();
  await expect(page.getByRole('link', { name: code })).toHaveCount(0);

  // Counter: the result is waiting; the officer confirms it and hands it over.
  await switchUser(page, 'phuxuan.motcua');
  await page.getByRole('region', { name: 'Công việc của tôi' }).getByRole('link', { name: 'Hồ sơ chờ trả kết quả' }).click();
  await page.getByRole('table').getByRole('link', { name: code }).click();
  await expect(page).toHaveURL(new RegExp(`${dossierUrl}$`));
  // The signed e-result is on the dossier, as a PDF and with its public verify page.
  const results = page.getByRole('region', { name: 'Kết quả điện tử' });
  const resultLink = results.getByRole('link', { name: `Kết quả ${code}-KQ1 (PDF đã ký số)` });
  await expect(results.getByRole('link', { name: 'Kiểm tra chữ ký' })).toHaveAttribute('href', `/xac-thuc/${code}-KQ1`);
  const signed = await page.request.get((await resultLink.getAttribute('href'))!);
  expect(signed.headers()['content-type']).toContain('application/pdf');
  await act(page, 'Xác nhận đã có kết quả');
  // Handing over asks how: at the counter to the applicant is the default, so one confirmation does it.
  await page.getByRole('region', { name: 'Việc cần làm' }).getByRole('button', { name: 'Trả kết quả cho công dân' }).click();
  await expect(page.getByRole('radio', { name: 'Trả trực tiếp tại quầy' })).toBeChecked();
  await page.getByRole('button', { name: 'Xác nhận: Trả kết quả cho công dân' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thực hiện: Trả kết quả cho công dân.' })).toBeVisible();
  await expect(page.getByText('Đã trả kết quả', { exact: true })).toBeVisible();
  await expect(page.getByText('Đã giải quyết trước hạn.').or(page.getByText('Đã giải quyết đúng hạn.'))).toBeVisible();

  // The timeline shows every step, who did it, and that nothing was altered.
  const history = page.getByRole('region', { name: 'Quá trình xử lý' });
  await expect(history.getByText('Lịch sử toàn vẹn: không bước nào bị sửa hay xóa.')).toBeVisible();
  const steps = history.locator('.timeline-head strong');
  await expect(steps).toHaveText([
    'Tiếp nhận hồ sơ',
    'Phân công xử lý',
    'Bắt đầu thẩm định',
    'Trình lãnh đạo ký duyệt',
    'Lãnh đạo ký duyệt',
    'Có kết quả giải quyết',
    'Trả kết quả cho công dân',
  ]);
  await expect(history.getByText(/\(Chuyên viên xử lý\)$/).first()).toBeVisible();
  await expect(history.getByText(/\(Lãnh đạo\)$/)).toBeVisible();
  await expect(history.getByText(`Kết quả điện tử đã ký: ${code}-KQ1.`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Form 06, the process control sheet, covers the same steps.
  const controlSheet = page.getByRole('link', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)' });
  const sheet = await page.request.get((await controlSheet.getAttribute('href'))!);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()['content-type']).toContain('application/pdf');
});

test('a second officer acting on an outdated page is told and sees the fresh dossier', async ({ page }) => {
  await signIn(page, 'phuxuan.motcua');
  await page.goto('/staff/intake');
  await receiveBirthRegistration(page, '1.001193');
  await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hồ sơ H46\.01-/ })).toBeVisible();
  const url = page.url();

  // The specialist opens the dossier in two windows and acts in the first.
  await switchUser(page, 'phuxuan.chuyenvien');
  const second = await page.context().newPage();
  await page.goto(url);
  await second.goto(url);
  await expect(second.getByRole('button', { name: 'Bắt đầu thẩm định' })).toBeVisible();
  await act(page, 'Bắt đầu thẩm định');

  await second.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
  await expect(second.getByRole('alert')).toHaveText('Người khác vừa thay đổi hồ sơ này. Thông tin mới nhất đã được tải lại: hãy kiểm tra rồi thao tác lại.');
  await expect(second.getByRole('button', { name: 'Trình lãnh đạo ký duyệt' })).toBeVisible();
});
