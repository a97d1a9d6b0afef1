import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractWorkspaceFromPng } from '../../shared/export/png-text-chunk';
import { expect, test, type StakemapApp } from './fixtures';

/*
 * Issue 14, item 6: "Safe to share" exports. Every format (PNG with its embedded workspace, PDF, Markdown, both
 * CSV files) is searched, every byte and the decoded text, for each string that must not leave the room.
 */

const NAMES = ['Alice Example', 'Bob Sample', 'Carol Person'];
const OWNER = 'Priya Counsel';
const QUOTE = 'We miss every trend waiting for sign-off.';

function workshop() {
  return {
    format: 'stakemap',
    version: 3,
    title: 'Safe share check',
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 420, y: 0 }, owner: OWNER },
    ],
    relationships: [{ id: 'r-1', source: 's-team', target: 's-legal', status: 'problematic', label: 'post approvals' }],
    painPoints: [
      { id: 'p-1', title: 'Legal sign-off takes days', categoryId: 'processes', quotes: [{ text: QUOTE, voice: 's-legal' }], tally: 1, voice: 's-legal' },
    ],
    solutions: [{ id: 'x-1', title: 'Pre-approved replies', addresses: ['p-1'], status: 'agreed', owner: OWNER, dueDate: '2027-01-15' }],
    participants: NAMES.map((label, i) => ({ id: `pp-${i}`, label, departmentId: i === 0 ? 's-legal' : null })),
    ballots: NAMES.map((_, i) => ({ participantId: `pp-${i}`, painPointId: 'p-1' })),
  };
}

async function exportSafely(app: StakemapApp, format: string, target: string, removeQuotes: boolean) {
  const { page } = app;
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  await dialog.getByRole('checkbox', { name: 'Safe to share' }).check();
  await dialog.getByRole('checkbox', { name: 'Remove owners' }).check();
  await dialog.getByRole('checkbox', { name: 'Remove quotes' }).setChecked(removeQuotes);
  app.dialogs.answerExport(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // Each export says where it went, naming its own file.
  await expect(page.getByRole('status').filter({ hasText: path.basename(target) })).toBeVisible();
}

for (const removeQuotes of [false, true]) {
  test(`safe-to-share PNG, PDF, Markdown and CSV leak no name${removeQuotes ? ' and no quote' : ''}`, async ({ app }) => {
    // Four exports, the PDF printed by Chromium: more than the default minute on a loaded machine.
    test.setTimeout(150_000);
    const source = path.join(app.tempDir, 'safe.stakemap');
    await writeFile(source, JSON.stringify(workshop(), null, 2));
    app.dialogs.answerOpen(source);
    await app.page.getByRole('button', { name: 'Open…' }).first().click();
    await expect(app.page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();

    const out = path.join(app.tempDir, 'out');
    await mkdir(out);
    await exportSafely(app, 'PNG', path.join(out, 'map.png'), removeQuotes);
    await exportSafely(app, 'PDF', path.join(out, 'report.pdf'), removeQuotes);
    await exportSafely(app, 'Markdown', path.join(out, 'report.md'), removeQuotes);
    await exportSafely(app, 'CSV', path.join(out, 'export pain points.csv'), removeQuotes);

    const files = await readdir(out);
    expect(files.sort()).toEqual(['export pain points.csv', 'export relationships.csv', 'export solutions.csv', 'export stakeholders.csv', 'map.png', 'report.md', 'report.pdf'].sort());
    const forbidden = [...NAMES, OWNER, ...(removeQuotes ? [QUOTE] : [])];
    for (const file of files) {
      const bytes = await readFile(path.join(out, file));
      const texts = [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')];
      if (file.endsWith('.png')) {
        const embedded = extractWorkspaceFromPng(new Uint8Array(bytes));
        expect(embedded, 'the PNG carries its workspace').not.toBeNull();
        texts.push(embedded ?? '');
        // Still a workspace: its participants are there, anonymous, with their votes.
        const doc = JSON.parse(embedded ?? '{}') as { participants: { label: string }[]; ballots: unknown[] };
        expect(doc.participants.map((p) => p.label)).toEqual(['Participant 1', 'Participant 2', 'Participant 3']);
        expect(doc.ballots).toHaveLength(3);
      }
      if (file.endsWith('.pdf')) texts.push(execFileSync('pdftotext', [path.join(out, file), '-'], { encoding: 'utf8' }));
      for (const secret of forbidden) for (const text of texts) expect(text.includes(secret), `"${secret}" in ${file}`).toBe(false);
    }
    // What is safe stays: the problem, its solution and (unless removed) the quote, unattributed.
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('Legal sign-off takes days');
    expect(markdown).toContain('Pre-approved replies');
    expect(markdown.includes('We miss every trend')).toBe(!removeQuotes);
  });
}
