import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../../shared/host/menu-commands';
import {
  DEFAULT_PREFERENCES,
  nativeThemeSource,
  preferencesSchema,
  readPreferences,
  THEME_CHOICES,
  THEMES,
  windowBackground,
} from '../../../../shared/host/preferences';

describe('readPreferences', () => {
  it('reads back what was stored', () => {
    for (const theme of THEMES) {
      for (const largeText of [false, true])
        for (const legendExpanded of [false, true]) expect(readPreferences({ theme, largeText, legendExpanded })).toEqual({ theme, largeText, legendExpanded });
    }
  });

  it('gives the defaults (System, usual text size) for nothing stored or something that is not an object', () => {
    expect(DEFAULT_PREFERENCES).toEqual({ theme: 'system', largeText: false, legendExpanded: true });
    for (const stored of [undefined, null, 'dark', 42, true, [], ['dark', true]]) expect(readPreferences(stored), JSON.stringify(stored)).toEqual(DEFAULT_PREFERENCES);
  });

  it('falls back field by field, so one bad value does not forget the other', () => {
    // A theme from a newer version, or edited by hand.
    expect(readPreferences({ theme: 'solarized', largeText: true })).toEqual({ theme: 'system', largeText: true, legendExpanded: true });
    expect(readPreferences({ theme: 'DARK', largeText: true, legendExpanded: false })).toEqual({ theme: 'system', largeText: true, legendExpanded: false });
    expect(readPreferences({ theme: 'high-contrast', largeText: 'yes' })).toEqual({ theme: 'high-contrast', largeText: false, legendExpanded: true });
    expect(readPreferences({ theme: 'dark', legendExpanded: 'no' })).toEqual({ theme: 'dark', largeText: false, legendExpanded: true });
    expect(readPreferences({ largeText: true })).toEqual({ theme: 'system', largeText: true, legendExpanded: true });
    expect(readPreferences({})).toEqual(DEFAULT_PREFERENCES);
  });

  it('drops unknown fields and never hands out the defaults object itself', () => {
    expect(readPreferences({ theme: 'light', largeText: false, legendExpanded: false, fontFamily: 'Comic Sans' })).toEqual({ theme: 'light', largeText: false, legendExpanded: false });
    const read = readPreferences(undefined);
    expect(read).not.toBe(DEFAULT_PREFERENCES);
    read.largeText = true;
    expect(DEFAULT_PREFERENCES.largeText).toBe(false);
    expect(Object.isFrozen(DEFAULT_PREFERENCES)).toBe(true);
  });

  it('is what the IPC schema accepts, and no more', () => {
    expect(preferencesSchema.safeParse({ theme: 'dark', largeText: true, legendExpanded: false }).success).toBe(true);
    expect(preferencesSchema.safeParse({ theme: 'sepia', largeText: true, legendExpanded: true }).success).toBe(false);
    expect(preferencesSchema.safeParse({ theme: 'dark' }).success).toBe(false);
  });
});

describe('the native theme', () => {
  it('follows the OS for System, is light or dark when chosen, and dark for high contrast (drawn on black)', () => {
    expect(THEMES.map((theme) => [theme, nativeThemeSource(theme)])).toEqual([
      ['system', 'system'],
      ['light', 'light'],
      ['dark', 'dark'],
      ['high-contrast', 'dark'],
    ]);
  });

  it('gives the window a background of the theme it opens in (no white flash in the dark)', () => {
    expect(windowBackground('system', false)).toBe('#f6f7f9');
    expect(windowBackground('system', true)).toBe('#14171b');
    expect(windowBackground('light', true)).toBe('#f6f7f9');
    expect(windowBackground('dark', false)).toBe('#14171b');
    expect(windowBackground('high-contrast', false)).toBe('#000000');
  });
});

describe('THEME_CHOICES (View > Theme)', () => {
  it('offers every theme once, in order, each with a menu command the native menu can send', () => {
    expect(THEME_CHOICES.map((choice) => choice.theme)).toEqual([...THEMES]);
    expect(THEME_CHOICES.map((choice) => choice.label)).toEqual(['System', 'Light', 'Dark', 'High Contrast']);
    for (const choice of THEME_CHOICES) expect(MENU_COMMANDS).toContain(choice.command);
    expect(new Set(THEME_CHOICES.map((choice) => choice.command)).size).toBe(THEMES.length);
  });
});
