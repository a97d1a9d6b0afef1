import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Issue 13, item 7: quick capture. The facilitator presses C, types "Title > quote #category" and Enter, ten
 * times, by keyboard only: each pain point is added to what is selected on the map (or the whole workspace),
 * in its category, with its quote, as one undo step, and the field is ready for the next one at once.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

/** What the room calls out, and where each line must land. */
const LINES = [
  // While Legal is selected on the map.
  { text: 'Legal sign-off takes days > By the time it is approved the moment has passed #processes', title: 'Legal sign-off takes days', column: 'Processes', quote: 'By the time it is approved the moment has passed' },
  { text: 'Nobody knows the escalation path #2', title: 'Nobody knows the escalation path', column: 'Roles' },
  { text: 'Approvals arrive after the trend > We post a day late, every time #work', title: 'Approvals arrive after the trend', column: 'Workflows', quote: 'We post a day late, every time' },
  { text: 'Rules change without notice > Nobody told us > not once #gov', title: 'Rules change without notice', column: 'Governance', quote: 'Nobody told us > not once' },
  { text: 'Reviewers lack platform know-how #Knowledge & Training', title: 'Reviewers lack platform know-how', column: 'Knowledge & Training' },
  // With nothing selected: workspace-wide.
  { text: 'Tool requests stall for weeks #5', title: 'Tool requests stall for weeks', column: 'Infrastructure' },
  { text: 'No shared calendar > We hear about launches from the press #1', title: 'No shared calendar', column: 'Workflows', quote: 'We hear about launches from the press' },
  { text: 'Targets are set without the team #4', title: 'Targets are set without the team', column: 'Governance' },
  { text: 'Interns cover the weekend shift #ROLES', title: 'Interns cover the weekend shift', column: 'Roles' },
  // No category typed: the first one.
  { text: 'Policy is years out of date > Nobody has read it since it was written', title: 'Policy is years out of date', column: 'Workflows', quote: 'Nobody has read it since it was written' },
] as const;

const field = (page: Page) => page.getByRole('textbox', { name: 'Capture pain point' });
const board = (page: Page) => page.getByRole('region', { name: 'Pain point board' });
const column = (page: Page, name: string) => board(page).getByRole('region', { name, exact: true });
const card = (page: Page, title: string) => board(page).getByRole('article', { name: title, exact: true });
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /^Added/ });

/** Serious or critical WCAG A/AA violations axe finds in `within` (this spec's states; accessibility.spec.ts scans the rest). */
async function axeViolations(page: Page, within: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(within).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, elements: v.nodes.map((n) => n.target.join(' ')) }));
}

async function captureByKeyboard(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // Ready for the next one at once: cleared, and still the field with the keyboard.
  await expect(field(page)).toHaveValue('');
  await expect(field(page)).toBeFocused();
}

for (const size of SIZES) {
  test(`ten pain points by keyboard only at ${size.width}x${size.height}: attached, categorised, quoted, one undo step each`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Open the sample workshop' }).click();
    await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });

    // Select Legal with the keyboard: find it, go to it, leave the search field.
    await page.locator('body').press('Control+f');
    await page.keyboard.type('Legal');
    await expect(page.getByRole('option').first()).toHaveText(/^Legal\s*Stakeholder$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(inspector.getByRole('heading', { name: 'Stakeholder' })).toBeVisible();

    await page.keyboard.press('c');
    await expect(field(page)).toBeFocused();
    await expect(page.getByText('To Legal · Workflows')).toBeVisible();
    // The category typed shows before Enter.
    await page.keyboard.type('Draft #3');
    await expect(page.getByText('To Legal · Processes')).toBeVisible();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');

    for (const line of LINES.slice(0, 5)) await captureByKeyboard(page, line.text);
    await expect(notice(page)).toHaveText('Added “Reviewers lack platform know-how” to Legal (Knowledge & Training)');
    // Nothing was opened: the inspector still shows Legal, the selection the pain points went to.
    await expect(inspector.getByRole('heading', { name: 'Stakeholder' })).toBeVisible();
    await expect(inspector.getByRole('heading', { name: 'Pain point', exact: true })).toHaveCount(0);

    // Escape leaves the field for the map (Legal); Escape there clears the selection; C comes back.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await expect(field(page)).toBeFocused();
    await expect(page.getByText('To the whole workspace · Workflows')).toBeVisible();

    // A "#" that names no category is refused with the reason, and the line stays in the field.
    await page.keyboard.type('Tool requests stall for weeks #5x');
    await page.keyboard.press('Enter');
    await expect(field(page)).toHaveValue('Tool requests stall for weeks #5x');
    await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page)).toHaveAccessibleDescription(/There is no category "5x"\. Categories: 1 Workflows, 2 Roles, 3 Processes, 4 Governance, 5 Infrastructure, 6 Knowledge & Training\./);
    await expect(page.getByRole('alert')).toHaveText(/There is no category "5x"/);
    expect(await axeViolations(page, '.quick-capture')).toEqual([]);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect(field(page)).toHaveValue('');
    await expect(field(page)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(notice(page)).toHaveText('Added “Tool requests stall for weeks” to the whole workspace (Infrastructure)');

    for (const line of LINES.slice(6)) await captureByKeyboard(page, line.text);
    await expect(notice(page)).toHaveText('Added “Policy is years out of date” to the whole workspace (Workflows), with a quote');

    // The board shows all ten, each in its column, with its quote and what it is attached to.
    await page.keyboard.press('Control+2');
    await expect(board(page).getByText('27 pain points')).toBeVisible();
    for (const [index, line] of LINES.entries()) {
      const added = column(page, line.column).getByRole('article', { name: line.title, exact: true });
      await expect(added, line.title).toBeVisible();
      await expect(added).toContainText(index < 5 ? 'Legal' : 'Whole workspace');
      if ('quote' in line) await expect(added).toContainText('1 quote');
      else await expect(added).not.toContainText('quote');
    }
    // The inspector shows the quote itself, as typed.
    await card(page, 'Rules change without notice').click();
    await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue('Rules change without notice');
    await expect(inspector.getByRole('textbox', { name: 'Quote 1' })).toHaveValue('Nobody told us > not once');

    // Each capture is one undo step: Undo takes back exactly the last one.
    await page.keyboard.press('c');
    await expect(field(page)).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(card(page, 'Policy is years out of date')).toHaveCount(0);
    await expect(card(page, 'Interns cover the weekend shift')).toBeVisible();
    await expect(board(page).getByText('26 pain points')).toBeVisible();
    // Up arrow brings back the last line typed.
    await page.keyboard.press('ArrowUp');
    await expect(field(page)).toHaveValue(LINES[9].text);
  });
}

test('C from the solutions list and in Focus mode: the field is there, above the board and the map', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Solutions' }).click();
  await expect(field(page)).toBeHidden();
  await page.locator('body').press('c');
  await expect(board(page)).toBeVisible();
  await expect(field(page)).toBeFocused();
  await captureByKeyboard(page, 'Captions wait for the agency #roles');
  await expect(column(page, 'Roles').getByRole('article', { name: 'Captions wait for the agency' })).toBeVisible();

  // Focus mode hides the side panels; the capture bar stays, on the board and on the map.
  await page.keyboard.press('Control+.');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(field(page)).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(field(page)).toBeVisible();
  await field(page).click();
  await captureByKeyboard(page, 'Crisis line goes to voicemail > We found out from a customer #gov');
  await expect(notice(page)).toHaveText('Added “Crisis line goes to voicemail” to the whole workspace (Governance), with a quote');

  // The capture bar is above the map, not on it: the map region starts below it.
  const bar = await page.getByRole('form', { name: 'Quick capture' }).boundingBox();
  const map = await page.getByRole('region', { name: 'Stakeholder map' }).boundingBox();
  expect(bar && map && bar.y + bar.height <= map.y + 0.5).toBe(true);
});
