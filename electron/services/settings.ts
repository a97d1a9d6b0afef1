import Store, { type Schema } from 'electron-store';
import { SETTINGS_KEYS, type KeyValueStore } from './key-value-store';

type Settings = Record<string, unknown>;

/** JSON schema of the settings file; electron-store validates every write against it. */
const SETTINGS_SCHEMA: Schema<Settings> = {
  [SETTINGS_KEYS.recentWorkspaces]: {
    type: 'array',
    items: {
      type: 'object',
      properties: { filePath: { type: 'string' }, fileName: { type: 'string' }, openedAt: { type: 'string' } },
      required: ['filePath', 'fileName', 'openedAt'],
    },
  },
  [SETTINGS_KEYS.launchedBefore]: { type: 'boolean' },
  // Loose on purpose: a schema violation makes electron-store reset the whole file (recent list included), so
  // the details are checked with zod when read (readExportOptions), falling back to defaults.
  [SETTINGS_KEYS.exportOptions]: { type: 'object' },
  [SETTINGS_KEYS.lastExportFolder]: { type: 'string' },
  // Loose as well: readPreferences falls back to the defaults field by field.
  [SETTINGS_KEYS.preferences]: { type: 'object' },
  // Loose too (see above): the recovery handlers check the format and replace a value that does not fit.
  [SETTINGS_KEYS.recoveryDraftKey]: { type: 'string' },
};

/**
 * The app's settings (recent workspaces, first-run flag, export choices, display preferences) in `<userData>/config.json`, written atomically by
 * electron-store. A damaged settings file is reset instead of stopping the app from starting
 * (clearInvalidConfig): it holds nothing the user cannot rebuild, unlike their workspace files.
 */
export function createSettingsStore(): KeyValueStore {
  const store = new Store<Settings>({ name: 'config', schema: SETTINGS_SCHEMA, clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
