import type { EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResult } from './channels';
import type { DocumentState, ExportFileFormat, RecoveryDraft } from './channels';
import type { ExportOptions, PdfPageSize } from '../export/export-options';
import type { PageCaptureRequest } from '../export/page-capture';
import type { MenuCommand } from './menu-commands';
import type { Preferences } from './preferences';
import type { LivePeerPresence, LivePresence, LiveRole, LiveStatus } from '../live/live-protocol';

/** How the host API reaches main: ipcRenderer in the preload, a Playwright binding in the test harness. */
export interface HostTransport {
  invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

/**
 * The intent-level functions the renderer may call, exposed as `window.stakemap`. No raw IPC reaches the page:
 * each function names one thing the app does.
 */
export function createHostApi(transport: HostTransport) {
  return {
    openWorkspaceDialog: () => transport.invoke('workspace:open-dialog', undefined),
    /** File > Merge Workspace…, or comparing with another file: the chosen workspace's text, not opened. */
    readOtherWorkspace: (purpose: 'merge' | 'compare') => transport.invoke('workspace:read-other', { purpose }),
    openWorkspaceAt: (filePath: string) => transport.invoke('workspace:open-path', { filePath }),
    /**
     * Saves over the workspace's file. Gives `conflict` without writing when the file changed on disk since it
     * was opened or last saved, unless `overwrite` is true.
     */
    saveWorkspace: (filePath: string, content: string, options: { overwrite?: boolean } = {}) =>
      transport.invoke(
        'workspace:save',
        options.overwrite === undefined ? { filePath, content } : { filePath, content, overwrite: options.overwrite },
      ),
    saveWorkspaceAs: (suggestedName: string, content: string) => transport.invoke('workspace:save-as', { suggestedName, content }),
    /** `data`: the Markdown text, or the PNG's bytes in base64. */
    exportFile: (format: ExportFileFormat, suggestedName: string, data: string) =>
      transport.invoke('export:save', { format, suggestedName, data }),
    /** The pain points and solutions CSVs, and the stakeholders and relationships CSVs when given. */
    exportCsv: (suggestedName: string, painPoints: string, solutions: string, map?: { stakeholders: string; relationships: string }) =>
      transport.invoke('export:csv', { suggestedName, painPoints, solutions, ...(map ?? {}) }),
    /** Prints the page as it is now: lay out the report before calling, restore it after. */
    exportPdf: (suggestedName: string, pageSize: PdfPageSize, landscape: boolean) =>
      transport.invoke('export:pdf', { suggestedName, pageSize, landscape }),
    /**
     * Pictures the page's rectangle as Chromium paints it (lay out what is to be pictured first); the host keeps the
     * picture and answers its pixel size. saveCapturedPng then asks where to save it.
     */
    capturePage: (request: PageCaptureRequest) => transport.invoke('export:capture', request),
    /** Asks where to save, then writes the kept picture with the workspace (its JSON text) embedded. */
    saveCapturedPng: (suggestedName: string, workspace: string, pixelsPerMeter: number) =>
      transport.invoke('export:save-capture', { suggestedName, workspace, pixelsPerMeter }),
    /** File > Import Stakeholders…: the chosen spreadsheet's name and bytes (base64), or why it could not be read. */
    openImportFile: () => transport.invoke('import:open-dialog', undefined),
    getExportOptions: () => transport.invoke('export:options-get', undefined),
    setExportOptions: (options: ExportOptions) => transport.invoke('export:options-set', options),
    /** The remembered display preferences (theme, Large text), or the defaults. */
    getPreferences: () => transport.invoke('preferences:get', undefined),
    /** Remembers the display preferences; the native menu's checks and the native theme follow them. */
    setPreferences: (preferences: Preferences) => transport.invoke('preferences:set', preferences),
    /** The previous versions kept of this workspace (the last 10 saves), newest first. */
    listVersions: (filePath: string) => transport.invoke('versions:list', { filePath }),
    /** One version listVersions gave: `{ kind: 'read', content }`, or `{ kind: 'missing' }`. */
    readVersion: (filePath: string, versionId: string) => transport.invoke('versions:read', { filePath, versionId }),
    /**
     * Keeps the unsaved work of a workspace aside (atomically, in the app's data folder), replacing the draft with
     * the same id. Rejects when it cannot be written (disk full, over 100 MB): the next change tries again.
     */
    saveRecoveryDraft: (draft: RecoveryDraft) => transport.invoke('recovery:save', draft),
    /** Removes a draft (its work was saved, or discarded on purpose). */
    discardRecoveryDraft: (draftId: string) => transport.invoke('recovery:discard', { draftId }),
    /** Drafts left by an earlier run, newest first: `{ draftId, savedAt, filePath, displayName, title, size }`. */
    listRecoveryDrafts: () => transport.invoke('recovery:list', undefined),
    /** A draft's workspace text: `{ kind: 'read', content }`, or `{ kind: 'missing' }`. */
    readRecoveryDraft: (draftId: string) => transport.invoke('recovery:read', { draftId }),
    listRecentWorkspaces: () => transport.invoke('recent:list', undefined),
    forgetRecentWorkspace: (filePath: string) => transport.invoke('recent:remove', { filePath }),
    getLaunchState: () => transport.invoke('app:launch-state', undefined),
    setDocumentState: (state: DocumentState) => transport.invoke('window:document-state', state),
    askUnsavedChanges: (displayName: string) => transport.invoke('dialog:unsaved-changes', { displayName }),
    confirmClose: () => transport.invoke('window:close-confirmed', undefined),
    onMenuCommand: (listener: (command: MenuCommand) => void) => transport.subscribe('menu:command', listener),
    onOpenFile: (listener: (request: { filePath: string }) => void) => transport.subscribe('app:open-file', listener),
    onCloseRequested: (listener: () => void) => transport.subscribe('app:close-requested', () => listener()),
    /** Live session (shared/live/live-protocol.ts): host the open workspace, or join one with its code. */
    hostLiveSession: (state: string, bind: 'loopback' | 'lan', name: string, file: { filePath: string | null; displayName: string }) =>
      transport.invoke('live:host', { state, bind, name, file }),
    findResumableLiveSession: () => transport.invoke('live:resumable', undefined),
    resumeLiveSession: () => transport.invoke('live:resume', undefined),
    discardResumableLiveSession: () => transport.invoke('live:discard-resumable', undefined),
    joinLiveSession: (joinCode: string, name: string) => transport.invoke('live:join', { joinCode, name }),
    shareLiveChange: (update: string) => transport.invoke('live:send', { update }),
    endLiveSession: () => transport.invoke('live:end', undefined),
    shareLivePresence: (presence: LivePresence) => transport.invoke('live:presence', presence),
    onLivePresence: (listener: (peers: readonly LivePeerPresence[]) => void) => transport.subscribe('live:presence', (payload) => listener(payload.peers)),
    setLiveRole: (clientId: string, role: LiveRole) => transport.invoke('live:set-role', { clientId, role }),
    /** `reset`: the update is the host's whole document, to replace this copy with (after a refusal or on joining). */
    onLiveUpdate: (listener: (update: string, reset: boolean) => void) => transport.subscribe('live:update', (payload) => listener(payload.update, payload.reset ?? false)),
    onLiveStatus: (listener: (status: LiveStatus) => void) => transport.subscribe('live:status', listener),
    onLiveRefused: (listener: (reason: string) => void) => transport.subscribe('live:refused', (payload) => listener(payload.reason)),
  };
}

export type HostApi = ReturnType<typeof createHostApi>;

/** The name of the global the preload (and the test harness) exposes the API under. */
export const HOST_API_GLOBAL = 'stakemap';
