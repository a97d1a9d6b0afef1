import { execFileSync } from 'node:child_process';
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

/** Two groups that reach each other only through Brand: the answer to "who is the bottleneck" is known. */
const clusters = {
  format: 'stakemap',
  version: 1,
  title: 'Bottleneck check',
  stakeholders: [
    ...['Team', 'Legal', 'IT'].map((name, i) => ({ id: `a${i}`, name, kind: 'department', position: { x: i * 260, y: 0 }, influence: 4, interest: 4 })),
    { id: 'hub', name: 'Brand', kind: 'department', position: { x: 260, y: 200 }, influence: 5, interest: 2 },
    ...['Agency', 'Press', 'Regulator'].map((name, i) => ({ id: `b${i}`, name, kind: 'external', position: { x: i * 260, y: 400 }, influence: 2, interest: 2 })),
  ],
  relationships: [
    { id: 'r1', source: 'a0', target: 'a1', status: 'healthy' },
    { id: 'r2', source: 'a1', target: 'a2', status: 'healthy' },
    { id: 'r3', source: 'a0', target: 'a2', status: 'healthy' },
    { id: 'r4', source: 'a1', target: 'hub', status: 'strained' },
    { id: 'r5', source: 'hub', target: 'b1', status: 'problematic' },
    { id: 'r6', source: 'b0', target: 'b1', status: 'healthy' },
    { id: 'r7', source: 'b1', target: 'b2', status: 'healthy' },
    { id: 'r8', source: 'b0', target: 'b2', status: 'healthy' },
  ],
  painPoints: [],
  solutions: [],
};

test('Bridges and bottlenecks names the one stakeholder the two groups reach each other through; PDF and PNG carry the grid', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'clusters.stakemap');
  await writeFile(filePath, JSON.stringify(clusters));
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await page.getByRole('tab', { name: 'Grid' }).click();

  const list = page.getByRole('region', { name: 'Bridges and bottlenecks' });
  const first = list.getByRole('listitem').first();
  await expect(first.getByRole('button')).toHaveText('Brand');
  // The 3 × 3 pairs across the groups meet in Brand: 9 of the 15 routes between the other six.
  await expect(first).toContainText('9 of the 15 routes between other stakeholders pass through Brand; connected to 2.');
  await first.getByRole('button', { name: 'Brand' }).click();
  await expect(inspector(app).getByRole('textbox', { name: 'Name' })).toHaveValue('Brand');

  // The PDF report has the grid on a page of its own and the ranking.
  const pdf = path.join(app.tempDir, 'report.pdf');
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: /^PDF/ }).check();
  app.dialogs.answerExport(pdf);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'PDF report exported to' })).toBeVisible();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const gridPage = text.split('\f').find((p) => p.includes('Power/interest grid'));
  expect(gridPage, 'a page with the grid').toBeDefined();
  for (const words of ['Influence 5', 'Interest 1', 'Brand', 'Regulator', 'Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']) expect(gridPage).toContain(words);
  expect(text.replace(/\s+/g, ' ')).toContain('Bridges and bottlenecks 1. Brand: 9 of the 15 routes between other stakeholders pass through Brand; connected to 2.');

  // The grid as a PNG.
  const png = path.join(app.tempDir, 'grid.png');
  await app.menu('file.export');
  await dialog.getByRole('radio', { name: /^PNG/ }).check();
  await dialog.getByRole('radio', { name: 'Power/interest grid' }).check();
  await dialog.getByRole('radio', { name: '1×' }).check();
  app.dialogs.answerExport(png);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'PNG exported to grid.png' })).toBeVisible();
  const bytes = await readFile(png);
  expect(bytes.readUInt32BE(16), 'the grid frame is 1,100 px wide at 1x').toBe(1100);
  if (process.env.STAKEMAP_KEEP_SHOTS) await writeFile('/tmp/shots/grid-export.png', bytes);
});

test('the map can mark the top bridges and bottlenecks, in words on their nodes', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'clusters.stakemap');
  await writeFile(filePath, JSON.stringify(clusters));
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).first().click();
  const brand = page.getByRole('group', { name: /^Brand \(/ });
  await expect(brand).toBeVisible();
  await expect(page.getByText(/^Bottleneck \d$/)).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).check();
  await expect(brand.getByText('Bottleneck 1')).toBeVisible();
  await expect(page.getByText(/^Bottleneck \d$/)).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Mark bridges and bottlenecks' }).uncheck();
  await expect(page.getByText(/^Bottleneck \d$/)).toHaveCount(0);
});
