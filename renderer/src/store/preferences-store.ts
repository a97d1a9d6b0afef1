import { create } from 'zustand';
import { DEFAULT_PREFERENCES, type Preferences } from '@shared/host/preferences';

/*
 * The display preferences (theme, Large text) the window shows now. Main remembers them between runs
 * (preferences:get / preferences:set, see commands/preference-commands.ts); here they are state, and attributes on
 * <html> that the stylesheets read: data-theme ("system" | "light" | "dark" | "high-contrast", styles/themes.css)
 * and data-large-text ("true" | "false", styles/large-text.css). Nothing here is part of a workspace.
 */

export interface PreferencesState {
  readonly preferences: Preferences;
}

export const usePreferences = create<PreferencesState>()(() => ({ preferences: DEFAULT_PREFERENCES }));

/** Shows these preferences: the state, and the attributes on the root element the stylesheets follow. */
export function showPreferences(preferences: Preferences): void {
  usePreferences.setState({ preferences });
  applyPreferencesTo(document.documentElement, preferences);
}

/** Sets data-theme and data-large-text on `root` (the document's <html> element in the app). */
export function applyPreferencesTo(root: HTMLElement, preferences: Preferences): void {
  root.dataset.theme = preferences.theme;
  root.dataset.largeText = String(preferences.largeText);
}

/** The preferences shown now (outside React). */
export function preferencesNow(): Preferences {
  return usePreferences.getState().preferences;
}
