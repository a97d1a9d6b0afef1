import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test, type StakemapApp } from './fixtures';
import { selectRelationship } from './map-helpers';

/*
 * Journey 13, stakeholders imported from the spreadsheet a team already keeps: File > Import Stakeholders…
 * reads CSV and XLSX, previews what would change with every bad row's number and reason, matches names into the
 * map (updates, not duplicates) and imports as one undo step.
 */

const start = {
  format: 'stakemap',
  version: 3,
  title: 'Import check',
  stakeholders: [
    { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
    { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 400, y: 0 }, influence: 3 },
  ],
  relationships: [],
  painPoints: [],
  solutions: [],
};

const name = (n: number) => `Stakeholder ${String(n).padStart(2, '0')}`;

/** 30 stakeholder rows: Legal again (written differently: an update), 27 new ones, and 2 bad rows (7 and 19). */
function stakeholdersCsv(): string {
  const rows = [['Name', 'Kind', 'Influence', 'Interest', 'Owner', 'Notes']];
  let next = 1;
  for (let row = 2; row <= 31; row++) {
    if (row === 2) rows.push(['  LÉGAL ', 'Internal department', '5', '2', 'Maria', 'Signs off every post']);
    else if (row === 7) rows.push(['Robots', 'robot', '3', '3', '', '']);
    else if (row === 19) rows.push(['Too strong', 'Outside party', '9', '1', '', '']);
    else rows.push([name(next++), next % 2 ? 'Outside party' : 'Internal department', String((next % 5) + 1), String(((next * 3) % 5) + 1), '', '']);
  }
  return csv(rows);
}

/** Rows as CSV text, quoted where a cell holds a comma or a quote. */
function csv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

/** 40 relationship rows between them, one bad (row 12: a stakeholder nobody has heard of). */
function relationshipsCsv(): string {
  const rows = [['From', 'To', 'Status', 'Label']];
  let pair = 0;
  for (let row = 2; row <= 41; row++) {
    if (row === 12) {
      rows.push([name(1), 'Nobody at all', 'strained', 'ghost']);
      continue;
    }
    const i = pair++;
    const from = (i % 27) + 1;
    const to = ((i + 1 + Math.floor(i / 27)) % 27) + 1;
    rows.push([name(from), name(to), i % 4 === 0 ? 'problematic' : 'healthy', `link ${i}`]);
  }
  return `${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** Opens the map the imports go into (Social media team and Legal), saved in the test's folder. */
async function openStart(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'import.stakemap');
  await writeFile(filePath, JSON.stringify(start));
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(app.page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  return filePath;
}

async function importFile(app: StakemapApp, filePath: string) {
  app.dialogs.answerOpen(filePath);
  await app.menu('file.importStakeholders');
  return app.page.getByRole('dialog', { name: `Import stakeholders from ${path.basename(filePath)}` });
}

test('import 30 stakeholders and 40 relationships with three bad rows: preview, per-row messages, one undo step each, on disk', async ({ app }) => {
  const { page } = app;
  const filePath = await openStart(app);

  const people = path.join(app.tempDir, 'stakeholders.csv');
  await writeFile(people, stakeholdersCsv());
  let dialog = await importFile(app, people);
  await expect(dialog.getByRole('combobox', { name: 'Name' })).toHaveValue('0');
  await expect(dialog.getByRole('status')).toContainText('27 new and 1 updated stakeholder');
  await expect(dialog.getByRole('status')).toContainText('2 rows with problems will be skipped');
  const problems = dialog.getByRole('region', { name: /Rows with problems/ }).getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText(/^Stakeholders, row 7: .*robot/);
  await expect(problems.nth(1)).toContainText(/^Stakeholders, row 19: .*(Influence|influence).*9/);
  await expect(dialog.getByRole('region', { name: /What will change/ })).toContainText('Legal (row 2): Influence 3 → 5');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported from stakeholders.csv: 27 stakeholders added, 1 updated' })).toBeVisible();

  const links = path.join(app.tempDir, 'relationships.csv');
  await writeFile(links, relationshipsCsv());
  dialog = await importFile(app, links);
  await expect(dialog.getByRole('status')).toContainText('39 new and 0 updated relationships');
  const linkProblems = dialog.getByRole('region', { name: /Rows with problems/ }).getByRole('listitem');
  await expect(linkProblems).toHaveCount(1);
  await expect(linkProblems.first()).toContainText(/^Relationships, row 12: .*Nobody at all/);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported from relationships.csv' })).toBeVisible();

  // Each import is one undo step: undo takes the relationships back, and only them.
  const summary = page.getByRole('complementary', { name: 'Inspector' });
  await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');

  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('import.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.stakeholders).toHaveLength(29);
  const legal = saved.stakeholders.filter((s) => s.name.toLowerCase().includes('legal'));
  expect(legal.map((s) => [s.name, s.influence, s.interest, s.owner])).toEqual([['Legal', 5, 2, 'Maria']]);
  expect(saved.relationships).toHaveLength(39);
  // New stakeholders were placed clear of each other and of the map.
  const boxes = saved.stakeholders.map((s) => s.position);
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 64).toBe(true);
  await expect(summary).toBeVisible();
});

test('an XLSX workbook with a stakeholders sheet and a relationships sheet imports both; undo takes it all back', async ({ app }) => {
  const { page } = app;
  await openStart(app);

  const dialog = await importFile(app, path.resolve('tests/fixtures/import/two-sheets.xlsx'));
  await expect(dialog.getByRole('group', { name: /Stakeholders: sheet “Stakeholders”/ })).toBeVisible();
  await expect(dialog.getByRole('group', { name: /Relationships: sheet “Relationships”/ })).toBeVisible();
  await expect(dialog.getByRole('region', { name: /Rows with problems/ })).toContainText('Stakeholders, row 5');
  // A formula's text is imported as text, never evaluated.
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('group', { name: /^Agency \(/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Relationship Social media team – Agency:/ })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: /^Agency \(/ })).toHaveCount(0);
});

test('a file that is not a spreadsheet, or names no columns, says so and changes nothing', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New workspace' }).click();
  const png = path.join(app.tempDir, 'photo.csv');
  await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await importFile(app, png);
  const message = page.getByRole('alertdialog', { name: 'Could not import photo.csv' });
  await expect(message).toContainText('photo.csv');
  await message.getByRole('button', { name: 'OK' }).click();

  const noHeader = path.join(app.tempDir, 'numbers.csv');
  await writeFile(noHeader, '1,2,3\n4,5,6\n');
  await importFile(app, noHeader);
  const nothing = page.getByRole('alertdialog', { name: 'Nothing to import in numbers.csv' });
  await expect(nothing).toContainText('first row');
  await nothing.getByRole('button', { name: 'OK' }).click();
});

test('a relationships sheet carries how the To side sees it: Their status and Their note, added and then updated', async ({ app }) => {
  const { page } = app;
  const filePath = await openStart(app);
  const sheet = path.join(app.tempDir, 'both sides.csv');
  const header = ['From', 'To', 'Status', 'Label', 'Their status', 'Their note'];
  await writeFile(sheet, csv([header, ['Social media team', 'Legal', 'Problematic', 'sign-off', 'Healthy', 'We answer "within a day"']]));

  let dialog = await importFile(app, sheet);
  await expect(dialog.getByRole('combobox', { name: 'Their status' })).toHaveValue('4');
  await expect(dialog.getByRole('combobox', { name: 'Their note' })).toHaveValue('5');
  await expect(dialog.getByRole('region', { name: /What will change/ })).toContainText(
    'New relationship: Social media team – Legal (sign-off), problematic; Legal sees it as healthy (row 2)',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  await selectRelationship(page, 'Social media team', 'Legal');
  const otherSide = page.getByRole('complementary', { name: 'Inspector' }).getByRole('group', { name: 'How Legal sees it' });
  await expect(otherSide.getByRole('combobox', { name: 'Their status' })).toHaveValue('healthy');
  await expect(otherSide.getByRole('textbox', { name: 'Their note' })).toHaveValue('We answer "within a day"');

  // The same sheet later, with Legal's view changed: the preview says from what to what.
  await writeFile(sheet, csv([header, ['Social media team', 'Legal', '', '', 'Strained', '']]));
  dialog = await importFile(app, sheet);
  await expect(dialog.getByRole('region', { name: /What will change/ })).toContainText('Social media team – Legal (row 2): Their status healthy → strained');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(otherSide.getByRole('combobox', { name: 'Their status' })).toHaveValue('strained');

  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('import.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.relationships.map((r) => [r.status, r.label, r.otherSide])).toEqual([['problematic', 'sign-off', { status: 'strained', notes: 'We answer "within a day"' }]]);
});
