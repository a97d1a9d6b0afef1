import { DEFAULT_PREFERENCES, THEME_CHOICES, type Preferences, type Theme } from '@shared/host/preferences';
import { host } from '../host';
import { announce } from '../store/ui-store';
import { preferencesNow, showPreferences } from '../store/preferences-store';

/*
 * View > Theme and View > Large Text: the display preferences, shown at once and remembered by main (which also
 * makes the native theme and the menu's checks follow). They are not edits: nothing here touches the workspace or
 * its undo history.
 */

/** Counts the changes made in this window, so the stored preferences, read at start, never undo a newer choice. */
let changes = 0;

/**
 * Reads the remembered preferences and shows them. Called before the first render, so a chosen theme is there from
 * the first paint. If main cannot answer, the defaults stay (System theme, text at its usual size).
 */
export async function loadPreferences(): Promise<void> {
  const before = changes;
  let stored: Preferences = DEFAULT_PREFERENCES;
  try {
    stored = await host().getPreferences();
  } catch {
    // Keep the defaults: a display preference is never worth stopping the app for.
  }
  if (changes === before) showPreferences(stored);
}

function change(next: Preferences, words: string): void {
  changes += 1;
  showPreferences(next);
  announce(words);
  host()
    .setPreferences(next)
    .catch(() => announce(`${words}, for this session only: it could not be remembered for next time`));
}

/** View > Theme > System, Light, Dark or High Contrast. */
export function chooseTheme(theme: Theme): void {
  const current = preferencesNow();
  const label = THEME_CHOICES.find((choice) => choice.theme === theme)?.label ?? theme;
  change({ ...current, theme }, theme === 'system' ? 'Theme: System (follows the computer’s light or dark setting)' : `Theme: ${label}`);
}

/** View > Large Text: map text about 1.3 times its size, or back to its usual size. */
export function toggleLargeText(): void {
  const current = preferencesNow();
  const largeText = !current.largeText;
  change({ ...current, largeText }, largeText ? 'Large text on' : 'Large text off');
}

/** The legend's "Legend" button and View > Legend: fold the legend to its button, or open it again. */
export function toggleLegend(): void {
  const current = preferencesNow();
  const legendExpanded = !current.legendExpanded;
  change({ ...current, legendExpanded }, legendExpanded ? 'Legend shown' : 'Legend folded');
}
