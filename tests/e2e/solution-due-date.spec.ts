import { CURRENT_VERSION } from '../../shared/document/format';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test } from './fixtures';

/*
 * Issue 14, item 7's data: a candidate solution gains an optional due date, a native date field named "Due date".
 * Set it, save (the file says "YYYY-MM-DD", format version 2), relaunch, reopen: the date is back; clear it.
 */

test('a solution’s due date is set in its editor, saved as YYYY-MM-DD and back after a relaunch', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Solutions' }).click();
  await page.getByRole('article', { name: 'Monthly customer insights digest' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const due = inspector.getByLabel('Due date');
  await expect(due).toHaveValue('');
  await due.fill('2027-03-19');
  await expect(due).toHaveValue('2027-03-19');

  const filePath = path.join(app.tempDir, 'dated.stakemap');
  app.dialogs.answerSave(filePath);
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('dated.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.version).toBe(CURRENT_VERSION);
  expect(saved.solutions.find((s) => s.title === 'Monthly customer insights digest')?.dueDate).toBe('2027-03-19');

  const second = await app.restart();
  await second.getByRole('button', { name: 'Open dated.stakemap' }).click();
  await second.getByRole('tab', { name: 'Solutions' }).click();
  await second.getByRole('article', { name: 'Monthly customer insights digest' }).click();
  const reopened = second.getByRole('complementary', { name: 'Inspector' }).getByLabel('Due date');
  await expect(reopened).toHaveValue('2027-03-19');
  await reopened.fill('');
  await expect(reopened).toHaveValue('');
  await second.locator('body').press('Control+s');
  await expect(second).toHaveTitle('dated.stakemap — Stakemap');
  const cleared = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(cleared.solutions.find((s) => s.title === 'Monthly customer insights digest')?.dueDate).toBeNull();
});
