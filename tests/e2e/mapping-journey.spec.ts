import { CURRENT_VERSION } from '../../shared/document/format';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test } from './fixtures';
import { connectByDrag, edge, mapPositionOf, node, viewportOf } from './map-helpers';

/*
 * The foundation journey: from the start view create a map, add three stakeholders, connect them, mark one
 * relationship problematic, rename one, undo and redo, Save As; read the file from disk; relaunch, open it
 * from the recent list, and check everything came back: stakeholders, relationships, positions, viewport.
 */

test('create, connect, mark problematic, rename, undo/redo, save, relaunch and reopen exactly', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();

  // Three stakeholders: two from the palette, one by name with its kind.
  await page.getByRole('button', { name: 'Add Brand' }).click();
  await page.getByRole('button', { name: 'Add Legal' }).click();
  await page.getByLabel('Stakeholder name').fill('Social media team');
  await page.getByLabel('Kind').selectOption({ label: 'Our team' });
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await expect(node(page, 'Brand')).toBeVisible();
  await expect(node(page, 'Legal')).toBeVisible();
  await expect(node(page, 'Social media team')).toHaveAccessibleName('Social media team (Our team)');

  // Connect the team to Legal and to Brand by dragging between nodes.
  await connectByDrag(page, node(page, 'Social media team'), node(page, 'Legal'));
  await expect(page.getByRole('group', { name: /^Relationship (Social media team – Legal|Legal – Social media team): neutral/ })).toBeVisible();
  await connectByDrag(page, node(page, 'Brand'), node(page, 'Social media team'), 'dot');
  await expect(edge(page, 'Brand', 'Social media team')).toBeVisible();

  // Mark Social–Legal problematic in the inspector (the new relationship is selected after connecting).
  await page.getByRole('group', { name: /Social media team – Legal|Legal – Social media team/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Relationship' })).toBeVisible();
  await inspector.getByRole('radio', { name: 'Problematic' }).check();
  await inspector.getByLabel('Label').fill('post approvals');
  await expect(page.getByRole('group', { name: /Social media team – Legal: problematic, post approvals|Legal – Social media team: problematic, post approvals/ })).toBeVisible();
  await expect(page.locator('.relationship-label.status-problematic')).toContainText('Problematic');

  // Rename Brand in place, then undo and redo the rename.
  await node(page, 'Brand').dblclick();
  await page.getByRole('textbox', { name: 'Rename Brand' }).fill('Brand & marketing');
  await page.keyboard.press('Enter');
  await expect(node(page, 'Brand & marketing')).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(node(page, 'Brand')).toBeVisible();
  await expect(node(page, 'Brand & marketing')).toHaveCount(0);
  await page.locator('body').press('Control+Shift+z');
  await expect(node(page, 'Brand & marketing')).toBeVisible();

  // Drag Legal somewhere else: one undoable step.
  const legal = node(page, 'Legal');
  const before = await mapPositionOf(legal);
  const box = (await legal.boundingBox())!;
  // Grab it by its right side: its left side may be under the palette at this window size.
  const grab = { x: box.x + box.width - 40, y: box.y + box.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 60, grab.y + 120, { steps: 10 });
  await page.mouse.up();
  const moved = await mapPositionOf(legal);
  expect(moved.y).toBeGreaterThan(before.y + 50);

  // Zoom so the viewport is not the default, then save: untitled, so Save asks where.
  const zoomBefore = (await viewportOf(page)).zoom;
  await page.getByRole('button', { name: 'Zoom out' }).click();
  // React Flow animates the zoom; wait until it has settled one step (1/1.2) further out.
  await expect.poll(async () => (await viewportOf(page)).zoom).toBeCloseTo(zoomBefore / 1.2, 3);
  await expect(page).toHaveTitle(/^● Untitled workspace — Stakemap$/);
  const filePath = path.join(app.tempDir, 'workshop.stakemap');
  app.dialogs.answerSave(filePath);
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('workshop.stakemap — Stakemap');
  expect(app.windowTitle()).toBe('workshop.stakemap — Stakemap');

  // What is on disk is the map as drawn.
  const text = await readFile(filePath, 'utf8');
  const saved = JSON.parse(text) as WorkspaceDocument;
  expect(saved.format).toBe('stakemap');
  expect(saved.version).toBe(CURRENT_VERSION);
  expect(text.endsWith('}\n')).toBe(true);
  expect(saved.stakeholders.map((s: { name: string }) => s.name).sort()).toEqual(['Brand & marketing', 'Legal', 'Social media team']);
  expect(saved.stakeholders.find((s: { name: string }) => s.name === 'Social media team')?.kind).toBe('team');
  expect(saved.relationships).toHaveLength(2);
  const problematic = saved.relationships.filter((r: { status: string }) => r.status === 'problematic');
  expect(problematic).toHaveLength(1);
  expect(problematic[0]?.label).toBe('post approvals');
  const savedLegal = saved.stakeholders.find((s: { name: string }) => s.name === 'Legal');
  expect(savedLegal?.position).toEqual({ x: Math.round(moved.x), y: Math.round(moved.y) });
  expect(text).not.toMatch(/"selected"|"measured"|"dragging"/);
  const viewportAtSave = await viewportOf(page);
  expect(saved.viewport.zoom).toBeCloseTo(viewportAtSave.zoom, 3);

  // Relaunch: the start view lists the workspace; open it from there.
  const second = await app.restart();
  await second.getByRole('button', { name: 'Open workshop.stakemap' }).click();
  await expect(second).toHaveTitle('workshop.stakemap — Stakemap');
  for (const s of saved.stakeholders as Array<{ name: string; position: { x: number; y: number } }>) {
    await expect(node(second, s.name)).toBeVisible();
    expect(await mapPositionOf(node(second, s.name))).toEqual(s.position);
  }
  await expect(second.locator('.react-flow__edge')).toHaveCount(2);
  await expect(second.getByRole('group', { name: /problematic, post approvals/ })).toBeVisible();
  const reopenedViewport = await viewportOf(second);
  expect(reopenedViewport.x).toBeCloseTo(saved.viewport.x, 3);
  expect(reopenedViewport.y).toBeCloseTo(saved.viewport.y, 3);
  expect(reopenedViewport.zoom).toBeCloseTo(saved.viewport.zoom, 3);

  // Saving again without changes writes the same bytes: the round trip is exact.
  await second.locator('body').press('Control+s');
  await expect(second.getByRole('status')).toContainText('Saved to workshop.stakemap');
  expect(await readFile(filePath, 'utf8')).toBe(text);
});

test('multi-select, delete and undo bring everything back', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await node(page, 'Legal').click();
  await node(page, 'Compliance').click({ modifiers: ['Control'] });
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading')).toHaveText('2 stakeholders selected');
  await page.locator('body').press('Delete');
  await expect(node(page, 'Legal')).toHaveCount(0);
  await expect(node(page, 'Compliance')).toHaveCount(0);
  expect(await page.locator('.react-flow__edge').count()).toBeLessThan(edgesBefore);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
});

test('N adds a stakeholder and names it in place; the legend explains every style', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.locator('body').press('n');
  const rename = page.getByRole('textbox', { name: 'Rename New stakeholder' });
  await expect(rename).toBeFocused();
  await rename.fill('Investor relations');
  await rename.press('Enter');
  await expect(node(page, 'Investor relations')).toBeVisible();
  const legend = page.getByRole('region', { name: 'Legend' });
  for (const word of ['Healthy', 'Neutral', 'Strained', 'Problematic', 'Our team', 'Internal department', 'Outside party']) {
    await expect(legend).toContainText(word);
  }
  await page.getByRole('button', { name: 'Legend' }).click();
  await expect(legend).toHaveCount(0);
});

test('focus on the map hides the side panels and brings them back', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await page.locator('body').press('Control+.');
  await expect(page.getByRole('button', { name: 'Focus on the map' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Add stakeholders' })).toHaveCount(0);
  await app.menu('view.toggleFocus');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

test('F2 renames the selected stakeholder; Escape keeps the old name', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await node(page, 'HR').click();
  await page.locator('body').press('F2');
  const field = page.getByRole('textbox', { name: 'Rename HR' });
  await field.fill('People team');
  await field.press('Escape');
  await expect(node(page, 'HR')).toBeVisible();
  await page.locator('body').press('F2');
  await page.getByRole('textbox', { name: 'Rename HR' }).fill('People team');
  await page.keyboard.press('Enter');
  await expect(node(page, 'People team')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name')).toHaveValue('People team');
});

test('copy and paste duplicate stakeholders with the relationships between them', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await node(page, 'Legal').click();
  await node(page, 'Compliance').click({ modifiers: ['Control'] });
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await page.locator('body').press('Control+c');
  await page.locator('body').press('Control+v');
  await expect(node(page, 'Legal')).toHaveCount(2);
  await expect(node(page, 'Compliance')).toHaveCount(2);
  // Legal and Compliance are connected, so the copy brings one relationship of its own.
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading')).toHaveText('2 stakeholders selected');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Legal')).toHaveCount(1);
});

test('Edit > Delete from the menu while typing deletes text, not the selected stakeholder', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await node(page, 'HR').click();
  const owner = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Owner');
  await owner.fill('Sam');
  await owner.selectText();
  await app.menu('edit.delete');
  await expect(owner).toHaveValue('');
  await expect(node(page, 'HR')).toBeVisible();
  // With the map focused, the same command deletes the selection.
  await node(page, 'HR').click();
  await app.menu('edit.delete');
  await expect(node(page, 'HR')).toHaveCount(0);
});
