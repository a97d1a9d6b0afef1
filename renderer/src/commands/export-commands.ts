import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ExportFormat, ExportOptions } from '@shared/export/export-options';
import { painPointsCsv, solutionsCsv } from '@shared/export/csv';
import { relationshipsCsv, stakeholdersCsv } from '@shared/import/sheets-csv';
import { reportToMarkdown } from '@shared/export/markdown';
import { buildReport } from '@shared/export/report';
import { openComparisonForReport } from '../store/review-sides';
import { useReview } from '../store/review-store';
import { redactForSharing } from '@shared/export/safe-to-share';
import { buildWrapUp } from '@shared/export/wrap-up';
import { wrapUpToMarkdown } from '@shared/export/wrap-up-markdown';
import type { SaveResult } from '@shared/host/channels';
import { ExportFrame } from '../export/ExportFrame';
import { ExportCanceled, renderPng, toBase64 } from '../export/export-png';
import { serializeWorkspace } from '@shared/document/serialize';
import { pixelsPerMeterAt } from '@shared/export/png-text-chunk';
import { layoutMap, measuredSizes, type MapLayout } from '../export/map-layout';
import { host } from '../host';
import { announce, currentDocument, setExportJob, setPrintJob, showExportDialog, showMessage, useEditor, useUi } from '../store/editor-store';

/*
 * File > Export…: PNG, PDF, Markdown and CSV. Each export works on the document as it is when it starts; long
 * ones show their step and can be canceled. Writing is the host's (atomic: a failed write leaves nothing).
 */

/** The map as laid out for export, with the sizes React Flow measured on screen. */
export function exportLayout(): MapLayout | null {
  const doc = currentDocument();
  if (!doc) return null;
  return layoutMap(doc, measuredSizes(useEditor.getState().nodes));
}

/** The document an export is made from: the workspace, made safe to share if asked (every format, every byte). */
function exportedDocument(options: ExportOptions) {
  const doc = currentDocument();
  return doc ? redactForSharing(doc, options.safeToShare) : null;
}

function suggestedName(): string {
  return currentDocument()?.title || 'Stakemap map';
}

/** A report of the wrap-up alone is named so, beside the full report of the same workspace. */
function reportName(options: ExportOptions): string {
  return options.wrapUpOnly ? `${suggestedName()} wrap-up` : suggestedName();
}

/** Runs one export with its progress shown; reports the result. */
export async function runExport(options: ExportOptions): Promise<void> {
  if (useUi.getState().exportJob) return;
  const controller = new AbortController();
  setExportJob({ step: 'Preparing…', cancel: () => controller.abort() });
  try {
    switch (options.format) {
      case 'png':
        await exportPng(options, controller);
        break;
      case 'pdf':
        await exportPdf(options);
        break;
      case 'markdown':
        await exportMarkdown(options);
        break;
      case 'csv':
        await exportCsv(options);
        break;
      default: {
        const unreachable: never = options.format;
        return unreachable;
      }
    }
  } catch (error) {
    if (error instanceof ExportCanceled) announce('Export canceled. Nothing was written.');
    else
      showMessage({
        tone: 'error',
        title: 'The export failed',
        summary: error instanceof Error ? error.message : String(error),
        details: ['Nothing was written. Your workspace is unchanged.'],
      });
  } finally {
    setExportJob(null);
    setPrintJob(null);
    document.body.classList.remove('is-printing');
  }
}

/** Tells the user where the export went, or why it did not. */
function report(result: SaveResult, what: string, extra = ''): void {
  if (result.kind === 'saved') announce(`${what} exported to ${fileName(result.filePath)}.${extra}`);
  else if (result.kind === 'writeFailed')
    showMessage({
      tone: 'error',
      title: `Could not export the ${what}`,
      summary: `${result.filePath}: ${result.reason}`,
      details: ['Nothing was written there. Your workspace is unchanged.'],
    });
}

const fileName = (filePath: string) => filePath.split(/[\\/]/).pop() ?? filePath;

async function exportPng(options: ExportOptions, controller: AbortController): Promise<void> {
  const doc = exportedDocument(options);
  const layout = exportLayout();
  if (!doc || !layout) return;
  const { signal } = controller;
  const grid = options.png.picture === 'grid';
  setExportJob({ step: grid ? 'Drawing the grid…' : 'Drawing the map…', cancel: () => controller.abort() });
  const dateLabel = buildReport(doc, new Date()).dateLabel;
  const png = await renderPng(
    doc,
    grid ? { kind: 'grid' } : { kind: 'map', layout },
    { scale: options.png.scale, background: options.png.background, dateLabel },
    { signal, capturePage: (request) => host().capturePage(request) },
  );
  // Past this point the user is choosing where to save; canceling that dialog cancels the export.
  setExportJob({ step: 'Saving…', cancel: null });
  const name = grid ? `${suggestedName()} grid` : suggestedName();
  const result =
    png.bytes === 'kept by the host'
      ? await host().saveCapturedPng(name, serializeWorkspace(doc), pixelsPerMeterAt(png.scale))
      : await host().exportFile('png', name, toBase64(png.bytes));
  const note = png.reduced
    ? ` The map is too large for a ${options.png.scale}× image (${png.width} × ${png.height} px is the most a PNG can hold here), so it was exported at ${png.scale}×.`
    : '';
  report(result, 'PNG', note);
  if (result.kind === 'saved' && png.reduced) {
    showMessage({ tone: 'info', title: 'PNG exported at a smaller scale', summary: note.trim(), details: [`Saved to ${result.filePath}`] });
  }
}

async function exportPdf(options: ExportOptions): Promise<void> {
  const doc = exportedDocument(options);
  const layout = exportLayout();
  if (!doc || !layout) return;
  setExportJob({ step: 'Laying out the report…', cancel: null });
  // A modal dialog makes the rest of the page inert, and Chromium leaves inert content out of the PDF's tags
  // (the accessible structure): the Export dialog closes before printing.
  showExportDialog(false);
  const generatedAt = new Date().toISOString();
  const frameSize = measureFrame(doc, layout, buildReport(doc, new Date(generatedAt)).dateLabel);
  // PrintPortal renders the report into #print-root; only print media shows it, so the window does not change.
  // First: the report is laid out (off screen) as it renders, so its map's labels are measured and placed.
  document.body.classList.add('is-printing');
  flushSync(() => setPrintJob({ pageSize: options.pdf.pageSize, landscape: options.pdf.landscape, generatedAt, frameSize, safeToShare: options.safeToShare, wrapUpOnly: options.wrapUpOnly }));
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  setExportJob({ step: 'Printing the report…', cancel: null });
  // The PDF's title is the page's: the workspace's title, not the window's "file — Stakemap".
  const windowTitle = document.title;
  document.title = doc.title || 'Stakemap report';
  try {
    const result = await host().exportPdf(reportName(options), options.pdf.pageSize, options.pdf.landscape);
    report(result, 'PDF report');
  } finally {
    document.title = windowTitle;
  }
}

async function exportMarkdown(options: ExportOptions): Promise<void> {
  const doc = exportedDocument(options);
  if (!doc) return;
  const now = new Date();
  const wrapUp = buildWrapUp(doc, now);
  const comparison = openComparisonForReport(doc, useReview.getState().review, (d) => redactForSharing(d, options.safeToShare));
  const workshopReport = buildReport(doc, now, comparison ? { comparison } : {});
  const markdown = options.wrapUpOnly ? wrapUpToMarkdown(wrapUp) : reportToMarkdown(workshopReport, { wrapUp: wrapUpToMarkdown(wrapUp, { heading: 2 }) });
  const result = await host().exportFile('markdown', reportName(options), markdown);
  report(result, 'Markdown report');
}

async function exportCsv(options: ExportOptions): Promise<void> {
  const doc = exportedDocument(options);
  if (!doc) return;
  // With the map as the spreadsheet import reads it back: File > Import Stakeholders… takes these two unchanged.
  const result = await host().exportCsv(suggestedName(), painPointsCsv(doc), solutionsCsv(doc), { stakeholders: stakeholdersCsv(doc), relationships: relationshipsCsv(doc) });
  if (result.kind === 'saved') {
    const names = result.filePaths.map(fileName);
    announce(`Exported ${names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join(' and ')}.`);
  }
  else if (result.kind === 'writeFailed')
    showMessage({
      tone: 'error',
      title: 'Could not export the CSV files',
      summary: `${result.filePath}: ${result.reason}`,
      details: ['Every file is as it was before: a file that was already there keeps its content, and no new file was left behind. Your workspace is unchanged.'],
    });
}

/** The natural size of the exported picture, measured off screen, so the PDF can fit it to the page. */
function measureFrame(doc: NonNullable<ReturnType<typeof currentDocument>>, layout: MapLayout, dateLabel: string) {
  const stage = document.createElement('div');
  stage.className = 'export-stage';
  document.body.append(stage);
  const root = createRoot(stage);
  try {
    flushSync(() => root.render(createElement(ExportFrame, { doc, layout, dateLabel, background: 'white' })));
    const frame = stage.firstElementChild as HTMLElement;
    return { width: Math.ceil(frame.offsetWidth), height: Math.ceil(frame.offsetHeight) };
  } finally {
    root.unmount();
    stage.remove();
  }
}

export type { ExportFormat };
