import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_CATEGORIES } from '../../shared/document/format';
import { parseCsv } from '../../shared/export/csv';
import { unescapeMarkdown } from '../../shared/export/markdown';
import { extractWorkspaceFromPng, pixelsPerMeterAt } from '../../shared/export/png-text-chunk';
import { MAP_PADDING } from '../../renderer/src/export/map-layout';
import { MAP_OFFSET } from '../../renderer/src/export/frame-geometry';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { expect, test, type StakemapApp } from './fixtures';
import { structureElements, untaggedTextPerPage } from './pdf-structure';

/*
 * Export, as a facilitator does it after the workshop: File > Export…, pick the format and options, choose where.
 * PNG: the whole map whatever the zoom, at the scale asked (or less, said so, when too large), with the
 * workspace inside. PDF: printed by Chromium's engine (page.pdf here, printToPDF in Electron) and read back with
 * poppler. Markdown and CSV: parsed back. A name with markup, quotes and commas comes out literally everywhere.
 */

const HOSTILE = '<script>alert("x")</script> "quotes, commas"';
const QUOTE = 'By the time legal answers, the moment has "passed", really.';
/** Typed with line breaks (Windows' CRLF in the quote): each line stays a line in every export. */
const MULTILINE_QUOTE = 'First we wait for legal,\r\nthen the trend is gone.';
const MULTILINE_DESCRIPTION = 'Every post waits in a queue.\nNobody owns the queue.';

function workshop(extra: { farAway?: boolean } = {}) {
  return {
    format: 'stakemap',
    version: 1,
    title: 'Export check',
    stakeholders: [
      { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 420, y: -160 } },
      { id: 's-hostile', name: HOSTILE, kind: 'external', position: { x: extra.farAway ? 11_000 : 460, y: 220 } },
    ],
    relationships: [
      { id: 'r-legal', source: 's-team', target: 's-legal', status: 'problematic', label: 'post approvals', notes: 'Two days per post' },
      { id: 'r-hostile', source: 's-team', target: 's-hostile', status: 'strained', label: 'briefs' },
    ],
    painPoints: [
      {
        id: 'p-legal',
        title: 'Legal sign-off takes days',
        categoryId: 'processes',
        quotes: [QUOTE, 'We miss every trend.', MULTILINE_QUOTE],
        description: MULTILINE_DESCRIPTION,
        attachedTo: [{ type: 'relationship', id: 'r-legal' }],
        votes: 5,
      },
      { id: 'p-hostile', title: HOSTILE, categoryId: 'roles', quotes: [HOSTILE], attachedTo: [{ type: 'stakeholder', id: 's-hostile' }], votes: 2 },
    ],
    solutions: [
      { id: 'x-1', title: 'Pre-approved reply library', addresses: ['p-legal'], status: 'agreed', owner: 'Head of Social', impact: 4, effort: 2 },
    ],
    categories: DEFAULT_CATEGORIES,
    viewport: { x: 100, y: 200, zoom: 1 },
  };
}

async function open(app: StakemapApp, doc: object, name = 'export-check.stakemap'): Promise<string> {
  const filePath = path.join(app.tempDir, name);
  await writeFile(filePath, JSON.stringify(doc, null, 2));
  app.dialogs.answerOpen(filePath);
  await app.page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(app.page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  return filePath;
}

/** File > Export… with a format and options; the test answers the save dialog with `target`. */
async function exportAs(app: StakemapApp, format: string, target: string, choose: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  const { page } = app;
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  await choose(dialog);
  app.dialogs.answerExport(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** The pHYs chunk of a PNG file, read by walking its chunks: pixels per unit across and down, and the unit. */
function pngDensity(bytes: Buffer): { x: number; y: number; unit: number } | null {
  for (let offset = 8; offset + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('latin1', offset + 4, offset + 8) === 'pHYs') {
      return { x: bytes.readUInt32BE(offset + 8), y: bytes.readUInt32BE(offset + 12), unit: bytes[offset + 16]! };
    }
    offset += length + 12;
  }
  return null;
}

/** Decodes a PNG in the page (Chromium's own decoder) and reads its size and a few regions' pixels. */
async function inspectPng(page: Page, bytes: Buffer, regions: Array<{ x: number; y: number; width: number; height: number }>) {
  return page.evaluate(
    async ({ base64, regions }) => {
      const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      // For each region: how many pixels are neither white nor transparent (something is drawn there).
      const inked = regions.map((r) => {
        const data = context.getImageData(Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) count += 1;
        return count;
      });
      // The top-left pixel lies in the frame's margin: its alpha says whether the background is transparent.
      const cornerAlpha = context.getImageData(0, 0, 1, 1).data[3];
      return { width: bitmap.width, height: bitmap.height, inked, cornerAlpha };
    },
    { base64: bytes.toString('base64'), regions },
  );
}

test('PNG: the whole map at 1x and 3x from a zoomed-in view, stakeholders where they belong, workspace inside', async ({ app }) => {
  const { page } = app;
  const doc = workshop();
  await open(app, doc);
  // Zoom well in: most of the map is now outside the window.
  for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();

  const sizes: Record<number, { width: number; height: number }> = {};
  for (const scale of [1, 3]) {
    const target = path.join(app.tempDir, `map-${scale}x.png`);
    await exportAs(app, 'PNG', target, async (dialog) => {
      await dialog.getByRole('radio', { name: `${scale}×` }).check();
      await dialog.getByRole('radio', { name: 'White' }).check();
    });
    await expect(page.getByRole('status').filter({ hasText: 'PNG exported to' })).toContainText(`map-${scale}x.png`);
    const bytes = await readFile(target);
    const minX = Math.min(...doc.stakeholders.map((s) => s.position.x));
    const minY = Math.min(...doc.stakeholders.map((s) => s.position.y));
    // Each stakeholder's top-left 160 × 40 map pixels, where its border, icon and name are drawn.
    const regions = doc.stakeholders.map((s) => ({
      x: (MAP_OFFSET.x + MAP_PADDING + s.position.x - minX) * scale,
      y: (MAP_OFFSET.y + MAP_PADDING + s.position.y - minY) * scale,
      width: 160 * scale,
      height: 40 * scale,
    }));
    // And an empty stretch of the frame's margin, which must stay blank.
    regions.push({ x: 2 * scale, y: 2 * scale, width: 30 * scale, height: 30 * scale });
    const image = await inspectPng(page, bytes, regions);
    sizes[scale] = { width: image.width, height: image.height };
    for (const [i, s] of doc.stakeholders.entries()) expect(image.inked[i], `ink where ${s.name} is drawn at ${scale}x`).toBeGreaterThan(200 * scale);
    expect(image.inked.at(-1), 'the margin is blank').toBe(0);
    expect(image.cornerAlpha, 'a white background is opaque').toBe(255);
    // The workspace travels inside the image.
    const inside = JSON.parse(extractWorkspaceFromPng(new Uint8Array(bytes))!) as WorkspaceDocument;
    expect(inside.stakeholders.map((s: { name: string }) => s.name)).toEqual(doc.stakeholders.map((s) => s.name));
    // The density says the scale (96 dpi a CSS pixel), so slides place a 3x picture at the map's own size.
    expect(pngDensity(bytes)).toEqual({ x: pixelsPerMeterAt(scale), y: pixelsPerMeterAt(scale), unit: 1 });
    // Multi-line text travels inside the picture with its line breaks.
    expect(inside.painPoints[0]!.quotes.map((q) => (typeof q === 'string' ? q : q.text))).toContain(MULTILINE_QUOTE);
    expect(inside.painPoints[0]!.description).toBe(MULTILINE_DESCRIPTION);
  }
  // A transparent picture is transparent where the frame paints nothing: no app, dialog or backdrop behind it.
  const transparentTarget = path.join(app.tempDir, 'map-transparent.png');
  await exportAs(app, 'PNG', transparentTarget, async (dialog) => {
    await dialog.getByRole('radio', { name: '1×' }).check();
    await dialog.getByRole('radio', { name: 'Transparent' }).check();
  });
  await expect(page.getByRole('status').filter({ hasText: 'PNG exported to' })).toContainText('map-transparent.png');
  const transparent = await inspectPng(page, await readFile(transparentTarget), [{ x: 2, y: 2, width: 30, height: 30 }]);
  expect(transparent.cornerAlpha).toBe(0);
  expect(transparent.inked[0], 'nothing is drawn in the margin').toBe(0);
  expect({ width: transparent.width, height: transparent.height }).toEqual(sizes[1]);
  // 3x is three times 1x, whatever the zoom on screen.
  expect(Math.abs(sizes[3]!.width - 3 * sizes[1]!.width)).toBeLessThanOrEqual(3);
  expect(Math.abs(sizes[3]!.height - 3 * sizes[1]!.height)).toBeLessThanOrEqual(3);
  // The map is 420 + 460 + node widths across: the picture holds all of it plus the frame's margins.
  expect(sizes[1]!.width).toBeGreaterThan(460 + 170 + 2 * MAP_PADDING + 2 * MAP_OFFSET.x);

  // Opening the PNG in Stakemap opens its workspace, as a new unsaved-to-disk workspace.
  app.dialogs.answerOpen(path.join(app.tempDir, 'map-1x.png'));
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the workspace inside map-1x.png' })).toBeVisible();
  await expect(page.getByRole('group', { name: new RegExp(`^${HOSTILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Workspace title' })).toHaveValue('Export check');
});

test('PNG without the page capture: drawn by html-to-image, the same frame and size as the capture draws', async ({ app }) => {
  const { page } = app;
  const doc = workshop();
  await open(app, doc);
  const sizes: Array<{ width: number; height: number }> = [];
  for (const name of ['captured.png', 'drawn.png']) {
    if (name === 'drawn.png') app.disablePageCapture();
    const target = path.join(app.tempDir, name);
    await exportAs(app, 'PNG', target, async (dialog) => {
      await dialog.getByRole('radio', { name: '2×' }).check();
      await dialog.getByRole('radio', { name: 'White' }).check();
    });
    await expect(page.getByRole('status').filter({ hasText: `PNG exported to ${name}` })).toBeVisible();
    const bytes = await readFile(target);
    const minX = Math.min(...doc.stakeholders.map((s) => s.position.x));
    const minY = Math.min(...doc.stakeholders.map((s) => s.position.y));
    const regions = doc.stakeholders.map((s) => ({
      x: (MAP_OFFSET.x + MAP_PADDING + s.position.x - minX) * 2,
      y: (MAP_OFFSET.y + MAP_PADDING + s.position.y - minY) * 2,
      width: 320,
      height: 80,
    }));
    const image = await inspectPng(page, bytes, regions);
    for (const [i, s] of doc.stakeholders.entries()) expect(image.inked[i], `ink where ${s.name} is drawn (${name})`).toBeGreaterThan(400);
    expect(extractWorkspaceFromPng(new Uint8Array(bytes))).not.toBeNull();
    sizes.push({ width: image.width, height: image.height });
  }
  expect(sizes[1]).toEqual(sizes[0]);
});

test('PNG: a map too large for a 3x canvas is exported at a smaller scale, and the user is told', async ({ app }) => {
  const { page } = app;
  await open(app, workshop({ farAway: true }));
  const target = path.join(app.tempDir, 'huge.png');
  await exportAs(app, 'PNG', target, async (dialog) => {
    await dialog.getByRole('radio', { name: '3×' }).check();
    await expect(dialog).toContainText('it will be exported at');
  });
  const message = page.getByRole('dialog', { name: 'PNG exported at a smaller scale' });
  await expect(message).toContainText('too large for a 3× image');
  const scale = Number(/exported at ([\d.]+)×/.exec((await message.textContent())!)![1]);
  expect(scale).toBeLessThan(3);
  expect(scale).toBeGreaterThan(2);
  await message.getByRole('button', { name: 'OK' }).click();
  const image = await inspectPng(page, await readFile(target), []);
  expect(image.width).toBeLessThanOrEqual(32_767);
  expect(image.width).toBeGreaterThan(30_000);
});

test('PDF: map page and report hold every problematic relationship, pain point, quote and solution', async ({ app }) => {
  const { page } = app;
  await open(app, workshop());
  const target = path.join(app.tempDir, 'report.pdf');
  await exportAs(app, 'PDF', target, async (dialog) => {
    await dialog.getByLabel('Page size').selectOption('A4');
    await dialog.getByRole('radio', { name: 'Landscape' }).check();
  });
  await expect(page.getByRole('status').filter({ hasText: 'PDF report exported to' })).toBeVisible();
  // The window is the editor again, not the print layout.
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();

  const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  for (const words of ['Export check', 'Social media team', 'Legal', 'post approvals', 'Two days per post', 'Legal sign-off takes days', 'We miss every trend.', 'Pre-approved reply library', 'Head of Social', 'Agreed', 'Unaddressed pain points']) {
    expect(flat, words).toContain(words);
  }
  expect(flat).toContain(QUOTE.replace(/\s+/g, ' '));
  // Markup in the workspace is printed as text.
  expect(flat).toContain('<script>alert("x")</script>');
  expect(flat).toMatch(/Page 1 of \d/);
  // Line breaks typed in a quote or a description are line breaks on paper.
  expect(text).toMatch(/First we wait for legal,[ \t]*\r?\n[ \t]*then the trend is gone\./);
  expect(text).toMatch(/Every post waits in a queue\.[ \t]*\r?\n[ \t]*Nobody owns the queue\./);

  const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
  expect(info).toMatch(/Tagged:\s+yes/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  // Page 1 is the map: rendered, it is far from blank.
  const first = path.join(app.tempDir, 'page1');
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', target, first]);
  const image = await inspectPng(page, await readFile(`${first}.png`), [{ x: 0, y: 0, width: 400, height: 280 }]);
  expect(image.width).toBeGreaterThan(image.height); // landscape
  expect(image.inked[0]).toBeGreaterThan(2000);
  // The first page's text is the map's, selectable: the stakeholders' names are on it.
  const pageOne = execFileSync('pdftotext', ['-f', '1', '-l', '1', target, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pageOne).toContain('Social media team');
  expect(pageOne).toContain('Legal');

  // What a screen reader meets: page 1's map is one Figure, described in words, naming each problematic
  // relationship; the report keeps its headings and tables.
  const elements = await structureElements(new Uint8Array(await readFile(target)));
  const figures = elements.filter((e) => e.type === 'Figure');
  expect(figures.filter((f) => f.page === 0), 'one Figure on the map page').toHaveLength(1);
  const alt = figures.find((f) => f.page === 0)!.alt ?? '';
  expect(alt).toContain('3 stakeholders');
  expect(alt).toContain('Social media team and Legal (post approvals)');
  expect(alt).toContain('1 problematic relationship');
  expect(alt).toContain('Other relationships: 1 strained');
  expect(alt).toContain(HOSTILE);
  // Everything else on the map page is the Figure's content (read as its alternative text), not loose text.
  expect(elements.filter((e) => e.page === 0 && e.type !== 'Figure' && !e.withinFigure && !['Document', 'Art', 'Sect', 'Div', 'NonStruct'].includes(e.type))).toEqual([]);
  for (const type of ['H1', 'H2', 'Table', 'TR', 'TH', 'TD']) expect(elements.some((e) => e.type === type), type).toBe(true);
  // The metadata a PDF/UA checker looks for first, read by poppler.
  const xmp = execFileSync('pdfinfo', ['-meta', target], { encoding: 'utf8' });
  expect(xmp).toContain('<rdf:li xml:lang="x-default">Export check</rdf:li>');
  expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
  expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  expect(info).toMatch(/Title:\s+Export check/);
  // The "Page N of M" footer is a pagination artifact on every page: no text is left neither tagged nor artifact.
  expect(await untaggedTextPerPage(new Uint8Array(await readFile(target)))).toEqual(Array.from({ length: pages }, () => 0));
});

test('Markdown and CSV parse back to the same rows, with markup, quotes and commas kept literally', async ({ app }) => {
  await open(app, workshop());
  const markdownPath = path.join(app.tempDir, 'report.md');
  await exportAs(app, 'Markdown', markdownPath);
  const markdown = await readFile(markdownPath, 'utf8');
  expect(markdown).not.toContain('<script>');
  // The solutions table, parsed back: one row, every cell as entered.
  const rows = markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && line.includes('Pre-approved'))
    .map((line) => line.slice(2, -2).split(/(?<!\\) \| /).map((cell) => unescapeMarkdown(cell.trim())));
  expect(rows).toEqual([['Pre-approved reply library', 'Agreed', 'Head of Social', '4', '2', 'Legal sign-off takes days']]);
  expect(unescapeMarkdown(markdown)).toContain(HOSTILE);

  const csvPath = path.join(app.tempDir, 'export pain points.csv');
  await exportAs(app, 'CSV', csvPath);
  const painPoints = await readFile(csvPath, 'utf8');
  expect(painPoints.startsWith('\uFEFF')).toBe(true);
  const table = parseCsv(painPoints);
  const header = table[0]!;
  const titleColumn = header.indexOf('Title');
  const quotesColumn = header.indexOf('Quotes');
  expect(table.slice(1).map((row) => row[titleColumn])).toEqual(['Legal sign-off takes days', HOSTILE]);
  expect(table.slice(1).find((row) => row[titleColumn] === HOSTILE)![quotesColumn]).toBe(HOSTILE);
  expect(table.slice(1).find((row) => row[titleColumn] === 'Legal sign-off takes days')![quotesColumn]).toContain(QUOTE);
  const solutions = parseCsv(await readFile(path.join(app.tempDir, 'export solutions.csv'), 'utf8'));
  expect(solutions[1]).toContain('Pre-approved reply library');
  expect(solutions[1]).toContain('Head of Social');

  // The map itself, as File > Import Stakeholders… reads it back: into the same map it changes nothing.
  const stakeholders = parseCsv(await readFile(path.join(app.tempDir, 'export stakeholders.csv'), 'utf8'));
  expect(stakeholders[0]).toEqual(['Name', 'Kind', 'Influence', 'Interest', 'Owner', 'Notes']);
  expect(stakeholders.slice(1).map((row) => row[0])).toEqual(['Social media team', 'Legal', HOSTILE]);
  const relationships = parseCsv(await readFile(path.join(app.tempDir, 'export relationships.csv'), 'utf8'));
  expect(relationships[0]).toEqual(['From', 'To', 'Status', 'Label', 'Their status', 'Their note']);
  expect(relationships.slice(1).map((row) => row.slice(0, 2))).toEqual([
    ['Social media team', 'Legal'],
    ['Social media team', HOSTILE],
  ]);
  for (const file of ['export stakeholders.csv', 'export relationships.csv']) {
    app.dialogs.answerOpen(path.join(app.tempDir, file));
    await app.menu('file.importStakeholders');
    const preview = app.page.getByRole('dialog', { name: `Import stakeholders from ${file}` });
    await expect(preview.getByRole('status')).toContainText('0 new and 0 updated stakeholders, 0 new and 0 updated relationships');
    await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled();
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview).toBeHidden();
  }
});

test('canceling the save dialog writes nothing, and the last choices are remembered', async ({ app }) => {
  const { page } = app;
  await open(app, workshop());
  await exportAs(app, 'PDF', null as unknown as string, async (dialog) => {
    await dialog.getByLabel('Page size').selectOption('Letter');
    await dialog.getByRole('radio', { name: 'Portrait' }).check();
  });
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await expect(dialog.getByRole('radio', { name: /^PDF/ })).toBeChecked();
  await expect(dialog.getByLabel('Page size')).toHaveValue('Letter');
  await expect(dialog.getByRole('radio', { name: 'Portrait' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a long PNG export shows its progress and can be canceled before anything is written', async ({ app }) => {
  const { page } = app;
  // The page capture pictures even this map in about two seconds, with the window showing the picture alone:
  // the drawing that takes long enough to be canceled is the fallback's (html-to-image).
  app.disablePageCapture();
  await open(app, workshop({ farAway: true }));
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: /^PNG/ }).check();
  await dialog.getByRole('radio', { name: '3×' }).check();
  // No answer is queued for the save dialog: if the export reached it, the test would fail on the unanswered dialog.
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Drawing the map…');
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Export canceled' })).toContainText('Nothing was written');
});

test('an export that cannot be written says where and why, and leaves nothing behind', async ({ app }) => {
  const { page } = app;
  await open(app, workshop());
  const missingFolder = path.join(app.tempDir, 'no-such-folder');
  await exportAs(app, 'Markdown', path.join(missingFolder, 'report.md'));
  const message = page.getByRole('alertdialog', { name: 'Could not export the Markdown report' });
  await expect(message).toContainText(path.join(missingFolder, 'report.md'));
  await expect(message).toContainText('Nothing was written there');
  await message.getByRole('button', { name: 'OK' }).click();
  await expect(readFile(path.join(missingFolder, 'report.md'))).rejects.toThrow();
});
