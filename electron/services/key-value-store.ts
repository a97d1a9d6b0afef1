/**
 * The little the app needs from a settings store. electron-store implements it in the app (settings.ts); tests
 * and the end-to-end harness use an in-memory map or a JSON file with the same layout. Values come back as
 * `unknown` on purpose: the settings file lives on the user's disk and may have been edited, so every reader
 * validates what it gets.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The keys Stakemap keeps in its settings store, in one place so the store's schema and readers agree. */
export const SETTINGS_KEYS = {
  /** RecentWorkspace[]: most recent first. */
  recentWorkspaces: 'recentWorkspaces',
  /** boolean: set once the first run has shown the sample workspace. */
  launchedBefore: 'launchedBefore',
  /** ExportOptions (shared/export/export-options.ts): the Export dialog's last choices. */
  exportOptions: 'exportOptions',
  /** string: the folder of the last export, where the next export's save dialog starts. */
  lastExportFolder: 'lastExportFolder',
  /** Preferences (shared/host/preferences.ts): the theme and Large text, read back with readPreferences. */
  preferences: 'preferences',
  /**
   * string (64 hex digits): the secret key main authenticates recovery drafts with (electron/ipc/recovery-handlers.ts).
   * Made at random on first use; a missing or malformed value is replaced, which only makes older drafts open
   * without write access to their file.
   */
  recoveryDraftKey: 'recoveryDraftKey',
} as const;
