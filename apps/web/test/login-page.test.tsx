import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { demoMe, problem, renderApp, stubApi } from './helpers.tsx';

async function submit(username: string, password: string) {
  const view = renderApp('/login');
  await view.user.type(screen.getByLabelText('Tên đăng nhập'), username);
  await view.user.type(screen.getByLabelText('Mật khẩu'), password);
  await view.user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
  return view;
}

describe('staff login', () => {
  it('posts the credentials as JSON with the same-origin cookie policy', async () => {
    const calls = stubApi({ 'POST /api/v1/auth/login': problem(401, 'invalid_credentials', 'Invalid credentials') });
    await submit('phuxuan.motcua', 'sai');
    await screen.findByRole('alert');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ username: 'phuxuan.motcua', password: 'sai' });
  });

  it('shows the translated message for wrong credentials and stays on the form', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(401, 'invalid_credentials', 'Invalid credentials') });
    await submit('phuxuan.motcua', 'sai');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Đăng nhập dành cho cán bộ');
    expect(screen.getByLabelText('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
  });

  it('understands namespaced error codes', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(401, 'auth.invalid_credentials', 'Invalid credentials') });
    await submit('phuxuan.motcua', 'sai');
    expect((await screen.findByRole('alert')).textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('tells the user to wait when rate limited', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(429, 'rate_limited', 'Too many requests') });
    await submit('phuxuan.motcua', 'sai');
    expect((await screen.findByRole('alert')).textContent).toContain('quá nhiều lần');
  });

  it('tells an officer whose account is locked for this computer to wait', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(429, 'account_locked', 'Too many failed sign-ins for this account') });
    await submit('phuxuan.motcua', 'sai');
    expect((await screen.findByRole('alert')).textContent).toBe('Bạn đã thử quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.');
  });

  it('reports a network failure', async () => {
    stubApi({ 'POST /api/v1/auth/login': 'network-down' });
    await submit('phuxuan.motcua', 'motcua');
    expect((await screen.findByRole('alert')).textContent).toContain('Không kết nối được máy chủ');
  });

  it('asks for both fields without calling the server', async () => {
    const calls = stubApi({});
    const { user } = renderApp('/login');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng nhập tên đăng nhập và mật khẩu.');
    expect(calls).toHaveLength(0);
  });

  it('opens the who-am-I page after a successful sign-in', async () => {
    stubApi({
      'POST /api/v1/auth/login': {
        status: 200,
        body: { token: 't', expiresAt: '2026-01-01T00:00:00.000Z', user: { ...demoMe.user, provinceCode: '46', centerId: null } },
      },
      'GET /api/v1/me': { status: 200, body: demoMe },
    });
    await submit('phuxuan.motcua', 'motcua');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tôi là ai' })).toBeTruthy();
    expect(await screen.findByText('Nguyễn Thị Lan')).toBeTruthy();
  });
});
