import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('configuration from the environment', () => {
  it('has working defaults for a first try: port 8080, ./data, demo data on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.demo).toBe(true);
    expect(c.demoPassword).toBe('motcua');
    expect(c.databaseUrl).toBeUndefined();
  });

  it('lists every bad setting at once', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MOTCUA_WORKER: 'sometimes', MOTCUA_DEMO: 'maybe' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'MOTCUA_DEMO', 'MOTCUA_WORKER', 'PORT']);
  });

  it('never allows demo accounts or the embedded database in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', MOTCUA_DEMO: '1' });
    expect(problems.some((p) => p.startsWith('MOTCUA_DEMO'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    const prod = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/motcua', MOTCUA_AGENCY_SECRET: 'a-long-shared-secret' });
    expect(prod.demo).toBe(false);
    expect(prod.cookieSecure).toBe(true);
  });

  it('takes a mail relay only as an smtp:// or smtps:// URL, and in production only with the sender citizens see', () => {
    expect(problemsOf({ MOTCUA_SMTP_URL: 'http://mail.example.vn' }).map((p) => p.split(':')[0])).toEqual(['MOTCUA_SMTP_URL']);
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/motcua', MOTCUA_AGENCY_SECRET: 'a-long-shared-secret', MOTCUA_SMTP_URL: 'smtps://u:p@mail.hue.gov.vn:465' };
    expect(problemsOf(prod).map((p) => p.split(':')[0])).toEqual(['MOTCUA_MAIL_FROM']);
    expect(loadConfig({ ...prod, MOTCUA_MAIL_FROM: 'Một cửa Huế <motcua@hue.gov.vn>' }).citizen).toMatchObject({ smtpUrl: 'smtps://u:p@mail.hue.gov.vn:465', mailFrom: 'Một cửa Huế <motcua@hue.gov.vn>' });
  });

  it('requires the S3 settings when S3 storage is chosen', () => {
    expect(problemsOf({ MOTCUA_STORAGE: 's3', S3_BUCKET: 'files' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'S3_ACCESS_KEY_ID',
      'S3_ENDPOINT',
      'S3_SECRET_ACCESS_KEY',
    ]);
  });
});
