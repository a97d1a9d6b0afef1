import { create } from 'zustand';
import type { PainHeatMode } from '@shared/domain/pain-heat';
import type { ImportSheets } from '@shared/import/column-mapping';
import type { Attachment } from '@shared/document/schema';
import type { SafeToShare } from '@shared/export/safe-to-share';
import type { HostApi } from '@shared/host/host-api';

/*
 * The UI slice: dialogs, the message box, notices, export and print jobs, the context menu and badge lists, the
 * drafts offered after a crash. Apart from the document and its undo history (editor-store.ts): none of this is
 * an edit, none of it is saved, and a component showing a dialog never re-renders because the map changed.
 */

/** A floating list or menu anchored at a point on screen (client coordinates). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** The pain points of one item, listed when its badge on the map is clicked. */
export interface BadgeList {
  readonly attachment: Attachment;
  readonly at: ScreenPoint;
}

/** A recovery draft as main lists it. */
export type RecoveryDraftInfo = Awaited<ReturnType<HostApi['listRecoveryDrafts']>>[number];

export interface ExportJob {
  readonly step: string;
  readonly cancel: (() => void) | null;
}

/** Everything the printed report needs, measured before printing starts. */
export interface PrintJob {
  readonly pageSize: 'A4' | 'Letter' | 'A3';
  readonly landscape: boolean;
  readonly generatedAt: string;
  readonly frameSize: { readonly width: number; readonly height: number };
  /** What the report leaves out so it can be shared (shared/export/safe-to-share.ts). */
  readonly safeToShare: SafeToShare;
  /** Print the wrap-up page alone, without the map and the report. */
  readonly wrapUpOnly: boolean;
}

/** What was right-clicked on the map, and where. */
export interface ContextMenuState {
  readonly target:
    | { readonly type: 'stakeholder'; readonly id: string }
    | { readonly type: 'relationship'; readonly id: string }
    | { readonly type: 'pane'; readonly flowPosition: ScreenPoint };
  readonly at: ScreenPoint;
}

/** A message for the user in a modal dialog: a failed open or save, broken references, About. */
export interface AppMessage {
  readonly tone: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly summary: string;
  readonly details?: readonly string[];
  /** Extra buttons besides OK, e.g. "Save As…" after a failed save. */
  readonly actions?: ReadonlyArray<{ label: string; run: () => void }>;
}

export interface UiState {
  readonly badgeList: BadgeList | null;
  readonly contextMenu: ContextMenuState | null;
  /** The categories dialog (add, rename, recolour, reorder, delete) is open. */
  readonly categoriesOpen: boolean;
  /** The Export dialog is open. */
  readonly exportOpen: boolean;
  /** The "Restore previous version" dialog is open. */
  readonly versionsOpen: boolean;
  /** The keyboard shortcuts sheet is open. */
  readonly shortcutsOpen: boolean;
  /** An export under way: what it is doing now, and how to stop it. */
  readonly exportJob: ExportJob | null;
  /** The report being printed to PDF (rendered into #print-root while set). */
  readonly printJob: PrintJob | null;
  /** Unsaved work left by a crash, found at start: offered back on the start view until restored or discarded. */
  readonly recoveryDrafts: readonly RecoveryDraftInfo[];
  readonly message: AppMessage | null;
  /** A short, polite status line ("Saved", "Already connected"), announced to screen readers. */
  readonly notice: { text: string; id: number } | null;
  /** Pain heat: relationship lines drawn by the weight of their pain points (count or votes), or not. */
  readonly painHeat: PainHeatMode;
  /** The top of the bridges and bottlenecks ranking is marked on the map. */
  readonly markBottlenecks: boolean;
  /** File > Import Stakeholders…: the spreadsheet read, shown in the import dialog until imported or canceled. */
  readonly importSession: ImportSession | null;
}

/** A spreadsheet being imported: its name and its sheets as the import dialog maps them. */
export interface ImportSession {
  readonly fileName: string;
  readonly sheets: ImportSheets;
}

const initialUi: UiState = {
  badgeList: null,
  contextMenu: null,
  categoriesOpen: false,
  exportOpen: false,
  versionsOpen: false,
  shortcutsOpen: false,
  exportJob: null,
  printJob: null,
  recoveryDrafts: [],
  message: null,
  notice: null,
  painHeat: 'off',
  importSession: null,
  markBottlenecks: false,
};

export const useUi = create<UiState>()(() => initialUi);

let noticeCounter = 0;

/** Closes what floats over the map (badge list, context menu): the map under them changed or went away. */
export function closeMapPopups(): void {
  const { badgeList, contextMenu } = useUi.getState();
  if (badgeList || contextMenu) useUi.setState({ badgeList: null, contextMenu: null });
}

export function showBadgeList(list: BadgeList | null): void {
  useUi.setState({ badgeList: list, contextMenu: null });
}

export function showContextMenu(menu: ContextMenuState | null): void {
  useUi.setState({ contextMenu: menu, badgeList: null });
}

export function showVersionsDialog(open: boolean): void {
  useUi.setState({ versionsOpen: open });
}

export function showExportDialog(open: boolean): void {
  useUi.setState({ exportOpen: open });
}

export function showCategories(open: boolean): void {
  useUi.setState({ categoriesOpen: open });
}

export function showShortcuts(open: boolean): void {
  useUi.setState({ shortcutsOpen: open });
}

export function setExportJob(job: ExportJob | null): void {
  useUi.setState({ exportJob: job });
}

export function setPrintJob(job: PrintJob | null): void {
  useUi.setState({ printJob: job });
}

export function setRecoveryDrafts(drafts: readonly RecoveryDraftInfo[]): void {
  useUi.setState({ recoveryDrafts: drafts });
}

export function showMessage(message: AppMessage): void {
  useUi.setState({ message });
}

export function dismissMessage(): void {
  useUi.setState({ message: null });
}

export function announce(text: string): void {
  noticeCounter += 1;
  useUi.setState({ notice: { text, id: noticeCounter } });
}

/** Draws the map's relationship lines by pain (pain-heat.ts), or by status alone ('off'). */
export function setPainHeat(mode: PainHeatMode): void {
  useUi.setState({ painHeat: mode });
}

/** Opens the import dialog on a spreadsheet read, or closes it (null). */
export function setImportSession(session: ImportSession | null): void {
  useUi.setState({ importSession: session });
}

/** Marks (or stops marking) the top bridges and bottlenecks on the map. */
export function setMarkBottlenecks(mark: boolean): void {
  useUi.setState({ markBottlenecks: mark });
}
