import { readPreferences, type Preferences } from '../../shared/host/preferences';
import { SETTINGS_KEYS, type KeyValueStore } from './key-value-store';

/**
 * The display preferences (theme, Large text, the legend folded or not) in the settings store, with a change signal: main sets
 * nativeTheme.themeSource and rebuilds the View menu's checks on every change. A stored value that does not fit
 * reads as the defaults, field by field (readPreferences), and is replaced at the next change.
 */
export class AppPreferences {
  private readonly listeners = new Set<(preferences: Preferences) => void>();

  constructor(private readonly store: KeyValueStore) {}

  get(): Preferences {
    return readPreferences(this.store.get(SETTINGS_KEYS.preferences));
  }

  /** Stores the preferences (already validated: the IPC layer checks them against their schema) and says so. */
  set(preferences: Preferences): Preferences {
    const stored: Preferences = { theme: preferences.theme, largeText: preferences.largeText, legendExpanded: preferences.legendExpanded };
    this.store.set(SETTINGS_KEYS.preferences, stored);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  /** Called after every change. Returns an unsubscribe function. */
  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
