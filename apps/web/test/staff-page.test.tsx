import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { demoMe, problem, renderApp, stubApi } from './helpers.tsx';

describe('who am I page', () => {
  it('shows the officer, the translated role and the center from /me', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: demoMe } });
    renderApp('/staff');

    expect(await screen.findByText('Trung tâm Phục vụ hành chính công phường Phú Xuân')).toBeTruthy();
    expect(screen.getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(screen.getByText('Cán bộ tiếp nhận (một cửa)')).toBeTruthy();
    expect(screen.getByText('H46.01')).toBeTruthy();
    expect(screen.getByText('Phường Phú Xuân')).toBeTruthy();
    expect(screen.getByText('Quầy 2')).toBeTruthy();
  });

  it('lists working hours per weekday and marks missing days as closed', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: demoMe } });
    renderApp('/staff');

    const table = await screen.findByRole('table', { name: 'Giờ làm việc' });
    const row = (day: string) => within(table).getByRole('row', { name: new RegExp(`^${day}`) });
    expect(row('Thứ Hai').textContent).toContain('07:30–11:30, 13:30–17:00');
    expect(row('Thứ Sáu').textContent).toContain('07:30–11:30');
    expect(row('Thứ Bảy').textContent).toContain('Nghỉ');
    expect(within(table).getAllByRole('row')).toHaveLength(8);
  });

  it('sends a visitor without a session to the login page', async () => {
    stubApi({ 'GET /api/v1/me': problem(401, 'unauthenticated', 'Sign in first') });
    renderApp('/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập dành cho cán bộ' })).toBeTruthy();
  });

  it('signs out and returns to the login page', async () => {
    const calls = stubApi({
      'GET /api/v1/me': { status: 200, body: demoMe },
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const { user } = renderApp('/staff');
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập dành cho cán bộ' })).toBeTruthy();
    expect(calls.map((call) => call.key)).toContain('POST /api/v1/auth/logout');
  });
});
