import type { Page } from '@playwright/test';
import type { DocumentState, UnsavedChoice } from '../../../shared/host/channels';
import type { MenuCommand } from '../../../shared/host/menu-commands';

/**
 * Answers to the native dialogs, queued before the action that shows them and used in order. A dialog shown
 * with no answer queued fails the test naming the dialog; an answer never used fails it too (the dialog the
 * test expected did not appear).
 */
export interface AppDialogs {
  /** The next Open dialog picks this file, or is canceled (null). */
  answerOpen(filePath: string | null): void;
  /** The next Save As dialog (saving the workspace) picks this path, or is canceled (null). */
  answerSave(filePath: string | null): void;
  /**
   * The next export save dialog (Export PNG, PDF, Markdown or CSV) picks this path, or is canceled (null). For
   * CSV it is the pain points file; the solutions file is written beside it.
   */
  answerExport(filePath: string | null): void;
  /** The next "unsaved changes" question is answered Save, Don't Save or Cancel. */
  answerUnsaved(choice: UnsavedChoice): void;
  /**
   * The next "“…” already exists. Replace it?" question (e.g. the solutions file of a CSV export) is answered
   * Replace (true) or Cancel (false).
   */
  answerReplace(replace: boolean): void;
}

/** The running app as an end-to-end test drives it, in Chromium with the harness or in real Electron. */
export interface StakemapApp {
  /** The app window's page. restart() and a close replace or close it. */
  readonly page: Page;
  /** A fresh, empty folder for this test's workspace files. */
  readonly tempDir: string;
  /** The app's settings folder (config.json: recent list, first-run flag); it survives restart(). */
  readonly userDataDir: string;
  readonly dialogs: AppDialogs;
  /** Clicks a native menu item: the command reaches the renderer as `menu:command`. */
  menu(command: MenuCommand): Promise<void>;
  /** The OS (file manager, second instance, macOS open-file) asks the app to open this file. */
  openFromOs(filePath: string): Promise<void>;
  /**
   * The window's close button. Without unsaved changes the window closes (true). With unsaved changes the
   * renderer gets app:close-requested; true once it confirms the close, false once it has settled without
   * closing (the user canceled). Throws if the renderer does neither within `timeout` ms (default 10 000).
   */
  requestClose(options?: { timeout?: number }): Promise<boolean>;
  /** The document state the renderer reported last (window:document-state), or null before its first report. */
  documentState(): DocumentState | null;
  /** The native window title, computed from documentState() by the function main uses. */
  windowTitle(): string;
  /** Quits and launches the app again with the same settings (recent list); returns the new page. */
  restart(): Promise<Page>;
  /**
   * The whole app is killed (SIGKILL: no unload, no quit, no goodbye from its live session) and launched again
   * with the same settings and data folder; returns the new page.
   */
  crash(): Promise<Page>;
  /** Console errors matching this pattern do not fail the test (for specs that provoke one on purpose). */
  allowConsoleError(pattern: RegExp): void;
  /**
   * From now on the host cannot take page captures (as when another debugger holds the window): the PNG export
   * falls back to drawing with html-to-image. The browser target only.
   */
  disablePageCapture(): void;
}

/** The implementation behind the fixture: the app plus the checks run when the test ends. */
export interface StakemapAppSession extends StakemapApp {
  /** Problems seen during the test (console errors, unanswered dialogs, unused answers), for the teardown. */
  problems(): string[];
  dispose(): Promise<void>;
}
