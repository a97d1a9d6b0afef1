import path from 'node:path';
import { readExportOptions } from '../../shared/export/export-options';
import { REPORT_LANGUAGE } from '../../shared/export/pdf-options';
import { embedWorkspaceInPng, isPng, pngPixelSize } from '../../shared/export/png-text-chunk';
import type { CsvExportResult, InvokeHandlers, SaveResult } from '../../shared/host/channels';
import { EXPORT_EXTENSIONS, exportFileName, painPointsCsvFileName, siblingCsvFileName, solutionsCsvFileName, withExtension, type CsvSibling } from '../../shared/host/file-names';
import { describeFileError, errorCode } from '../services/file-errors';
import { SETTINGS_KEYS } from '../services/key-value-store';
import { finishReportPdf } from '../services/pdf-finishing';
import {
  keepPreviousContent,
  prepareAtomicWrite,
  writeFileAtomic,
  type FileContent,
  type KeptContent,
  type PreparedWrite,
} from '../services/workspace-files';
import { writeFailed, type FileFilter, type HandlerContext } from './handler-context';

/*
 * The export channels: PNG, Markdown, PDF and the CSV pair, and the export options remembered between runs.
 * Exported files are not workspaces: they join neither the recent list nor the files Save may write over.
 */

export type ExportChannel = 'export:save' | 'export:csv' | 'export:pdf' | 'export:capture' | 'export:save-capture' | 'export:options-get' | 'export:options-set';

/** One kind of exported file: its save dialog, and the extensions a chosen name may already end with. */
export interface ExportKind {
  readonly title: string;
  readonly filters: readonly FileFilter[];
  /** The first is added to a name that ends in none of them (shared/host/file-names.ts EXPORT_EXTENSIONS). */
  readonly extensions: readonly [string, ...string[]];
}

export const EXPORT_KINDS = {
  png: { title: 'Export PNG', filters: [{ name: 'PNG image', extensions: ['png'] }], extensions: EXPORT_EXTENSIONS.png },
  markdown: { title: 'Export Markdown', filters: [{ name: 'Markdown', extensions: ['md'] }], extensions: EXPORT_EXTENSIONS.markdown },
  pdf: { title: 'Export PDF', filters: [{ name: 'PDF document', extensions: ['pdf'] }], extensions: EXPORT_EXTENSIONS.pdf },
  csv: { title: 'Export CSV', filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }], extensions: EXPORT_EXTENSIONS.csv },
} as const satisfies Record<string, ExportKind>;

/**
 * Reason for a CSV export that failed after the first file was replaced, when the first file's earlier content
 * could not be put back: where that content is, so that nothing is lost.
 */
export function csvRestoreFailedReason(reason: string, fileName: string, problem: string, keptPath: string): string {
  return `${reason} The earlier “${fileName}” could not be put back (${problem}); its earlier content is in “${path.basename(keptPath)}”, a hidden file in the same folder: copy it elsewhere before exporting there again, which removes it.`;
}

/**
 * The solutions file written beside the pain points CSV the user chose, in the same folder (the name's rule is
 * solutionsCsvFileName): "/w/Q3 pain points.csv" → "/w/Q3 solutions.csv".
 */
export function solutionsCsvPath(painPointsPath: string): string {
  return path.join(path.dirname(painPointsPath), solutionsCsvFileName(path.basename(painPointsPath)));
}

type CsvFile = { filePath: string; content: string };

/** Builds the handlers of the export channels. */
export function createExportHandlers(context: HandlerContext): InvokeHandlers<ExportChannel> {
  const { deps, fsOption, queue } = context;
  /** The last export:capture's picture, until export:save-capture writes it. */
  let keptCapture: Uint8Array | null = null;

  const regularFileExists = async (filePath: string): Promise<boolean> => {
    try {
      return (await context.fs.stat(filePath)).isFile();
    } catch {
      return false;
    }
  };

  /** Exports start in the folder of the last export, else beside the most recent workspace. */
  const exportFolder = (): string | undefined => {
    const remembered = deps.settings.get(SETTINGS_KEYS.lastExportFolder);
    return typeof remembered === 'string' && remembered !== '' ? remembered : context.lastFolder();
  };

  const chooseExportPath = (kind: ExportKind, fileName: string): Promise<string | null> => {
    const folder = exportFolder();
    return context.chooseSavePath(
      { title: kind.title, defaultPath: folder ? path.join(folder, fileName) : fileName, filters: kind.filters, purpose: 'export' },
      (filePath) => withExtension(filePath, kind.extensions),
    );
  };

  const writeExport = (filePath: string, content: FileContent): Promise<SaveResult> =>
    queue.run([filePath], async () => {
      try {
        await writeFileAtomic(filePath, content, fsOption);
      } catch (error) {
        return writeFailed(filePath, error);
      }
      deps.settings.set(SETTINGS_KEYS.lastExportFolder, path.dirname(filePath));
      return { kind: 'saved', filePath };
    });

  /** Writes every CSV file of the export, or changes none (see writeCsvFilesNow). */
  const writeCsvFiles = (files: readonly CsvFile[]): Promise<CsvExportResult> =>
    queue.run(
      files.map((f) => f.filePath),
      () => writeCsvFilesNow(files),
    );

  /**
   * All the files are written in full beside their targets first (prepareAtomicWrite), so nearly every failure
   * happens before anything is replaced. Then the current content of each target that exists is kept aside
   * (keepPreviousContent: a hard link, or a copy), and only then are the targets replaced, one rename each. Should
   * a replacement still fail, every target already replaced gets its earlier content back (one rename) or, if it
   * did not exist before, is removed: the folder is as it was. Nothing is left beside the files either way, and
   * should the app be killed midway, each file holds its old or its new content in full and the next export to it
   * removes what was kept aside.
   */
  const writeCsvFilesNow = async (files: readonly CsvFile[]): Promise<CsvExportResult> => {
    const prepared: PreparedWrite[] = [];
    const kept: (KeptContent | null)[] = [];
    const abortAll = () => Promise.all(prepared.map((write) => write.abort()));
    const discardKept = (except?: KeptContent) => Promise.all(kept.map((copy) => (copy && copy !== except ? copy.discard() : Promise.resolve())));
    for (const file of files) {
      try {
        prepared.push(await prepareAtomicWrite(file.filePath, file.content, fsOption));
      } catch (error) {
        await abortAll();
        return writeFailed(file.filePath, error);
      }
    }
    for (const [index, write] of prepared.entries()) {
      try {
        kept.push(write.existed ? await keepPreviousContent(write.target, fsOption) : null);
      } catch (error) {
        await abortAll();
        await discardKept();
        const file = files[index]!;
        return {
          kind: 'writeFailed',
          filePath: file.filePath,
          reason: `Stakemap could not keep the current “${path.basename(file.filePath)}” aside to put it back should the export fail, so it changed nothing (${describeFileError(error, 'write')})`,
          code: errorCode(error),
        };
      }
    }
    for (const [index, write] of prepared.entries()) {
      try {
        await write.commit();
      } catch (error) {
        // Very unlikely once both are prepared (a rename in the same folder), but never leave half a pair. The
        // one that failed is undone too if its rename happened (its read-back failed).
        await abortAll();
        let reason = describeFileError(error, 'write');
        let keptAfterFailure: KeptContent | undefined;
        const undoCount = write.replaced ? index + 1 : index;
        for (let undo = 0; undo < undoCount; undo++) {
          const earlier = kept[undo];
          if (!earlier) {
            await context.fs.rm(prepared[undo]!.target, { force: true }).catch(() => undefined);
            continue;
          }
          try {
            await earlier.restore();
          } catch (restoreError) {
            keptAfterFailure = earlier;
            reason = csvRestoreFailedReason(reason, path.basename(files[undo]!.filePath), describeFileError(restoreError, 'write'), earlier.path);
          }
        }
        await discardKept(keptAfterFailure);
        return { kind: 'writeFailed', filePath: files[index]!.filePath, reason, code: errorCode(error) };
      }
    }
    await discardKept();
    deps.settings.set(SETTINGS_KEYS.lastExportFolder, path.dirname(files[0]!.filePath));
    return { kind: 'saved', filePaths: files.map((f) => f.filePath) };
  };

  return {
    'export:save': async ({ format, suggestedName, data }) => {
      const kind = EXPORT_KINDS[format];
      // A malformed image is a bug in the renderer: refuse it before asking the user anything.
      const content: FileContent = format === 'png' ? decodePngBase64(data) : data;
      const target = await chooseExportPath(kind, exportFileName(suggestedName, kind.extensions));
      return target === null ? { kind: 'canceled' } : writeExport(target, content);
    },

    'export:csv': async ({ suggestedName, painPoints, solutions, stakeholders, relationships }) => {
      const target = await chooseExportPath(EXPORT_KINDS.csv, painPointsCsvFileName(suggestedName));
      if (target === null) return { kind: 'canceled' };
      const beside = (sibling: CsvSibling) => path.join(path.dirname(target), siblingCsvFileName(path.basename(target), sibling));
      const files: CsvFile[] = [
        { filePath: target, content: painPoints },
        { filePath: solutionsCsvPath(target), content: solutions },
        ...(stakeholders === undefined ? [] : [{ filePath: beside('stakeholders'), content: stakeholders }]),
        ...(relationships === undefined ? [] : [{ filePath: beside('relationships'), content: relationships }]),
      ];
      // The save dialog asked before replacing the pain points file only. Something other than a file in the
      // way (a folder, a pipe) is not asked about: the write refuses it with its own reason.
      const existing: string[] = [];
      for (const file of files.slice(1)) if (await regularFileExists(file.filePath)) existing.push(path.basename(file.filePath));
      if (existing.length > 0 && !(await deps.dialogs.confirmReplace(existing))) return { kind: 'canceled' };
      return writeCsvFiles(files);
    },

    'export:pdf': async ({ suggestedName, pageSize, landscape }) => {
      const kind = EXPORT_KINDS.pdf;
      const target = await chooseExportPath(kind, exportFileName(suggestedName, kind.extensions));
      if (target === null) return { kind: 'canceled' };
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf({ pageSize, landscape });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { kind: 'writeFailed', filePath: target, reason: `The PDF could not be created: ${message}`, code: null };
      }
      try {
        // XMP metadata and the footer as an artifact (pdf-finishing.ts), on Chromium's PDF as it was printed.
        pdf = await finishReportPdf(pdf, { title: suggestedName, language: REPORT_LANGUAGE }, deps.now());
      } catch (error) {
        // The report is still whole and readable without them: it is written as Chromium printed it.
        console.warn('The printed PDF could not be given its metadata and footer artifacts:', error);
      }
      return writeExport(target, pdf);
    },

    // Nothing is written yet: the picture waits here for export:save-capture (one at a time; a new one replaces it).
    'export:capture': async (request) => {
      keptCapture = null;
      const png = decodePngBase64(await deps.capturePage(request), 'export:capture');
      keptCapture = png;
      return pngPixelSize(png);
    },

    'export:save-capture': async ({ suggestedName, workspace, pixelsPerMeter }) => {
      const png = keptCapture;
      if (png === null) throw new Error('export:save-capture: there is no picture to save (take it with export:capture first).');
      // Let go of the picture whatever the user answers: a canceled export does not keep 25 MB around.
      keptCapture = null;
      const target = await chooseExportPath(EXPORT_KINDS.png, exportFileName(suggestedName, EXPORT_KINDS.png.extensions));
      return target === null ? { kind: 'canceled' } : writeExport(target, embedWorkspaceInPng(png, workspace, { pixelsPerMeter }));
    },

    'export:options-get': async () => readExportOptions(deps.settings.get(SETTINGS_KEYS.exportOptions)),

    'export:options-set': async (options) => {
      deps.settings.set(SETTINGS_KEYS.exportOptions, options);
    },
  };
}

/** The PNG bytes of `export:save` (or of a capture), refusing anything that is not strict base64 of a PNG image. */
function decodePngBase64(data: string, channel = 'export:save'): Uint8Array {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new Error(`${channel}: the PNG data is not base64 (send the bytes only, without a "data:" URL prefix).`);
  }
  const bytes = Buffer.from(data, 'base64');
  if (!isPng(bytes) || bytes.length < 24) throw new Error(`${channel}: the data is not a PNG image.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

