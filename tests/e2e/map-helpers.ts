import type { Locator, Page } from '@playwright/test';

/*
 * Finding and handling things on the map the way a user does: stakeholders and relationships by their
 * accessible names, connections by dragging from a dot. Shared by the map specs.
 */

export const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${escape(name)} \\(`) });
export const edge = (page: Page, a: string, b: string) => page.getByRole('group', { name: new RegExp(`^Relationship ${escape(a)} – ${escape(b)}:`) });
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Selects the relationship between `a` and `b` with a click a quarter of the way along its line, clear of its label
 * in the middle, and waits for the inspector to show it.
 */
export async function selectRelationship(page: Page, a: string, b: string): Promise<void> {
  const box = (await edge(page, a, b).locator('path.relationship-edge__hit').boundingBox())!;
  const level = box.width > box.height;
  await page.mouse.click(box.x + (level ? box.width / 4 : box.width / 2), box.y + (level ? box.height / 2 : box.height / 4));
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: 'Relationship' }).waitFor();
}

/**
 * Drags from a connection dot of `from` onto `to`, the way a user connects two stakeholders: onto its body
 * (anywhere on the node) or, with `onto: 'dot'`, precisely onto one of its dots.
 */
export async function connectByDrag(page: Page, from: Locator, to: Locator, onto: 'body' | 'dot' = 'body') {
  // The dots show on the stakeholder under the pointer (or a selected one), as a user finds them.
  await from.hover();
  const start = await from.locator('.react-flow__handle-right').boundingBox();
  const body = await to.boundingBox();
  if (!start || !body) throw new Error('connection dot or target not found');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(body.x + body.width / 2 - 20, body.y + body.height / 2, { steps: 8 });
  // Over the target now: its dots have appeared, and the drop goes precisely onto the top one if asked.
  const dot = onto === 'dot' ? await to.locator('.stakeholder-node__handle.react-flow__handle-top').boundingBox() : null;
  if (onto === 'dot' && !dot) throw new Error('the target shows no dots while a connection is dragged over it');
  const end = dot ?? body;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** The node's position on the map, read from React Flow's transform. */
export async function mapPositionOf(locator: Locator) {
  const transform = await locator.evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`unexpected transform ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

export async function viewportOf(page: Page) {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(transform);
  if (!match) throw new Error(`unexpected viewport transform ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}
