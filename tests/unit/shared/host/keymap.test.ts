import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../../electron/menu';
import { commandForKey } from '../../../../renderer/src/commands/shortcuts';
import {
  acceleratorOf,
  isKeyOnly,
  KEYMAP,
  keysText,
  menuAccelerators,
  shortcutSheet,
  shownBindings,
  type KeyBinding,
  type KeymapCommand,
} from '../../../../shared/host/keymap';
import { MENU_COMMANDS } from '../../../../shared/host/menu-commands';
import { DEFAULT_PREFERENCES } from '../../../../shared/host/preferences';

/*
 * The keymap is the one table behind the renderer's key handling, the native menu's accelerators and the help
 * sheet: these tests hold the three to it.
 */

const PLATFORMS = [
  { platform: 'linux', isMac: false },
  { platform: 'win32', isMac: false },
  { platform: 'darwin', isMac: true },
] as const;

function menuItems(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
  const actions = { sendCommand: () => undefined, openRecent: () => undefined, clearRecent: () => undefined };
  return flatten(buildMenuTemplate({ platform, isPackaged: true, recent: [], preferences: DEFAULT_PREFERENCES }, actions));
}

/** The key event a binding describes: Shift held for "?" and "+" as a keyboard types them. */
function press(binding: KeyBinding, isMac: boolean) {
  const typedWithShift = /^[?+]$/.test(binding.key);
  return {
    key: binding.shift ? binding.key.toUpperCase() : binding.key,
    ctrlKey: !isMac && !!binding.mod,
    metaKey: isMac && !!binding.mod,
    shiftKey: !!binding.shift || typedWithShift,
    altKey: !!binding.alt,
  };
}

describe('the keymap', () => {
  it('names each command once, and only commands the menu or the keyboard handling know', () => {
    const commands = KEYMAP.map((shortcut) => shortcut.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const command of commands) expect(isKeyOnly(command) || (MENU_COMMANDS as readonly string[]).includes(command), command).toBe(true);
  });

  it('gives no two commands the same keys', () => {
    for (const { isMac } of PLATFORMS) {
      const seen = new Map<string, KeymapCommand>();
      for (const shortcut of KEYMAP) {
        for (const binding of shortcut.bindings) {
          const id = JSON.stringify(press(binding, isMac));
          expect(seen.get(id) ?? shortcut.command, `${id} on ${isMac ? 'macOS' : 'others'}`).toBe(shortcut.command);
          seen.set(id, shortcut.command);
        }
      }
    }
  });

  it('shows at least one binding of each shortcut on each platform', () => {
    for (const { isMac } of PLATFORMS) for (const shortcut of KEYMAP) expect(shownBindings(shortcut, isMac).length, shortcut.command).toBeGreaterThan(0);
  });
});

describe('key handling, menu and help sheet agree', () => {
  it.each(PLATFORMS)('on $platform, every binding triggers its command, in text fields only where it says so', ({ isMac }) => {
    for (const shortcut of KEYMAP) {
      for (const binding of shortcut.bindings) {
        const event = press(binding, isMac);
        expect(commandForKey(event, { isMac, inTextField: false }), `${shortcut.command} ${JSON.stringify(event)}`).toBe(shortcut.command);
        expect(commandForKey(event, { isMac, inTextField: true })).toBe(shortcut.inTextFields ? shortcut.command : null);
      }
    }
  });

  it.each(PLATFORMS)('on $platform, every menu item with an accelerator shows the first key the keymap shows there', ({ platform, isMac }) => {
    const withAccelerator = menuItems(platform).filter((item) => item.click && item.accelerator);
    expect(withAccelerator.length).toBeGreaterThan(0);
    for (const item of withAccelerator) {
      const shortcut = KEYMAP.find((s) => s.command === item.id);
      expect(shortcut, `${item.id} has an accelerator but no binding in the keymap`).toBeDefined();
      expect(item.accelerator, item.id).toBe(acceleratorOf(shownBindings(shortcut!, isMac)[0]!));
      expect(item.registerAccelerator, item.id).toBe(false);
    }
  });

  it.each(PLATFORMS)('on $platform, every keymap entry with a menu command has its accelerator on that menu item', ({ platform, isMac }) => {
    const items = menuItems(platform);
    for (const shortcut of KEYMAP.filter((s) => !isKeyOnly(s.command))) {
      const item = items.find((i) => i.id === shortcut.command);
      expect(item, `${shortcut.command} is not in the menu`).toBeDefined();
      expect(item!.accelerator, shortcut.command).toBe(menuAccelerators(isMac)[shortcut.command as keyof ReturnType<typeof menuAccelerators>]);
    }
  });

  it.each(PLATFORMS)('on $platform, the help sheet lists every entry once, in its group, with the keys shown there', ({ isMac }) => {
    const sheet = shortcutSheet(isMac);
    const listed = sheet.flatMap((section) => section.entries.map((entry) => ({ ...entry, group: section.group })));
    expect(listed.map((entry) => entry.command)).toEqual(KEYMAP.map((shortcut) => shortcut.command));
    for (const entry of listed) {
      const shortcut = KEYMAP.find((s) => s.command === entry.command)!;
      expect(entry.group).toBe(shortcut.group);
      expect(entry.keys.length).toBe(shownBindings(shortcut, isMac).length);
    }
  });
});

describe('what users see', () => {
  it('keeps the menu accelerators people knew', () => {
    expect(menuAccelerators(false)).toEqual({
      'file.new': 'CmdOrCtrl+N',
      'file.open': 'CmdOrCtrl+O',
      'file.save': 'CmdOrCtrl+S',
      'file.saveAs': 'CmdOrCtrl+Shift+S',
      'file.export': 'CmdOrCtrl+E',
      'file.close': 'CmdOrCtrl+W',
      'edit.undo': 'CmdOrCtrl+Z',
      'edit.redo': 'CmdOrCtrl+Shift+Z',
      'edit.delete': 'Delete',
      'edit.selectAll': 'CmdOrCtrl+A',
      'edit.find': 'CmdOrCtrl+F',
      'map.addStakeholder': 'N',
      'map.addPainPoint': 'P',
      'map.capturePainPoint': 'C',
      'view.showMap': 'CmdOrCtrl+1',
      'view.showBoard': 'CmdOrCtrl+2',
      'view.showSolutions': 'CmdOrCtrl+3',
      'view.showGrid': 'CmdOrCtrl+4',
      'view.zoomIn': 'CmdOrCtrl+=',
      'view.zoomOut': 'CmdOrCtrl+-',
      'view.fit': 'CmdOrCtrl+0',
      'view.toggleFocus': 'CmdOrCtrl+.',
      // New with the help sheet: "?" opens it.
      'help.shortcuts': '?',
    });
    expect(menuAccelerators(true)['edit.delete']).toBe('Backspace');
  });

  it('writes the keys of the help sheet as the old list did, with Cmd on macOS', () => {
    const text = (isMac: boolean) =>
      Object.fromEntries(shortcutSheet(isMac).flatMap((section) => section.entries.map((entry) => [entry.command, keysText(entry)])));
    expect(text(false)).toMatchObject({
      'file.saveAs': 'Ctrl+Shift+S',
      'edit.redo': 'Ctrl+Shift+Z or Ctrl+Y',
      'edit.delete': 'Delete',
      'edit.rename': 'F2 or double-click',
      'edit.clearSelection': 'Escape',
      'map.addStakeholder': 'N',
      'view.zoomIn': 'Ctrl+=',
      'view.toggleFocus': 'Ctrl+.',
      'help.shortcuts': '?',
    });
    expect(text(true)).toMatchObject({
      'file.saveAs': 'Cmd+Shift+S',
      'edit.redo': 'Cmd+Shift+Z or Cmd+Y',
      // The Mac keyboard's Backspace key is labelled "delete".
      'edit.delete': 'Delete',
      'view.zoomIn': 'Cmd+=',
    });
  });

  it('groups the sheet as the menus are: File, Edit, Map, View, Help', () => {
    expect(shortcutSheet(false).map((section) => section.group)).toEqual(['File', 'Edit', 'Map', 'View', 'Help']);
  });
});
