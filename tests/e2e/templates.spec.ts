import { expect, test } from './fixtures';
import { node } from './map-helpers';

/*
 * Issue 14, item 8: New from template. The start view offers "Organising for Social" (the team in the middle,
 * the typical functions around it and connected to it, the six categories) and "Blank".
 */

test('the start view makes a workshop map from the Organising for Social template, and a blank one', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const templates = page.getByRole('region', { name: 'New from template' });
  await templates.getByRole('button', { name: /^Organising for Social/ }).click();
  await expect(node(page, 'Social media team')).toBeVisible();
  for (const name of ['Brand', 'Legal', 'Compliance', 'PR / Press office', 'Regulators']) await expect(node(page, name)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Workspace title' })).toHaveValue('Organising for Social workshop');
  await expect(page.getByRole('group', { name: /^Relationship Social media team – Legal:/ })).toHaveCount(1);
  // The seed workshop's agenda, at its first stage.
  await expect(page.getByRole('region', { name: 'Workshop stage' })).toContainText('Map stakeholders');
  await expect(page.getByRole('button', { name: 'Next stage' })).toBeVisible();
  // Every stakeholder fitted into view, none on another.
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBe(19);
  const overlap = (a: DOMRect, b: DOMRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  boxes.forEach((a, i) => boxes.forEach((b, j) => i < j && expect(overlap(a, b)).toBe(false)));

  // Nothing was changed yet, so closing asks nothing.
  await app.menu('file.close');
  await templates.getByRole('button', { name: /^Blank/ }).click();
  await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  // Not a workshop: no stage bar (View > Show Agenda brings it).
  await expect(page.getByRole('button', { name: 'Next stage' })).toHaveCount(0);
});
