/** Password of every demo account in the test template. */
export const TEST_PASSWORD = 'motcua-test';
export const TEST_SEED_TIME = '2026-11-02T01:00:00Z';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
