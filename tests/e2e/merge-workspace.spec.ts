import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CURRENT_VERSION } from '../../shared/document/format';
import { parseWorkspace } from '../../shared/document/parse';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test } from './fixtures';
import { node } from './map-helpers';

/*
 * Journey 14, across rooms: File > Merge Workspace… brings breakout group B's map into group A's. The preview
 * names what it would do before anything changes: stakeholders matched by name ("Social Media Team" is "Social
 * media team", "legal" is "Legal "), one confirmed by hand under another name ("PR" is "Press office"), the
 * relationship whose two maps disagree listed for a decision, likely duplicate pain points offered. Merge is one
 * undo step, and the result on disk is a valid workspace with every stakeholder once and nothing overlapping.
 */

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'merge');

test('merge a breakout map: preview, confirm an alias, decide a status, merge one duplicate, one undo step, saved', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'room.stakemap');
  const breakout = path.join(app.tempDir, 'breakout-b.stakemap');
  await copyFile(path.join(FIXTURES, 'breakout-a.stakemap'), filePath);
  await copyFile(path.join(FIXTURES, 'breakout-b.stakemap'), breakout);
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(node(page, 'Press office')).toBeVisible();

  app.dialogs.answerOpen(breakout);
  await app.menu('file.mergeWorkspace');
  const dialog = page.getByRole('dialog', { name: 'Merge workspace' });
  await expect(dialog).toContainText('Merging “breakout-b.stakemap” into this map.');
  const summary = dialog.getByRole('list', { name: 'What the merge does' });
  await expect(summary).toContainText('Stakeholders: 4 matched, 9 new');
  await expect(summary).toContainText('1 status to decide');

  // "PR" is the Press office here; the suggestion for "Ecommerce" is offered first in its list.
  const ecommerce = dialog.getByRole('combobox', { name: /^“Ecommerce” is/ });
  await expect(ecommerce.locator('option').nth(1)).toHaveText('E-commerce (likely)');
  await ecommerce.selectOption({ label: 'E-commerce (likely)' });
  await dialog.getByRole('combobox', { name: /^“PR” is/ }).selectOption({ label: 'Press office' });
  await expect(summary).toContainText('Stakeholders: 6 matched, 7 new');

  // The two rooms disagree on Legal: take theirs (strained).
  await dialog.getByRole('radiogroup', { name: /^Social media team – Legal/ }).getByRole('radio', { name: 'Take theirs: Strained' }).check();
  // The same pain point in other words: merge them.
  const duplicate = dialog.getByRole('checkbox', { name: '“Legal sign-offs take too many days” is “Legal sign-off takes days”' });
  await expect(duplicate).not.toBeChecked();
  await duplicate.check();
  await expect(summary).toContainText('Pain points: 4 new, 1 merged with a duplicate');

  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Merged “breakout-b.stakemap”: 7 stakeholders added, 6 matched' })).toBeVisible();
  await expect(node(page, 'Regulator')).toBeVisible();
  await expect(node(page, 'PR')).toHaveCount(0);

  // One undo step takes the whole merge back, redo brings it again.
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Regulator')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'Regulator')).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('room.stakemap — Stakemap');
  const text = await readFile(filePath, 'utf8');
  const parsed = parseWorkspace(text);
  expect(parsed.ok).toBe(true);
  const saved = JSON.parse(text) as WorkspaceDocument;
  expect(saved.version).toBe(CURRENT_VERSION);
  const names = saved.stakeholders.map((s) => s.name.trim().toLowerCase().replace(/\s+/g, ' '));
  expect(saved.stakeholders).toHaveLength(14 + 7);
  expect(new Set(names).size).toBe(names.length);
  expect(names).not.toContain('pr');
  expect(names).not.toContain('ecommerce');
  expect(new Set(saved.stakeholders.map((s) => s.id)).size).toBe(saved.stakeholders.length);
  const legal = saved.relationships.filter((r) => [r.source, r.target].includes(saved.stakeholders.find((s) => s.name === 'Legal ')!.id) && [r.source, r.target].includes(saved.stakeholders.find((s) => s.name === 'Social media team')!.id));
  expect(legal.map((r) => r.status)).toEqual(['strained']);
  expect(saved.painPoints).toHaveLength(4 + 4);
  // Nothing on top of anything: no two stakeholders' default boxes (220 × 64) overlap.
  for (const [i, a] of saved.stakeholders.entries()) {
    for (const b of saved.stakeholders.slice(i + 1)) {
      const overlap = Math.abs(a.position.x - b.position.x) < 220 && Math.abs(a.position.y - b.position.y) < 64;
      expect(overlap, `${a.name} and ${b.name} overlap`).toBe(false);
    }
  }
});

test('a file that is not a workspace is refused with its name, and the map is left as it was', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  const bad = path.join(app.tempDir, 'notes.stakemap');
  await copyFile(path.join(FIXTURES, '..', 'workspaces', 'truncated.stakemap'), bad);
  app.dialogs.answerOpen(bad);
  await app.menu('file.mergeWorkspace');
  const message = page.getByRole('alertdialog').or(page.getByRole('dialog', { name: /notes\.stakemap/ }));
  await expect(message.first()).toContainText('notes.stakemap');
  await expect(page.getByRole('dialog', { name: 'Merge workspace' })).toBeHidden();
});
