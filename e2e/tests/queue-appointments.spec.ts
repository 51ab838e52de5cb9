import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, signIn } from './fixtures.ts';

const CENTER = 'Trung tâm Phục vụ hành chính công phường Phú Xuân';

/** The kiosk of the Phú Xuân center, chosen once as a center sets it up; returns the center id. */
async function openKiosk(kiosk: Page): Promise<string> {
  await kiosk.goto('/kiosk');
  await kiosk.getByRole('link', { name: /H46\.01/ }).click();
  await expect(kiosk).toHaveURL(/\/kiosk\/[0-9a-f-]{36}$/);
  return kiosk.url().split('/').pop()!;
}

/**
 * A time a few minutes from now, still today in Vietnam: the test server runs on the real clock, a
 * booking must be in the future and a check-in on the appointment's day. (Fails only in the last
 * three minutes of a Vietnamese day.)
 */
function laterToday(): { from: string; to: string } {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()).split(':').map(Number);
  const start = Math.min(h! * 60 + m! + 3, 23 * 60 + 58);
  const hm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return { from: hm(start), to: hm(start + 1) };
}

test('a director opens appointment times, a citizen books on the phone and checks in at the kiosk, which issues the ticket', async ({ page, context }) => {
  // The director opens one time later today for land matters (group B: the other queue journey
  // counts the civil-status line, so this one leaves it alone).
  await signIn(page, 'phuxuan.giamdoc');
  await page.goto('/staff');
  await page.getByRole('link', { name: /Điều hành hàng đợi/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Điều hành hàng đợi' })).toBeVisible();
  const slot = laterToday();
  const slots = page.getByRole('region', { name: 'Mở giờ hẹn' });
  await slots.getByLabel('Lĩnh vực').selectOption({ label: 'B – Đất đai' });
  await slots.getByLabel('Từ giờ').fill(slot.from);
  await slots.getByLabel('Đến giờ').fill(slot.to);
  await slots.getByLabel('Số người mỗi giờ hẹn').fill('3');
  await slots.getByRole('button', { name: 'Mở giờ hẹn' }).click();
  await expect(slots.getByText('Đã mở 1 giờ hẹn.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A citizen books it on a phone-sized screen, from the citizen home.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto('/citizen');
  await phone.getByRole('link', { name: 'Đặt lịch hẹn đến trung tâm' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Đặt lịch hẹn đến trung tâm' })).toBeVisible();
  await phone.getByLabel('Trung tâm').selectOption({ label: CENTER });
  await phone.getByLabel('Lĩnh vực').selectOption({ label: 'B – Đất đai' });
  await phone.getByRole('radio', { name: new RegExp(`^${slot.from} \\(còn \\d+ chỗ\\)$`) }).check();
  await phone.getByLabel('Họ và tên').fill('Lê Thị Hồng');
  await phone.getByLabel('Số điện thoại').fill('0905123456');
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Đặt lịch' }).click();
  await expect(phone.getByRole('heading', { name: 'Đã đặt lịch hẹn' })).toBeVisible();
  await expect(phone.getByRole('img', { name: 'Mã QR của mã đặt lịch' })).toBeVisible();
  const code = (await phone.getByTestId('appointment-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-F]{6}$/);

  // At the center, the kiosk's "I have an appointment" takes the code and issues the ticket.
  const kiosk = await context.newPage();
  const centerId = await openKiosk(kiosk);
  await kiosk.getByRole('button', { name: 'Tôi đã đặt lịch hẹn' }).click();
  await kiosk.getByLabel('Mã đặt lịch').fill(code);
  expect(await seriousViolations(kiosk)).toEqual([]);
  const issued = kiosk.waitForResponse((r) => r.url().endsWith(`/queue/centers/${centerId}/appointments/check-in`));
  await kiosk.getByRole('button', { name: 'Nhận số' }).click();
  const ticket = (await (await issued).json()) as { number: string };
  expect(ticket.number).toMatch(/^B\d{3}$/);
  await expect(kiosk.getByRole('heading', { name: 'Số thứ tự của bạn' })).toBeVisible();
  await expect(kiosk.getByText(ticket.number, { exact: true })).toBeVisible();
});

test('the kiosk finds a procedure in large text, and a served citizen rates the visit, which the director sees', async ({ page, context }) => {
  const kiosk = await context.newPage();
  const centerId = await openKiosk(kiosk);

  // Procedure search, by touch and keyboard.
  await kiosk.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
  await kiosk.getByRole('searchbox', { name: 'Tên thủ tục cần tìm' }).fill('khai sinh');
  await kiosk.keyboard.press('Enter');
  await kiosk.getByRole('button', { name: /^Thủ tục đăng ký khai sinh\b/ }).first().click();
  const facts = kiosk.getByRole('article');
  await expect(facts.getByRole('heading', { name: 'Giấy tờ cần mang theo' })).toBeVisible();
  await expect(facts.getByRole('heading', { name: 'Thời hạn giải quyết' })).toBeVisible();
  await expect(facts.getByText(/Giấy chứng sinh/).first()).toBeVisible();
  expect(await seriousViolations(kiosk)).toEqual([]);
  await kiosk.getByRole('button', { name: 'Quay lại' }).click();

  // A certification number is taken, called at counter 4, served and finished.
  const issued = kiosk.waitForResponse((r) => r.url().endsWith(`/queue/centers/${centerId}/tickets`) && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: /Chứng thực/ }).click();
  const ticket = (await (await issued).json()) as { id: string; number: string };
  await signIn(page, 'phuxuan.motcua');
  await page.goto('/staff/counter');
  await page.getByLabel('Quầy của tôi').selectOption({ label: 'Quầy 4 – Chứng thực' });
  await page.getByRole('checkbox', { name: 'D Chứng thực' }).check();
  await page.getByRole('button', { name: 'Mở quầy' }).click();
  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.getByText(ticket.number, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect(page.getByRole('button', { name: 'Gọi số tiếp theo' })).toBeVisible();

  // The citizen's phone (the QR link) asks once how it went.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(`/queue/tickets/${ticket.id}`);
  const question = phone.getByRole('group', { name: 'Bạn có hài lòng với việc phục vụ không?' });
  await expect(question).toBeVisible();
  expect(await seriousViolations(phone)).toEqual([]);
  await question.getByRole('button', { name: 'Rất hài lòng' }).click();
  await expect(phone.getByText('Cảm ơn bạn đã đánh giá. Bạn đã đánh giá: Rất hài lòng.')).toBeVisible();
  await phone.reload();
  await expect(phone.getByText('Bạn đã đánh giá: Rất hài lòng.')).toBeVisible();

  // The director's dashboard counts it, with charts and tables of the same figures.
  await signIn(page, 'phuxuan.giamdoc');
  await page.goto('/staff/queue');
  const table = page.getByRole('table', { name: 'Thống kê xếp hàng' });
  await expect(table.getByRole('row', { name: /D – Chứng thực/ })).toContainText('1 rất hài lòng');
  await expect(page.getByRole('table', { name: 'Theo giờ trong ngày' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Theo quầy' }).getByRole('row', { name: /Chứng thực/ })).toContainText('1 rất hài lòng');
  await expect(page.locator('.queue-chart-canvas svg').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
