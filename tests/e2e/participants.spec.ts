import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test } from './fixtures';

/*
 * Journeys 10 and 11: the room's participants (View > Participants…), names optional, each with their department
 * and the votes cast for them; and the voice of a pain point and of each quote (the department it came from,
 * never a person), set in the inspector. Saved, relaunched, reopened: everything is back.
 */

test.use({ viewport: { width: 1280, height: 720 } });

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function expectNoSeriousAxeViolations(page: Page, within: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include(within).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => ({ rule: v.id, elements: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

test('participants are added, named, given a department and removed (undo brings their votes back); voices are set; all of it is saved', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('textbox', { name: 'Workspace title' })).toBeVisible();
  await app.menu('view.participants');
  const dialog = page.getByRole('dialog', { name: 'Participants' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('names never appear in safe-to-share exports')).toBeVisible();
  // The sample's six anonymous participants, each with their three dots cast on the board.
  await expect(dialog.getByRole('listitem')).toHaveCount(6);
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P1' })).toBeFocused();
  await expect(dialog.getByText('3 of 3 votes cast')).toHaveCount(6);
  await expect(dialog.getByRole('combobox', { name: 'Department of P3' })).toHaveValue('s-legal');
  await expectNoSeriousAxeViolations(page, 'dialog[open]');

  // Add: the next free anonymous label, its field focused and selected, so typing names them at once.
  await dialog.getByRole('button', { name: 'Add participant' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(7);
  const added = dialog.getByRole('textbox', { name: 'Name or label of P7' });
  await expect(added).toBeFocused();
  await expect(added).toHaveValue('P7');
  await expect(dialog.getByRole('status')).toHaveText('P7 added. Type their name, or keep the label.');
  await page.keyboard.type('Amira');
  const amira = dialog.getByRole('textbox', { name: 'Name or label of Amira' });
  await expect(amira).toHaveValue('Amira');
  await expect(amira).toBeFocused();
  await expect(dialog.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Name or label of Amira' }) })).toContainText('0 of 3 votes cast');

  // A department: departments first, then the team and the outside parties; "No department" is none.
  const department = dialog.getByRole('combobox', { name: 'Department of Amira' });
  await expect(department).toHaveValue('');
  await department.selectOption({ label: 'Brand' });
  await expect(department).toHaveValue('s-brand');

  // Rename one of the sample's participants. Emptying the field commits nothing: the label is back on leaving it.
  const p2 = dialog.getByRole('textbox', { name: 'Name or label of P2' });
  await p2.fill('');
  await p2.press('Tab');
  await expect(p2).toHaveValue('P2');
  await p2.fill('Sam');
  await expect(dialog.getByRole('textbox', { name: 'Name or label of Sam' })).toHaveValue('Sam');

  // Remove: the keyboard goes to the next row, and the room hears that the votes went too.
  await dialog.getByRole('button', { name: 'Remove P3' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(6);
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P3' })).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P4' })).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText('Removed P3 and the 3 votes cast for them. Undo brings them back.');
  await expect(dialog.getByText('3 of 3 votes cast')).toHaveCount(5);

  // Ctrl+Z in the dialog brings them back with their votes; Ctrl+Shift+Z removes them again, Ctrl+Z once more.
  await page.keyboard.press('Control+z');
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P3' })).toHaveValue('P3');
  await expect(dialog.getByRole('combobox', { name: 'Department of P3' })).toHaveValue('s-legal');
  await expect(dialog.getByText('3 of 3 votes cast')).toHaveCount(6);
  await page.keyboard.press('Control+Shift+z');
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P3' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(dialog.getByRole('listitem')).toHaveCount(7);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The voice of a pain point and of one of its quotes, in the inspector.
  await app.menu('view.showBoard');
  await page.getByRole('region', { name: 'Pain point board' }).getByRole('article', { name: 'Reactive posts go stale waiting for two sign-offs' }).click();
  const voice = inspector(page).getByRole('combobox', { name: 'Voice', exact: true });
  await expect(voice).toHaveValue('');
  await expect(inspector(page).getByText('The department whose voice this came from — never a person.')).toBeVisible();
  await voice.selectOption({ label: 'Legal' });
  await expect(voice).toHaveValue('s-legal');
  const quoteVoice = inspector(page).getByRole('combobox', { name: 'Voice of quote 2' });
  await expect(quoteVoice).toHaveValue('');
  await quoteVoice.selectOption({ label: 'Compliance' });
  await expect(quoteVoice).toHaveValue('s-compliance');
  await expect(inspector(page).getByRole('combobox', { name: 'Voice of quote 1' })).toHaveValue('');

  // Saved to the file …
  const filePath = path.join(app.tempDir, 'participants.stakemap');
  app.dialogs.answerSave(filePath);
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('participants.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.participants.map((p) => [p.label, p.departmentId])).toEqual([
    ['P1', 's-social'],
    ['Sam', 's-social'],
    ['P3', 's-legal'],
    ['P4', 's-brand'],
    ['P5', 's-compliance'],
    ['P6', 's-service'],
    ['Amira', 's-brand'],
  ]);
  expect(saved.ballots).toHaveLength(18);
  const reactive = saved.painPoints.find((p) => p.id === 'p-reactive-stale');
  expect(reactive?.voice).toBe('s-legal');
  expect(reactive?.quotes.map((q) => q.voice)).toEqual([null, 's-compliance']);

  // … and back after a relaunch.
  const second = await app.restart();
  await second.getByRole('button', { name: 'Open participants.stakemap' }).click();
  await expect(second).toHaveTitle('participants.stakemap — Stakemap');
  await app.menu('view.participants');
  const reopened = second.getByRole('dialog', { name: 'Participants' });
  await expect(reopened.getByRole('textbox', { name: 'Name or label of Amira' })).toHaveValue('Amira');
  await expect(reopened.getByRole('combobox', { name: 'Department of Amira' })).toHaveValue('s-brand');
  await expect(reopened.getByRole('textbox', { name: 'Name or label of Sam' })).toBeVisible();
  await expect(reopened.getByText('3 of 3 votes cast')).toHaveCount(6);
  // Escape closes it, as any dialog.
  await second.keyboard.press('Escape');
  await expect(reopened).toBeHidden();
  await app.menu('view.showBoard');
  await second.getByRole('region', { name: 'Pain point board' }).getByRole('article', { name: 'Reactive posts go stale waiting for two sign-offs' }).click();
  await expect(inspector(second).getByRole('combobox', { name: 'Voice', exact: true })).toHaveValue('s-legal');
  await expect(inspector(second).getByRole('combobox', { name: 'Voice of quote 2' })).toHaveValue('s-compliance');
});

test('a workspace without participants says how to add them, and the first one is P1', async ({ app }) => {
  const { page } = app;
  // On the start view there is no workspace, so no participants to show.
  await app.menu('view.participants');
  await expect(page.getByRole('dialog', { name: 'Participants' })).toHaveCount(0);

  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
  await app.menu('view.participants');
  const dialog = page.getByRole('dialog', { name: 'Participants' });
  await expect(dialog.getByText('No participants yet. Add one for each person in the room; votes are cast for them on the board.')).toBeVisible();
  const add = dialog.getByRole('button', { name: 'Add participant' });
  await expect(add).toBeFocused();
  await add.click();
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P1' })).toBeFocused();
  // Undoing the add takes the focused row away: the keyboard stays in the dialog, on Add participant.
  await page.keyboard.press('Control+z');
  await expect(dialog.getByText(/^No participants yet\./)).toBeVisible();
  await expect(add).toBeFocused();
  await page.keyboard.press('Control+Shift+z');
  await expect(dialog.getByText('0 of 3 votes cast')).toBeVisible();
  // A workspace with no stakeholders offers only "No department".
  await expect(dialog.getByRole('combobox', { name: 'Department of P1' }).getByRole('option')).toHaveText(['No department']);
  await add.click();
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P2' })).toBeFocused();

  // Removing the last one leaves the keyboard on Add participant, and the empty state again after both.
  await dialog.getByRole('button', { name: 'Remove P2' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P1' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Remove P1' }).click();
  await expect(add).toBeFocused();
  await expect(dialog.getByText(/^No participants yet\./)).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Removed P1. Undo brings them back.');
  // The next free label fills a gap: with P2 back, the next one is P1.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Remove P1' }).click();
  await add.click();
  await expect(dialog.getByRole('textbox', { name: 'Name or label of P1' })).toBeFocused();
});
