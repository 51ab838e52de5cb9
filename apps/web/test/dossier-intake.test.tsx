import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { clearUnitCache } from '../src/features/dossier/commune-picker.tsx';
import { renderApp, stubApi } from './helpers.tsx';
import { dossier, ids, intakeRoutes } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;

const CARD = '046190000123|191234567|Nguyễn Thị Hoa|01051990|Nữ|Tổ 3, Phường Phú Xuân, Thành phố Huế|15082021';

function bodyOf(calls: ReturnType<typeof stubApi>, key: string): unknown {
  const call = calls.find((c) => c.key === key);
  return call ? JSON.parse(String(call.init?.body)) : undefined;
}

/** Opens the intake page, picks the birth registration and scans the applicant's card. */
async function fillIntake(path = '/staff/intake', routes: Record<string, unknown> = {}) {
  const all = { ...intakeRoutes, ...routes } as Parameters<typeof stubApi>[0];
  const calls = stubApi(all);
  const view = renderApp(path);
  const { user } = view;
  await user.type(await screen.findByLabelText('Tìm thủ tục'), 'khai sinh');
  await user.click(await screen.findByRole('button', { name: /Thủ tục đăng ký khai sinh/ }));
  await screen.findByRole('heading', { name: '3. Thành phần hồ sơ' });
  // A USB scanner types the card's QR text and presses Enter (pasted: a scanner's keystrokes end up as the same value).
  await user.click(screen.getByLabelText('Quét mã QR trên thẻ căn cước'));
  await user.paste(CARD);
  await user.keyboard('{Enter}');
  await screen.findByText('Đã điền thông tin từ thẻ của Nguyễn Thị Hoa. Hãy kiểm tra lại.');
  // The stub reads this object on every request, so a test can change an answer midway.
  return { ...view, calls, routes: all };
}

describe('counter intake', { timeout: SLOW_MACHINE_MS }, () => {
  beforeEach(() => clearUnitCache());

  it('fills the applicant from the ID card QR, including the commune named in the address', async () => {
    await fillIntake();
    expect((screen.getByLabelText('Số căn cước (12 chữ số)') as HTMLInputElement).value).toBe('046190000123');
    expect((screen.getByLabelText('Họ, chữ đệm và tên') as HTMLInputElement).value).toBe('Nguyễn Thị Hoa');
    expect((screen.getByLabelText('Ngày sinh') as HTMLInputElement).value).toBe('1990-05-01');
    expect((screen.getByRole('radio', { name: 'Nữ' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Ngày cấp thẻ (nếu có)') as HTMLInputElement).value).toBe('2021-08-15');
    expect((screen.getByLabelText('Xã, phường, đặc khu') as HTMLSelectElement).value).toBe('19753');
    expect((screen.getByLabelText('Số nhà, đường, thôn, tổ dân phố') as HTMLInputElement).value).toBe('Tổ 3');
  });

  it('catches a scan typed into the name field instead of submitting or keeping the QR text there', async () => {
    stubApi(intakeRoutes);
    const { user } = renderApp('/staff/intake');
    const name = await screen.findByLabelText('Họ, chữ đệm và tên');
    await user.click(name);
    await user.paste(CARD);
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/Đã điền thông tin từ thẻ/)).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('Nguyễn Thị Hoa');
  });

  it('marks mandatory and present-only documents and makes "ask for supplements" the main action while any is missing', async () => {
    await fillIntake();
    const item = (name: string) => screen.getByRole('checkbox', { name }).closest('li')!;
    expect(within(item('Giấy chứng sinh')).getByText('Bắt buộc')).toBeTruthy();
    expect(within(item('Văn bản ủy quyền')).getByText('Tùy trường hợp')).toBeTruthy();
    expect(within(item('Giấy tờ tùy thân')).getByText('Xuất trình bản chính để đối chiếu')).toBeTruthy();
    expect(screen.getByText('Còn thiếu 3 giấy tờ bắt buộc: hãy yêu cầu bổ sung.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Yêu cầu bổ sung' }).className).toBe('button');
    expect(screen.getByText('Miễn phí, lệ phí')).toBeTruthy();
  });

  it('shows the field errors of a 400 problem next to the fields they belong to', async () => {
    const { user } = await fillIntake('/staff/intake', {
      'POST /api/v1/dossiers': {
        status: 400,
        body: {
          type: 'urn:motcua:problem:dossier.invalid_intake',
          title: 'Bad Request',
          status: 400,
          detail: 'The intake cannot be completed as entered.',
          code: 'dossier.invalid_intake',
          errors: [
            { path: 'applicant.idNumber', message: 'the 4th digit does not match the date of birth and sex' },
            { path: 'checklist.d04', message: 'required document missing: Giấy chứng sinh' },
            { path: 'body.applicant.phone', message: 'a Vietnamese phone number such as 0905123456' },
          ],
        },
      },
    });
    await user.type(screen.getByLabelText('Số điện thoại (nếu có)'), '12345');
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Có 3 chỗ cần sửa');
    const id = screen.getByLabelText('Số căn cước (12 chữ số)');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(id.getAttribute('aria-describedby')!)?.textContent).toBe('Chữ số thứ 4 của số căn cước không khớp với giới tính và năm sinh.');
    const phone = screen.getByLabelText('Số điện thoại (nếu có)');
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)?.textContent).toBe('Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0.');
    const birthCertificate = screen.getByRole('checkbox', { name: 'Giấy chứng sinh' });
    expect(birthCertificate.getAttribute('aria-invalid')).toBe('true');
    expect(within(birthCertificate.closest('li')!).getByText(/Chưa có giấy tờ bắt buộc này/)).toBeTruthy();
    // Fields without a problem stay unmarked.
    expect(screen.getByLabelText('Họ, chữ đệm và tên').getAttribute('aria-invalid')).toBeNull();
  });

  it('receives a complete dossier for the called ticket, links the ticket and offers Form 01 in A4 and 80 mm', async () => {
    const received = dossier({ status: 'processing', step: 'assigned', dueAt: '2026-11-24T17:00:00+07:00' });
    const { user, calls } = await fillIntake(`/staff/intake?ticket=${ids.ticket}`, {
      'POST /api/v1/dossiers': { status: 201, body: received },
      [`POST /api/v1/queue/tickets/${ids.ticket}/dossier`]: { status: 200, body: {} },
    });
    for (const name of ['Giấy chứng sinh', 'Giấy tờ tùy thân', 'Tờ khai đăng ký khai sinh']) await user.click(screen.getByRole('checkbox', { name }));
    expect(screen.getByText('Đủ các giấy tờ bắt buộc: có thể tiếp nhận hồ sơ.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));

    expect(await screen.findByRole('heading', { name: 'Đã tiếp nhận hồ sơ' })).toBeTruthy();
    expect(screen.getByText('H46.01-261123-0001')).toBeTruthy();
    expect(screen.getByText('17:00, Thứ Ba 24/11/2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Mẫu 01.*khổ A4/ }).getAttribute('href')).toBe(`/api/v1/dossiers/${ids.dossier}/forms/01.pdf`);
    expect(screen.getByRole('link', { name: 'In khổ giấy 80 mm' }).getAttribute('href')).toBe(`/api/v1/dossiers/${ids.dossier}/forms/01.pdf?layout=thermal`);

    const body = bodyOf(calls, 'POST /api/v1/dossiers') as Record<string, unknown>;
    expect(body).toMatchObject({
      procedureCode: '1.001193',
      decision: 'accept',
      ticketId: ids.ticket,
      applicant: { idNumber: '046190000123', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1990-05-01', sex: 'female', idIssuedOn: '2021-08-15', address: { line: 'Tổ 3', communeCode: '19753' } },
      checklist: [
        { itemId: 'd02', provided: false },
        { itemId: 'd04', provided: true },
        { itemId: 'd06', provided: true },
        { itemId: 'd07', provided: true },
      ],
    });
    expect(bodyOf(calls, `POST /api/v1/queue/tickets/${ids.ticket}/dossier`)).toEqual({ dossierId: ids.dossier });
  });

  it('asks for supplements with the missing mandatory items ticked', async () => {
    const { user, calls } = await fillIntake('/staff/intake', {
      'POST /api/v1/dossiers': { status: 201, body: dossier({ status: 'supplement_requested', step: null, dueAt: null }) },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Giấy chứng sinh' }));
    await user.click(screen.getByRole('button', { name: 'Yêu cầu bổ sung' }));
    const panel = screen.getByRole('region', { name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)' });
    expect((within(panel).getByRole('checkbox', { name: 'Giấy tờ tùy thân' }) as HTMLInputElement).checked).toBe(true);
    expect((within(panel).getByRole('checkbox', { name: 'Tờ khai đăng ký khai sinh' }) as HTMLInputElement).checked).toBe(true);
    expect((within(panel).getByRole('checkbox', { name: 'Văn bản ủy quyền' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(panel).getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }));

    expect(await screen.findByRole('heading', { name: 'Đã lập phiếu yêu cầu bổ sung' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Mẫu 02/ }).getAttribute('href')).toContain('/forms/02.pdf');
    expect(bodyOf(calls, 'POST /api/v1/dossiers')).toMatchObject({ decision: 'supplement', supplementItems: [{ itemId: 'd06' }, { itemId: 'd07' }] });
  });

  it('refuses only with a written reason, which goes on Form 03', async () => {
    const { user, calls, routes } = await fillIntake('/staff/intake', {
      'POST /api/v1/dossiers': {
        status: 400,
        body: { type: 'x', title: 'Bad Request', status: 400, detail: 'x', code: 'dossier.invalid_intake', errors: [{ path: 'reason', message: 'a refusal needs written reasons (Form 03)' }] },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Từ chối tiếp nhận' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận từ chối' }));
    const reason = screen.getByLabelText('Lý do từ chối (bắt buộc, in trên phiếu)');
    expect(await screen.findByText('Ghi rõ lý do.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');

    routes['POST /api/v1/dossiers'] = { status: 201, body: dossier({ status: 'not_accepted', step: null, dueAt: null }) };
    await user.type(reason, 'Thủ tục không thuộc thẩm quyền của phường');
    await user.click(screen.getByRole('button', { name: 'Xác nhận từ chối' }));
    expect(await screen.findByRole('heading', { name: 'Đã từ chối tiếp nhận hồ sơ' })).toBeTruthy();
    const posts = calls.filter((c) => c.key === 'POST /api/v1/dossiers').map((c) => JSON.parse(String(c.init?.body)));
    expect(posts[0]).not.toHaveProperty('reason');
    expect(posts[1]).toMatchObject({ decision: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền của phường' });
  });
  it('a retry after the network dropped sends the same Idempotency-Key, so the server cannot make two dossiers; the next dossier gets a new key', async () => {
    const { user, calls, routes } = await fillIntake('/staff/intake', { 'POST /api/v1/dossiers': 'network-down' });
    for (const name of ['Giấy chứng sinh', 'Giấy tờ tùy thân', 'Tờ khai đăng ký khai sinh']) await user.click(screen.getByRole('checkbox', { name }));
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Không kết nối được máy chủ');

    routes['POST /api/v1/dossiers'] = { status: 200, body: dossier({ status: 'processing', step: 'assigned', dueAt: '2026-11-24T17:00:00+07:00' }) };
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    expect(await screen.findByRole('heading', { name: 'Đã tiếp nhận hồ sơ' })).toBeTruthy();
    const keyOf = (c: (typeof calls)[number]) => (c.init?.headers as Record<string, string>)['idempotency-key'];
    const posts = calls.filter((c) => c.key === 'POST /api/v1/dossiers');
    expect(posts).toHaveLength(2);
    expect(keyOf(posts[0]!)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(posts[1]!)).toBe(keyOf(posts[0]!));

    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }));
    await user.type(await screen.findByLabelText('Tìm thủ tục'), 'khai sinh');
    await user.click(await screen.findByRole('button', { name: /Thủ tục đăng ký khai sinh/ }));
    await screen.findByRole('heading', { name: '3. Thành phần hồ sơ' });
    await user.click(screen.getByRole('button', { name: 'Yêu cầu bổ sung' }));
    await user.click(within(screen.getByRole('region', { name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)' })).getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }));
    const third = calls.filter((c) => c.key === 'POST /api/v1/dossiers')[2];
    expect(third && keyOf(third)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(third!)).not.toBe(keyOf(posts[0]!));
  });
});
