import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fitWithin, shouldShrink } from '../src/features/dossier/shrink-image.ts';
import { demoMe, problem, renderApp, stubApi } from './helpers.tsx';
import { birthRegistration, dossier, ids, timeline } from './dossier-fixtures.ts';

// Whole-app renders with typing take a few seconds on a loaded 2-core machine; this is a limit, not a measurement.
const SLOW_MACHINE_MS = 20_000;

const FILES = `GET /api/v1/dossiers/${ids.dossier}/files`;
const UPLOAD = `POST /api/v1/dossiers/${ids.dossier}/files?itemId=d04`;
const sha = 'a3f1c9e07b2d4e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
const scan = { id: '0196d2f4-3c1e-7a10-8000-0000000000f1', itemId: 'd04', mime: 'application/pdf', size: 1_288_490, sha256: sha, uploadedAt: '2026-11-23T10:05:00+07:00' };

function routes(files: unknown[] = []) {
  return {
    'GET /api/v1/me': { status: 200, body: { ...demoMe, user: { ...demoMe.user, role: 'specialist' } } },
    [`GET /api/v1/dossiers/${ids.dossier}`]: { status: 200, body: dossier() },
    [`GET /api/v1/dossiers/${ids.dossier}/timeline`]: { status: 200, body: timeline() },
    [`GET /api/v1/procedures/1.001193/versions/${ids.version}`]: { status: 200, body: birthRegistration },
    [FILES]: { status: 200, body: files },
  } as Parameters<typeof stubApi>[0];
}

const section = async () => screen.findByRole('region', { name: 'Hồ sơ số hóa' });
const pdf = () => new File(['%PDF-1.7\n'], 'giay-chung-sinh.pdf', { type: 'application/pdf' });

describe('digitised documents on the dossier page', { timeout: SLOW_MACHINE_MS }, () => {
  it('lists each checklist item with its scans: size, short SHA-256 and a link that opens the file', async () => {
    stubApi(routes([scan]));
    renderApp(`/staff/dossiers/${ids.dossier}`);
    const region = await section();
    await within(region).findByText('Giấy chứng sinh');
    const link = within(region).getByRole('link', { name: 'Bản quét 1 (PDF)' });
    expect(link.getAttribute('href')).toBe(`/api/v1/dossiers/${ids.dossier}/files/${scan.id}`);
    expect(link.closest('li')?.textContent).toContain('1,2 MB · SHA-256 a3f1c9e07b2d · 10:05 23/11/2026');
    // One labelled file input per item, named after the item for screen readers.
    expect(within(region).getAllByLabelText(/^Thêm bản quét: /)).toHaveLength(birthRegistration.documents.length);
    expect(within(region).getByLabelText('Thêm bản quét: Tờ khai đăng ký khai sinh').getAttribute('accept')).toBe('.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png');
  });

  it('uploads the raw file with its type as Content-Type to the item, then shows the new scan', async () => {
    const r = routes();
    r[UPLOAD] = { status: 201, body: scan };
    const calls = stubApi(r);
    const { user } = renderApp(`/staff/dossiers/${ids.dossier}`);
    const input = await within(await section()).findByLabelText('Thêm bản quét: Giấy chứng sinh');
    r[FILES] = { status: 200, body: [scan] };
    const file = pdf();
    await user.upload(input, file);

    expect(await screen.findByText('Đã tải lên bản quét.')).toBeTruthy();
    const sent = calls.find((c) => c.key === UPLOAD)?.init;
    expect(sent?.body).toBe(file);
    expect(sent?.credentials).toBe('same-origin');
    expect((sent?.headers as Record<string, string>)['content-type']).toBe('application/pdf');
    expect(await screen.findByRole('link', { name: 'Bản quét 1 (PDF)' })).toBeTruthy();
  });

  it('says in Vietnamese when the server finds the file is not a PDF, JPEG or PNG', async () => {
    const r = routes();
    r[UPLOAD] = problem(400, 'dossier.file_type', 'Only PDF, JPEG or PNG scans are accepted.');
    stubApi(r);
    const { user } = renderApp(`/staff/dossiers/${ids.dossier}`);
    await user.upload(await within(await section()).findByLabelText('Thêm bản quét: Giấy chứng sinh'), pdf());

    expect((await screen.findByRole('alert')).textContent).toBe('Chỉ nhận tệp PDF, JPEG hoặc PNG.');
    expect(screen.queryByText('Only PDF, JPEG or PNG scans are accepted.')).toBeNull();
  });

  it('says the file is too large when the server refuses it with 413', async () => {
    const r = routes();
    r[UPLOAD] = problem(413, 'ctp_body_too_large', 'Request body is too large');
    stubApi(r);
    const { user } = renderApp(`/staff/dossiers/${ids.dossier}`);
    await user.upload(await within(await section()).findByLabelText('Thêm bản quét: Giấy chứng sinh'), pdf());

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Tệp lớn hơn 10 MB\./);
  });
});

describe('image shrinking before upload', () => {
  it('fits the long side into 2000 px keeping the aspect, and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(2480, 3508)).toEqual({ width: 1414, height: 2000 });
    expect(fitWithin(1200, 800)).toEqual({ width: 1200, height: 800 });
  });

  it('only touches JPEG and PNG files over 1.5 MB', () => {
    const big = new Uint8Array(1.6 * 1024 * 1024);
    expect(shouldShrink(new Blob([big], { type: 'image/jpeg' }))).toBe(true);
    expect(shouldShrink(new Blob([big], { type: 'image/png' }))).toBe(true);
    expect(shouldShrink(new Blob([big], { type: 'application/pdf' }))).toBe(false);
    expect(shouldShrink(new Blob([new Uint8Array(1024 * 1024)], { type: 'image/jpeg' }))).toBe(false);
  });
});
