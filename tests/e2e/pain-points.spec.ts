import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * The workshop journey of pain points and solutions: attach a pain point with two quotes to a problematic
 * relationship, see its badge, find it on the board, move it to another category by drag, vote, propose a
 * solution and set its status, save, reopen and check everything came back; filter the map to problematic
 * relationships; find a pain point by a word that only occurs in one of its quotes.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${escape(name)} \\(`) });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const board = (page: Page) => page.getByRole('region', { name: 'Pain point board' });
const column = (page: Page, category: string) => board(page).getByRole('region', { name: category, exact: true });

const TITLE = 'Legal sign-off takes days';
const QUOTES = ['By the time legal answers, the conversation has moved on.', 'We waited three days for a yes on a reply to a complaint.'];

/** A small map: the team, Legal (problematic relationship) and Brand (healthy). */
async function openSmallMap(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'small.stakemap');
  const doc = {
    format: 'stakemap',
    version: 1,
    title: 'Small map',
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 420, y: -120 } },
      { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 420, y: 180 } },
    ],
    relationships: [
      { id: 'r-legal', source: 's-team', target: 's-legal', status: 'problematic', label: 'approvals' },
      { id: 'r-brand', source: 's-team', target: 's-brand', status: 'healthy' },
    ],
    categories: DEFAULT_CATEGORIES,
    viewport: { x: 200, y: 300, zoom: 1 },
  };
  await writeFile(filePath, JSON.stringify(doc, null, 2));
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(app.page, 'Legal')).toBeVisible();
  return filePath;
}

test('attach, badge, board, drag to another category, vote, propose a solution, save and reopen', async ({ app }) => {
  const { page } = app;
  const filePath = await openSmallMap(app);

  // Select the problematic relationship and add a pain point from its inspector.
  await page.getByRole('group', { name: /^Relationship Social media team – Legal: problematic/ }).click({ force: true });
  await expect(inspector(page).getByRole('heading', { name: 'Relationship' })).toBeVisible();
  await inspector(page).getByRole('button', { name: 'Add pain point' }).click();
  const title = inspector(page).getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill(TITLE);
  await inspector(page).getByLabel('Category').selectOption({ label: 'Processes' });
  for (const quote of QUOTES) {
    await inspector(page).getByRole('textbox', { name: 'New quote' }).fill(quote);
    await inspector(page).getByRole('textbox', { name: 'New quote' }).press('Enter');
  }
  await expect(inspector(page).getByRole('textbox', { name: 'Quote 1' })).toHaveValue(QUOTES[0]!);
  await expect(inspector(page).getByRole('textbox', { name: 'Quote 2' })).toHaveValue(QUOTES[1]!);
  await expect(inspector(page).getByText('Social media team – Legal (approvals)')).toBeVisible();

  // The relationship shows a badge; clicking it lists the pain point, which opens from there.
  const badge = page.getByRole('button', { name: /^1 pain point on the relationship Social media team – Legal, 1 unaddressed$/ });
  await expect(badge).toBeVisible();
  await badge.click();
  const list = page.getByRole('dialog', { name: /Pain points on Social media team – Legal/ });
  await expect(list.getByRole('button', { name: new RegExp(TITLE) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);

  // On the board, under Processes; drag it to Governance.
  await page.getByRole('tab', { name: 'Pain points' }).click();
  const card = column(page, 'Processes').getByRole('article', { name: TITLE });
  await expect(card).toBeVisible();
  await expect(card).toContainText('2 quotes');
  await expect(card).toContainText('Social media team – Legal');
  // Both in view first: Playwright scrolling the board in the middle of a drag would cancel it.
  await column(page, 'Governance').scrollIntoViewIfNeeded();
  await card.scrollIntoViewIfNeeded();
  await card.dragTo(column(page, 'Governance'));
  await expect(column(page, 'Governance').getByRole('article', { name: TITLE })).toBeVisible();
  await expect(column(page, 'Processes').getByRole('article', { name: TITLE })).toHaveCount(0);

  // Vote twice and take one back; never below zero.
  const governanceCard = column(page, 'Governance').getByRole('article', { name: TITLE });
  await governanceCard.getByRole('button', { name: `Add a vote to ${TITLE}` }).click();
  await governanceCard.getByRole('button', { name: `Add a vote to ${TITLE}` }).click();
  await governanceCard.getByRole('button', { name: `Add a vote to ${TITLE}` }).click();
  await governanceCard.getByRole('button', { name: `Remove a vote from ${TITLE}` }).click();
  await expect(governanceCard.getByRole('group', { name: `Votes for ${TITLE}` })).toContainText('2');

  // Open it and propose a solution; set its status and owner.
  await governanceCard.click();
  await expect(inspector(page).getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
  await expect(inspector(page)).toContainText('Unaddressed');
  await inspector(page).getByRole('button', { name: 'Propose solution' }).click();
  const solutionTitle = inspector(page).getByRole('textbox', { name: 'Title' });
  await expect(solutionTitle).toBeFocused();
  await solutionTitle.fill('Pre-approved reply library');
  await inspector(page).getByRole('radio', { name: 'Agreed' }).check();
  await inspector(page).getByRole('textbox', { name: 'Owner' }).fill('Head of Social');
  await inspector(page).getByLabel('Impact').selectOption('4');
  await expect(inspector(page).getByRole('button', { name: TITLE, exact: true })).toBeVisible();

  // The pain point is addressed now: its card loses the mark and the solution shows on it.
  await expect(governanceCard).not.toContainText('Unaddressed');
  await inspector(page).getByRole('button', { name: TITLE, exact: true }).click();
  await expect(inspector(page).getByRole('button', { name: /Pre-approved reply library/ })).toBeVisible();

  // Save, check the file, relaunch and reopen.
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('small.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.painPoints).toEqual([
    {
      id: expect.stringMatching(/^p-/),
      title: TITLE,
      description: '',
      categoryId: 'governance',
      quotes: QUOTES.map((text) => ({ text, voice: null })),
      attachedTo: [{ type: 'relationship', id: 'r-legal' }],
      tally: 2,
      voice: null,
    },
  ]);
  expect(saved.solutions).toEqual([
    {
      id: expect.stringMatching(/^x-/),
      title: 'Pre-approved reply library',
      description: '',
      addresses: [saved.painPoints[0]?.id],
      status: 'agreed',
      owner: 'Head of Social',
      impact: 4,
      dueDate: null,
    },
  ]);

  const second = await app.restart();
  await second.getByRole('button', { name: 'Open small.stakemap' }).click();
  await expect(second.getByRole('button', { name: /^1 pain point on the relationship Social media team – Legal$/ })).toBeVisible();
  await second.getByRole('tab', { name: 'Pain points' }).click();
  const reopened = column(second, 'Governance').getByRole('article', { name: TITLE });
  await expect(reopened).toContainText('2 quotes');
  await second.getByRole('tab', { name: 'Solutions' }).click();
  const solution = second.getByRole('article', { name: 'Pre-approved reply library' });
  await expect(solution).toContainText('Agreed');
  await expect(solution).toContainText('Head of Social');
  await expect(solution).toContainText(TITLE);
});

test('"Problematic only" dims everything else and clears in one click', async ({ app }) => {
  const { page } = app;
  await openSmallMap(app);
  await page.getByRole('button', { name: 'Problematic only' }).click();
  await expect(page.getByRole('group', { name: 'Map filters' })).toContainText('Showing: Problematic relationships only');
  // Brand and the healthy relationship are dimmed, not removed; the problematic one and its ends are not.
  await expect(node(page, 'Brand')).toHaveAccessibleName(/filtered out$/);
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(1);
  await expect(node(page, 'Legal')).not.toHaveAccessibleName(/filtered out/);
  await expect(node(page, 'Social media team')).not.toHaveAccessibleName(/filtered out/);
  await expect(page.getByRole('group', { name: /^Relationship Social media team – Brand: healthy, filtered out$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Relationship Social media team – Legal: problematic, approvals$/ })).toBeVisible();
  // Filtering is a view, not an edit.
  await expect(page).toHaveTitle('small.stakemap — Stakemap');
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear filter' })).toHaveCount(0);
});

test('search finds a pain point by a word only in a quote and opens it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(page, 'Legal')).toBeVisible();
  // Read a distinctive word from a quote of the sample (not in any title), so the test follows the sample.
  const search = page.getByRole('combobox', { name: 'Search the workspace' });
  await page.locator('body').press('Control+f');
  await expect(search).toBeFocused();
  await search.fill('moved on');
  const option = page.getByRole('option').first();
  await expect(option).toContainText('quote');
  const expectedTitle = (await option.locator('.search-box__title').textContent())!;
  await search.press('Enter');
  await expect(inspector(page).getByRole('heading', { name: 'Pain point' })).toBeVisible();
  await expect(inspector(page).getByRole('textbox', { name: 'Title' })).toHaveValue(expectedTitle);
  await expect(inspector(page).getByRole('textbox', { name: /^Quote \d$/ }).filter({ hasText: /moved on/ })).toHaveCount(1);
});

test('deleting a stakeholder keeps its pain points, says so, and undo restores the attachment', async ({ app }) => {
  const { page } = app;
  await openSmallMap(app);
  await node(page, 'Brand').click();
  await page.locator('body').press('p');
  await inspector(page).getByRole('textbox', { name: 'Title' }).fill('Brand guidelines arrive as a PDF');
  await node(page, 'Brand').click();
  await page.locator('body').press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'kept' })).toContainText('now workspace-wide');
  await page.getByRole('tab', { name: 'Pain points' }).click();
  await expect(page.getByRole('article', { name: 'Brand guidelines arrive as a PDF' })).toContainText('Whole workspace');
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('article', { name: 'Brand guidelines arrive as a PDF' })).toContainText('Brand');
});

test('the context menu, P on a multi-selection, and deleting a category in use with its pain points moved', async ({ app }) => {
  const { page } = app;
  await openSmallMap(app);

  // Right-click a stakeholder: Add pain point attaches it there.
  await node(page, 'Legal').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Stakeholder' }).getByRole('menuitem', { name: 'Add pain point' }).click();
  await inspector(page).getByRole('textbox', { name: 'Title' }).fill('Legal has no social specialist');
  await expect(inspector(page).getByRole('button', { name: 'Detach from Legal' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^1 pain point on Legal, 1 unaddressed$/ })).toBeVisible();

  // P with two stakeholders selected attaches one pain point to both.
  await node(page, 'Brand').click();
  await node(page, 'Social media team').click({ modifiers: ['Control'] });
  await page.locator('body').press('p');
  const title = inspector(page).getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill('Nobody owns the brand voice online');
  await inspector(page).getByLabel('Category').selectOption({ label: 'Roles' });
  await expect(inspector(page).getByRole('button', { name: 'Detach from Brand' })).toBeVisible();
  await expect(inspector(page).getByRole('button', { name: 'Detach from Social media team' })).toBeVisible();

  // Delete the Roles category, which is in use: its pain point moves to the chosen category.
  await page.getByRole('tab', { name: 'Pain points' }).click();
  await board(page).getByRole('button', { name: 'Categories…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Categories' });
  await dialog.getByRole('button', { name: 'Delete Roles' }).click();
  await dialog.getByLabel('Move its pain points to').selectOption({ label: 'Governance' });
  await dialog.getByRole('button', { name: 'Delete and move' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of Roles' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(board(page).getByRole('region', { name: 'Roles', exact: true })).toHaveCount(0);
  await expect(column(page, 'Governance').getByRole('article', { name: 'Nobody owns the brand voice online' })).toBeVisible();

  // One undo brings the category and the pain point's place back.
  await page.locator('body').press('Control+z');
  await expect(column(page, 'Roles').getByRole('article', { name: 'Nobody owns the brand voice online' })).toBeVisible();
});
