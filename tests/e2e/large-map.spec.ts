import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serializeWorkspace } from '../../shared/document/serialize';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { generateWorkspace } from '../../bench/generate-workspace';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * Issue 16, item 3: a large map (2,000 stakeholders here; the bench measures 10,000) is drawn by parts. Zoomed in,
 * only the part around the screen is made of elements; zoomed out beyond reading (Fit), one canvas draws the
 * overview, where a click selects, a drag moves (one undo step), Shift-drag selects a rectangle and a double click
 * zooms in. The list of every stakeholder reaches each one by keyboard. Checked against the document's positions
 * and the map's own viewport, not guessed.
 */

const SIZE = 2000;

async function openLargeMap(app: StakemapApp): Promise<{ doc: WorkspaceDocument; filePath: string }> {
  const doc = { ...generateWorkspace({ stakeholders: SIZE, seed: 7 }), viewport: { x: 0, y: 0, zoom: 1 } };
  const filePath = path.join(app.tempDir, 'large.stakemap');
  await writeFile(filePath, serializeWorkspace(doc));
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(app.page.locator('.map-canvas')).toHaveAttribute('data-drawn', 'part');
  return { doc, filePath };
}

const mapRegion = (page: Page) => page.getByRole('region', { name: 'Stakeholder map' });
const overview = (page: Page) => page.getByRole('img', { name: /^Overview of the map: 2,000 stakeholders and [\d,]+ relationships, [\d,]+ of them problematic\./ });
const inspectorName = (page: Page) => page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Name' });

/** Where stakeholders' centres are on screen now, from their map positions and the map's viewport (220 × 64 unmeasured). */
async function screenPoints(page: Page, positions: ReadonlyArray<{ x: number; y: number }>): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate((all) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return all.map((p) => ({ x: pane.left + m.e + (p.x + 110) * m.a, y: pane.top + m.f + (p.y + 32) * m.a }));
  }, positions);
}

/** The stakeholder nearest the middle of the map's pane (clear of the legend and the filter bar). */
async function stakeholderMidMap(page: Page, doc: WorkspaceDocument) {
  const at = await screenPoints(page, doc.stakeholders.map((s) => s.position));
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const distance = (i: number) => Math.hypot(at[i]!.x - mid.x, at[i]!.y - mid.y);
  const nearest = doc.stakeholders.reduce((best, _, i) => (distance(i) < distance(best) ? i : best), 0);
  return { s: doc.stakeholders[nearest]!, at: at[nearest]! };
}

test('a map of 2,000 stakeholders: the part on screen as elements, the overview when zoomed out, select, move, undo and reach each one by keyboard', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const { doc, filePath } = await openLargeMap(app);

  // Zoomed in at 1: a stakeholder on screen is an element, and only a part of the map is.
  const first = doc.stakeholders[1]!;
  await expect(page.getByRole('group', { name: new RegExp(`^${first.name} \\(`) })).toBeVisible();
  const elements = await page.locator('.react-flow__node').count();
  expect(elements).toBeGreaterThan(5);
  expect(elements).toBeLessThan(SIZE / 4);

  // Fit: zoomed out beyond reading, the overview draws all 2,000 and no stakeholder is an element.
  await page.keyboard.press('Control+0');
  await expect(overview(page)).toBeVisible();
  await expect(page.locator('canvas.map-overview')).toHaveAttribute('data-stakeholders', String(SIZE));
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(mapRegion(page).getByText('Overview: zoom in to read names and labels')).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('.map-canvas').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // A click on a stakeholder's box selects it: the inspector shows it.
  const { s: target, at } = await stakeholderMidMap(page, doc);
  await page.mouse.click(at.x, at.y);
  await expect(inspectorName(page)).toHaveValue(target.name);

  // A click on the empty map clears the selection, as on the map.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const emptyCorner = { x: pane.x + pane.width - 6, y: pane.y + pane.height - 6 };
  await page.mouse.click(emptyCorner.x, emptyCorner.y);
  await expect(inspectorName(page)).toHaveCount(0);
  await page.mouse.click(at.x, at.y);
  await expect(inspectorName(page)).toHaveValue(target.name);

  // A drag moves it, as one edit (the saved file says where to); Undo puts it back in one step.
  const zoom = await page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  const dx = 40;
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at.x + (dx * i) / 8, at.y);
  await page.mouse.up();
  await expect(page.getByText('Unsaved').first()).toBeVisible();
  const savedPosition = async () => {
    await page.locator('body').press('Control+s');
    await expect(page.getByText('Unsaved')).toHaveCount(0);
    const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
    return saved.stakeholders.find((s) => s.id === target.id)!.position;
  };
  const moved = await savedPosition();
  // Within a screen pixel or two (the pointer moves in whole pixels).
  expect(Math.abs(moved.x - (target.position.x + dx / zoom))).toBeLessThan(2 / zoom);
  expect(moved.y).toBeCloseTo(target.position.y, 5);
  await page.keyboard.press('Control+z');
  expect(await savedPosition()).toEqual(target.position);

  // Shift-drag draws a rectangle and selects what is wholly inside it.
  await page.mouse.click(emptyCorner.x, emptyCorner.y);
  const box = { x: at.x - 60, y: at.y - 40, width: 120, height: 80 };
  const centres = await screenPoints(page, doc.stakeholders.map((s) => s.position));
  const half = { w: 110 * zoom, h: 32 * zoom };
  const inside = centres.filter((c) => c.x - half.w >= box.x && c.x + half.w <= box.x + box.width && c.y - half.h >= box.y && c.y + half.h <= box.y + box.height);
  expect(inside.length).toBeGreaterThan(1);
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width, box.y + box.height, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: `${inside.length} stakeholders selected` })).toBeVisible();

  // The list reaches every stakeholder by keyboard: End goes to the last one, Enter selects it and brings the map
  // to it, readable.
  const last = doc.stakeholders[SIZE - 1]!;
  const list = page.getByRole('navigation', { name: 'Every stakeholder on this map' });
  await expect(list.getByRole('heading', { name: 'Stakeholders (2,000)' })).toBeAttached();
  const item = list.getByRole('button', { name: `${last.name} (${last.kind === 'team' ? 'Our team' : last.kind === 'department' ? 'Internal department' : 'Outside party'})` });
  // One Tab stop for the whole list; End, Home and the arrow keys move within it.
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
  await list.getByRole('button').first().focus();
  await expect(list).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(item).toBeFocused();
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(inspectorName(page)).toHaveValue(last.name);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', 'part');
  await expect(page.getByRole('group', { name: new RegExp(`^${last.name} \\(`) })).toBeInViewport();
});

test('the overview shows what the map shows: pain heat widens lines, marked bridges and bottlenecks are outlined and named', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const { doc } = await openLargeMap(app);
  await expect(page.getByRole('group', { name: new RegExp(`^${doc.stakeholders[1]!.name} \\(`) })).toBeVisible();
  await app.menu('view.fit');
  await expect(overview(page)).toBeVisible();
  const canvas = page.locator('canvas.map-overview');
  await expect(canvas).toHaveAttribute('data-stakeholders', String(SIZE));
  await expect(canvas).toHaveAttribute('data-heat-lines', '0');
  await expect(canvas).toHaveAttribute('data-bottlenecks', '0');

  // Pain heat by pain points: the lines that carry pain are drawn at their heat widths, the others as before.
  await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('painPoints');
  await expect.poll(async () => Number(await canvas.getAttribute('data-heat-lines'))).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('off');
  await expect(canvas).toHaveAttribute('data-heat-lines', '0');

  // Bridges and bottlenecks: outlined on the canvas, and named in its text alternative in rank order.
  await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).check();
  await expect.poll(async () => Number(await canvas.getAttribute('data-bottlenecks')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(overview(page)).toHaveAccessibleName(/Marked as bridges and bottlenecks: 1 [^,]+, 2 [^,]+/);
  await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).uncheck();
  await expect(canvas).toHaveAttribute('data-bottlenecks', '0');
  await expect(overview(page)).not.toHaveAccessibleName(/Marked as/);
});

test('Fit pressed the moment a large map appears fits it (React Flow hands over its instance a little later)', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const { doc } = await openLargeMap(app);
  await expect(page.getByRole('group', { name: new RegExp(`^${doc.stakeholders[1]!.name} \\(`) })).toBeVisible();
  await page.keyboard.press('Control+0');
  await expect(overview(page)).toBeVisible({ timeout: 5_000 });
});

test('the minimap of a large map shows the whole map and the part on screen; a click on it brings the map there', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const { doc } = await openLargeMap(app);
  await expect(page.getByRole('group', { name: new RegExp(`^${doc.stakeholders[1]!.name} \\(`) })).toBeVisible();
  const minimap = page.getByRole('img', { name: /^Minimap: the whole map/ });
  await expect(minimap).toBeVisible();
  const viewport = () => page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform));
  const before = await viewport();
  // Its bottom-right corner is the far end of the map: the map moves there, at the same zoom, and draws that part.
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await expect.poll(async () => (await viewport()).e).toBeLessThan(before.e - 1000);
  const after = await viewport();
  expect(after.a).toBeCloseTo(before.a, 5);
  expect(after.f).toBeLessThan(before.f - 500);
  const last = doc.stakeholders.reduce((far, s) => (s.position.x + s.position.y > far.position.x + far.position.y ? s : far));
  await expect(page.getByRole('group', { name: new RegExp(`^${last.name} \\(`) })).toBeAttached();
  // View > Toggle Minimap hides it, as on a workshop map.
  await app.menu('view.toggleMinimap');
  await expect(minimap).toHaveCount(0);
});
