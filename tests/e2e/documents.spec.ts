import { CURRENT_VERSION } from '../../shared/document/format';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToCurrent } from '../../shared/document/migrate';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test } from './fixtures';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workspaces');

test.describe('first run', () => {
  test.use({ firstRun: true });
  test('opens on the bundled sample workshop', async ({ app }) => {
    await expect(app.page.getByRole('textbox', { name: 'Workspace title' })).toHaveValue('Organising for Social — sample workshop');
    await expect(app.page.getByRole('group', { name: /^Social media team \(Our team\)/ })).toBeVisible();
    await expect(app.page.getByRole('group', { name: /problematic/ })).toHaveCount(3);
  });
});

test('a file handed over by the OS opens, and its pain points and solutions survive a save unchanged', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'full.stakemap');
  await copyFile(path.join(fixtures, 'valid-full.stakemap'), filePath);
  const original = await readFile(filePath, 'utf8');
  await app.openFromOs(filePath);
  await expect(page).toHaveTitle('full.stakemap — Stakemap');
  // Saved again without changes, the canonical file comes back byte for byte.
  await page.locator('body').press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved to full.stakemap');
  expect(await readFile(filePath, 'utf8')).toBe(original);
});

test('unknown properties written by another tool are kept when Stakemap saves', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'foreign-tool.stakemap');
  await copyFile(path.join(fixtures, 'unknown-properties.stakemap'), filePath);
  await app.openFromOs(filePath);
  await page.getByRole('textbox', { name: 'Workspace title' }).fill('Renamed by Stakemap');
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('foreign-tool.stakemap — Stakemap');
  const original = JSON.parse(await readFile(path.join(fixtures, 'unknown-properties.stakemap'), 'utf8')) as WorkspaceDocument;
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.title).toBe('Renamed by Stakemap');
  // A version 1 file: saved migrated to the current version (votes become tallies, quotes objects, a hidden agenda,
  // every relationship's other side not recorded, no snapshots), with every property the other tool wrote still
  // there; the new fields of versions 2, 3 and 4 are added at their defaults.
  const migrated = migrateToCurrent(original, 1);
  expect(migrated.ok).toBe(true);
  expect(saved.version).toBe(CURRENT_VERSION);
  expect(saved.relationships.every((r) => r.otherSide === null)).toBe(true);
  expect(saved.snapshots).toEqual([]);
  expect({ ...saved, title: original.title, updatedAt: original.updatedAt }).toMatchObject(migrated.ok ? migrated.raw : {});
});

test('a version 2 file opens and is saved in the current version, with nothing else changed', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'older.stakemap');
  await copyFile(path.join(fixtures, 'v2-full.stakemap'), filePath);
  const original = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  await app.openFromOs(filePath);
  await expect(page).toHaveTitle('older.stakemap — Stakemap');
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  await page.locator('body').press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved to older.stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  // Nothing but the version, the other side's view (not recorded) and the snapshots (none) changed.
  expect(saved).toEqual({ ...original, version: CURRENT_VERSION, relationships: original.relationships.map((r) => ({ ...r, otherSide: null })), snapshots: [] });
});

test('a version 3 file opens and is saved as version 4, byte for byte the same but for the version and snapshots lines', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(app.tempDir, 'before-snapshots.stakemap');
  await copyFile(path.join(fixtures, 'v3-full.stakemap'), filePath);
  const original = await readFile(filePath, 'utf8');
  await app.openFromOs(filePath);
  await expect(page).toHaveTitle('before-snapshots.stakemap — Stakemap');
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  await page.locator('body').press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved to before-snapshots.stakemap');
  const expected = original.replace('\n  "version": 3,\n', '\n  "version": 4,\n').replace(/\n {2}\]\n\}\n$/, '\n  ],\n  "snapshots": []\n}\n');
  expect(expected).not.toBe(original);
  expect(await readFile(filePath, 'utf8')).toBe(expected);
});

test.describe('unsaved changes', () => {
  test('New asks first: Cancel keeps the work, Don’t Save discards it', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByRole('button', { name: 'Add Legal' }).click();
    await expect(page).toHaveTitle('● Untitled workspace — Stakemap');
    expect(app.documentState()?.dirty).toBe(true);

    app.dialogs.answerUnsaved('cancel');
    await page.getByRole('button', { name: 'New workspace' }).click();
    await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();

    app.dialogs.answerUnsaved('discard');
    await page.getByRole('button', { name: 'New workspace' }).click();
    await expect(page.getByRole('group', { name: /^Legal \(/ })).toHaveCount(0);
    await expect(page).toHaveTitle('Untitled workspace — Stakemap');
  });

  test('closing the window with unsaved changes can save first', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByRole('button', { name: 'Add Compliance' }).click();
    const filePath = path.join(app.tempDir, 'closing.stakemap');
    app.dialogs.answerUnsaved('save');
    app.dialogs.answerSave(filePath);
    expect(await app.requestClose()).toBe(true);
    const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
    expect(saved.stakeholders.map((s: { name: string }) => s.name)).toEqual(['Compliance']);
  });

  test('closing can be cancelled', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByRole('button', { name: 'Add HR' }).click();
    app.dialogs.answerUnsaved('cancel');
    expect(await app.requestClose()).toBe(false);
    await expect(page.getByRole('group', { name: /^HR \(/ })).toBeVisible();
  });

  test('opening another file with unsaved changes asks first', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByRole('button', { name: 'Add IT' }).click();
    const other = path.join(app.tempDir, 'other.stakemap');
    await copyFile(path.join(fixtures, 'valid-minimal.stakemap'), other);
    app.dialogs.answerUnsaved('cancel');
    await app.openFromOs(other);
    await expect(page.getByRole('group', { name: /^IT \(/ })).toBeVisible();
    app.dialogs.answerUnsaved('discard');
    await app.openFromOs(other);
    await expect(page).toHaveTitle('other.stakemap — Stakemap');
  });

  test('a failed save keeps the work unsaved and offers Save As', async ({ app }) => {
    const { page } = app;
    const filePath = path.join(app.tempDir, 'will-fail.stakemap');
    await copyFile(path.join(fixtures, 'valid-minimal.stakemap'), filePath);
    await app.openFromOs(filePath);
    await page.getByRole('button', { name: 'Add Sales' }).click();
    // Replace the file's folder entry with a directory of the same name: the rename over it must fail.
    await rm(filePath);
    await mkdir(filePath);
    await page.locator('body').press('Control+s');
    const alert = page.getByRole('alertdialog');
    await expect(alert.getByRole('heading')).toContainText('“will-fail.stakemap” could not be saved');
    await expect(alert.getByRole('button', { name: 'Save As…' })).toBeVisible();
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect(page).toHaveTitle('● will-fail.stakemap — Stakemap');
  });
});
