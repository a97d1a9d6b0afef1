import { describe, expect, it, vi } from 'vitest';
import { createPreferencesHandlers } from '../../../../electron/ipc/preferences-handlers';
import { SETTINGS_KEYS } from '../../../../electron/services/key-value-store';
import { AppPreferences } from '../../../../electron/services/preferences';
import { DEFAULT_PREFERENCES } from '../../../../shared/host/preferences';
import { MemoryStore } from '../helpers';

describe('preferences:get and preferences:set', () => {
  it('give the defaults until something is chosen, then what was chosen, across a restart', async () => {
    const settings = new MemoryStore();
    const first = createPreferencesHandlers({ settings });
    await expect(first['preferences:get'](undefined)).resolves.toEqual(DEFAULT_PREFERENCES);
    await first['preferences:set']({ theme: 'high-contrast', largeText: true, legendExpanded: true });
    await expect(first['preferences:get'](undefined)).resolves.toEqual({ theme: 'high-contrast', largeText: true, legendExpanded: true });
    expect(settings.get(SETTINGS_KEYS.preferences)).toEqual({ theme: 'high-contrast', largeText: true, legendExpanded: true });

    // A new process reads the same settings file.
    const second = createPreferencesHandlers({ settings });
    await expect(second['preferences:get'](undefined)).resolves.toEqual({ theme: 'high-contrast', largeText: true, legendExpanded: true });
  });

  it('reads a damaged or hand-edited value as the defaults, field by field, and replaces it on the next change', async () => {
    const settings = new MemoryStore();
    settings.set(SETTINGS_KEYS.preferences, { theme: 'neon', largeText: true, extra: 1 });
    const handlers = createPreferencesHandlers({ settings });
    await expect(handlers['preferences:get'](undefined)).resolves.toEqual({ theme: 'system', largeText: true, legendExpanded: true });
    settings.set(SETTINGS_KEYS.preferences, 'dark');
    await expect(handlers['preferences:get'](undefined)).resolves.toEqual(DEFAULT_PREFERENCES);
    await handlers['preferences:set']({ theme: 'dark', largeText: false, legendExpanded: true });
    expect(settings.get(SETTINGS_KEYS.preferences)).toEqual({ theme: 'dark', largeText: false, legendExpanded: true });
  });

  it('tell main about every change through its AppPreferences (native theme, View menu checks)', async () => {
    const settings = new MemoryStore();
    const preferences = new AppPreferences(settings);
    const listener = vi.fn();
    const unsubscribe = preferences.onChange(listener);
    const handlers = createPreferencesHandlers({ settings, preferences });
    await handlers['preferences:set']({ theme: 'light', largeText: true, legendExpanded: true });
    expect(listener).toHaveBeenCalledWith({ theme: 'light', largeText: true, legendExpanded: true });
    expect(preferences.get()).toEqual({ theme: 'light', largeText: true, legendExpanded: true });
    unsubscribe();
    await handlers['preferences:set']({ theme: 'dark', largeText: true, legendExpanded: true });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('store only the known fields', () => {
    const settings = new MemoryStore();
    new AppPreferences(settings).set({ theme: 'dark', largeText: false, legendExpanded: true, sneaky: 'x' } as never);
    expect(settings.get(SETTINGS_KEYS.preferences)).toEqual({ theme: 'dark', largeText: false, legendExpanded: true });
  });
});
