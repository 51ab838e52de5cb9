import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import type { Me } from '@motcua/contracts';
import { AppRoutes } from '../src/app/app-routes.tsx';

/** Renders the whole app at `path`, as a visitor opening that address. */
export function renderApp(path: string) {
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
  return { user, ...view };
}

type Reply = { status: number; body?: unknown } | 'network-down';
type Routes = Record<string, Reply>;

/** Replaces `fetch` (the app's only way out) with canned replies keyed by "METHOD /path". */
export function stubApi(routes: Routes) {
  const calls: { key: string; init: RequestInit | undefined }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push({ key, init });
    const reply = routes[key];
    if (reply === undefined) throw new Error(`unexpected request ${key}`);
    if (reply === 'network-down') throw new TypeError('Failed to fetch');
    const isProblem = reply.status >= 400;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

export function problem(status: number, code: string, title: string) {
  return { status, body: { type: `https://motcua.dev/problems/${code}`, title, status, detail: title, code } };
}

export const demoMe: Me = {
  user: {
    id: '0196d2f4-3c1e-7a10-8000-000000000001',
    username: 'phuxuan.motcua',
    fullName: 'Nguyễn Thị Lan',
    role: 'counter_officer',
  },
  province: { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue City', unitType: 'city' },
  center: {
    id: '0196d2f4-3c1e-7a10-8000-000000000002',
    agencyCode: 'H46.01',
    name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
    level: 'commune',
    provinceCode: '46',
    provinceName: 'Thành phố Huế',
    communeCode: '19774',
    communeName: 'Phường Phú Xuân',
    address: '1 Lê Lợi, phường Phú Xuân, thành phố Huế',
    workingHours: {
      '1': [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      '5': [{ start: '07:30', end: '11:30' }],
    },
    counters: [
      { id: '0196d2f4-3c1e-7a10-8000-000000000003', number: 1, name: 'Tư pháp – Hộ tịch' },
      { id: '0196d2f4-3c1e-7a10-8000-000000000004', number: 2, name: 'Đất đai – Xây dựng' },
    ],
  },
};
