import { z } from 'zod';
import { MAX_WORKSPACE_BYTES } from '../document/format';
import { exportOptionsSchema, PDF_PAGE_SIZES } from '../export/export-options';
import { pageCaptureRequestSchema } from '../export/page-capture';
import { preferencesSchema } from './preferences';
import { MENU_COMMANDS } from './menu-commands';
import { LIVE_ROLES, livePeerPresenceSchema, livePresenceSchema, liveStatusSchema, liveUpdateSchema } from '../live/live-protocol';

/*
 * The one table of messages between the renderer and the main process. Main and preload both import it;
 * every argument is validated with its schema on arrival in main (electron/ipc/register-handlers.ts).
 * Files are read and written only in main: the renderer sends and receives text.
 */

const filePath = z.string().min(1).max(4096);
/**
 * Workspace text the renderer may hand main. A coarse guard only, counted in UTF-16 code units, so that an absurd
 * message is refused on arrival: the real limit is MAX_WORKSPACE_BYTES of UTF-8, checked by main before it writes
 * (workspace:save, workspace:save-as). Every code unit encodes to at least one UTF-8 byte, so any text within the
 * byte limit passes this one; text that passes this one may still be refused there (é is 1 unit but 2 bytes).
 */
const content = z.string().max(MAX_WORKSPACE_BYTES);

/** How a person is named in a live session (a name or a label such as "P3"). */
const liveName = z.string().trim().min(1).max(80);
const liveStartResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), message: z.string().max(2000) })]);
/** A hosted session the last run of the app stopped in the middle of (a crash): offered again at the start. */
export const resumableLiveSessionSchema = z.object({
  displayName: z.string().max(1024),
  filePath: filePath.nullable(),
  startedAt: z.string().max(40),
  joinCode: z.string().max(400),
});
export type ResumableLiveSession = z.infer<typeof resumableLiveSessionSchema>;
const liveResumeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), filePath: filePath.nullable(), displayName: z.string().max(1024) }),
  z.object({ ok: z.literal(false), message: z.string().max(2000) }),
]);

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

/**
 * How the file on disk differs from the one the app opened or last saved in this session: another program or
 * person changed it (`modified`), or it was deleted or moved away (`deleted`).
 */
export const diskChangeSchema = z.enum(['modified', 'deleted']);
export type DiskChange = z.infer<typeof diskChangeSchema>;

/**
 * `conflict` (workspace:save only): the file changed on disk since it was opened or last saved in this session,
 * and nothing was written. Save again with `overwrite: true` to replace it anyway, or Save As, or reopen it.
 * `writeFailed` after the file was replaced says so in its reason (the file did not read back as written).
 */
export const saveResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), filePath }),
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('writeFailed'), ...fileFailure.shape }),
  z.object({ kind: z.literal('conflict'), filePath, change: diskChangeSchema }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

/**
 * A previous version of a workspace kept in the app's data folder (electron/services/version-history.ts).
 * The id is a time and a counter, never a path: main accepts only ids it listed.
 */
export const versionIdSchema = z
  .string()
  .max(64)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[1-9]\d{0,8}$/);
export const savedVersionSchema = z.object({ versionId: versionIdSchema, savedAt: z.string(), size: z.number() });
export type SavedVersionInfo = z.infer<typeof savedVersionSchema>;

export const versionReadResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('read'), content: z.string() }),
  /** Unknown, forgotten (only the last 10 are kept), unreadable, or a file the user has not opened. */
  z.object({ kind: z.literal('missing') }),
]);
export type VersionReadResult = z.infer<typeof versionReadResultSchema>;

/** CSV export writes two files (pain points, solutions) from one dialog: both are written, or neither is left. */
export const csvExportResultSchema = z.discriminatedUnion('kind', [
  /** Pain points and solutions, then (when the renderer sent them) stakeholders and relationships. */
  z.object({ kind: z.literal('saved'), filePaths: z.array(filePath).min(2).max(4) }),
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

/** The most a spreadsheet to import may weigh: more is no stakeholder list (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const importFileResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('read'), filePath, fileName: z.string().max(4096), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) }),
  z.object({ kind: z.literal('readFailed'), ...fileFailure.shape }),
]);
export type ImportFileResult = z.infer<typeof importFileResultSchema>;

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
  /** Whether the open workspace shows its agenda (the check on View > Show Agenda); absent means no. */
  agendaVisible: z.boolean().optional(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

/**
 * Recovery drafts (electron/services/recovery-drafts.ts): unsaved work kept in the app's data folder
 * (`<userData>/recovery`) so that it can be offered back after a crash. A draft id is made by the renderer
 * (crypto.randomUUID()); letters, digits and dashes only, so it can never name a path outside that folder.
 */
export const recoveryDraftIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'a draft id of 8 to 64 letters, digits or dashes' });

/** What the renderer hands main to keep: the workspace text, and where it belongs. */
export const recoveryDraftSchema = z.object({
  draftId: recoveryDraftIdSchema,
  /** The workspace's file, or null for one never saved. */
  filePath: filePath.nullable(),
  /** The name the window shows for it (file name, or the title of a workspace never saved). */
  displayName: z.string().max(1024),
  content,
});
export type RecoveryDraft = z.infer<typeof recoveryDraftSchema>;

/** A draft as listed after a restart, newest first. */
export const recoveryDraftInfoSchema = z.object({
  draftId: recoveryDraftIdSchema,
  /** When it was written (ISO 8601). */
  savedAt: z.string(),
  filePath: filePath.nullable(),
  displayName: z.string(),
  /** The workspace's title read from the draft, or displayName when it has none. */
  title: z.string(),
  /** The workspace text's size in bytes (UTF-8). */
  size: z.number(),
});
export type RecoveryDraftInfo = z.infer<typeof recoveryDraftInfoSchema>;

export const recoveryReadResultSchema = z.discriminatedUnion('kind', [
  /**
   * `writable`: the draft's file may be saved over again (main recorded it and its fingerprint when the draft was
   * made, see recovery-handlers.ts); when false the restored work is saved with Save As.
   */
  z.object({ kind: z.literal('read'), content: z.string(), writable: z.boolean() }),
  /** Discarded, never written, or damaged (a damaged draft is removed). */
  z.object({ kind: z.literal('missing') }),
]);
export type RecoveryReadResult = z.infer<typeof recoveryReadResultSchema>;

const none = z.undefined();

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'workspace:open-dialog': { args: none, result: openResultSchema },
  /**
   * Reads another workspace to merge into the open one or to compare it with: the Open dialog, titled for the
   * purpose, then the file's text. The file does not become the open one: it joins no recent list and is never
   * saved over.
   */
  'workspace:read-other': { args: z.object({ purpose: z.enum(['merge', 'compare']) }), result: openResultSchema },
  /** Opens a path main already knows: a recent workspace, or one given by the command line or the OS. */
  'workspace:open-path': { args: z.object({ filePath }), result: openResultSchema },
  /** `overwrite`: save even though the file changed on disk since it was opened or last saved (see `conflict`). */
  'workspace:save': { args: z.object({ filePath, content, overwrite: z.boolean().optional() }), result: saveResultSchema },
  'workspace:save-as': { args: z.object({ suggestedName, content }), result: saveResultSchema },
  /** Asks where to save, then writes Markdown text or PNG bytes (base64) there. */
  'export:save': { args: z.object({ format: exportFileFormatSchema, suggestedName, data: exportData }), result: saveResultSchema },
  /** Asks for "<name> pain points.csv", then writes it and "<name> solutions.csv" beside it. */
  'export:csv': {
    args: z.object({
      suggestedName,
      painPoints: exportData,
      solutions: exportData,
      /** The map as the spreadsheet import reads it back (shared/import/sheets-csv.ts); written when given. */
      stakeholders: exportData.optional(),
      relationships: exportData.optional(),
    }),
    result: csvExportResultSchema,
  },
  /** Asks where to save, then prints the page as it is (the renderer has laid out the report) to PDF there. */
  'export:pdf': {
    args: z.object({ suggestedName, pageSize: z.enum(PDF_PAGE_SIZES), landscape: z.boolean() }),
    result: saveResultSchema,
  },
  /**
   * A picture of a rectangle of the page as Chromium paints it: the PNG export's fast path (shared/export/
   * page-capture.ts). The renderer has laid the export frame out there before asking. The picture stays in main
   * (its pixel size is the answer) until export:save-capture writes it: a map of 1,000 stakeholders at 2x is a
   * 25 MB PNG, and sending it to the renderer and back as base64 took longer than drawing it.
   */
  'export:capture': { args: pageCaptureRequestSchema, result: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }) },
  /**
   * Asks where to save, then writes the picture export:capture kept, with the workspace embedded (the PNG opens
   * again in Stakemap, shared/export/png-text-chunk.ts) and its pixel density. The picture is then let go.
   */
  'export:save-capture': {
    args: z.object({ suggestedName, workspace: content, pixelsPerMeter: z.number().int().positive().max(1_000_000) }),
    result: saveResultSchema,
  },
  /**
   * File > Import Stakeholders…: asks for a spreadsheet (CSV or XLSX) and gives its bytes in base64 with its name;
   * the renderer reads and plans the import (shared/import). Nothing is written.
   */
  'import:open-dialog': { args: none, result: importFileResultSchema },
  /** The Export dialog's remembered choices (defaults until the first export). */
  'export:options-get': { args: none, result: exportOptionsSchema },
  'export:options-set': { args: exportOptionsSchema, result: none },
  /** The display preferences (theme, Large text; shared/host/preferences.ts), defaults until first chosen. */
  'preferences:get': { args: none, result: preferencesSchema },
  /** Remembers them, and makes the native parts (dialogs, menus, scrollbars) and the View menu's checks follow. */
  'preferences:set': { args: preferencesSchema, result: none },
  /** The previous versions kept of a workspace the user opened or saved, newest first. */
  'versions:list': { args: z.object({ filePath }), result: z.array(savedVersionSchema) },
  'versions:read': { args: z.object({ filePath, versionId: versionIdSchema }), result: versionReadResultSchema },
  'recent:list': { args: none, result: z.array(recentWorkspaceSchema) },
  'recent:remove': { args: z.object({ filePath }), result: z.array(recentWorkspaceSchema) },
  'app:launch-state': { args: none, result: launchStateSchema },
  'window:document-state': { args: documentStateSchema, result: none },
  'dialog:unsaved-changes': { args: z.object({ displayName: z.string().max(1024) }), result: unsavedChoiceSchema },
  /** The renderer has dealt with unsaved changes (saved or discarded): the window may now close. */
  'window:close-confirmed': { args: none, result: none },
  /**
   * Keeps (or replaces) the draft of unsaved work with this id. Rejects when it cannot be written. Main adds the
   * fingerprint of the draft's file as main knows it; the renderer never sends one.
   */
  'recovery:save': { args: recoveryDraftSchema, result: none },
  /** Removes a draft: its work was saved, or discarded on purpose. Nothing happens for an unknown id. */
  'recovery:discard': { args: z.object({ draftId: recoveryDraftIdSchema }), result: none },
  /** The drafts left in the app's data folder, newest first (damaged ones are removed, not listed). */
  'recovery:list': { args: none, result: z.array(recoveryDraftInfoSchema) },
  /**
   * One draft's workspace text. Its file may then be saved over again only if it is in the recent list and the
   * draft carries the file's fingerprint as main recorded it (authenticated); the next save then reports a
   * `conflict` if the file changed on disk since the draft was made. Any other draft must be saved with Save As.
   */
  'recovery:read': { args: z.object({ draftId: recoveryDraftIdSchema }), result: recoveryReadResultSchema },
  /**
   * Hosts a live session of the open workspace (`state`: its shared document, a Yjs update): main starts the
   * session server on the loopback or the LAN address and answers with the join code, or why it could not.
   */
  'live:host': {
    args: z.object({
      state: liveUpdateSchema,
      bind: z.enum(['loopback', 'lan']),
      name: liveName,
      /** The shared workspace's file and name, so a session resumed after a crash saves back to it. */
      file: z.object({ filePath: filePath.nullable(), displayName: z.string().max(1024) }),
    }),
    result: liveStartResultSchema,
  },
  /** The session a crash left (its state kept in the app's data folder), or null. */
  'live:resumable': { args: none, result: resumableLiveSessionSchema.nullable() },
  /**
   * Starts that session again: the same join code, every change it had acknowledged; its document arrives as a
   * `live:update` reset. The answer names the workspace's file, which the renderer may then save over.
   */
  'live:resume': { args: none, result: liveResumeResultSchema },
  /** Forgets the session a crash left. */
  'live:discard-resumable': { args: none, result: none },
  /** Joins the session a join code names; the host's document arrives as `live:update` events. */
  'live:join': { args: z.object({ joinCode: z.string().min(1).max(400), name: liveName }), result: liveStartResultSchema },
  /** One local change of the shared document (a Yjs update), for everyone in the session. */
  'live:send': { args: z.object({ update: liveUpdateSchema }), result: none },
  /** Host: ends the session for everyone. Participant: leaves it, keeping the copy. */
  'live:end': { args: none, result: none },
  /** Where this person is on the map, for the others (sent at most a few times a second). */
  'live:presence': { args: livePresenceSchema, result: none },
  /** Host: changes what a participant may do, at once. */
  'live:set-role': { args: z.object({ clientId: z.string().min(1).max(200), role: z.enum(LIVE_ROLES) }), result: none },
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const eventChannels = {
  'menu:command': z.enum(MENU_COMMANDS),
  /** Open this file (from the command line, the OS, a second instance or File > Open Recent). */
  'app:open-file': z.object({ filePath }),
  /** The user asked to close the window or quit while the document has unsaved changes. */
  'app:close-requested': none,
  /** Someone else's change of the shared document (a Yjs update), or the whole of it on joining. */
  'live:update': z.object({ update: liveUpdateSchema, reset: z.boolean().optional() }),
  'live:status': liveStatusSchema,
  /** The host refused one of this person's changes, and why (their copy is brought back to the host's). */
  'live:refused': z.object({ reason: z.string().max(2000) }),
  /** Where everyone else is on the map; someone who left is no longer listed. */
  'live:presence': z.object({ peers: z.array(livePeerPresenceSchema).max(500) }),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;
/**
 * One async function per invoke channel in `C` (all of them by default): what main registers for the renderer.
 * Main's handler modules each build a part of it (electron/ipc/workspace-handlers.ts, export-handlers.ts,
 * app-handlers.ts, recovery-handlers.ts; host-handlers.ts merges them) and share this type from here, so none of
 * them has to import another for its type.
 */
export type InvokeHandlers<C extends InvokeChannel = InvokeChannel> = {
  [K in C]: (args: InvokeArgs<K>) => Promise<InvokeResult<K>>;
};
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;
