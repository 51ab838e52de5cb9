import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { clearUnitCache } from '../src/features/dossier/commune-picker.tsx';
import { demoMe, problem, renderApp, stubApi } from './helpers.tsx';
import { communes46, dossier, huế, ids, timeline } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;

const path = `/staff/dossiers/${ids.dossier}`;
const LOOKUP = 'POST /api/v1/civil-status/marital-status';
const marriage = dossier({ procedureCode: '1.000894', procedureName: 'Thủ tục đăng ký kết hôn' });

function routes(view = marriage, extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/me': { status: 200, body: demoMe },
    [`GET /api/v1/dossiers/${ids.dossier}`]: { status: 200, body: view },
    [`GET /api/v1/dossiers/${ids.dossier}/timeline`]: { status: 200, body: timeline() },
    'GET /api/v1/provinces': { status: 200, body: [huế] },
    'GET /api/v1/provinces/46/communes': { status: 200, body: communes46 },
    ...extra,
  } as Parameters<typeof stubApi>[0];
}

const section = () => screen.getByRole('region', { name: 'Tra cứu tình trạng hôn nhân' });

describe('marital status lookup on the staff dossier page', { timeout: SLOW_MACHINE_MS }, () => {
  beforeEach(() => clearUnitCache());

  it('on a marriage registration the form is open, asks the chosen commune’s registry about the applicant, and reads the answer out', async () => {
    const calls = stubApi(routes(marriage, { [LOOKUP]: { status: 200, body: { communeCode: '19774', idNumber: '046190000123', found: true, fullName: 'Nguyễn Thị Hoa', maritalStatus: 'single' } } }));
    const { user } = renderApp(path);
    await screen.findByRole('heading', { level: 2, name: 'Tra cứu tình trạng hôn nhân' });
    const region = section();
    expect(within(region).getByRole('button', { name: 'Đóng tra cứu' }).getAttribute('aria-expanded')).toBe('true');
    // The applicant's ID card is filled in; the officer chooses the commune whose registry holds the record.
    expect((within(region).getByLabelText('Số căn cước của người cần tra cứu') as HTMLInputElement).value).toBe('046190000123');
    await within(region).findByRole('option', { name: 'Phường Thuận Hóa' });
    await user.selectOptions(within(region).getByLabelText('Xã, phường, đặc khu'), '19774');
    await user.click(within(region).getByRole('button', { name: 'Tra cứu' }));

    expect(await within(region).findByText('Theo cơ sở dữ liệu hộ tịch: Nguyễn Thị Hoa, chưa đăng ký kết hôn.')).toBeTruthy();
    expect(within(region).getByRole('status').textContent).toContain('chưa đăng ký kết hôn');
    expect(JSON.parse(String(calls.find((c) => c.key === LOOKUP)?.init?.body))).toEqual({ communeCode: '19774', idNumber: '046190000123' });
  });

  it('names each field that is missing or wrong, next to it, and asks nothing', async () => {
    const calls = stubApi(routes());
    const { user } = renderApp(path);
    await screen.findByRole('heading', { level: 2, name: 'Tra cứu tình trạng hôn nhân' });
    const region = section();
    const id = within(region).getByLabelText('Số căn cước của người cần tra cứu');
    await user.clear(id);
    await user.type(id, '04619');
    await user.click(within(region).getByRole('button', { name: 'Tra cứu' }));

    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(id.getAttribute('aria-describedby')!)?.textContent).toBe('Số căn cước phải gồm đúng 12 chữ số.');
    expect(within(region).getByText('Chọn xã, phường.')).toBeTruthy();
    expect(calls.some((c) => c.key === LOOKUP)).toBe(false);
  });

  it('says plainly when the registry has no record, and when it cannot be reached', async () => {
    const lookups = routes(marriage, { [LOOKUP]: { status: 200, body: { communeCode: '19753', idNumber: '046190000123', found: false } } });
    stubApi(lookups);
    const { user } = renderApp(path);
    await screen.findByRole('heading', { level: 2, name: 'Tra cứu tình trạng hôn nhân' });
    const region = section();
    await within(region).findByRole('option', { name: 'Phường Phú Xuân' });
    await user.selectOptions(within(region).getByLabelText('Xã, phường, đặc khu'), '19753');
    await user.click(within(region).getByRole('button', { name: 'Tra cứu' }));
    expect(await within(region).findByText('Cơ sở dữ liệu hộ tịch của xã, phường này không có bản ghi nào của số căn cước này.')).toBeTruthy();

    lookups[LOOKUP] = problem(503, 'citizen.registry_unavailable', 'Service Unavailable');
    await user.click(within(region).getByRole('button', { name: 'Tra cứu' }));
    expect((await within(region).findByRole('alert')).textContent).toBe('Không kết nối được cơ sở dữ liệu hộ tịch. Hãy thử lại sau ít phút.');
  });

  it('on other dossiers it stays closed, loading nothing, until an officer opens it from the keyboard', async () => {
    const calls = stubApi(routes(dossier()));
    const { user } = renderApp(path);
    await screen.findByRole('heading', { level: 2, name: 'Tra cứu tình trạng hôn nhân' });
    const toggle = within(section()).getByRole('button', { name: 'Mở tra cứu' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(section()).queryByLabelText('Số căn cước của người cần tra cứu')).toBeNull();
    expect(calls.some((c) => c.key === 'GET /api/v1/provinces')).toBe(false);

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Đóng tra cứu');
    expect(await within(section()).findByLabelText('Số căn cước của người cần tra cứu')).toBeTruthy();
  });

  it('is not offered to a province administrator, whom the registry does not answer', async () => {
    const admin = { ...demoMe, user: { ...demoMe.user, role: 'province_admin' as const }, center: null };
    stubApi({ ...routes(), 'GET /api/v1/me': { status: 200, body: admin } });
    renderApp(path);
    await screen.findByRole('heading', { level: 2, name: 'Quá trình xử lý' });
    expect(screen.queryByRole('heading', { name: 'Tra cứu tình trạng hôn nhân' })).toBeNull();
  });
});
