import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * Accessibility: axe-core scans every view, the inspector in each of its states and every in-page dialog, and the
 * test fails on any serious or critical violation of the WCAG 2.0 and 2.1 A and AA rules, naming each rule, its
 * help text and the elements (CSS selectors) it found. Best-practice rules run too; what they find is attached
 * to the test and shown as an annotation, without failing it.
 *
 * Not here: the unsaved-changes question and the file dialogs are native (Electron's dialog module; the harness
 * answers them, see harness/queued-dialogs.ts), so there is no page to scan.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workspaces');

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** One line per violation, then one per element: what a person needs to find and fix it. */
function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((node) => `    - ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ').trim()}` : ''}`);
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
}

/**
 * Scans the page (or only `within`, a CSS selector, for a dialog) and records a soft failure for every serious
 * or critical WCAG violation, so one test reports every state it scans.
 */
async function scan(page: Page, what: string, within?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']);
  if (within) builder = builder.include(within);
  const results = await builder.analyze();
  const isWcag = (v: Violation) => v.tags.some((tag) => WCAG_TAGS.includes(tag));
  const failing = results.violations.filter((v) => isWcag(v) && FAILING_IMPACTS.has(v.impact ?? ''));
  const advice = results.violations.filter((v) => !isWcag(v));
  const info = test.info();
  if (advice.length > 0) {
    await info.attach(`axe best practice: ${what}`, { body: describeViolations(advice), contentType: 'text/plain' });
    info.annotations.push({ type: 'axe best practice (not failing)', description: `${what}: ${advice.map((v) => v.id).join(', ')}` });
  }
  if (failing.length > 0) await info.attach(`axe violations: ${what}`, { body: JSON.stringify(failing, null, 2), contentType: 'application/json' });
  // Compared as rule and elements, so the diff stays short; the message says the rest.
  const summary = failing.map((v) => ({ rule: v.id, impact: v.impact, elements: v.nodes.map((n) => n.target.join(' ')) }));
  expect.soft(summary, `${what}: ${failing.length} serious or critical accessibility violation(s):\n${describeViolations(failing)}\n`).toEqual([]);
}

const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name} \\(`) });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const openDialog = (page: Page) => page.locator('dialog[open]');

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
}

/** A small map saved in the test's folder, opened with File > Open. */
async function openSmallMap(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'small.stakemap');
  const doc = {
    format: 'stakemap',
    version: 1,
    title: 'Small map',
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 420, y: 0 } },
    ],
    relationships: [{ id: 'r-legal', source: 's-team', target: 's-legal', status: 'problematic', label: 'approvals' }],
    painPoints: [{ id: 'p-1', title: 'Legal sign-off takes days', categoryId: 'processes', quotes: ['We miss every trend.'], attachedTo: [{ type: 'relationship', id: 'r-legal' }], votes: 2 }],
    categories: DEFAULT_CATEGORIES,
    viewport: { x: 200, y: 300, zoom: 1 },
  };
  await writeFile(filePath, `${JSON.stringify(doc, null, 2)}\n`);
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(app.page, 'Legal')).toBeVisible();
  return filePath;
}

test.describe('views', () => {
  test('the start view: first launch, then with a recent workspace and unsaved work to restore', async ({ app }) => {
    await expect(app.page.getByRole('button', { name: 'New workspace' })).toBeVisible();
    await scan(app.page, 'start view');

    // A recent workspace, and a recovery draft left by a "crash" (the page dropped without saving).
    const { page } = app;
    await openSmallMap(app);
    await page.locator('body').press('n');
    const field = page.getByRole('textbox', { name: 'Rename New stakeholder' });
    await field.fill('Crisis desk');
    await field.press('Enter');
    const drafts = async () => (await readdir(path.join(app.userDataDir, 'recovery')).catch(() => [])).filter((f) => f.endsWith('.json'));
    await expect.poll(drafts, { timeout: 15_000 }).toHaveLength(1);
    const second = await app.restart();
    await expect(second.getByRole('region', { name: 'Unsaved work from last time' })).toBeVisible();
    await expect(second.getByRole('button', { name: 'Open small.stakemap' })).toBeVisible();
    await scan(second, 'start view with a recent workspace and unsaved work');
  });

  test('the map of a new workspace, with nothing on it yet', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workspace' }).click();
    await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
    await scan(page, 'empty map (new workspace)');
  });

  test('the map with the sample, the search results, a context menu and a badge list', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await scan(page, 'map with the sample open');

    await page.locator('body').press('Control+f');
    await page.getByRole('combobox', { name: 'Search the workspace' }).fill('legal');
    await expect(page.getByRole('option').first()).toBeVisible();
    await scan(page, 'search results on the map');
    await page.keyboard.press('Escape');

    await node(page, 'Legal').click({ button: 'right' });
    await expect(page.getByRole('menu', { name: 'Stakeholder' })).toBeVisible();
    await scan(page, 'context menu of a stakeholder', '.context-menu');
    await page.keyboard.press('Escape');

    const badge = page.getByRole('button', { name: /^\d+ pain points? on / }).first();
    await badge.click();
    await expect(page.getByRole('dialog', { name: /^Pain points on / })).toBeVisible();
    await scan(page, 'badge list (pain points on a stakeholder or relationship)', '.badge-list');
  });

  test('the board and the solutions list', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await page.getByRole('tab', { name: 'Pain points' }).click();
    await expect(page.getByRole('region', { name: 'Pain point board' })).toBeVisible();
    await scan(page, 'pain point board');

    await page.getByRole('tab', { name: 'Solutions' }).click();
    await expect(page.getByRole('article').first()).toBeVisible();
    await scan(page, 'solutions list');
  });
});

test.describe('the inspector', () => {
  test('with a stakeholder, a relationship, a pain point and a solution', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await node(page, 'Legal').click();
    await expect(inspector(page).getByRole('heading', { name: 'Stakeholder' })).toBeVisible();
    await scan(page, 'inspector with a stakeholder selected');

    await page.getByRole('group', { name: /^Relationship .*Legal.*: problematic/ }).first().click({ force: true });
    await expect(inspector(page).getByRole('heading', { name: 'Relationship' })).toBeVisible();
    await scan(page, 'inspector with a relationship selected');

    await page.getByRole('tab', { name: 'Pain points' }).click();
    await page.getByRole('region', { name: 'Pain point board' }).getByRole('article').first().click();
    await expect(inspector(page).getByRole('heading', { name: /pain point/i })).toBeVisible();
    await scan(page, 'inspector with a pain point open');

    await page.getByRole('tab', { name: 'Solutions' }).click();
    await page.getByRole('article').first().click();
    await expect(inspector(page).getByRole('heading', { name: /solution/i })).toBeVisible();
    await scan(page, 'inspector with a solution open');
  });
});

test.describe('dialogs', () => {
  test('Export, with the PNG and the PDF options', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await app.menu('file.export');
    const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
    await expect(dialog).toBeVisible();
    await scan(page, 'Export dialog (PNG)', 'dialog[open]');
    await dialog.getByRole('radio', { name: /^PDF/ }).check();
    await scan(page, 'Export dialog (PDF)', 'dialog[open]');
  });

  test('Categories, with the question before deleting a category in use', async ({ app }) => {
    const { page } = app;
    await openSmallMap(app);
    await app.menu('map.manageCategories');
    const dialog = page.getByRole('dialog', { name: 'Categories' });
    await expect(dialog).toBeVisible();
    await scan(page, 'Categories dialog', 'dialog[open]');
    await dialog.getByRole('button', { name: 'Delete Processes' }).click();
    await expect(dialog.getByLabel('Move its pain points to')).toBeVisible();
    await scan(page, 'Categories dialog, deleting a category in use', 'dialog[open]');
  });

  test('Participants, with nobody yet and with someone', async ({ app }) => {
    const { page } = app;
    await openSmallMap(app);
    await app.menu('view.participants');
    const dialog = page.getByRole('dialog', { name: 'Participants' });
    await expect(dialog.getByText(/^No participants yet\./)).toBeVisible();
    await scan(page, 'Participants dialog with no participants', 'dialog[open]');
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await dialog.getByRole('combobox', { name: 'Department of P1' }).selectOption({ label: 'Legal' });
    await scan(page, 'Participants dialog with a participant', 'dialog[open]');
  });

  test('Restore previous version', async ({ app }) => {
    const { page } = app;
    await openSmallMap(app);
    await page.getByRole('textbox', { name: 'Workspace title' }).fill('Small map, renamed');
    await page.locator('body').press('Control+s');
    await expect(page).toHaveTitle('small.stakemap — Stakemap');
    await app.menu('file.restoreVersion');
    const dialog = page.getByRole('dialog', { name: 'Restore previous version' });
    await expect(dialog.getByRole('button', { name: /^Restore the version saved / }).first()).toBeVisible();
    await scan(page, 'Restore previous version dialog', 'dialog[open]');
  });

  test('the message dialog: a file that could not be opened, and one that opened with problems', async ({ app }) => {
    const { page } = app;
    app.dialogs.answerOpen(path.join(fixtures, 'truncated.stakemap'));
    await page.getByRole('button', { name: 'Open…' }).click();
    const alert = page.getByRole('alertdialog');
    await expect(alert.getByRole('heading')).toContainText('could not be opened');
    await scan(page, 'message dialog (a failed open)', 'dialog[open]');
    await alert.getByRole('button', { name: 'OK' }).click();

    app.dialogs.answerOpen(path.join(fixtures, 'dangling-references.stakemap'));
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect(alert.getByRole('heading')).toContainText('opened with broken references');
    await scan(page, 'message dialog (broken references listed)', 'dialog[open]');
  });

  test('the question when the file changed on disk', async ({ app }) => {
    const { page } = app;
    const filePath = await openSmallMap(app);
    await page.getByRole('textbox', { name: 'Workspace title' }).fill('Ours');
    await writeFile(filePath, `${JSON.stringify({ format: 'stakemap', version: 1, title: 'Theirs' }, null, 2)}\n`);
    await page.locator('body').press('Control+s');
    await expect(page.getByRole('alertdialog', { name: '“small.stakemap” changed on disk' })).toBeVisible();
    await scan(page, 'changed-on-disk question', 'dialog[open]');
  });

  test('the Import Stakeholders preview, with rows that will be skipped', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    const csv = path.join(app.tempDir, 'people.csv');
    await writeFile(csv, 'Name,Kind,Influence,Interest\nLegal,department,5,3\nRobots,robot,3,3\nInvestor relations,department,4,2\n');
    app.dialogs.answerOpen(csv);
    await app.menu('file.importStakeholders');
    await expect(page.getByRole('dialog', { name: 'Import stakeholders from people.csv' })).toBeVisible();
    await scan(page, 'Import Stakeholders preview', 'dialog[open]');
  });

  test('the Timeline, a comparison and a snapshot opened read-only', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'Timeline' });
    await expect(dialog.getByRole('list', { name: 'Snapshots' }).getByRole('listitem')).toHaveCount(1);
    await scan(page, 'Timeline dialog', 'dialog[open]');
    await dialog.getByRole('button', { name: 'Compare “Snapshot 1” with now' }).click();
    await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
    await scan(page, 'What changed (a comparison)');
    await page.getByRole('button', { name: 'Back to the map' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await dialog.getByRole('button', { name: 'Open “Snapshot 1” read-only' }).click();
    await expect(page.getByRole('region', { name: 'Snapshot “Snapshot 1” (read only)' })).toBeVisible();
    await scan(page, 'a snapshot opened read-only');
  });

  test('the Merge Workspace preview', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    app.dialogs.answerOpen(path.join(fixtures, '..', 'merge', 'breakout-b.stakemap'));
    await app.menu('file.mergeWorkspace');
    await expect(page.getByRole('dialog', { name: 'Merge workspace' })).toBeVisible();
    await scan(page, 'Merge Workspace preview', 'dialog[open]');
  });

  test('Keyboard shortcuts', async ({ app }) => {
    const { page } = app;
    await openSample(page);
    await app.menu('help.shortcuts');
    await expect(openDialog(page).getByText('Keyboard shortcuts', { exact: true })).toBeVisible();
    await scan(page, 'Keyboard shortcuts dialog', 'dialog[open]');
  });
});

/*
 * Every theme (View > Theme, shared/host/preferences.ts) against the same rules, colour contrast included: the start
 * view, the map with a relationship selected (the inspector's status choices), the board with a pain point open,
 * the solutions list, and a dialog. Dark twice: as System follows an OS in dark mode (prefers-color-scheme), and
 * chosen.
 */
const THEMED: ReadonlyArray<{ name: string; command: 'view.themeLight' | 'view.themeDark' | 'view.themeHighContrast' | null; os: 'light' | 'dark'; theme: string }> = [
  { name: 'light', command: 'view.themeLight', os: 'dark', theme: 'light' },
  { name: 'dark, as System follows an OS in dark mode', command: null, os: 'dark', theme: 'system' },
  { name: 'dark, chosen', command: 'view.themeDark', os: 'light', theme: 'dark' },
  { name: 'high contrast', command: 'view.themeHighContrast', os: 'light', theme: 'high-contrast' },
];

test.describe('in every theme', () => {
  for (const { name, command, os, theme } of THEMED) {
    test(`${name}: start view, map, board, solutions and a dialog`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: os });
      if (command) await app.menu(command);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // The theme is applied: the page is dark where it should be.
      const dark = theme !== 'light';
      const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(canvas === 'rgb(246, 247, 249)', `canvas ${canvas}`).toBe(!dark);
      await scan(page, `${name}: start view`);

      await openSample(page);
      await page.getByRole('group', { name: /^Relationship .*Legal.*: problematic/ }).first().click({ force: true });
      await expect(inspector(page).getByRole('heading', { name: 'Relationship' })).toBeVisible();
      await scan(page, `${name}: map with a relationship selected`);

      await page.getByRole('tab', { name: 'Pain points' }).click();
      await page.getByRole('region', { name: 'Pain point board' }).getByRole('article').first().click();
      await expect(inspector(page).getByRole('heading', { name: /pain point/i })).toBeVisible();
      await scan(page, `${name}: pain point board with a pain point open`);

      await page.getByRole('tab', { name: 'Solutions' }).click();
      await expect(page.getByRole('article').first()).toBeVisible();
      await scan(page, `${name}: solutions list`);

      await page.getByRole('tab', { name: 'Grid' }).click();
      await expect(page.getByRole('region', { name: 'Bridges and bottlenecks' })).toBeVisible();
      await scan(page, `${name}: power/interest grid with bridges and bottlenecks`);

      await page.getByRole('tab', { name: 'Map' }).click();
      await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('painPoints');
      await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).check();
      await scan(page, `${name}: map with pain heat and bottleneck marks`);
      await page.getByRole('combobox', { name: 'Pain heat' }).selectOption('off');
      await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).uncheck();

      await page.getByRole('tab', { name: 'Map' }).click();
      await app.menu('file.export');
      const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
      await expect(dialog).toBeVisible();
      await scan(page, `${name}: Export dialog`, 'dialog[open]');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.menu('map.manageCategories');
      await expect(page.getByRole('dialog', { name: 'Categories' })).toBeVisible();
      await scan(page, `${name}: Categories dialog`, 'dialog[open]');
      await page.keyboard.press('Escape');

      await app.menu('view.participants');
      await expect(page.getByRole('dialog', { name: 'Participants' })).toBeVisible();
      await scan(page, `${name}: Participants dialog`, 'dialog[open]');
    });
  }
});
