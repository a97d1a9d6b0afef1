import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import { expect, test } from './fixtures';

/*
 * Issue 13, item 5 (in part): the toolbar keeps the file name and the unsaved mark in sight from 1024 px up
 * ("At 1280 px the toolbar squeezes the file name and the unsaved mark to zero width"). With a long file name, a
 * long title and unsaved changes, at 1024x768, 1280x720 and 1920x1080: the file name and the mark are visible,
 * of real width, inside the toolbar and covered by nothing else in it; the title may be cut, but its tooltip has
 * all of it; every button is inside the toolbar. Boxes are measured (getBoundingClientRect), so this is geometry.
 */

const FILE_NAME = 'Quarterly stakeholder mapping with brand, legal and compliance (final draft, Helsinki).stakemap';
const LONG_TITLE = 'Organising for Social: how the social media team works with brand, legal, compliance, PR and the agencies';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
  const measured = await locator.boundingBox();
  expect(measured, 'measured box').not.toBeNull();
  return measured!;
}

/** Overlap of two boxes in px²; touching edges (shared sub-pixel borders) count as none. */
function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5 ? w * h : 0;
}

function inside(inner: Box, outer: Box): boolean {
  const slack = 0.5;
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

test('the file name and the unsaved mark stay in sight at 1024, 1280 and 1920 px, beside a long title', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, FILE_NAME);
  const doc = {
    format: 'stakemap',
    version: 1,
    title: 'Short title',
    stakeholders: [{ id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } }],
    categories: DEFAULT_CATEGORIES,
  };
  await writeFile(filePath, `${JSON.stringify(doc, null, 2)}\n`);
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).click();

  const toolbar = page.getByRole('banner');
  const titleField = toolbar.getByRole('textbox', { name: 'Workspace title' });
  await titleField.fill(LONG_TITLE);
  // Unsaved changes now; the field gives the keyboard back to the map.
  await titleField.press('Tab');
  const fileName = toolbar.getByText(FILE_NAME, { exact: true });
  const unsaved = toolbar.getByTitle('Unsaved changes');
  await expect(unsaved).toBeVisible();

  // The toolbar has no Legend button any more: the legend on the map has its own (and View > Toggle Legend stays).
  await expect(toolbar.getByRole('button', { name: 'Legend' })).toHaveCount(0);

  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const at = `at ${width}x${height}`;
    await expect(fileName, at).toBeVisible();
    await expect(unsaved, at).toBeVisible();

    const bar = await box(toolbar);
    expect(bar.width, `${at}: the toolbar spans the window`).toBeCloseTo(width, 0);
    const name = await box(fileName);
    const mark = await box(unsaved);
    // Some letters of the name at least (it may be cut with an ellipsis; its tooltip has the whole path).
    expect(name.width, `${at}: file name width`).toBeGreaterThanOrEqual(40);
    expect(mark.width, `${at}: unsaved mark width`).toBeGreaterThanOrEqual(8);
    expect(inside(name, bar), `${at}: the file name is inside the toolbar`).toBe(true);
    expect(inside(mark, bar), `${at}: the unsaved mark is inside the toolbar`).toBe(true);
    expect(name.x + name.width, `${at}: inside the window`).toBeLessThanOrEqual(width);

    // Nothing else in the toolbar covers them: buttons, tabs, the title field, the search field.
    const others = await toolbar.locator('button, [role="tab"], input').all();
    expect(others.length).toBeGreaterThan(12);
    for (const other of others) {
      const label = (await other.getAttribute('aria-label')) ?? (await other.getAttribute('title')) ?? (await other.textContent()) ?? 'a control';
      const otherBox = await box(other);
      expect(overlapArea(otherBox, name), `${at}: "${label}" overlaps the file name`).toBe(0);
      expect(overlapArea(otherBox, mark), `${at}: "${label}" overlaps the unsaved mark`).toBe(0);
      // And every control fits: none is pushed past the window's edge or out of the bar.
      expect(inside(otherBox, bar), `${at}: "${label}" is inside the toolbar`).toBe(true);
    }
    // The name is the top element at its own centre: not covered by anything, in or out of the toolbar.
    const topAtName = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('.toolbar__filename') !== null,
      { x: name.x + Math.min(name.width / 2, 20), y: name.y + name.height / 2 },
    );
    expect(topAtName, `${at}: the file name is not covered`).toBe(true);

    // The title may be cut, never lost: all of it is in the tooltip.
    await expect(titleField).toHaveAttribute('title', LONG_TITLE);
    await expect(titleField).toHaveValue(LONG_TITLE);
    const titleBox = await box(titleField);
    expect(titleBox.width, `${at}: the title keeps a readable width`).toBeGreaterThanOrEqual(120);
    await expect(fileName).toHaveAttribute('title', filePath);

    // The view tabs keep their names for assistive technology when they show icons only.
    for (const tab of ['Map', 'Pain points', 'Solutions']) await expect(toolbar.getByRole('tab', { name: tab }), at).toBeVisible();
  }

  // At 1024 the tabs show icons only (their labels are what gives way first); at 1920 the labels are back.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect((await box(toolbar.getByRole('tab', { name: 'Pain points' }))).width).toBeLessThan(50);
  await page.setViewportSize({ width: 1920, height: 1080 });
  expect((await box(toolbar.getByRole('tab', { name: 'Pain points' }))).width).toBeGreaterThan(90);
});

test('a workspace never saved says so in place of the file name, with its unsaved mark', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'New workspace' }).click();
  const toolbar = page.getByRole('banner');
  await toolbar.getByRole('textbox', { name: 'Workspace title' }).fill(LONG_TITLE);
  const notSaved = toolbar.getByText('Not saved yet', { exact: true });
  await expect(notSaved).toBeVisible();
  await expect(toolbar.getByTitle('Unsaved changes')).toBeVisible();
  const bar = await box(toolbar);
  const name = await box(notSaved);
  expect(inside(name, bar)).toBe(true);
  expect(name.width).toBeGreaterThanOrEqual(40);
});
