import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpModules } from '../../src/modules.ts';
import { buildApp, type ZodApp } from '../../src/platform/http/app.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let app: ZodApp;
let dist: string;
beforeAll(async () => {
  t = await startTestApp();
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Motcua</title>');
  app = await buildApp(t.ctx, httpModules, { webDist: dist, defaultMetrics: false });
});
afterAll(async () => {
  await app.close();
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('single-page app fallback', () => {
  it('serves the app for page addresses with dots, such as the tracking link printed as a QR code on Form 01', async () => {
    for (const url of ['/tra-cuu/H46.01-261123-0001', '/xac-thuc/H46.01-261123-0001-KQ1', '/citizen/procedures/1.001193']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('keeps a missing script or image a 404', async () => {
    expect((await app.inject({ url: '/assets/missing-1234.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/logo.png' })).statusCode).toBe(404);
  });
});
