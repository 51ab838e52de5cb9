import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './fixtures.ts';

// The demo history of Huế: closed dossiers of May–October 2026 in every commune.
const PERIOD = 'from=2026-05-01&to=2026-10-31';

test('the province admin sees the leaderboard, drills into a commune and exports it as XLSX', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`/province/reports?${PERIOD}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng xếp hạng các xã, phường' })).toBeVisible();

  const board = page.getByRole('table', { name: 'Bảng xếp hạng các xã, phường' });
  const rows = board.getByRole('row');
  await expect(rows).toHaveCount(41); // header + the 40 communes of Huế
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('1');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The first commune in the ranking: its own dashboard with the 766 breakdown.
  const first = rows.nth(1).getByRole('link');
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: `Chỉ số 766 của ${name}` })).toBeVisible();
  const score = page.getByRole('region', { name: 'Điểm Chỉ số 766' });
  await expect(score.getByRole('rowheader', { name: /2\.1 Hồ sơ giải quyết trước và đúng hạn/ })).toBeVisible();

  // Back on the leaderboard: the XLSX download parses and holds every ranked commune.
  await page.getByRole('link', { name: 'Bảng xếp hạng toàn tỉnh' }).click();
  await expect(rows).toHaveCount(41);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toBe('leaderboard-2026-05-01-2026-10-31.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(3).value).toBe('Đơn vị');
  expect(ws.rowCount).toBe(41);
  const names = Array.from({ length: 40 }, (_, i) => ws.getRow(i + 2).getCell(3).value);
  expect(names[0]).toBe(name);
});

test('the province admin follows a lost point to the dossiers behind it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`/province/reports/units/19774?${PERIOD}`);
  const score = page.getByRole('region', { name: 'Điểm Chỉ số 766' });
  const lost = score.getByRole('link', { name: /^Chỉ số [\d.ab]+: xem các hồ sơ làm mất/ }).first();
  const id = /^Chỉ số ([\d.ab]+):/.exec((await lost.getAttribute('aria-label'))!)![1]!;
  await lost.click();
  await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ sau chỉ số ${id}` })).toBeVisible();
  await expect(page.getByText(/hồ sơ; nếu các hồ sơ này đạt, đơn vị được thêm/)).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('DEMO-19774-');
});
