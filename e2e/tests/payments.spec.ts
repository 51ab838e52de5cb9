import { expect, request as pwRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, seriousViolations, signIn } from './fixtures.ts';

/** Đăng ký tạm trú: a procedure with a fee (10,000 đồng at the counter). */
const FEE_PROCEDURE = '1.004194';
const applicant = { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone: '0905123456' };

/** A bearer token from a fresh client: a cookie left by an earlier sign-in would make the next one a cookie write without a page (CSRF). */
async function token(username: string): Promise<Record<string, string>> {
  const fresh = await pwRequest.newContext({ baseURL: test.info().project.use.baseURL! });
  const res = await fresh.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  const { token: value } = (await res.json()) as { token: string };
  await fresh.dispose();
  return { authorization: `Bearer ${value}` };
}

/** A dossier received at the counter through the API (the counter screens have their own test). */
async function receive(request: APIRequestContext, procedureCode: string): Promise<{ id: string; code: string }> {
  const docs = (await (await request.get(`/api/v1/procedures/${procedureCode}`)).json()).documents as { id: string; requirement: string }[];
  const res = await request.post('/api/v1/dossiers', {
    headers: await token('phuxuan.motcua'),
    data: { procedureCode, applicant, checklist: docs.map((d) => ({ itemId: d.id, provided: d.requirement === 'mandatory' })), decision: 'accept' },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

async function at360(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a fee is paid online through the simulated gateway and the return page shows the verified result', async ({ page, request }) => {
  const d = await receive(request, FEE_PROCEDURE);
  await signIn(page, 'phuxuan.motcua');
  await page.goto(`/citizen/dossiers/${d.code}/pay`);
  await expect(page.getByRole('heading', { level: 1, name: `Thanh toán phí, lệ phí hồ sơ ${d.code}` })).toBeVisible();
  await expect(page.getByTestId('amount-due')).toHaveText('10.000 đ');
  expect(await seriousViolations(page)).toEqual([]);
  await at360(page);

  await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await expect(page.getByRole('heading', { name: 'Xác nhận thanh toán' })).toBeVisible();
  await expect(page.getByText('10.000 đồng')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();

  await expect(page).toHaveURL(/\/citizen\/payments\/return\?/);
  await expect(page.getByTestId('payment-result')).toHaveText('Thanh toán thành công');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Xem thông tin thanh toán của hồ sơ' }).click();
  await expect(page.getByText('Phí, lệ phí của hồ sơ này đã được thanh toán.')).toBeVisible();
  await expect(page.getByTestId('payment-status')).toHaveText('Đã thanh toán');
});

test('cancelling on the gateway leaves the dossier payable', async ({ page, request }) => {
  const d = await receive(request, FEE_PROCEDURE);
  await signIn(page, 'phuxuan.motcua');
  await page.goto(`/citizen/dossiers/${d.code}/pay`);
  await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await page.getByRole('button', { name: 'Huỷ' }).click();
  await expect(page.getByTestId('payment-result')).toHaveText('Bạn đã huỷ thanh toán');
  await page.getByRole('link', { name: 'Thanh toán lại' }).click();
  await expect(page.getByRole('button', { name: 'Thanh toán trực tuyến' })).toBeVisible();
});

test('cash at the counter gives a numbered receipt, and the director reconciles the day', async ({ page, request }) => {
  const d = await receive(request, FEE_PROCEDURE);
  await signIn(page, 'phuxuan.motcua');
  await page.goto(`/staff/dossiers/${d.id}`);
  const panel = page.getByRole('region', { name: 'Phí, lệ phí' });
  await panel.getByRole('button', { name: 'Thu tiền mặt 10.000 đ' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Đã thu tiền mặt, biên lai số BL-H46\.01-\d{4}-\d{6}\.$/);
  const pdf = await request.get((await panel.getByRole('link', { name: 'In biên lai (A4)' }).getAttribute('href'))!, { headers: await token('phuxuan.motcua') });
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await page.context().clearCookies();
  await signIn(page, 'phuxuan.giamdoc');
  await page.goto('/staff/payments/reconciliation');
  await expect(page.getByRole('heading', { level: 1, name: 'Đối soát thanh toán' })).toBeVisible();
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('Ngày đối soát').fill(today);
  await page.getByRole('button', { name: 'Đối soát ngày này' }).click();
  await expect(page.getByRole('heading', { level: 3, name: today })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a petition is answered at the desk and, as its sender agreed, the answer is public with initials only', async ({ page }) => {
  await page.goto('/pakn/gui');
  await expect(page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' })).toBeVisible();
  await page.getByLabel('Trung tâm').selectOption({ label: 'Trung tâm Phục vụ hành chính công phường Phú Xuân' });
  await page.getByLabel('Tiêu đề').fill('Đề nghị thêm ghế chờ');
  await page.getByLabel('Nội dung').fill('Phòng chờ của trung tâm thiếu ghế vào buổi sáng thứ Hai.');
  await page.getByLabel('Họ và tên').fill('Lê Thị Hoa');
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByRole('checkbox', { name: 'Đồng ý công khai phản ánh và câu trả lời' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await at360(page);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const code = ((await page.getByTestId('petition-code').textContent()) ?? '').replace('Đã nhận phản ánh ', '').trim();
  expect(code).toMatch(/^PAKN-46-\d{4}-\d{6}$/);

  await signIn(page, 'phuxuan.giamdoc');
  await page.goto('/staff/petitions');
  const card = page.getByRole('article', { name: new RegExp(code) });
  await card.getByLabel('Nội dung').fill('Trung tâm đã bổ sung 10 ghế chờ từ tuần này. Cảm ơn ông/bà.');
  await card.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByTestId('desk-notice')).toHaveText(`Đã ghi nhận xử lý phản ánh ${code}.`);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/pakn/${code}`);
  await expect(page.getByTestId('petition-status')).toHaveText('Đã trả lời');
  await expect(page.getByTestId('petition-answer')).toHaveText('Trung tâm đã bổ sung 10 ghế chờ từ tuần này. Cảm ơn ông/bà.');
  await expect(page.getByTestId('petition-sender')).toHaveText('L.T.H.');
  await expect(page.getByText('Lê Thị Hoa')).toHaveCount(0);
});

test('a returned dossier is rated once at the counter screen', async ({ page, request }) => {
  const d = await receive(request, '1.001193');
  for (const [who, action] of [['phuxuan.chuyenvien', 'start_review'], ['phuxuan.chuyenvien', 'submit_for_approval'], ['phuxuan.lanhdao', 'approve'], ['phuxuan.chuyenvien', 'finish'], ['phuxuan.motcua', 'return_result']] as const) {
    const res = await request.post(`/api/v1/dossiers/${d.id}/actions`, { headers: await token(who), data: { action } });
    expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  }
  await signIn(page, 'phuxuan.motcua');
  await page.goto(`/citizen/dossiers/${d.code}/rate`);
  await expect(page.getByRole('heading', { level: 1, name: `Đánh giá việc giải quyết hồ sơ ${d.code}` })).toBeVisible();
  await page.getByRole('group', { name: 'Mức độ hài lòng chung' }).getByLabel('Rất hài lòng').check();
  await page.getByRole('group', { name: 'Thái độ của cán bộ' }).getByLabel('Hài lòng', { exact: true }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Cảm ơn bạn đã đánh giá!')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Hồ sơ này đã được đánh giá. Cảm ơn bạn.')).toBeVisible();
});
