import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace } from '../shared/host/channels';
import type { MenuCommand } from '../shared/host/menu-commands';

/*
 * The native menu, built by a pure function so it is tested without Electron.
 *
 * Keys: the renderer's keymap is the single source of truth for shortcuts. Menu items that send a command show
 * their accelerator but do not register it (registerAccelerator: false), so a key press reaches the page once,
 * behaves the same in the test harness (which has no native menu), and text fields keep their own
 * Ctrl/Cmd+A, Z and Delete. Only native roles (Cut, Copy, Paste, Quit, window roles, developer tools) keep
 * registered accelerators, since the OS implements them.
 *
 * The accelerators below must match the renderer's keymap (renderer/src/commands/shortcuts.ts), e.g. Fit to
 * View is Ctrl/Cmd+0 there.
 */

export interface MenuState {
  readonly platform: NodeJS.Platform;
  /** Developer tools are offered only in development builds. */
  readonly isPackaged: boolean;
  readonly recent: readonly RecentWorkspace[];
}

export interface MenuActions {
  /** Sends `menu:command` to the renderer. */
  sendCommand(command: MenuCommand): void;
  /** Sends `app:open-file` for a recent workspace (after granting it). */
  openRecent(filePath: string): void;
  clearRecent(): void;
}

/** The accelerator each command shows, per platform where it differs. The renderer's keymap must match. */
export function commandAccelerators(platform: NodeJS.Platform): Partial<Record<MenuCommand, string>> {
  return {
    'file.new': 'CmdOrCtrl+N',
    'file.open': 'CmdOrCtrl+O',
    'file.save': 'CmdOrCtrl+S',
    'file.saveAs': 'CmdOrCtrl+Shift+S',
    'file.export': 'CmdOrCtrl+E',
    'file.close': 'CmdOrCtrl+W',
    'edit.undo': 'CmdOrCtrl+Z',
    // Windows users also expect Ctrl+Y; a menu item shows one accelerator, the renderer accepts both.
    'edit.redo': 'CmdOrCtrl+Shift+Z',
    // The Mac keyboard's "delete" key is Backspace.
    'edit.delete': platform === 'darwin' ? 'Backspace' : 'Delete',
    'edit.selectAll': 'CmdOrCtrl+A',
    'edit.find': 'CmdOrCtrl+F',
    'map.addStakeholder': 'N',
    'map.addPainPoint': 'P',
    'view.showMap': 'CmdOrCtrl+1',
    'view.showBoard': 'CmdOrCtrl+2',
    'view.showSolutions': 'CmdOrCtrl+3',
    'view.zoomIn': 'CmdOrCtrl+=',
    'view.zoomOut': 'CmdOrCtrl+-',
    'view.fit': 'CmdOrCtrl+0',
    'view.toggleFocus': 'CmdOrCtrl+.',
  };
}

/** The menu template for the platform, recent list and build. */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const accelerators = commandAccelerators(state.platform);

  /** A menu item handled by the renderer: shows its key, sends its command, registers nothing. */
  const command = (label: string, name: MenuCommand, id: string = name): MenuItemConstructorOptions => {
    const accelerator = accelerators[name];
    return {
      id,
      label,
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      click: () => actions.sendCommand(name),
    };
  };

  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ id: 'recent.none', label: 'No Recent Workspaces', enabled: false }]
      : state.recent.map((entry, index) => ({
          id: `recent.${index}`,
          // "&&" shows a literal "&" on Windows and Linux, where a single "&" marks the access key.
          label: isMac ? entry.fileName : entry.fileName.replaceAll('&', '&&'),
          toolTip: entry.filePath,
          click: () => actions.openRecent(entry.filePath),
        }));

  const appMenu: MenuItemConstructorOptions = {
    label: 'Stakemap',
    submenu: [
      command('About Stakemap', 'help.about'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New', 'file.new'),
      command('Open…', 'file.open'),
      {
        id: 'recent',
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { id: 'recent.clear', label: 'Clear Recent', enabled: state.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      command('Save', 'file.save'),
      command('Save As…', 'file.saveAs'),
      command('Restore Previous Version…', 'file.restoreVersion'),
      { type: 'separator' },
      command('Export…', 'file.export'),
      { type: 'separator' },
      command('Close', 'file.close'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'edit.undo'),
      command('Redo', 'edit.redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('Delete', 'edit.delete'),
      command('Select All', 'edit.selectAll'),
      { type: 'separator' },
      command('Find…', 'edit.find'),
    ],
  };

  const mapMenu: MenuItemConstructorOptions = {
    label: '&Map',
    submenu: [
      command('Add Stakeholder', 'map.addStakeholder'),
      command('Add Pain Point', 'map.addPainPoint'),
      command('Add Candidate Solution', 'map.addSolution'),
      { type: 'separator' },
      command('Categories…', 'map.manageCategories'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Map', 'view.showMap'),
      command('Pain Point Board', 'view.showBoard'),
      command('Solutions', 'view.showSolutions'),
      { type: 'separator' },
      command('Clear Filters', 'view.clearFilters'),
      { type: 'separator' },
      command('Zoom In', 'view.zoomIn'),
      command('Zoom Out', 'view.zoomOut'),
      command('Fit to View', 'view.fit'),
      { type: 'separator' },
      command('Toggle Minimap', 'view.toggleMinimap'),
      command('Toggle Legend', 'view.toggleLegend'),
      command('Focus on the Map', 'view.toggleFocus'),
      ...(state.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
      ...(isMac ? [{ type: 'separator' } as const, { role: 'togglefullscreen' } as const] : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      command('Keyboard Shortcuts', 'help.shortcuts'),
      // The file format is described in the About view; there is no external page to open.
      command('File Format', 'help.about', 'help.fileFormat'),
      ...(isMac ? [] : [{ type: 'separator' } as const, command('About Stakemap', 'help.about')]),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    mapMenu,
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ];
}
