import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { embedWorkspaceInPng, extractWorkspaceFromPng } from '../../shared/export/png-text-chunk';
import type { HostApi } from '../../shared/host/host-api';
import { expect, test } from './fixtures';

/*
 * The host side of export, through the same window.stakemap the renderer uses: real dialogs answered by the
 * test (answerExport), real files, and the PDF printed by Chromium's print engine (page.pdf in the harness,
 * webContents.printToPDF in Electron). The Export dialog of the renderer is tested in its own spec.
 */

type Call<K extends keyof HostApi> = Parameters<HostApi[K]>;

/** Calls a host API function in the page, as the renderer would. */
async function callHost<K extends keyof HostApi>(page: import('@playwright/test').Page, name: K, ...args: Call<K>) {
  return page.evaluate(
    ([fn, fnArgs]) => (window as unknown as { stakemap: Record<string, (...a: unknown[]) => Promise<unknown>> }).stakemap[fn]!(...fnArgs),
    [name, args] as const,
  );
}

const WORKSPACE = '{"format":"stakemap","version":1,"title":"Atelier réseaux sociaux 🤝"}\n';

test('PNG export writes the bytes given, and the image opens again as its workspace', async ({ app }) => {
  // A real PNG from Chromium's encoder, carrying a workspace.
  const png = embedWorkspaceInPng(new Uint8Array(await app.page.screenshot()), WORKSPACE);
  const target = path.join(app.tempDir, 'slides');
  app.dialogs.answerExport(target);
  const result = await callHost(app.page, 'exportFile', 'png', 'Workshop', Buffer.from(png).toString('base64'));
  expect(result).toEqual({ kind: 'saved', filePath: `${target}.png` });
  const written = new Uint8Array(await readFile(`${target}.png`));
  expect(written).toEqual(png);
  expect(extractWorkspaceFromPng(written)).toBe(WORKSPACE);

  app.dialogs.answerOpen(`${target}.png`);
  expect(await callHost(app.page, 'openWorkspaceDialog')).toEqual({ kind: 'opened', filePath: `${target}.png`, content: WORKSPACE, source: 'png' });
  // Never a recent workspace, never saved over.
  expect(await callHost(app.page, 'listRecentWorkspaces')).toEqual([]);
  expect(await callHost(app.page, 'saveWorkspace', `${target}.png`, '{}')).toMatchObject({ kind: 'writeFailed', code: null });
  expect(new Uint8Array(await readFile(`${target}.png`))).toEqual(png);
});

test('a PNG not exported by Stakemap is refused with a reason', async ({ app }) => {
  const photo = path.join(app.tempDir, 'photo.png');
  await writeFile(photo, await app.page.screenshot());
  app.dialogs.answerOpen(photo);
  expect(await callHost(app.page, 'openWorkspaceDialog')).toEqual({
    kind: 'readFailed',
    filePath: photo,
    reason: 'This PNG image has no Stakemap workspace in it. Only PNGs exported by Stakemap can be opened.',
    code: null,
  });
});

test('Markdown and CSV exports write UTF-8 text; CSV writes both files from one dialog', async ({ app }) => {
  app.dialogs.answerExport(path.join(app.tempDir, 'report'));
  expect(await callHost(app.page, 'exportFile', 'markdown', 'Report', '# Café ☕\n')).toMatchObject({ kind: 'saved' });
  expect(await readFile(path.join(app.tempDir, 'report.md'), 'utf8')).toBe('# Café ☕\n');

  app.dialogs.answerExport(path.join(app.tempDir, 'Q3 pain points.csv'));
  expect(await callHost(app.page, 'exportCsv', 'Q3', 'id\np-1\n', 'id\nx-1\n')).toEqual({
    kind: 'saved',
    filePaths: [path.join(app.tempDir, 'Q3 pain points.csv'), path.join(app.tempDir, 'Q3 solutions.csv')],
  });
  expect((await readdir(app.tempDir)).sort()).toEqual(['Q3 pain points.csv', 'Q3 solutions.csv', 'report.md']);
  expect(await readFile(path.join(app.tempDir, 'Q3 solutions.csv'), 'utf8')).toBe('id\nx-1\n');

  app.dialogs.answerExport(null);
  expect(await callHost(app.page, 'exportCsv', 'Q3', 'a', 'b')).toEqual({ kind: 'canceled' });
});

test('PDF export prints the page with the chosen paper and a page-number footer', async ({ app }) => {
  const target = path.join(app.tempDir, 'report.pdf');
  app.dialogs.answerExport(target);
  expect(await callHost(app.page, 'exportPdf', 'Report', 'A4', true)).toEqual({ kind: 'saved', filePath: target });
  const pdf = await readFile(target);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (existsSync('/usr/bin/pdfinfo') && existsSync('/usr/bin/pdftotext')) {
    const info = execFileSync('/usr/bin/pdfinfo', [target], { encoding: 'utf8' });
    // A4 landscape: about 842 x 595 points, wider than tall.
    expect(info).toMatch(/Page size:\s+84\d(\.\d+)? x 59\d(\.\d+)? pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('/usr/bin/pdftotext', [target, '-'], { encoding: 'utf8' })).toMatch(/Page 1 of \d+/);
  }

  const letter = path.join(app.tempDir, 'letter.pdf');
  app.dialogs.answerExport(letter);
  await callHost(app.page, 'exportPdf', 'Report', 'Letter', false);
  if (existsSync('/usr/bin/pdfinfo')) {
    expect(execFileSync('/usr/bin/pdfinfo', [letter], { encoding: 'utf8' })).toMatch(/Page size:\s+61\d(\.\d+)? x 79\d(\.\d+)? pts \(letter\)/);
  }
});

test('the export choices are remembered across restarts', async ({ app }) => {
  expect(await callHost(app.page, 'getExportOptions')).toEqual({
    format: 'png',
    png: { scale: 2, background: 'white', picture: 'map' },
    pdf: { pageSize: 'A4', landscape: true },
    safeToShare: { enabled: false, removeOwners: true, quotes: 'unattributed' },
    wrapUpOnly: false,
  });
  const chosen = {
    format: 'pdf',
    png: { scale: 3, background: 'transparent', picture: 'grid' },
    pdf: { pageSize: 'A3', landscape: false },
    safeToShare: { enabled: true, removeOwners: false, quotes: 'removed' },
    wrapUpOnly: true,
  } as const;
  await callHost(app.page, 'setExportOptions', chosen);
  const page = await app.restart();
  expect(await callHost(page, 'getExportOptions')).toEqual(chosen);
});
