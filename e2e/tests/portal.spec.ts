import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seriousViolations, signIn, DEMO_PASSWORD } from './fixtures.ts';

// A new citizen every run: a phone number no account has yet.
const phone = `09${String(Date.now()).slice(-8)}`;
const pdf = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${label} ${'x'.repeat(2000)}\ntrailer <</Root 1 0 R>>\n%%EOF\n`) });

/** A staff member's own API client (its own cookie jar, bearer token), for the back-office steps. */
async function staffApi(playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } }, baseURL: string | undefined, username: string) {
  const request = await playwright.request.newContext(baseURL ? { baseURL } : {});
  const res = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), await res.text()).toBe(true);
  const headers = { authorization: `Bearer ${(await res.json()).token}` };
  return {
    act: async (id: string, body: object) => {
      const r = await request.post(`/api/v1/dossiers/${id}/actions`, { headers, data: body });
      expect(r.ok(), `${JSON.stringify(body)}: ${await r.text()}`).toBe(true);
    },
    post: (url: string, data: object) => request.post(url, { headers, data }),
    get: (url: string) => request.get(url, { headers }),
  };
}

async function otpFromInbox(page: Page): Promise<string> {
  const inbox = await page.context().newPage();
  let code = '';
  await expect
    .poll(async () => {
      await inbox.goto('/dev/inbox');
      const item = inbox.getByRole('listitem').filter({ hasText: phone }).first();
      code = /\b(\d{6})\b/.exec((await item.getByTestId('dev-message').textContent({ timeout: 2000 }).catch(() => '')) ?? '')?.[1] ?? '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  await inbox.close();
  return code;
}

test('a new citizen finds "khai sinh", signs in with an SMS code, files online with uploads, pays, downloads the signed result and rates it', async ({ page, browser, playwright, baseURL }) => {
  // The longest journey of the suite (citizen, counter, back office, gateway): more than the default limit on a shared machine.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 360, height: 760 });

  // Find the procedure without diacritics and open its online form.
  await page.goto('/citizen');
  await page.getByRole('link', { name: /Tra cứu thủ tục hành chính/ }).click();
  await page.getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
  await page.getByRole('button', { name: 'Tìm' }).click();
  const first = page.getByRole('main').getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText('Thủ tục đăng ký khai sinh');
  await first.getByRole('link').click();
  await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();

  // Sign in with the one-time code the SMS simulator received.
  await page.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  await expect(page.getByRole('status')).toContainText('Đã gửi mã');
  await page.getByLabel('Mã xác thực').fill(await otpFromInbox(page));
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(/\/citizen\/apply\/1\.001193$/);

  // The e-form: center, applicant, one file per required document.
  await page.getByLabel('Nơi nộp hồ sơ').selectOption({ label: 'Trung tâm Phục vụ hành chính công phường Phú Xuân' });
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await page.locator('#ap-idNumber').fill('046190000123');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
  await page.getByLabel('Ngày sinh').fill('1990-05-01');
  await page.getByLabel('Giới tính').selectOption('female');
  await page.getByLabel('Địa chỉ (số nhà, đường, thôn/tổ)').fill('Tổ 3, Phường Phú Xuân');
  await page.getByLabel('Mã xã/phường (5 chữ số)').fill('19753');
  await page.getByLabel('Số điện thoại liên hệ').fill(phone);
  for (const [doc, label] of [[/^Chọn tệp cho: Giấy chứng sinh/, 'giay-chung-sinh'], [/^Chọn tệp cho: Hộ chiếu\/Thẻ căn cước/, 'can-cuoc'], [/^Chọn tệp cho: Mẫu hộ tịch điện tử/, 'to-khai-dien-tu']] as const) {
    await page.getByLabel(doc).setInputFiles(pdf(label));
    await expect(page.getByText(`Đã tải lên: ${label}.pdf`)).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ' })).toBeVisible();
  const done = (await page.getByRole('status').filter({ hasText: 'Mã hồ sơ của bạn là' }).textContent())!;
  const code = /là (H[\d.]+-\d{6}-\d{4})/.exec(done)![1]!;
  await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã nộp, đang chờ trung tâm kiểm tra');
  const dossierUrl = page.url();

  // At the center: the counter officer sees it in the inbox and accepts it after the pre-check.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'phuxuan.motcua');
  await staff.goto('/staff/inbox');
  await staff.getByRole('table').getByRole('link', { name: code }).click();
  await staff.getByRole('region', { name: 'Việc cần làm' }).getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Đã thực hiện: Tiếp nhận hồ sơ.' })).toBeVisible();
  await staffContext.close();
  await page.reload();
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã tiếp nhận');

  // Back office through the API: assign, review, sign (the e-result is issued), ask for the fee.
  const officer = await staffApi(playwright, baseURL, 'phuxuan.motcua');
  const specialist = await staffApi(playwright, baseURL, 'phuxuan.chuyenvien');
  const leader = await staffApi(playwright, baseURL, 'phuxuan.lanhdao');
  const id = (await (await officer.get(`/api/v1/dossiers/by-code/${encodeURIComponent(code)}`)).json()).id as string;
  await leader.act(id, { action: 'assign' });
  await specialist.act(id, { action: 'start_review' });
  await specialist.act(id, { action: 'submit_for_approval' });
  expect((await leader.post(`/api/v1/dossiers/${id}/sign`, {})).ok()).toBe(true);
  await specialist.act(id, { action: 'request_payment', amountPaid: 8000 });

  // Pay through the simulated gateway.
  await page.goto(dossierUrl);
  await expect(page.getByTestId('dossier-status')).toHaveText('Chờ nộp phí');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Thanh toán trực tuyến' }).click();
  await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Thanh toán thành công' })).toBeVisible();

  // The result is ready: download the signed PDF.
  await page.goto(dossierUrl);
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã có kết quả');
  const download = page.getByRole('link', { name: `Tải kết quả ${code}-KQ1 (PDF có chữ ký số)` });
  const signed = await page.request.get((await download.getAttribute('href'))!);
  expect(signed.headers()['content-type']).toBe('application/pdf');
  expect((await signed.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('link', { name: 'Kiểm tra tính xác thực' })).toHaveAttribute('href', `/xac-thuc/${code}-KQ1`);

  // Handed over; the citizen rates the handling.
  await officer.act(id, { action: 'return_result' });
  await page.reload();
  await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).click();
  await page.getByRole('radio', { name: 'Rất hài lòng' }).first().check();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Cảm ơn bạn đã đánh giá!')).toBeVisible();

  // Anyone with the code and the last 4 digits of the phone can track it; a wrong factor tells nothing.
  await page.context().clearCookies();
  await page.goto(`/tra-cuu/${code}`);
  await page.getByLabel('4 số cuối điện thoại hoặc mã bí mật').fill('0000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Không tìm thấy hồ sơ khớp với mã và thông tin đã nhập.');
  await page.getByLabel('4 số cuối điện thoại hoặc mã bí mật').fill(phone.slice(-4));
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã trả kết quả');
  expect(await seriousViolations(page)).toEqual([]);
});
