import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace } from '../shared/host/channels';
import { menuAccelerators } from '../shared/host/keymap';
import type { MenuCommand } from '../shared/host/menu-commands';
import { THEME_CHOICES, type Preferences } from '../shared/host/preferences';

/*
 * The native menu, built by a pure function so it is tested without Electron.
 *
 * Keys: the keymap (shared/host/keymap.ts) is the single source of truth for shortcuts, and the accelerators
 * shown here are derived from it. Menu items that send a command show their accelerator but do not register it
 * (registerAccelerator: false), so a key press reaches the page once, behaves the same in the test harness
 * (which has no native menu), and text fields keep their own Ctrl/Cmd+A, Z and Delete. Only native roles (Cut,
 * Copy, Paste, Quit, window roles, developer tools) keep registered accelerators, since the OS implements them.
 */

export interface MenuState {
  readonly platform: NodeJS.Platform;
  /** Developer tools are offered only in development builds. */
  readonly isPackaged: boolean;
  readonly recent: readonly RecentWorkspace[];
  /**
   * The display preferences as main stored them, for the checks on View > Theme and View > Large Text. Main keeps
   * them (the renderer sets them through preferences:set) and rebuilds the menu when they change.
   */
  readonly preferences: Preferences;
  /** Whether the open workspace shows its agenda (View > Show Agenda); false or absent on the start view. */
  readonly agendaVisible?: boolean;
}

export interface MenuActions {
  /** Sends `menu:command` to the renderer. */
  sendCommand(command: MenuCommand): void;
  /** Sends `app:open-file` for a recent workspace (after granting it). */
  openRecent(filePath: string): void;
  clearRecent(): void;
}

/** The accelerator each command's menu item shows on the platform, from the keymap. */
export function commandAccelerators(platform: NodeJS.Platform): Partial<Record<MenuCommand, string>> {
  return menuAccelerators(platform === 'darwin');
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
      command('Import Stakeholders…', 'file.importStakeholders'),
      command('Merge Workspace…', 'file.mergeWorkspace'),
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
      command('Capture Pain Point', 'map.capturePainPoint'),
      command('Add Candidate Solution', 'map.addSolution'),
      { type: 'separator' },
      command('Categories…', 'map.manageCategories'),
      { type: 'separator' },
      command('Take Snapshot', 'map.takeSnapshot'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Map', 'view.showMap'),
      command('Pain Point Board', 'view.showBoard'),
      command('Solutions', 'view.showSolutions'),
      command('Power/Interest Grid', 'view.showGrid'),
      { type: 'separator' },
      command('Clear Filters', 'view.clearFilters'),
      { type: 'separator' },
      command('Zoom In', 'view.zoomIn'),
      command('Zoom Out', 'view.zoomOut'),
      command('Fit to View', 'view.fit'),
      command('Tidy Layout', 'view.tidyLayout'),
      { type: 'separator' },
      command('Toggle Minimap', 'view.toggleMinimap'),
      // Checked while the legend on the map is open; unchecked, it is folded to its "Legend" button.
      { ...command('Legend', 'view.toggleLegend'), type: 'checkbox', checked: state.preferences.legendExpanded },
      command('Focus on the Map', 'view.toggleFocus'),
      // Checked while the open workspace shows its stage bar (the renderer reports it with the document state).
      { ...command('Show Agenda', 'view.toggleAgenda'), type: 'checkbox', checked: state.agendaVisible ?? false },
      command('Participants…', 'view.participants'),
      command('Timeline…', 'view.timeline'),
      { type: 'separator' },
      {
        id: 'view.theme',
        label: 'Theme',
        // Radio items: Electron checks the one clicked at once; the rebuild after preferences:set confirms it.
        submenu: THEME_CHOICES.map(({ theme, command: name, label }) => ({
          ...command(label, name),
          type: 'radio' as const,
          checked: state.preferences.theme === theme,
        })),
      },
      { ...command('Large Text', 'view.toggleLargeText'), type: 'checkbox', checked: state.preferences.largeText },
      ...(state.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
      ...(isMac ? [{ type: 'separator' } as const, { role: 'togglefullscreen' } as const] : []),
    ],
  };

  const sessionMenu: MenuItemConstructorOptions = {
    label: '&Session',
    submenu: [
      command('Start Live Session…', 'session.startLive'),
      command('Join Live Session…', 'session.joinLive'),
      { type: 'separator' },
      command('End Live Session', 'session.endLive'),
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
    sessionMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ];
}
