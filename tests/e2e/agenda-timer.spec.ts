import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test as base, type StakemapApp } from './fixtures';

/*
 * Issue 14, items 1 and 2: the workshop's agenda and stage timer. The stage bar walks the room through every
 * stage, each opening the view it needs; the timer counts down on a fake clock (Playwright's page clock, installed
 * before the app loads), pauses, takes an extra minute, keeps its time across views, and shows "Time's up" at
 * zero; in Focus on the map its digits read from the back of the room. The agenda dialog edits the stages, one
 * undo step each.
 */

// The clock is faked for the whole context before the app's page exists, so every Date.now the timer reads is ours.
const test = base.extend<{ fakeClock: void }>({
  fakeClock: [
    async ({ context }, use) => {
      await context.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
      await use();
    },
    { auto: true },
  ],
});

test.use({ viewport: { width: 1280, height: 720 } });

const STAGES = [
  { title: 'Map stakeholders', tab: 'Map', time: '20:00' },
  { title: 'Mark relationships', tab: 'Map', time: '10:00' },
  { title: 'Collect pain points', tab: 'Pain points', time: '25:00' },
  { title: 'Cluster', tab: 'Pain points', time: '15:00' },
  // The voting stage opens the board (where voting is switched on).
  { title: 'Vote', tab: 'Pain points', time: '10:00' },
  { title: 'Candidate solutions', tab: 'Solutions', time: '25:00' },
  { title: 'Wrap-up', tab: 'Solutions', time: '10:00' },
] as const;

const stageBar = (page: Page) => page.getByRole('region', { name: 'Workshop stage' });
const timer = (page: Page) => page.getByRole('timer', { name: 'Stage time left' });
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });

/** Opens the sample workshop with its stage bar showing (View > Show Agenda if the file hides it). */
async function openSampleWithAgenda(app: StakemapApp): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  if (!(await stageBar(page).isVisible())) await app.menu('view.toggleAgenda');
  await expect(stageBar(page)).toBeVisible();
}

async function expectStage(page: Page, index: number): Promise<void> {
  const stage = STAGES[index]!;
  const bar = stageBar(page);
  await expect(bar.getByText(`Stage ${index + 1} of ${STAGES.length}`)).toBeVisible();
  await expect(bar.getByRole('heading', { name: stage.title, exact: true })).toBeVisible();
  await expect(tab(page, stage.tab)).toHaveAttribute('aria-selected', 'true');
  // The timer holds the stage's timebox, paused.
  await expect(timer(page)).toHaveText(stage.time);
  await expect(bar.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
}

async function expectNoSeriousAxeViolations(page: Page, within: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include(within).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => ({ rule: v.id, elements: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

test('Next stage walks through every stage, each opening its view, and Previous stage walks back', async ({ app }) => {
  const { page } = app;
  await openSampleWithAgenda(app);
  const bar = stageBar(page);
  const previous = bar.getByRole('button', { name: 'Previous stage' });
  const next = bar.getByRole('button', { name: 'Next stage' });

  await expectStage(page, 0);
  await expect(previous).toBeDisabled();
  for (let index = 1; index < STAGES.length; index += 1) {
    await next.click();
    await expectStage(page, index);
  }
  await expect(next).toBeDisabled();
  // At the end the keyboard is not dropped: the other button has it.
  await expect(previous).toBeFocused();
  for (let index = STAGES.length - 2; index >= 0; index -= 1) {
    await previous.click();
    await expectStage(page, index);
  }
  await expect(previous).toBeDisabled();

  // Each move is one undo step: undo goes back to the stage before.
  await next.click();
  await expectStage(page, 1);
  await app.menu('edit.undo');
  await expect(bar.getByRole('heading', { name: STAGES[0].title, exact: true })).toBeVisible();

  // View > Show Agenda hides the bar (and the timer) and brings it back.
  // Main hears of it with the document state, for the check on View > Show Agenda.
  await expect.poll(() => app.documentState()?.agendaVisible).toBe(true);
  await app.menu('view.toggleAgenda');
  await expect(bar).toBeHidden();
  await expect(timer(page)).toBeHidden();
  await expect.poll(() => app.documentState()?.agendaVisible).toBe(false);
  await app.menu('view.toggleAgenda');
  await expect(bar).toBeVisible();
  await expect.poll(() => app.documentState()?.agendaVisible).toBe(true);

  await expectNoSeriousAxeViolations(page, '.stage-bar');
});

test('the timer counts down, pauses, takes an extra minute, keeps its time across views and says when time is up', async ({ app }) => {
  const { page } = app;
  await openSampleWithAgenda(app);
  const bar = stageBar(page);
  await expect(timer(page)).toHaveText('20:00');

  await bar.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('05:00');
  await expect(timer(page)).toHaveText('15:00');

  await bar.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.clock.fastForward('02:00');
  await expect(timer(page)).toHaveText('15:00');

  await bar.getByRole('button', { name: 'Add a minute' }).click();
  await expect(timer(page)).toHaveText('16:00');

  // Running on the board and the solutions list, and still right back on the map.
  await bar.getByRole('button', { name: 'Start', exact: true }).click();
  await app.menu('view.showBoard');
  await page.clock.fastForward('01:00');
  await expect(timer(page)).toHaveText('15:00');
  await app.menu('view.showSolutions');
  await page.clock.fastForward('01:00');
  await app.menu('view.showMap');
  await expect(timer(page)).toHaveText('14:00');

  // A minute before the end, screen readers are told once (the timer itself is not a live region).
  await page.clock.fastForward('13:00');
  await expect(timer(page)).toHaveText('01:00');
  await expect(page.getByRole('status')).toHaveText('One minute left for this stage.');

  await page.clock.fastForward('01:00');
  await expect(timer(page)).toHaveText('00:00');
  await expect(bar.getByText("Time's up", { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText("Time's up for this stage.");
  await page.screenshot({ path: '/tmp/shots/agenda-timer-up-1280.png' });

  // A minute more after zero gives a whole minute, counting from now.
  await bar.getByRole('button', { name: 'Add a minute' }).click();
  await expect(timer(page)).toHaveText('01:00');
  await expect(bar.getByText("Time's up", { exact: true })).toBeHidden();
  await page.clock.fastForward('00:20');
  await expect(timer(page)).toHaveText('00:40');

  // Reset timer: the stage's whole timebox, paused.
  await bar.getByRole('button', { name: 'Reset timer' }).click();
  await expect(timer(page)).toHaveText('20:00');
  await expect(bar.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

  // The next stage starts from its own timebox.
  await bar.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('03:00');
  await bar.getByRole('button', { name: 'Next stage' }).click();
  await expect(timer(page)).toHaveText('10:00');
});

test('in Focus on the map the stage bar stays and the digits are at least 48 px tall', async ({ app }) => {
  const { page } = app;
  await openSampleWithAgenda(app);
  await app.menu('view.toggleFocus');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(stageBar(page)).toBeVisible();
  const box = await timer(page).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  await stageBar(page).getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('04:12');
  await expect(timer(page)).toHaveText('15:48');
  await page.screenshot({ path: '/tmp/shots/agenda-focus-1280.png' });

  // At zero: the words and a gentle pulse, which stops where the system asks for less motion.
  await page.clock.fastForward('15:48');
  await expect(stageBar(page).getByText("Time's up", { exact: true })).toBeVisible();
  const pulse = () => timer(page).evaluate((el) => getComputedStyle(el.parentElement!).animationName);
  expect(await pulse()).toBe('stage-timer-pulse');
  await page.screenshot({ path: '/tmp/shots/agenda-focus-up-1280.png' });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await pulse()).toBe('none');
});

test('the agenda dialog renames, retimes, reorders, adds and removes stages, one undo step each', async ({ app }) => {
  const { page } = app;
  await openSampleWithAgenda(app);
  const bar = stageBar(page);
  await bar.getByRole('button', { name: 'Agenda…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agenda' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title of Map stakeholders' })).toBeFocused();
  await expect(dialog.getByRole('listitem')).toHaveCount(STAGES.length);
  await page.screenshot({ path: '/tmp/shots/agenda-dialog-1280.png' });
  await expectNoSeriousAxeViolations(page, 'dialog[open]');

  // Rename: the stage bar follows as it is typed.
  await dialog.getByRole('textbox', { name: 'Title of Map stakeholders' }).fill('Map who we work with');
  await expect(bar.getByRole('heading', { name: 'Map who we work with' })).toBeVisible();

  // The goal.
  await dialog.getByRole('textbox', { name: 'Goal of Map who we work with' }).fill('Everyone we liaise with, placed around the team.');
  // Between the side panels at 1280 px the goal is in the stage's tooltip (Focus on the map shows it in full).
  await expect(bar.getByTitle('Map who we work with: Everyone we liaise with, placed around the team.')).toBeVisible();

  // The timebox: the paused timer of the current stage follows it.
  await dialog.getByRole('spinbutton', { name: 'Minutes for Map who we work with' }).fill('12');
  await expect(timer(page)).toHaveText('12:00');

  // Reorder with the buttons named after their stage; the keyboard stays on the button pressed.
  const titles = dialog.getByRole('textbox', { name: /^Title of / });
  await dialog.getByRole('button', { name: 'Move Cluster up' }).click();
  await expect(titles.nth(2)).toHaveValue('Cluster');
  await expect(titles.nth(3)).toHaveValue('Collect pain points');
  await expect(dialog.getByRole('button', { name: 'Move Cluster up' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Move Cluster down' }).click();
  await expect(titles.nth(3)).toHaveValue('Cluster');

  // Add and remove.
  await dialog.getByRole('button', { name: 'Add stage' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(STAGES.length + 1);
  await expect(dialog.getByRole('textbox', { name: 'Title of New stage' })).toBeFocused();
  await page.keyboard.type('Coffee');
  await expect(dialog.getByRole('textbox', { name: 'Title of Coffee' })).toHaveValue('Coffee');
  await dialog.getByRole('button', { name: 'Remove Cluster' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(STAGES.length);
  await expect(dialog.getByRole('textbox', { name: 'Title of Cluster' })).toHaveCount(0);

  // One undo step each, newest first: the removal, the added stage's title, the added stage.
  await app.menu('edit.undo');
  await expect(dialog.getByRole('textbox', { name: 'Title of Cluster' })).toBeVisible();
  await app.menu('edit.undo');
  await expect(dialog.getByRole('textbox', { name: 'Title of New stage' })).toBeVisible();
  await app.menu('edit.undo');
  await expect(dialog.getByRole('listitem')).toHaveCount(STAGES.length);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(bar.getByRole('button', { name: 'Agenda…' })).toBeFocused();
  await expect(bar.getByText('Stage 1 of 7')).toBeVisible();
  await expect(bar.getByRole('heading', { name: 'Map who we work with' })).toBeVisible();
  await app.menu('view.toggleFocus');
  await expect(bar.getByText('Everyone we liaise with, placed around the team.')).toBeVisible();
});
