import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectByDrag, edge, node } from './map-helpers';

/*
 * Issue 13, items 1, 2 and 4: drawing the map live on a projector. The five-stakeholder star built from the
 * palette and connected by dragging leaves no two stakeholders, connection dots or labels on each other and
 * every label's text visible; Fit keeps every stakeholder clear of the legend, the filter bar and the minimap.
 * Asserted by geometry, on screen, at the projector sizes rooms have.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

/** Everything drawn on the map, in screen pixels: stakeholders, labels, overlays, and the zoom. */
async function mapGeometry(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    };
    const transform = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const zoom = Number(/scale\(([-\d.]+)\)/.exec(transform)?.[1] ?? 1);
    return {
      zoom,
      pane: box(document.querySelector('.react-flow')!),
      nodes: [...document.querySelectorAll('.react-flow__node')].map((el) => ({ name: el.getAttribute('aria-label') ?? '', ...box(el) })),
      labels: [...document.querySelectorAll('.relationship-label')].map((el) => {
        const text = el.querySelector('.relationship-label__text');
        return {
          text: el.textContent ?? '',
          title: el.getAttribute('title') ?? '',
          ...box(el),
          // Cut text shows as content wider or taller than its box.
          cut: text ? text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1 : false,
        };
      }),
      overlays: [...document.querySelectorAll('[data-map-overlay], .react-flow__minimap')].map((el) => ({ name: el.getAttribute('data-map-overlay') ?? 'minimap', ...box(el) })),
    };
  });
}

/** Waits until the map stops moving (a fit or a label layout may be animating). */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await mapGeometry(page));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return mapGeometry(page);
}

function expectNothingOnAnything(geometry: Awaited<ReturnType<typeof mapGeometry>>) {
  const { nodes, labels, zoom } = geometry;
  // A connection dot is a 10-unit circle centred on a border: grown by 6 units, two boxes' dots cannot touch.
  const dots = 6 * zoom;
  nodes.forEach((a, i) =>
    nodes.forEach((b, j) => {
      if (i < j) expect(overlaps(grow(a, dots), grow(b, dots)), `${a.name} and ${b.name} (or their dots) overlap`).toBe(false);
    }),
  );
  labels.forEach((label, i) => {
    expect(label.cut, `label "${label.text}" is cut`).toBe(false);
    for (const n of nodes) expect(overlaps(label, grow(n, dots)), `label "${label.text}" is on ${n.name}`).toBe(false);
    labels.forEach((other, j) => {
      if (i < j) expect(overlaps(label, other), `labels "${label.text}" and "${other.text}" overlap`).toBe(false);
    });
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`the five-stakeholder star built from the palette has nothing on anything at ${size.width}x${size.height}`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'New workspace' }).click();
    const names = ['Social media team', 'Brand', 'Legal', 'Compliance', 'PR / Press office'];
    for (const name of names) {
      await page.getByRole('button', { name: `Add ${name}` }).click();
      await expect(node(page, name)).toBeVisible();
    }
    expectNothingOnAnything(await settled(page));

    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const relationships = [
      { to: 'Brand', status: 'Strained', label: 'tone of voice' },
      { to: 'Legal', status: 'Problematic', label: 'post approvals' },
      { to: 'Compliance', status: 'Problematic', label: 'claims & disclosure checks before every campaign goes live' },
      { to: 'PR / Press office', status: 'Healthy', label: 'crisis response' },
    ];
    for (const r of relationships) {
      await connectByDrag(page, node(page, 'Social media team'), node(page, r.to));
      await expect(edge(page, 'Social media team', r.to)).toHaveCount(1);
      await inspector.getByRole('radio', { name: r.status }).check();
      await inspector.getByLabel('Label').fill(r.label);
    }
    await page.keyboard.press('Escape');
    const drawn = await settled(page);
    expectNothingOnAnything(drawn);
    // Every label's whole text is on the map, in its tooltip and in the relationship's accessible name.
    for (const r of relationships) {
      const label = drawn.labels.find((l) => l.text.includes(r.label));
      expect(label, `label "${r.label}" is drawn`).toBeDefined();
      expect(label?.title).toContain(r.label);
      await expect(edge(page, 'Social media team', r.to)).toHaveAccessibleName(new RegExp(r.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }

    await page.getByRole('button', { name: 'Fit map to window' }).click();
    const fitted = await settled(page);
    expectNothingOnAnything(fitted);
    for (const item of [...fitted.nodes, ...fitted.labels]) {
      expect(item.x >= fitted.pane.x && item.x + item.width <= fitted.pane.x + fitted.pane.width, 'inside the map').toBe(true);
      for (const overlay of fitted.overlays) expect(overlaps(item, overlay), `${'name' in item ? item.name : ''} under the ${overlay.name}`).toBe(false);
    }
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`opening, Fit and Focus on the map leave no stakeholder under an overlay at ${size.width}x${size.height}`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Open the sample workshop' }).click();
    await expect(node(page, 'Legal')).toBeVisible();
    const clear = async (when: string) => {
      const g = await settled(page);
      expect(g.nodes.length).toBe(16);
      expect(g.overlays.length).toBeGreaterThanOrEqual(2);
      for (const n of g.nodes) {
        expect(n.x >= g.pane.x - 0.5 && n.y >= g.pane.y - 0.5 && n.x + n.width <= g.pane.x + g.pane.width + 0.5 && n.y + n.height <= g.pane.y + g.pane.height + 0.5, `${when}: ${n.name} in view`).toBe(true);
        for (const o of g.overlays) expect(overlaps(n, o), `${when}: ${n.name} under the ${o.name}`).toBe(false);
      }
      return g;
    };
    await clear('opened');
    await page.getByRole('button', { name: 'Fit map to window' }).click();
    await clear('fitted');
    await page.getByRole('button', { name: 'Focus on the map' }).click();
    const focused = await clear('in Focus on the map');
    if (size.width === 1280) {
      // Readable from the back of the room: names at least 12 px tall on screen.
      const fontSize = await page.locator('.stakeholder-node__name').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize * focused.zoom).toBeGreaterThanOrEqual(12);
    }
    // Folding the legend frees its corner; Fit then uses it.
    const legend = page.getByRole('button', { name: 'Legend' });
    await expect(legend).toHaveAttribute('aria-expanded', 'true');
    await legend.click();
    await expect(legend).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('region', { name: 'Legend' })).toBeHidden();
    await page.getByRole('button', { name: 'Fit map to window' }).click();
    const folded = await clear('with the legend folded');
    expect(folded.zoom).toBeGreaterThanOrEqual(focused.zoom - 1e-6);
  });
}

test('stakeholders added with N, by name and by paste land in free space on a full map', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  await settled(page);

  // N, named in place.
  await page.getByRole('region', { name: 'Stakeholder map' }).click({ position: { x: 400, y: 300 } });
  await page.keyboard.press('n');
  await page.keyboard.type('Investor relations');
  await page.keyboard.press('Enter');
  await expect(node(page, 'Investor relations')).toBeVisible();
  // By name, as an outside party.
  const palette = page.getByRole('complementary', { name: 'Add stakeholders' });
  await palette.getByLabel('Stakeholder name').fill('Trade press');
  await palette.getByLabel('Kind').selectOption({ label: 'Outside party' });
  await palette.getByRole('button', { name: 'Add stakeholder' }).click();
  await expect(node(page, 'Trade press')).toBeVisible();
  // A copy of two connected stakeholders, pasted.
  await node(page, 'Legal').click();
  await node(page, 'Compliance').click({ modifiers: ['Control'] });
  await page.locator('body').press('Control+c');
  await page.locator('body').press('Control+v');
  await expect(node(page, 'Legal')).toHaveCount(2);
  const g = await settled(page);
  const dots = 6 * g.zoom;
  g.nodes.forEach((a, i) =>
    g.nodes.forEach((b, j) => {
      if (i < j) expect(overlaps(grow(a, dots), grow(b, dots)), `${a.name} and ${b.name} (or their dots) overlap`).toBe(false);
    }),
  );
  // What was just added is in view, clear of the overlays.
  for (const name of ['Investor relations', 'Trade press']) {
    const added = g.nodes.find((n) => n.name.startsWith(`${name} (`))!;
    expect(added.x >= g.pane.x && added.y >= g.pane.y && added.x + added.width <= g.pane.x + g.pane.width && added.y + added.height <= g.pane.y + g.pane.height, `${name} in view`).toBe(true);
    for (const o of g.overlays) expect(overlaps(added, o), `${name} under the ${o.name}`).toBe(false);
  }
});

test('typing straight after N names the new stakeholder, even on a slow machine where its field shows late', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  // A slow laptop: the new box is measured, and its name field takes focus, a few frames after N.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  try {
    await page.getByRole('region', { name: 'Stakeholder map' }).click({ position: { x: 400, y: 300 } });
    // One burst of keys, as a fast typist sends them: the N inside "Investor relations" must not add another.
    await page.keyboard.press('n');
    await page.keyboard.type('Investor relations', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(node(page, 'Investor relations')).toBeVisible({ timeout: 20_000 });
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  await expect(page.getByRole('group', { name: /^New stakeholder \(/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /^Rename / })).toHaveCount(0);
});

test('the folded legend stays folded after a restart, and View > Legend opens it again', async ({ app }) => {
  let page = app.page;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await page.getByRole('button', { name: 'Legend' }).click();
  await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'false');
  page = await app.restart();
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Legend' })).toBeHidden();
  await app.menu('view.toggleLegend');
  await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('Problematic');
});
