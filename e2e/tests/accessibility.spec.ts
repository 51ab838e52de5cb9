import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures.ts';

/** Serious and critical WCAG 2.1 A/AA violations, summarised so a failure names the problem. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const path of ['/', '/login', '/citizen', '/kiosk', '/display']) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the who-am-I page has no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'phuxuan.motcua');
  await expect(page.getByRole('table', { name: 'Giờ làm việc' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
