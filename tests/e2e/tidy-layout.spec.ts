import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Issue 13, item 3: View > Tidy Layout (the toolbar's "Tidy layout") on a deliberately tangled map: ten
 * stakeholders piled on one spot with crossing relationships. Afterwards no two stakeholder boxes overlap, no
 * label sits on a stakeholder or on another label, the team is in the middle, Undo puts every stakeholder back in
 * one step, a stakeholder pinned in the inspector does not move, and a selection is arranged on its own.
 * Checked by geometry: the boxes the page draws.
 */

const TANGLED = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workspaces', 'tangled-map.stakemap');
const STAKEHOLDERS = 10;

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The stakeholder and label boxes as drawn (screen pixels), and each stakeholder's map position, all read in one
 * go so that a fit still gliding cannot mix two viewports.
 */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element, id: string) => {
      const r = element.getBoundingClientRect();
      return { id, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const { a: zoom, e: tx, f: ty } = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const pane = viewport.parentElement!.getBoundingClientRect();
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => box(n, n.dataset.id ?? ''));
    const labels = [...document.querySelectorAll('.relationship-label')].map((l, i) => box(l, `label ${i}: ${l.textContent ?? ''}`));
    // Map coordinates of each box's corner: what the document stores as the position.
    const positions = Object.fromEntries(nodes.map((n) => [n.id, { x: (n.x - pane.x - tx) / zoom, y: (n.y - pane.y - ty) / zoom }]));
    return { nodes, labels, positions };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function overlapping(boxes: readonly Box[], others: readonly Box[] = boxes): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) =>
    others.forEach((b, j) => {
      if ((boxes === others && j <= i) || !overlap(a, b)) return;
      found.push(`${a.id} / ${b.id}`);
    }),
  );
  return found;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

async function openTangledMap(page: Page, dialogs: { answerOpen(filePath: string): void }) {
  dialogs.answerOpen(TANGLED);
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(page.getByRole('group', { name: /^Social media team \(/ })).toBeVisible();
}

async function tidy(page: Page, count = STAKEHOLDERS) {
  // The map's viewport at the moment the status first says "Tidied", recorded by the page itself: Playwright's
  // polling would look only later, when a fit still sliding would have ended anyway.
  await page.evaluate((text) => {
    const w = window as unknown as { viewportWhenTidied?: Promise<string> };
    w.viewportWhenTidied = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (![...document.querySelectorAll('[role="status"]')].some((s) => s.textContent === text)) return;
        observer.disconnect();
        resolve(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, `Tidied ${count} stakeholders`);
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  // Announced once the glide has ended and the one edit is made.
  await expect(page.getByRole('status')).toHaveText(`Tidied ${count} stakeholders`);
  // ...and by then the map is still: the fit that follows the glide has ended too, so whoever acts on hearing it
  // (a drag, a click) gets what they aim at. A CI run once dragged the pane instead of Brand while the fit slid.
  const announced = await page.evaluate(() => (window as unknown as { viewportWhenTidied: Promise<string> }).viewportWhenTidied);
  await page.waitForTimeout(300);
  const now = await page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
  expect(now, 'the map still moving when "Tidied" was announced').toBe(announced);
}

function expectTidy(after: Awaited<ReturnType<typeof drawn>>) {
  expect(after.nodes).toHaveLength(STAKEHOLDERS);
  expect(overlapping(after.nodes), 'stakeholders on stakeholders').toEqual([]);
  expect(after.labels.length).toBeGreaterThan(0);
  expect(overlapping(after.labels, after.nodes), 'labels on stakeholders').toEqual([]);
  expect(overlapping(after.labels), 'labels on labels').toEqual([]);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width}x${size.height}, Tidy layout untangles a piled-up map, the team in the middle, and Undo puts it all back in one step`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await openTangledMap(page, app.dialogs);
    const before = await drawn(page);
    // The fixture really is a tangle: nearly every box sits on another.
    expect(overlapping(before.nodes).length).toBeGreaterThan(STAKEHOLDERS);

    await tidy(page);
    // Then the view fits the tidied map (it glides there): the whole map ends in the window.
    const outOfView = (d: Awaited<ReturnType<typeof drawn>>) =>
      d.nodes.filter((n) => n.x < 0 || n.y < 0 || n.x + n.width > size.width || n.y + n.height > size.height).map((n) => n.id);
    await expect.poll(async () => outOfView(await drawn(page))).toEqual([]);
    const after = await drawn(page);
    expectTidy(after);

    // The team is in the middle: nearer the middle of the map than any other stakeholder, with stakeholders on
    // every side of it.
    const team = after.nodes.find((n) => n.id === 's-social')!;
    const left = Math.min(...after.nodes.map((n) => n.x));
    const right = Math.max(...after.nodes.map((n) => n.x + n.width));
    const top = Math.min(...after.nodes.map((n) => n.y));
    const bottom = Math.max(...after.nodes.map((n) => n.y + n.height));
    const middle = { x: (left + right) / 2, y: (top + bottom) / 2 };
    const distance = (b: Box) => Math.hypot(centre(b).x - middle.x, centre(b).y - middle.y);
    for (const other of after.nodes.filter((n) => n !== team)) expect(distance(team), other.id).toBeLessThan(distance(other));
    const c = centre(team);
    expect(after.nodes.some((n) => centre(n).x < c.x - team.width / 2)).toBe(true);
    expect(after.nodes.some((n) => centre(n).x > c.x + team.width / 2)).toBe(true);
    expect(after.nodes.some((n) => centre(n).y < c.y - team.height / 2)).toBe(true);
    expect(after.nodes.some((n) => centre(n).y > c.y + team.height / 2)).toBe(true);

    // One undo step: Undo puts every stakeholder back, and there is nothing left to undo.
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeEnabled();
    await page.keyboard.press('Control+z');
    await expect(undo).toBeDisabled();
    const undone = await drawn(page);
    for (const [id, position] of Object.entries(before.positions)) {
      expect(undone.positions[id]!.x, id).toBeCloseTo(position.x, 0);
      expect(undone.positions[id]!.y, id).toBeCloseTo(position.y, 0);
    }
    // And Redo tidies again, exactly as before.
    await page.keyboard.press('Control+Shift+z');
    const redone = await drawn(page);
    for (const [id, position] of Object.entries(after.positions)) {
      expect(redone.positions[id]!.x, id).toBeCloseTo(position.x, 0);
      expect(redone.positions[id]!.y, id).toBeCloseTo(position.y, 0);
    }
  });
}

test('a stakeholder pinned in the inspector stays where it is when the map is tidied', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTangledMap(page, app.dialogs);
  // First spread the pile, so that Legal can be clicked and pinned where it then is.
  await tidy(page);
  await page.getByRole('group', { name: /^Legal \(/ }).click();
  const pinned = page.getByRole('complementary', { name: 'Inspector' }).getByRole('checkbox', { name: 'Pinned' });
  await expect(pinned).not.toBeChecked();
  await expect(page.getByText('Tidy layout leaves it where it is.')).toBeVisible();
  await pinned.check();
  await expect(pinned).toBeChecked();
  // Move Legal right on top of the team: Tidy layout must move the others around it, not it.
  const team = page.getByRole('group', { name: /^Social media team \(/ });
  const legal = page.getByRole('group', { name: /^Legal \(/ });
  const teamBox = (await team.boundingBox())!;
  const legalBox = (await legal.boundingBox())!;
  await page.mouse.move(legalBox.x + legalBox.width / 2, legalBox.y + legalBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(teamBox.x + teamBox.width / 2 + 30, teamBox.y + teamBox.height / 2 + 10, { steps: 8 });
  await page.mouse.up();
  const before = await drawn(page);
  expect(overlapping(before.nodes)).toContain('s-legal / s-social');

  // Nothing selected: the whole map is arranged.
  await page.keyboard.press('Escape');
  await tidy(page, STAKEHOLDERS - 1);
  const after = await drawn(page);
  expectTidy(after);
  expect(after.positions['s-legal']!.x).toBeCloseTo(before.positions['s-legal']!.x, 0);
  expect(after.positions['s-legal']!.y).toBeCloseTo(before.positions['s-legal']!.y, 0);
  // The team, displaced from under the pinned stakeholder, moved.
  expect(Math.hypot(after.positions['s-social']!.x - before.positions['s-social']!.x, after.positions['s-social']!.y - before.positions['s-social']!.y)).toBeGreaterThan(10);

  // Unpinned, it is arranged with the others again.
  await legal.click();
  await pinned.uncheck();
  await page.keyboard.press('Escape');
  await tidy(page);
});

test('with two or more stakeholders selected, Tidy layout arranges only those and leaves the others as they are', async ({ app }) => {
  // Two layouts in the worker, two glides and a drag: on a loaded two-core CI machine this outgrew the default
  // minute once (every assertion below still has to hold).
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTangledMap(page, app.dialogs);
  await tidy(page);
  const before = await drawn(page);
  // Pile Brand onto the agency (leaving the agency's top-left corner to click), then select the two.
  const brand = page.getByRole('group', { name: /^Brand \(/ });
  const agency = page.getByRole('group', { name: /^Creative agency \(/ });
  const from = (await brand.boundingBox())!;
  const to = (await agency.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2 + to.width / 4, to.y + to.height / 2 + to.height / 4, { steps: 8 });
  await page.mouse.up();
  // The drop settles first (on a loaded machine its commit and the labels' new places can land a moment later):
  // Brand has not moved between two looks a few frames apart.
  await expect
    .poll(async () => {
      const first = JSON.stringify(await brand.boundingBox());
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
      return first === JSON.stringify(await brand.boundingBox());
    })
    .toBe(true);
  // Ctrl+click a corner of the agency that Brand (or a label) does not cover: asked of the page, not guessed,
  // because the pile's overlap depends on the measured sizes.
  const box = (await agency.boundingBox())!;
  const corners = [
    [box.x + 4, box.y + 4],
    [box.x + box.width - 4, box.y + 4],
    [box.x + 4, box.y + box.height - 4],
    [box.x + box.width - 4, box.y + box.height - 4],
  ];
  const spot = await page.evaluate(
    (points) => points.find(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.react-flow__node')?.getAttribute('aria-label')?.startsWith('Creative agency (')),
    corners,
  );
  expect(spot, 'a corner of the agency is clear of Brand').toBeTruthy();
  await page.keyboard.down('Control');
  await page.mouse.click(spot![0]!, spot![1]!);
  await page.keyboard.up('Control');
  await expect(page.getByRole('heading', { name: '2 stakeholders selected' })).toBeVisible();

  await tidy(page, 2);
  const after = await drawn(page);
  expectTidy(after);
  for (const id of Object.keys(before.positions).filter((id) => id !== 's-brand' && id !== 's-agency')) {
    expect(after.positions[id]!.x, id).toBeCloseTo(before.positions[id]!.x, 0);
    expect(after.positions[id]!.y, id).toBeCloseTo(before.positions[id]!.y, 0);
  }
});
