import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWorkspace } from '../../shared/document/parse';
import { expect, test } from './fixtures';

/*
 * Journey 8: a broken file gets a clear message naming the file and the problem, the app keeps working, and
 * the file on disk is not changed by the failed open.
 */

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workspaces');
const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

const broken: Array<{ file: string; says: RegExp }> = [
  { file: 'not-json.stakemap', says: /damaged or not JSON/ },
  { file: 'truncated.stakemap', says: /truncated/ },
  { file: 'empty.stakemap', says: /empty/ },
  { file: 'foreign.json', says: /not a Stakemap workspace/ },
  { file: 'json-array.stakemap', says: /not a Stakemap workspace/ },
  { file: 'newer-version.stakemap', says: /format version 5.*format version 4/ },
  { file: 'invalid-field.stakemap', says: /stakeholders\[\d+\]\.kind/ },
  { file: 'duplicate-ids.stakemap', says: /already used/ },
  // Notepad's "Unicode": refused by main's strict UTF-8 reader, or by the parser when it has no byte order mark.
  { file: 'utf16le.stakemap', says: /not UTF-8|UTF-16/ },
  { file: 'utf16le-no-bom.stakemap', says: /saved as UTF-16 LE text.*UTF-8 only/ },
  { file: 'non-finite-numbers.stakemap', says: /stakeholders\[0\]\.position\.x: expected a finite number, found Infinity/ },
  { file: 'bad-votes.stakemap', says: /painPoints\[1\]\.tally: expected a whole number/ },
  { file: 'long-name.stakemap', says: /stakeholders\[0\]\.name: is 10,001 characters long/ },
  // Issue 11: used to make parsing throw (nothing was shown); now the first problems, and a bounded count.
  { file: 'many-bad-quotes.stakemap', says: /more than 1,000 fields are not valid[\s\S]*painPoints\[0\]\.quotes\[0\]: expected an object, found 1/ },
  { file: 'utf32le-no-bom.stakemap', says: /saved as UTF-32 LE text/ },
];

for (const { file, says } of broken) {
  test(`opening ${file} explains the problem and changes nothing`, async ({ app }) => {
    const { page } = app;
    const filePath = path.join(fixtures, file);
    const before = await sha(filePath);

    app.dialogs.answerOpen(filePath);
    await page.getByRole('button', { name: 'Open…' }).click();
    const alert = page.getByRole('alertdialog');
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('heading')).toContainText(`“${file}” could not be opened`);
    await expect(alert).toContainText(says);
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect(alert).toBeHidden();

    // Still usable: the start view works and a new workspace opens.
    await page.getByRole('button', { name: 'New workspace' }).click();
    await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
    expect(await sha(filePath)).toBe(before);
  });
}

test('a failed open keeps the workspace that was open', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  app.dialogs.answerOpen(path.join(fixtures, 'truncated.stakemap'));
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
});

test('a file with broken references opens and lists each one', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(fixtures, 'dangling-references.stakemap');
  const before = await sha(filePath);
  const parsed = parseWorkspace(await readFile(filePath, 'utf8'));
  if (!parsed.ok) throw new Error('fixture should parse');
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).click();
  const alert = page.getByRole('alertdialog');
  await expect(alert.getByRole('heading')).toContainText('“dangling-references.stakemap” opened with broken references');
  // One line per broken reference, each naming the missing id.
  await expect(alert.getByRole('listitem')).toHaveCount(parsed.danglingReferences.length);
  for (const ref of parsed.danglingReferences) await expect(alert).toContainText(`“${ref.missing.id}”`);
  await expect(alert).toContainText('which does not exist');
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('region', { name: 'Stakeholder map' })).toBeVisible();
  expect(await sha(filePath)).toBe(before);
});

test('a file that writes a key twice opens with the last value and says which value was kept', async ({ app }) => {
  const { page } = app;
  const filePath = path.join(fixtures, 'duplicate-keys.stakemap');
  const before = await sha(filePath);
  app.dialogs.answerOpen(filePath);
  await page.getByRole('button', { name: 'Open…' }).click();
  const alert = page.getByRole('alertdialog');
  await expect(alert.getByRole('heading')).toContainText('“duplicate-keys.stakemap” opened with repeated keys');
  await expect(alert).toContainText('stakeholders[0]: the key “name” is written 2 times; the last value, "Legal & Compliance", was kept.');
  await expect(alert).toContainText('(top level): the key “title” is written 2 times; the last value, "Merged by hand", was kept.');
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('group', { name: /^Legal & Compliance \(/ })).toBeVisible();
  expect(await sha(filePath)).toBe(before);
});

test('a missing file is reported by name', async ({ app }) => {
  const { page } = app;
  await app.openFromOs(path.join(app.tempDir, 'gone.stakemap'));
  const alert = page.getByRole('alertdialog');
  await expect(alert.getByRole('heading')).toContainText('“gone.stakemap” could not be opened');
  await expect(alert).toContainText(/does not exist/i);
});
