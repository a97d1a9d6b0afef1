import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { viewportOf } from './map-helpers';

/*
 * The map's dot grid (renderer/src/canvas/DotGrid.tsx) is drawn by one tiled CSS gradient instead of React Flow's
 * SVG pattern, for speed. It must still look like the grid a user knows: a dot every 24 map units, where React Flow
 * put them, moving with the map as it pans and growing as it zooms. Checked on the screen's pixels: at each place
 * the grid should have a dot, the pane is darker than halfway between two dots.
 */

const GAP = 24;
const RADIUS = 0.75;

/** Screen points of the pane, away from everything drawn over it, where dots should be, each with the point halfway to the next dot. */
async function dotSamples(page: Page) {
  const view = await viewportOf(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const gap = GAP * view.zoom;
  const radius = RADIUS * view.zoom;
  const first = (origin: number, start: number) => start + ((((origin - gap / 2 + radius) % gap) + gap) % gap);
  const samples: Array<{ dot: { x: number; y: number }; between: { x: number; y: number } }> = [];
  for (let x = first(view.x, pane.x); x < pane.x + pane.width - gap; x += gap) {
    for (let y = first(view.y, pane.y); y < pane.y + pane.height - gap; y += gap) {
      samples.push({ dot: { x, y }, between: { x: x + gap / 2, y: y + gap / 2 } });
    }
  }
  // Only where the pane itself is on top at both points: no stakeholder, panel or overlay covers them.
  return page.evaluate(
    (all) =>
      all.filter((s) =>
        [s.dot, s.between].every((p) => document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane') === true),
      ),
    samples,
  );
}

/** The brightness (0–255) of the screen at each point, read from a screenshot decoded in the page. */
async function brightness(page: Page, points: ReadonlyArray<{ x: number; y: number }>): Promise<number[]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ data, at }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const scale = image.width / window.innerWidth;
      return at.map(({ x, y }) => {
        // The darkest pixel of the 2×2 block around the point: a dot's centre may fall between pixels.
        const pixels = context.getImageData(Math.floor(x * scale - 0.5), Math.floor(y * scale - 0.5), 2, 2).data;
        let darkest = 255;
        for (let i = 0; i < pixels.length; i += 4) darkest = Math.min(darkest, (pixels[i]! + pixels[i + 1]! + pixels[i + 2]!) / 3);
        return darkest;
      });
    },
    { data: png, at: points },
  );
}

/** How many of the sampled places show a dot darker than the pane between dots by more than `contrast`, of how many sampled. */
async function dotsWhereExpected(page: Page, contrast: number) {
  const samples = await dotSamples(page);
  const values = await brightness(page, samples.flatMap((s) => [s.dot, s.between]));
  let darker = 0;
  for (let i = 0; i < samples.length; i += 1) if (values[2 * i]! < values[2 * i + 1]! - contrast) darker += 1;
  return { darker, sampled: samples.length };
}

/** Dots where React Flow drew them. Zoomed out they are smaller than a pixel, and faint (React Flow's were too). */
async function expectGrid(page: Page, contrast = 4) {
  await expect
    .poll(async () => {
      const { darker, sampled } = await dotsWhereExpected(page, contrast);
      return sampled >= 20 && darker >= sampled * 0.9;
    })
    .toBe(true);
}

test('the dot grid lies where React Flow drew it and follows the map as it zooms and pans', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page).toHaveTitle('Untitled workspace — Stakemap');
  await expectGrid(page);

  // Zoomed in, the dots are further apart and larger.
  const start = await viewportOf(page);
  await app.menu('view.zoomIn');
  await expect.poll(async () => (await viewportOf(page)).zoom).toBeGreaterThan(start.zoom * 1.1);
  await app.menu('view.zoomIn');
  await expect.poll(async () => (await viewportOf(page)).zoom).toBeGreaterThan(start.zoom * 1.3);
  await expectGrid(page);

  // Panned by an amount that is not a whole number of gaps, the dots move with the map.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const before = await viewportOf(page);
  await page.mouse.move(pane.x + pane.width * 0.6, pane.y + pane.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width * 0.6 + 37, pane.y + pane.height * 0.3 + 13, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await viewportOf(page)).x).not.toBe(before.x);
  await expectGrid(page);
});

test('zoomed out to fit a workshop map, where a dot is smaller than a pixel, the grid is still there', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect.poll(async () => (await viewportOf(page)).zoom).toBeLessThan(0.8);
  await expectGrid(page, 1.5);
});
