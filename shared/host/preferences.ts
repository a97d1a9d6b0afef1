import { z } from 'zod';
import type { MenuCommand } from './menu-commands';

/*
 * Display preferences, remembered between runs in the app's settings (SETTINGS_KEYS.preferences): the theme and
 * Large text. They belong to the person and the machine (a projector in this room), not to a workspace, so they
 * are never written into a .stakemap file. The settings file lives on the user's disk and may have been edited by
 * hand or written by another version, so what is read back goes through readPreferences.
 */

/**
 * `system` follows the OS (light or dark); `high-contrast` is Stakemap's own theme for projectors: black, white and
 * a few saturated colours, thicker lines.
 */
export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** View > Theme: the menu command that chooses each theme, and its label, in menu order. */
export const THEME_CHOICES: ReadonlyArray<{ readonly theme: Theme; readonly command: MenuCommand; readonly label: string }> = [
  { theme: 'system', command: 'view.themeSystem', label: 'System' },
  { theme: 'light', command: 'view.themeLight', label: 'Light' },
  { theme: 'dark', command: 'view.themeDark', label: 'Dark' },
  { theme: 'high-contrast', command: 'view.themeHighContrast', label: 'High Contrast' },
];

export const preferencesSchema = z.object({
  theme: z.enum(THEMES),
  /** Map text (names, kinds, labels, badges, legend) about 1.3 times its usual size. */
  largeText: z.boolean(),
  /** The legend on the map shows its explanations; folded, it is just its "Legend" button (frees a corner). */
  legendExpanded: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Before the user chooses anything: the OS's light or dark, text at its usual size. */
export const DEFAULT_PREFERENCES: Preferences = Object.freeze({ theme: 'system', largeText: false, legendExpanded: true });

/**
 * The preferences stored in settings, or the defaults for whatever part of them is missing or invalid (each field
 * falls back on its own, so an unknown theme written by a newer version does not also forget Large text). Unknown
 * fields are dropped. Always returns a new object.
 */
export function readPreferences(stored: unknown): Preferences {
  const whole = preferencesSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const parts = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const field = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const read = preferencesSchema.shape[key].safeParse(parts[key]);
    return read.success ? (read.data as Preferences[K]) : DEFAULT_PREFERENCES[key];
  };
  return { theme: field('theme'), largeText: field('largeText'), legendExpanded: field('legendExpanded') };
}

/** What Electron's `nativeTheme.themeSource` accepts. */
export type NativeThemeSource = 'system' | 'light' | 'dark';

/**
 * The `nativeTheme.themeSource` for a theme, so that native dialogs, scrollbars and the page's
 * `prefers-color-scheme` agree with it. High contrast is drawn on black, so the native parts go dark.
 */
export function nativeThemeSource(theme: Theme): NativeThemeSource {
  switch (theme) {
    case 'system':
      return 'system';
    case 'light':
      return 'light';
    case 'dark':
    case 'high-contrast':
      return 'dark';
    default: {
      const unreachable: never = theme;
      return unreachable;
    }
  }
}

/** The window's background before the page paints (no white flash on a dark theme), for a theme and the OS's choice. */
export function windowBackground(theme: Theme, osPrefersDark: boolean): string {
  if (theme === 'high-contrast') return '#000000';
  const dark = theme === 'dark' || (theme === 'system' && osPrefersDark);
  // The canvas colour of styles/themes.css in each palette.
  return dark ? '#14171b' : '#f6f7f9';
}
