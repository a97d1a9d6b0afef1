import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { edge } from './map-helpers';

/*
 * Journey 13, which relationships carry the most pain: "Pain heat" draws relationship lines by the weight of
 * their pain points (count or votes); the legend says so in words and names the heaviest relationships.
 */
test.use({ firstRun: true });

const strokeWidthOf = (page: Page, a: string, b: string) =>
  edge(page, a, b).locator('path.react-flow__edge-path').evaluate((path) => parseFloat(getComputedStyle(path).strokeWidth));

test('pain heat thickens the lines that carry the most pain, and the legend names the heaviest', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  const heavy = ['Social media team', 'Legal'] as const;
  const light = ['Social media team', 'IT'] as const;
  const before = await strokeWidthOf(page, ...heavy);

  await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('painPoints');
  await expect.poll(() => strokeWidthOf(page, ...heavy)).toBeGreaterThan(before + 4);
  expect(await strokeWidthOf(page, ...heavy)).toBeGreaterThan(await strokeWidthOf(page, ...light));

  const legend = page.getByRole('region', { name: 'What the line thickness means' });
  await expect(legend).toContainText('Line thickness: how many pain points they carry.');
  const heaviest = legend.getByRole('list', { name: 'Heaviest relationships' }).getByRole('listitem');
  await expect(heaviest.first()).toContainText(/: 3 pain points$/);
  await expect(heaviest).toHaveCount(5);

  await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('votes');
  await expect(legend).toContainText('Line thickness: the votes of their pain points.');
  await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('off');
  await expect(legend).toBeHidden();
  await expect.poll(() => strokeWidthOf(page, ...heavy)).toBe(before);
});
