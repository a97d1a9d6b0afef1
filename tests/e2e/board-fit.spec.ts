import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Issue 13, item 8: the board and the filters on a projector. The six default category columns fit side by side
 * beside the inspector at 1280x720 and 1024x768 (no sideways scrolling); a focused card moves to the previous or
 * next category with Alt+Left / Alt+Right, one undo step each, the keyboard staying on it; the map's category
 * filter takes several categories.
 */

const CATEGORIES = ['Workflows', 'Roles', 'Processes', 'Governance', 'Infrastructure', 'Knowledge & Training'];

const board = (page: Page) => page.getByRole('region', { name: 'Pain point board' });
const column = (page: Page, name: string) => board(page).getByRole('region', { name, exact: true });
const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(`) });
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /Moved|already/ });

/** Serious or critical WCAG A/AA violations axe finds in `within` (this spec's states; accessibility.spec.ts scans the rest). */
async function axeViolations(page: Page, within: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(within).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, elements: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const) {
  test(`at ${size.width}x${size.height} the six category columns fit side by side beside the inspector`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Open the sample workshop' }).click();
    // Something selected, so the inspector is open with an editor in it, as in the room.
    await node(page, 'Legal').click();
    await page.getByRole('tab', { name: 'Pain points' }).click();
    const inspector = await page.getByRole('complementary', { name: 'Inspector' }).boundingBox();
    expect(inspector).not.toBeNull();

    let previousRight = -Infinity;
    for (const name of CATEGORIES) {
      const heading = column(page, name).getByRole('heading', { name, exact: true });
      await expect(heading).toBeVisible();
      const box = await column(page, name).boundingBox();
      expect(box, name).not.toBeNull();
      // Wholly inside the window, left of the inspector, in order, and not squeezed to nothing.
      expect(box!.x, name).toBeGreaterThanOrEqual(0);
      expect(box!.y, name).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(inspector!.x + 0.5);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(size.height + 0.5);
      expect(box!.x, name).toBeGreaterThanOrEqual(previousRight);
      expect(box!.width, name).toBeGreaterThanOrEqual(90);
      previousRight = box!.x + box!.width;
      // The heading is read whole: a one-word name on one line, not broken inside the word ("Infrastruc|ture").
      const lines = await heading.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, name).toBeLessThanOrEqual(name.includes(' ') ? 2 : 1);
    }
    // Nothing to scroll sideways to.
    const overflow = await board(page).locator('.board__columns').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Compact cards keep the title, the votes and the quotes, in words for screen readers.
    const card = column(page, 'Processes').getByRole('article', { name: 'Legal reviews posts in one weekly batch' });
    await expect(card).toContainText('7 votes');
    await expect(card).toContainText('2 quotes');
    await expect(card.getByRole('button', { name: 'Add a vote to Legal reviews posts in one weekly batch' })).toBeVisible();
  });
}

test('Alt+Right and Alt+Left move the focused card between categories, one undo step each, focus following', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  await page.keyboard.press('Control+2');
  const title = 'Legal reviews posts in one weekly batch';
  const card = board(page).getByRole('article', { name: title });
  await expect(column(page, 'Processes').getByRole('article', { name: title })).toBeVisible();
  await card.focus();

  await page.keyboard.press('Alt+ArrowRight');
  await expect(column(page, 'Governance').getByRole('article', { name: title })).toBeFocused();
  await expect(column(page, 'Processes').getByRole('article', { name: title })).toHaveCount(0);
  await expect(notice(page)).toHaveText(`Moved “${title}” to Governance (4 of 6)`);

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column(page, 'Processes').getByRole('article', { name: title })).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column(page, 'Roles').getByRole('article', { name: title })).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column(page, 'Workflows').getByRole('article', { name: title })).toBeFocused();
  // At the first column there is nowhere further: nothing moves, and the user is told.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(notice(page)).toHaveText(`“${title}” is already in the first category.`);
  await expect(column(page, 'Workflows').getByRole('article', { name: title })).toBeFocused();

  // Each move was one undo step (Processes → Governance → Processes → Roles → Workflows): back one at a time.
  await page.keyboard.press('Control+z');
  await expect(column(page, 'Roles').getByRole('article', { name: title })).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(column(page, 'Governance').getByRole('article', { name: title })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(column(page, 'Processes').getByRole('article', { name: title })).toBeVisible();

  // The help sheet lists the keys.
  await page.keyboard.press('Control+1');
  await page.getByRole('region', { name: 'Stakeholder map' }).click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Move the focused pain point card to the next category/ })).toContainText('Alt+Right');
  await expect(sheet.getByRole('row', { name: /Capture pain points by typing/ })).toContainText('C');
});

test('the map category filter takes several categories, and says which', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  const filters = page.getByRole('group', { name: 'Map filters' });
  const button = filters.getByRole('button', { name: 'Category filter: All categories' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const list = filters.getByRole('group', { name: 'Show items with pain points in' });
  for (const name of CATEGORIES) await expect(list.getByRole('checkbox', { name })).not.toBeChecked();
  await list.getByRole('checkbox', { name: 'Roles' }).check();
  await expect(filters).toContainText('Showing: Category: Roles');
  await expect(node(page, 'Brand')).not.toHaveAccessibleName(/filtered out/);
  await expect(node(page, 'HR')).toHaveAccessibleName(/filtered out$/);

  await list.getByRole('checkbox', { name: 'Governance' }).check();
  await expect(filters).toContainText('Showing: Category: Roles, Governance');
  await expect(filters.getByRole('button', { name: 'Category filter: 2 categories' })).toBeVisible();
  await expect(node(page, 'Brand')).not.toHaveAccessibleName(/filtered out/);
  await expect(node(page, 'HR')).not.toHaveAccessibleName(/filtered out/);
  await expect(node(page, 'Legal')).toHaveAccessibleName(/filtered out$/);
  expect(await axeViolations(page, '.filter-bar')).toEqual([]);

  // Escape closes the list and gives the keyboard back to its button; the filter stays.
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  const chosen = filters.getByRole('button', { name: 'Category filter: 2 categories' });
  await expect(chosen).toBeFocused();
  await expect(node(page, 'Legal')).toHaveAccessibleName(/filtered out$/);

  // Fits the filter bar at 1024 px: inside the map, clear of the inspector.
  const bar = await filters.boundingBox();
  const map = await page.getByRole('region', { name: 'Stakeholder map' }).boundingBox();
  expect(bar!.x + bar!.width).toBeLessThanOrEqual(map!.x + map!.width + 0.5);

  await chosen.click();
  await list.getByRole('checkbox', { name: 'Roles' }).uncheck();
  await expect(filters).toContainText('Showing: Category: Governance');
  await expect(node(page, 'Brand')).toHaveAccessibleName(/filtered out$/);
  await list.getByRole('button', { name: 'All categories' }).click();
  await expect(filters.getByRole('button', { name: 'Category filter: All categories' })).toBeVisible();
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(0);
});
