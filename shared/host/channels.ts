import { z } from 'zod';
import { exportOptionsSchema, PDF_PAGE_SIZES } from '../export/export-options';
import { MENU_COMMANDS } from './menu-commands';

/*
 * The one table of messages between the renderer and the main process. Main and preload both import it;
 * every argument is validated with its schema on arrival in main (electron/ipc/register-handlers.ts).
 * Files are read and written only in main: the renderer sends and receives text.
 */

const filePath = z.string().min(1).max(4096);
/** Workspaces are text; this caps what the renderer may ask main to write (see the 100 MB open limit). */
const content = z.string().max(100 * 1024 * 1024);

/** Why reading or writing a file failed, in words for people, plus the OS error code for tests and logs. */
const fileFailure = z.object({ filePath, reason: z.string(), code: z.string().nullable() });

/**
 * Where the workspace text of an opened file came from: a workspace file, or a PNG image exported by Stakemap
 * that carries its workspace (shared/export/png-text-chunk.ts). A workspace from a PNG has no file to save
 * back to: main never lets Save write over the image, so the renderer treats it as unsaved (Save As).
 */
export const openedSourceSchema = z.enum(['workspace', 'png']);
export type OpenedSource = z.infer<typeof openedSourceSchema>;

export const openResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), filePath, content: z.string(), source: openedSourceSchema }),
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('readFailed'), ...fileFailure.shape }),
  z.object({ kind: z.literal('tooLarge'), filePath, size: z.number(), limit: z.number() }),
]);
export type OpenResult = z.infer<typeof openResultSchema>;

export const saveResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), filePath }),
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('writeFailed'), ...fileFailure.shape }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

/** CSV export writes two files (pain points, solutions) from one dialog: both are written, or neither is left. */
export const csvExportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), filePaths: z.tuple([filePath, filePath]) }),
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('writeFailed'), ...fileFailure.shape }),
]);
export type CsvExportResult = z.infer<typeof csvExportResultSchema>;

/** Formats written by `export:save` (PDF and CSV have their own channels). */
export const exportFileFormatSchema = z.enum(['png', 'markdown']);
export type ExportFileFormat = z.infer<typeof exportFileFormatSchema>;

/**
 * Exported data the renderer may hand to main: Markdown text, or the PNG's bytes in base64 (4/3 of their size,
 * so up to 300 MB of image: a 4x export of a very large map).
 */
export const MAX_EXPORT_DATA_CHARS = 400 * 1024 * 1024;
const exportData = z.string().max(MAX_EXPORT_DATA_CHARS);
const suggestedName = z.string().max(255);

export const recentWorkspaceSchema = z.object({ filePath, fileName: z.string(), openedAt: z.string() });
export type RecentWorkspace = z.infer<typeof recentWorkspaceSchema>;

export const unsavedChoiceSchema = z.enum(['save', 'discard', 'cancel']);
export type UnsavedChoice = z.infer<typeof unsavedChoiceSchema>;

export const launchStateSchema = z.object({
  /** True on the very first run: the app opens on the bundled sample workshop. */
  firstRun: z.boolean(),
  /** A file given on the command line or by the OS before the window was ready. */
  pendingFilePath: filePath.nullable(),
  platform: z.string(),
});
export type LaunchState = z.infer<typeof launchStateSchema>;

export const documentStateSchema = z.object({
  /** File name shown in the title bar, or the workspace title for a document never saved. */
  displayName: z.string().max(1024),
  filePath: filePath.nullable(),
  dirty: z.boolean(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

const none = z.undefined();

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'workspace:open-dialog': { args: none, result: openResultSchema },
  /** Opens a path main already knows: a recent workspace, or one given by the command line or the OS. */
  'workspace:open-path': { args: z.object({ filePath }), result: openResultSchema },
  'workspace:save': { args: z.object({ filePath, content }), result: saveResultSchema },
  'workspace:save-as': { args: z.object({ suggestedName, content }), result: saveResultSchema },
  /** Asks where to save, then writes Markdown text or PNG bytes (base64) there. */
  'export:save': { args: z.object({ format: exportFileFormatSchema, suggestedName, data: exportData }), result: saveResultSchema },
  /** Asks for "<name> pain points.csv", then writes it and "<name> solutions.csv" beside it. */
  'export:csv': {
    args: z.object({ suggestedName, painPoints: exportData, solutions: exportData }),
    result: csvExportResultSchema,
  },
  /** Asks where to save, then prints the page as it is (the renderer has laid out the report) to PDF there. */
  'export:pdf': {
    args: z.object({ suggestedName, pageSize: z.enum(PDF_PAGE_SIZES), landscape: z.boolean() }),
    result: saveResultSchema,
  },
  /** The Export dialog's remembered choices (defaults until the first export). */
  'export:options-get': { args: none, result: exportOptionsSchema },
  'export:options-set': { args: exportOptionsSchema, result: none },
  'recent:list': { args: none, result: z.array(recentWorkspaceSchema) },
  'recent:remove': { args: z.object({ filePath }), result: z.array(recentWorkspaceSchema) },
  'app:launch-state': { args: none, result: launchStateSchema },
  'window:document-state': { args: documentStateSchema, result: none },
  'dialog:unsaved-changes': { args: z.object({ displayName: z.string().max(1024) }), result: unsavedChoiceSchema },
  /** The renderer has dealt with unsaved changes (saved or discarded): the window may now close. */
  'window:close-confirmed': { args: none, result: none },
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const eventChannels = {
  'menu:command': z.enum(MENU_COMMANDS),
  /** Open this file (from the command line, the OS, a second instance or File > Open Recent). */
  'app:open-file': z.object({ filePath }),
  /** The user asked to close the window or quit while the document has unsaved changes. */
  'app:close-requested': none,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;
