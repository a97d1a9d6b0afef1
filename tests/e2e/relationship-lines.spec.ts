import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import { expect, test } from './fixtures';
import { edge, node } from './map-helpers';

/*
 * Stakeholders on one row or one column (as Tidy layout and careful hands often leave them) are joined by a
 * perfectly level or upright line. Such a line is still on screen for everything that asks (screen readers'
 * hit tests, automation), and it takes a click along its length like any other.
 */
test('level and upright relationship lines are on screen and take a click', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'rows.stakemap');
  const doc = {
    format: 'stakemap',
    version: 1,
    title: 'Rows and columns',
    stakeholders: [
      { id: 's-team', name: 'Comms', kind: 'department', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 480, y: 0 } },
      { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 0, y: 360 } },
    ],
    relationships: [
      { id: 'r-level', source: 's-team', target: 's-legal', status: 'neutral' },
      { id: 'r-upright', source: 's-team', target: 's-brand', status: 'healthy' },
    ],
    categories: DEFAULT_CATEGORIES,
    viewport: { x: 200, y: 150, zoom: 1 },
  };
  await writeFile(filePath, `${JSON.stringify(doc, null, 2)}\n`);
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(page, 'Legal')).toBeVisible();

  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  for (const [a, b] of [['Comms', 'Legal'], ['Comms', 'Brand']] as const) {
    const line = edge(page, a, b);
    await expect(line).toBeVisible();
    // A click a quarter of the way along the line, clear of its label in the middle, selects it.
    const box = (await line.boundingBox())!;
    const level = box.width > box.height;
    await page.mouse.click(box.x + (level ? box.width / 4 : box.width / 2), box.y + (level ? box.height / 2 : box.height / 4));
    await expect(inspector.getByRole('heading', { name: 'Relationship' })).toBeVisible();
    await expect(line).toHaveClass(/\bselected\b/);
    await page.locator('body').press('Escape');
    await expect(line).not.toHaveClass(/\bselected\b/);
  }
});
