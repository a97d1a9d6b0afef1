import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * Journey 13, the power/interest grid: each stakeholder placed by influence and interest in the four named
 * quadrants, the unscored in a tray; dragging a card (or the arrow keys) sets the scores, one undo step each,
 * seen in the inspector and in the saved file.
 */

const doc = {
  format: 'stakemap',
  version: 1,
  title: 'Grid check',
  stakeholders: [
    { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 }, influence: 3, interest: 5 },
    { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 400, y: 0 }, influence: 5, interest: 2 },
    { id: 's-it', name: 'IT', kind: 'department', position: { x: 0, y: 300 } },
    { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 400, y: 300 }, influence: 5, interest: 2 },
  ],
  relationships: [{ id: 'r-1', source: 's-team', target: 's-legal', status: 'problematic', label: 'post approvals' }],
  painPoints: [{ id: 'p-1', title: 'Sign-off takes days', attachedTo: [{ type: 'stakeholder', id: 's-legal' }], votes: 2 }],
  solutions: [],
};

async function openGrid(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'grid.stakemap');
  await writeFile(filePath, JSON.stringify(doc));
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await app.page.getByRole('tab', { name: 'Grid' }).click();
  return filePath;
}

const card = (app: StakemapApp, name: string) => app.page.getByRole('button', { name: new RegExp(`^${name}: `) });
const cell = (app: StakemapApp, influence: number, interest: number) => app.page.getByRole('group', { name: new RegExp(`^Influence ${influence}, interest ${interest} `) });
const inspector = (app: StakemapApp) => app.page.getByRole('complementary', { name: 'Inspector' });

test('drag a stakeholder on the grid: its scores change in the inspector and the saved file, one undo step', async ({ app }) => {
  const { page } = app;
  const filePath = await openGrid(app);
  // Quadrants named; the cards where their scores put them; ties side by side; IT in the tray.
  for (const name of ['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']) await expect(page.getByText(name, { exact: true })).toBeVisible();
  await expect(cell(app, 5, 2).getByRole('button')).toHaveCount(2);
  await expect(card(app, 'Legal')).toHaveAccessibleName(/influence 5, interest 2, Keep satisfied; 1 problematic relationship, 1 pain point/);
  await expect(page.getByRole('complementary', { name: /Not scored/ }).getByRole('button', { name: /^IT: not scored/ })).toBeVisible();

  // Drag Legal to influence 2, interest 4 (Keep informed).
  await card(app, 'Legal').dragTo(cell(app, 2, 4));
  await expect(cell(app, 2, 4).getByRole('button', { name: /^Legal: influence 2, interest 4, Keep informed/ })).toBeVisible();
  await expect(inspector(app).getByLabel('Influence')).toHaveValue('2');
  await expect(inspector(app).getByLabel('Interest')).toHaveValue('4');
  await expect(page.getByRole('status').filter({ hasText: 'Legal: influence 2, interest 4 (Keep informed).' })).toBeVisible();

  // One undo step puts both scores back.
  await page.keyboard.press('Control+z');
  await expect(cell(app, 5, 2).getByRole('button', { name: /^Legal: / })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(app, 2, 4).getByRole('button', { name: /^Legal: / })).toBeVisible();

  // From the tray with the keyboard: IT comes on at the middle, then one cell up.
  await card(app, 'IT').focus();
  await page.keyboard.press('ArrowUp');
  await expect(cell(app, 3, 3).getByRole('button', { name: /^IT: influence 3, interest 3, Manage closely/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(app, 4, 3).getByRole('button', { name: /^IT: / })).toBeFocused();
  // Brand dropped on the tray loses both scores.
  await card(app, 'Brand').dragTo(page.getByRole('complementary', { name: /Not scored/ }));
  await expect(page.getByRole('complementary', { name: /Not scored/ }).getByRole('button', { name: /^Brand: not scored/ })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('grid.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  const scores = Object.fromEntries(saved.stakeholders.map((s) => [s.name, [s.influence ?? null, s.interest ?? null]]));
  expect(scores).toEqual({ 'Social media team': [3, 5], Legal: [2, 4], IT: [4, 3], Brand: [null, null] });
});
