import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * Issue 13, item 5 (in part): readable from the back of the room. View > Theme (System, Light, Dark, High Contrast)
 * and View > Large Text apply at once, are remembered across restarts (main keeps them, preferences:get/set), and
 * System follows the OS's light or dark. High contrast keeps statuses apart without colour. Large text scales the
 * map's text and the lines still meet the stakeholders' borders. Exports look the same whatever the theme. The axe
 * contrast scan of every theme is in accessibility.spec.ts.
 */

const html = (page: Page) => page.locator('html');
const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name} \\(`) });

/** The resolved value of a CSS property of the first element matching `selector`. */
function computed(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(
    ([sel, prop]) => {
      const element = document.querySelector(sel);
      if (!element) throw new Error(`nothing matches ${sel}`);
      return getComputedStyle(element).getPropertyValue(prop);
    },
    [selector, property] as const,
  );
}

const canvasColour = (page: Page) => computed(page, 'body', 'background-color');
const LIGHT_CANVAS = 'rgb(246, 247, 249)';
const DARK_CANVAS = 'rgb(20, 23, 27)';
const BLACK = 'rgb(0, 0, 0)';
const WHITE = 'rgb(255, 255, 255)';

function smallMap() {
  return {
    format: 'stakemap',
    version: 1,
    title: 'Theme check',
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 420, y: -140 } },
      { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 420, y: 140 } },
      { id: 's-agency', name: 'Creative agency', kind: 'external', position: { x: -40, y: 300 } },
    ],
    relationships: [
      { id: 'r-legal', source: 's-team', target: 's-legal', status: 'problematic', label: 'post approvals' },
      { id: 'r-brand', source: 's-team', target: 's-brand', status: 'strained', label: 'tone of voice' },
      { id: 'r-agency', source: 's-team', target: 's-agency', status: 'healthy', label: 'briefs' },
      { id: 'r-lb', source: 's-legal', target: 's-brand', status: 'neutral', label: '' },
    ],
    painPoints: [{ id: 'p-1', title: 'Legal sign-off takes days', categoryId: 'processes', quotes: ['We miss every trend.'], attachedTo: [{ type: 'relationship', id: 'r-legal' }], votes: 2 }],
    categories: DEFAULT_CATEGORIES,
    viewport: { x: 120, y: 260, zoom: 1 },
  };
}

async function openSmallMap(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'theme-check.stakemap');
  await writeFile(filePath, `${JSON.stringify(smallMap(), null, 2)}\n`);
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(app.page, 'Legal')).toBeVisible();
  return filePath;
}

test('View > Theme applies at once, says so, and is remembered after a restart', async ({ app }) => {
  let page = app.page;
  await page.emulateMedia({ colorScheme: 'light' });
  // Nothing chosen yet: System, here a light OS.
  await expect(html(page)).toHaveAttribute('data-theme', 'system');
  expect(await canvasColour(page)).toBe(LIGHT_CANVAS);

  await app.menu('view.themeDark');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('status').filter({ hasText: 'Theme: Dark' })).toBeVisible();
  expect(await canvasColour(page)).toBe(DARK_CANVAS);
  // Native controls follow too (scrollbars, select lists): the page's color-scheme is dark.
  expect(await computed(page, 'html', 'color-scheme')).toBe('dark');

  page = await app.restart();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  expect(await canvasColour(page)).toBe(DARK_CANVAS);

  await app.menu('view.themeHighContrast');
  await expect(html(page)).toHaveAttribute('data-theme', 'high-contrast');
  expect(await canvasColour(page)).toBe(BLACK);
  page = await app.restart();
  await expect(html(page)).toHaveAttribute('data-theme', 'high-contrast');
  await expect(page.getByRole('button', { name: 'New workspace' })).toBeVisible();
  expect(await computed(page, '.start-view__title', 'color')).toBe(WHITE);

  await app.menu('view.themeLight');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  page = await app.restart();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await canvasColour(page)).toBe(LIGHT_CANVAS);
});

test('System follows the OS, light or dark, as it changes; a chosen theme does not', async ({ app }) => {
  const { page } = app;
  await openSmallMap(app);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await canvasColour(page)).toBe(DARK_CANVAS);
  expect(await computed(page, '.stakeholder-node__name', 'color')).toBe('rgb(232, 235, 238)');
  // The marks on the map come in the dark palette's colours too (a CSS image cannot take the text colour).
  expect(await computed(page, '.relationship-label.status-problematic .has-mark', 'background-image')).toContain('problematic-on-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await canvasColour(page)).toBe(LIGHT_CANVAS);
  expect(await computed(page, '.relationship-label.status-problematic .has-mark', 'background-image')).not.toContain('on-dark');

  await app.menu('view.themeLight');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await canvasColour(page)).toBe(LIGHT_CANVAS);
  expect(await computed(page, '.relationship-label.status-problematic .has-mark', 'background-image')).not.toContain('on-dark');
  await app.menu('view.themeDark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await canvasColour(page)).toBe(DARK_CANVAS);
  await app.menu('view.themeSystem');
  await expect(page.getByRole('status').filter({ hasText: 'Theme: System' })).toBeVisible();
  expect(await canvasColour(page)).toBe(LIGHT_CANVAS);
});

test('High contrast: black and white, thicker lines, statuses told apart by pattern, width and mark', async ({ app }) => {
  const { page } = app;
  await app.menu('view.themeHighContrast');
  await openSmallMap(app);
  expect(await computed(page, '.stakeholder-node', 'background-color')).toBe(BLACK);
  expect(await computed(page, '.stakeholder-node__name', 'color')).toBe(WHITE);
  expect(await computed(page, '.stakeholder-node__kind', 'color')).toBe(WHITE);
  expect(await computed(page, '.stakeholder-node.kind-department', 'border-top-color')).toBe(WHITE);

  const line = async (relationshipId: string) =>
    page.evaluate((id) => {
      const path = document.querySelector(`[data-testid="rf__edge-${id}"] .react-flow__edge-path`);
      if (!path) throw new Error(`no line for ${id}`);
      const style = getComputedStyle(path);
      return { dash: style.strokeDasharray, width: parseFloat(style.strokeWidth) };
    }, relationshipId);
  const [problematic, strained, healthy, neutral] = await Promise.all(['r-legal', 'r-brand', 'r-agency', 'r-lb'].map(line));
  // The widths of relationship-styles.ts, 1.5 times: 3.5, 2.75, 3 and 1.75.
  expect(problematic).toEqual({ dash: '12px, 7px', width: 5.25 });
  expect(strained).toEqual({ dash: '1px, 7px', width: 4.125 });
  expect(healthy).toEqual({ dash: 'none', width: 4.5 });
  expect(neutral).toEqual({ dash: 'none', width: 2.625 });
  // Marks and words on the lines, as in every theme.
  await expect(page.getByText('Problematic', { exact: true }).first()).toBeVisible();
  expect(await computed(page, '.relationship-label.status-healthy .has-mark', 'background-image')).toContain('healthy-on-dark');
  // The selection is a yellow ring.
  await node(page, 'Legal').click();
  expect(await computed(page, '.stakeholder-node.is-selected', 'box-shadow')).toContain('rgb(255, 212, 0)');
});

/** Every line's two ends are on the border of a stakeholder's box (within 1.5 map px), in map coordinates. */
async function lineEndsOffBorders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((element) => {
      const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(element.style.transform);
      if (!match) throw new Error(`node ${element.dataset.id} has no position`);
      return { id: element.dataset.id, x: Number(match[1]), y: Number(match[2]), width: element.offsetWidth, height: element.offsetHeight };
    });
    const distanceToBorder = (px: number, py: number, b: (typeof boxes)[number]) => {
      const dx = Math.max(b.x - px, 0, px - (b.x + b.width));
      const dy = Math.max(b.y - py, 0, py - (b.y + b.height));
      if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
      return Math.min(px - b.x, b.x + b.width - px, py - b.y, b.y + b.height - py);
    };
    const problems: string[] = [];
    for (const path of document.querySelectorAll('.react-flow__edge-path')) {
      const numbers = (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
      const ends = [
        [numbers[0]!, numbers[1]!],
        [numbers.at(-2)!, numbers.at(-1)!],
      ];
      for (const [x, y] of ends) {
        const nearest = Math.min(...boxes.map((b) => distanceToBorder(x!, y!, b)));
        if (!(nearest <= 1.5)) problems.push(`${path.closest('.react-flow__edge')?.getAttribute('data-testid')}: end (${x}, ${y}) is ${nearest.toFixed(1)} px from any border`);
      }
    }
    return problems;
  });
}

const px = (value: string) => parseFloat(value);

test('Large text scales the map text by 1.3, the lines still meet the borders, and it is remembered', async ({ app }) => {
  let page = app.page;
  await openSmallMap(app);
  const before = {
    name: px(await computed(page, '.stakeholder-node__name', 'font-size')),
    kind: px(await computed(page, '.stakeholder-node__kind', 'font-size')),
    label: px(await computed(page, '.relationship-label', 'font-size')),
    badge: px(await computed(page, '.pain-badge', 'font-size')),
    legend: px(await computed(page, '.legend', 'font-size')),
    nodeHeight: (await node(page, 'Legal').boundingBox())!.height,
  };
  expect(await lineEndsOffBorders(page)).toEqual([]);
  // The search field is not map text: it keeps its size.
  const searchSize = await computed(page, '#workspace-search', 'font-size');

  await app.menu('view.toggleLargeText');
  await expect(html(page)).toHaveAttribute('data-large-text', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Large text on' })).toBeVisible();
  const ratio = async (selector: string, was: number) => px(await computed(page, selector, 'font-size')) / was;
  expect(await ratio('.stakeholder-node__name', before.name)).toBeCloseTo(1.3, 2);
  expect(await ratio('.stakeholder-node__kind', before.kind)).toBeCloseTo(1.3, 2);
  expect(await ratio('.relationship-label', before.label)).toBeCloseTo(1.3, 2);
  expect(await ratio('.pain-badge', before.badge)).toBeCloseTo(1.3, 2);
  expect(await ratio('.legend', before.legend)).toBeCloseTo(1.3, 2);
  expect(await computed(page, '#workspace-search', 'font-size')).toBe(searchSize);
  // React Flow measured the larger nodes (ResizeObserver) and the lines were redrawn to their new borders.
  await expect.poll(async () => (await node(page, 'Legal').boundingBox())!.height).toBeGreaterThan(before.nodeHeight + 4);
  await expect.poll(() => lineEndsOffBorders(page)).toEqual([]);

  // Dragging a stakeholder afterwards: its lines follow its larger box.
  const legal = (await node(page, 'Legal').boundingBox())!;
  await page.mouse.move(legal.x + legal.width / 2, legal.y + legal.height / 2);
  await page.mouse.down();
  await page.mouse.move(legal.x + legal.width / 2 + 60, legal.y + legal.height / 2 + 90, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => lineEndsOffBorders(page)).toEqual([]);

  page = await app.restart();
  await expect(html(page)).toHaveAttribute('data-large-text', 'true');
  await openSmallMap(app);
  expect(await ratio('.stakeholder-node__name', before.name)).toBeCloseTo(1.3, 2);
  await expect.poll(() => lineEndsOffBorders(page)).toEqual([]);

  await app.menu('view.toggleLargeText');
  await expect(html(page)).toHaveAttribute('data-large-text', 'false');
  expect(px(await computed(page, '.stakeholder-node__name', 'font-size'))).toBeCloseTo(before.name, 2);
  await expect.poll(() => lineEndsOffBorders(page)).toEqual([]);
});

/** Decodes two PNGs in the page (Chromium's decoder) and counts the pixels that differ noticeably. */
function comparePngs(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = await Promise.all([decode(first), decode(second)]);
      let differing = 0;
      let luminance = 0;
      const size = Math.min(x.data.length, y.data.length);
      for (let i = 0; i < size; i += 4) {
        if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 48) differing += 1;
        luminance += (y.data[i]! + y.data[i + 1]! + y.data[i + 2]!) / 3;
      }
      return { sizes: [`${x.width}x${x.height}`, `${y.width}x${y.height}`], pixels: size / 4, differing, meanLuminance: luminance / (size / 4) };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

async function exportAs(app: StakemapApp, format: 'PNG' | 'PDF', target: string): Promise<void> {
  const { page } = app;
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  if (format === 'PNG') {
    await dialog.getByRole('radio', { name: '1×' }).check();
    await dialog.getByRole('radio', { name: 'White' }).check();
  }
  app.dialogs.answerExport(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // Done when it says so (the dialog hides while the report prints, before the export has finished).
  await expect(page.getByRole('status').filter({ hasText: `exported to ${path.basename(target)}` })).toBeVisible({ timeout: 30_000 });
}

test('exports (PNG, PDF) come out light whatever the theme: the same picture in light, dark and high contrast', async ({ app }) => {
  // Six exports, each laid out, drawn and written for real.
  test.setTimeout(180_000);
  const { page } = app;
  await app.menu('view.themeLight');
  await openSmallMap(app);
  const files: Record<string, { png: string; pdf: string }> = {};
  for (const [theme, command] of [
    ['light', 'view.themeLight'],
    ['dark', 'view.themeDark'],
    ['high-contrast', 'view.themeHighContrast'],
  ] as const) {
    await app.menu(command);
    await expect(html(page)).toHaveAttribute('data-theme', theme);
    files[theme] = { png: path.join(app.tempDir, `map-${theme}.png`), pdf: path.join(app.tempDir, `report-${theme}.pdf`) };
    await exportAs(app, 'PNG', files[theme].png);
    await exportAs(app, 'PDF', files[theme].pdf);
    // The window is still in its theme after printing.
    expect(await canvasColour(page)).toBe(theme === 'light' ? LIGHT_CANVAS : theme === 'dark' ? DARK_CANVAS : BLACK);
  }
  const lightPng = await readFile(files.light!.png);
  for (const theme of ['dark', 'high-contrast'] as const) {
    const result = await comparePngs(page, lightPng, await readFile(files[theme]!.png));
    expect(result.sizes[1], theme).toBe(result.sizes[0]);
    expect(result.differing, `${theme}: pixels unlike the light export, of ${result.pixels}`).toBe(0);
    expect(result.meanLuminance, theme).toBeGreaterThan(200);
  }
  // The PDF report, pages 1 (the map) and 2, rendered by poppler: light pages, like the light theme's, apart from
  // the time printed on them.
  for (const pageNumber of [1, 2]) {
    const render = (theme: string) => {
      const out = path.join(app.tempDir, `${theme}-p${pageNumber}`);
      execFileSync('pdftoppm', ['-png', '-r', '30', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', files[theme]!.pdf, out]);
      return readFile(`${out}.png`);
    };
    const light = await render('light');
    for (const theme of ['dark', 'high-contrast']) {
      const result = await comparePngs(page, light, await render(theme));

      expect(result.meanLuminance, `${theme}, PDF page ${pageNumber}`).toBeGreaterThan(200);
      expect(result.differing / result.pixels, `${theme}, PDF page ${pageNumber}: share of pixels unlike the light report`).toBeLessThan(0.01);
    }
  }
});
