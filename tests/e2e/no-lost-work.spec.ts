import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * No lost work: a file changed on disk behind the app is not silently overwritten; unsaved work survives the
 * app being killed (recovery drafts) and comes back on the next start; earlier saved versions can be restored.
 */

const node = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name} \\(`) });

function smallMap(title = 'Small map') {
  return {
    format: 'stakemap',
    version: 1,
    title,
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 400, y: 0 } },
    ],
    relationships: [{ id: 'r-1', source: 's-team', target: 's-legal', status: 'problematic' }],
    categories: DEFAULT_CATEGORIES,
  };
}

async function openSmallMap(app: StakemapApp): Promise<string> {
  const filePath = path.join(app.tempDir, 'small.stakemap');
  await writeFile(filePath, `${JSON.stringify(smallMap(), null, 2)}\n`);
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(app.page, 'Legal')).toBeVisible();
  return filePath;
}

async function addStakeholder(page: Page, name: string) {
  // N works on the map: wait for it (a key pressed while the start view is still up does nothing).
  await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
  await page.locator('body').press('n');
  const field = page.getByRole('textbox', { name: 'Rename New stakeholder' });
  await field.fill(name);
  await field.press('Enter');
  await expect(node(page, name)).toBeVisible();
}

/** The recovery drafts main keeps in the app's data folder. */
async function draftFiles(app: StakemapApp): Promise<string[]> {
  try {
    return (await readdir(path.join(app.userDataDir, 'recovery'))).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}

test('a file changed on disk is not overwritten without asking: Overwrite, or Reload from disk', async ({ app }) => {
  const { page } = app;
  const filePath = await openSmallMap(app);
  await addStakeholder(page, 'Crisis desk');

  // Someone else edits the file meanwhile.
  await writeFile(filePath, `${JSON.stringify(smallMap('Edited by a colleague'), null, 2)}\n`);
  await page.locator('body').press('Control+s');
  const question = page.getByRole('alertdialog', { name: '“small.stakemap” changed on disk' });
  await expect(question).toContainText('Nothing was saved yet');
  expect((JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument).title).toBe('Edited by a colleague');
  await expect(page).toHaveTitle(/^● small\.stakemap/);

  // Overwrite: our version is written.
  await question.getByRole('button', { name: 'Overwrite' }).click();
  await expect(page).toHaveTitle('small.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.stakeholders.map((s: { name: string }) => s.name)).toContain('Crisis desk');

  // Again, but this time reload what is on disk.
  await addStakeholder(page, 'Investor relations');
  await writeFile(filePath, `${JSON.stringify(smallMap('Edited again'), null, 2)}\n`);
  await page.locator('body').press('Control+s');
  await page.getByRole('alertdialog', { name: '“small.stakemap” changed on disk' }).getByRole('button', { name: /^Reload from disk/ }).click();
  await expect(page.getByRole('textbox', { name: 'Workspace title' })).toHaveValue('Edited again');
  await expect(node(page, 'Investor relations')).toHaveCount(0);
  await expect(page).toHaveTitle('small.stakemap — Stakemap');
});

test('after a crash the next start offers the unsaved work back; restored, it is unsaved until saved', async ({ app }) => {
  const { page } = app;
  const filePath = await openSmallMap(app);
  await addStakeholder(page, 'Crisis desk');
  // A draft is written a few seconds after the change.
  await expect.poll(() => draftFiles(app), { timeout: 15_000 }).toHaveLength(1);

  // The app dies: the page is dropped without any chance to save or ask.
  const second = await app.restart();
  const recovery = second.getByRole('region', { name: 'Unsaved work from last time' });
  await expect(recovery).toBeVisible();
  await expect(recovery).toContainText('Small map');
  await expect(recovery).toContainText(filePath);
  await recovery.getByRole('button', { name: 'Restore Small map' }).click();
  await expect(node(second, 'Crisis desk')).toBeVisible();
  await expect(second).toHaveTitle(/^● small\.stakemap/);
  // The file itself was never touched.
  expect((JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument).stakeholders).toHaveLength(2);

  // Saving puts the work in its file and removes the draft.
  await second.locator('body').press('Control+s');
  await expect(second).toHaveTitle('small.stakemap — Stakemap');
  expect((JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument).stakeholders.map((s: { name: string }) => s.name)).toContain('Crisis desk');
  await expect.poll(() => draftFiles(app)).toHaveLength(0);
});

test('a discarded draft does not come back, and Don’t Save on close leaves no draft behind', async ({ app }) => {
  const { page } = app;
  await openSmallMap(app);
  await addStakeholder(page, 'Crisis desk');
  await expect.poll(() => draftFiles(app), { timeout: 15_000 }).toHaveLength(1);
  let current = await app.restart();
  await current.getByRole('button', { name: 'Discard Small map' }).click();
  await expect(current.getByRole('region', { name: 'Unsaved work from last time' })).toHaveCount(0);
  expect(await draftFiles(app)).toHaveLength(0);

  // Open, change, wait for the draft, then close choosing Don't Save: the draft goes with the changes.
  await current.getByRole('button', { name: 'Open small.stakemap' }).click();
  await addStakeholder(current, 'Works council');
  await expect.poll(() => draftFiles(app), { timeout: 15_000 }).toHaveLength(1);
  app.dialogs.answerUnsaved('discard');
  expect(await app.requestClose()).toBe(true);
  expect(await draftFiles(app)).toHaveLength(0);
  current = await app.restart();
  await expect(current.getByRole('heading', { name: 'Recent workspaces' })).toBeVisible();
  await expect(current.getByRole('region', { name: 'Unsaved work from last time' })).toHaveCount(0);
});

test('Restore Previous Version lists earlier saves and brings one back as one undoable step', async ({ app }) => {
  const { page } = app;
  const filePath = await openSmallMap(app);
  await addStakeholder(page, 'Crisis desk');
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('small.stakemap — Stakemap');
  await addStakeholder(page, 'Investor relations');
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('small.stakemap — Stakemap');

  await app.menu('file.restoreVersion');
  const dialog = page.getByRole('dialog', { name: 'Restore previous version' });
  const versions = dialog.getByRole('button', { name: /^Restore the version saved / });
  // Newest first: the second save, the first save, and the file as it was before Stakemap first wrote over it.
  await expect(versions).toHaveCount(3);
  // The first save is the one without Investor relations.
  await versions.nth(1).click();
  await expect(node(page, 'Crisis desk')).toBeVisible();
  await expect(node(page, 'Investor relations')).toHaveCount(0);
  await expect(page).toHaveTitle(/^● small\.stakemap/);
  // The file is unchanged until saved; Undo takes the restore back.
  expect((JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument).stakeholders).toHaveLength(4);
  await page.locator('body').press('Control+z');
  await expect(node(page, 'Investor relations')).toBeVisible();
});
