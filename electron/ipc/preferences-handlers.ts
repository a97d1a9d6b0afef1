import type { InvokeHandlers } from '../../shared/host/channels';
import { AppPreferences } from '../services/preferences';
import type { HostDependencies } from './handler-context';

/*
 * The display preferences channels: the theme and Large text, remembered in the settings store. Main passes its
 * own AppPreferences (it listens for changes: native theme, View menu); the test harness and unit tests let these
 * handlers make one over the settings store, so a restart reads the same file.
 */

export type PreferencesChannel = 'preferences:get' | 'preferences:set';

/** Builds the handlers of the preferences channels. */
export function createPreferencesHandlers(deps: Pick<HostDependencies, 'settings' | 'preferences'>): InvokeHandlers<PreferencesChannel> {
  const preferences = deps.preferences ?? new AppPreferences(deps.settings);
  return {
    'preferences:get': async () => preferences.get(),
    'preferences:set': async (chosen) => {
      preferences.set(chosen);
    },
  };
}
