import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/host/menu-commands';
import { DEFAULT_PREFERENCES } from '../../../shared/host/preferences';
import { buildMenuTemplate, commandAccelerators, type MenuState } from '../../../electron/menu';

const RECENT = [
  { filePath: '/w/Q3 & Q4.stakemap', fileName: 'Q3 & Q4.stakemap', openedAt: '2026-11-22T10:00:00.000Z' },
  { filePath: '/w/b.stakemap', fileName: 'b.stakemap', openedAt: '2026-11-21T10:00:00.000Z' },
];

function build(state: Partial<MenuState> = {}) {
  const actions = { sendCommand: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
  const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, recent: RECENT, preferences: DEFAULT_PREFERENCES, ...state }, actions);
  return { template, actions, items: flatten(template) };
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((item) => item.id === id);
const topLabels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role);

describe('buildMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s, every menu command has an item that sends it', (platform) => {
    const { items, actions } = build({ platform });
    for (const command of MENU_COMMANDS) {
      const item = byId(items, command);
      expect(item, command).toBeDefined();
      actions.sendCommand.mockClear();
      click(item);
      expect(actions.sendCommand).toHaveBeenCalledWith(command);
    }
  });

  it('shows the accelerators of the renderer keymap without registering them', () => {
    const { items } = build();
    const expected: Partial<Record<MenuCommand, string>> = {
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
      'map.addStakeholder': 'N',
      'view.zoomIn': 'CmdOrCtrl+=',
      'view.zoomOut': 'CmdOrCtrl+-',
      'view.fit': 'CmdOrCtrl+0',
    };
    for (const [command, accelerator] of Object.entries(expected)) {
      expect(byId(items, command), command).toMatchObject({ accelerator, registerAccelerator: false });
    }
    // No item that sends a command registers a key: the renderer's keymap is the only source of shortcuts.
    for (const item of items.filter((i) => i.click && i.accelerator)) expect(item.registerAccelerator, item.id).toBe(false);
    expect(commandAccelerators('darwin')['edit.delete']).toBe('Backspace');
  });

  it.each(['linux', 'darwin'] as const)('on %s, File has Import Stakeholders…, Merge Workspace… and Export… after Save As and Restore Previous Version, set apart by separators', (platform) => {
    const file = build({ platform }).template.find((menu) => menu.label === '&File')!;
    const items = file.submenu as MenuItemConstructorOptions[];
    const at = items.findIndex((item) => item.id === 'file.export');
    expect(items[at]).toMatchObject({ label: 'Export…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    expect(items[at - 5]?.id).toBe('file.saveAs');
    expect(items[at - 4]).toMatchObject({ id: 'file.restoreVersion', label: 'Restore Previous Version…' });
    expect(items[at - 3]?.type).toBe('separator');
    expect(items[at - 2]).toMatchObject({ id: 'file.importStakeholders', label: 'Import Stakeholders…' });
    expect(items[at - 1]).toMatchObject({ id: 'file.mergeWorkspace', label: 'Merge Workspace…' });
    expect(items[at + 1]?.type).toBe('separator');
    expect(items[at + 2]?.id).toBe('file.close');
  });

  it('uses native roles for cut, copy and paste', () => {
    const roles = build().items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'quit']));
  });

  it('has File, Edit, Map, View and Help menus, and the app and Window menus on macOS', () => {
    expect(topLabels(build().template)).toEqual(['&File', '&Edit', '&Map', '&View', '&Session', '&Help']);
    expect(topLabels(build({ platform: 'darwin' }).template)).toEqual(['Stakemap', '&File', '&Edit', '&Map', '&View', '&Session', 'windowMenu', '&Help']);
  });

  it('puts Quit in File except on macOS, where it is in the app menu', () => {
    const fileItems = (platform: NodeJS.Platform) => flatten([build({ platform }).template.find((m) => m.label === '&File')!]);
    expect(fileItems('win32').some((item) => item.role === 'quit')).toBe(true);
    expect(fileItems('darwin').some((item) => item.role === 'quit')).toBe(false);
    const appMenu = build({ platform: 'darwin' }).template[0]!;
    expect(flatten([appMenu]).some((item) => item.role === 'quit')).toBe(true);
  });

  it('lists recent workspaces, opening the file on click, and clears them', () => {
    const { items, actions } = build();
    expect(byId(items, 'recent.0')).toMatchObject({ label: 'Q3 && Q4.stakemap', toolTip: '/w/Q3 & Q4.stakemap' });
    click(byId(items, 'recent.1'));
    expect(actions.openRecent).toHaveBeenCalledWith('/w/b.stakemap');
    click(byId(items, 'recent.clear'));
    expect(actions.clearRecent).toHaveBeenCalled();
    expect(build({ platform: 'darwin' }).items.find((i) => i.id === 'recent.0')?.label).toBe('Q3 & Q4.stakemap');
  });

  it('says so when there are no recent workspaces, with Clear Recent disabled', () => {
    const { items } = build({ recent: [] });
    expect(byId(items, 'recent.none')).toMatchObject({ enabled: false });
    expect(byId(items, 'recent.clear')).toMatchObject({ enabled: false });
  });

  it('offers developer tools only when not packaged', () => {
    expect(build({ isPackaged: true }).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build({ isPackaged: false }).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('has View > Theme with one radio item per theme, the stored one checked, each sending its command', () => {
    const viewMenu = (preferences: MenuState['preferences']) => build({ preferences }).template.find((menu) => menu.label === '&View')!;
    const themeMenu = (preferences: MenuState['preferences']) =>
      (viewMenu(preferences).submenu as MenuItemConstructorOptions[]).find((item) => item.id === 'view.theme')!;
    const radios = (preferences: MenuState['preferences']) => themeMenu(preferences).submenu as MenuItemConstructorOptions[];

    expect(themeMenu(DEFAULT_PREFERENCES).label).toBe('Theme');
    expect(radios(DEFAULT_PREFERENCES).map((item) => [item.id, item.label, item.type, item.checked])).toEqual([
      ['view.themeSystem', 'System', 'radio', true],
      ['view.themeLight', 'Light', 'radio', false],
      ['view.themeDark', 'Dark', 'radio', false],
      ['view.themeHighContrast', 'High Contrast', 'radio', false],
    ]);
    expect(radios({ theme: 'high-contrast', largeText: false, legendExpanded: true }).filter((item) => item.checked).map((item) => item.id)).toEqual(['view.themeHighContrast']);
    expect(radios({ theme: 'dark', largeText: true, legendExpanded: true }).filter((item) => item.checked).map((item) => item.id)).toEqual(['view.themeDark']);

    const { items, actions } = build({ preferences: { theme: 'light', largeText: false, legendExpanded: true } });
    click(byId(items, 'view.themeDark'));
    expect(actions.sendCommand).toHaveBeenCalledWith('view.themeDark');
    // Chosen in the renderer, not registered as keys.
    for (const radio of radios(DEFAULT_PREFERENCES)) expect(radio.accelerator).toBeUndefined();
  });

  it('has View > Large Text as a checkbox showing the stored choice, after Theme', () => {
    const largeText = (value: boolean) => byId(build({ preferences: { theme: 'system', largeText: value, legendExpanded: true } }).items, 'view.toggleLargeText');
    expect(largeText(false)).toMatchObject({ label: 'Large Text', type: 'checkbox', checked: false });
    expect(largeText(true)).toMatchObject({ type: 'checkbox', checked: true });
    const view = build().template.find((menu) => menu.label === '&View')!.submenu as MenuItemConstructorOptions[];
    const at = view.findIndex((item) => item.id === 'view.theme');
    expect(view[at - 1]?.type).toBe('separator');
    expect(view[at + 1]?.id).toBe('view.toggleLargeText');
    // Toggle Legend stays in the View menu (the toolbar no longer has a Legend button).
    expect(view.some((item) => item.id === 'view.toggleLegend')).toBe(true);
  });

  it('has View > Show Agenda as a checkbox showing whether the workspace shows its stage bar, after Focus on the Map', () => {
    const agenda = (state: Partial<MenuState>) => byId(build(state).items, 'view.toggleAgenda');
    expect(agenda({ agendaVisible: true })).toMatchObject({ label: 'Show Agenda', type: 'checkbox', checked: true });
    expect(agenda({ agendaVisible: false })).toMatchObject({ type: 'checkbox', checked: false });
    // The start view has no workspace, so no agenda to show.
    expect(agenda({})).toMatchObject({ type: 'checkbox', checked: false });
    const view = build().template.find((menu) => menu.label === '&View')!.submenu as MenuItemConstructorOptions[];
    const at = view.findIndex((item) => item.id === 'view.toggleAgenda');
    expect(view[at - 1]?.id).toBe('view.toggleFocus');
    const { items, actions } = build({ agendaVisible: true });
    click(byId(items, 'view.toggleAgenda'));
    expect(actions.sendCommand).toHaveBeenCalledWith('view.toggleAgenda');
  });

  it('has Map > Take Snapshot and View > Timeline…, each sending its command', () => {
    const { items, actions } = build();
    expect(byId(items, 'map.takeSnapshot')).toMatchObject({ label: 'Take Snapshot' });
    expect(byId(items, 'view.timeline')).toMatchObject({ label: 'Timeline…' });
    click(byId(items, 'map.takeSnapshot'));
    click(byId(items, 'view.timeline'));
    expect(actions.sendCommand).toHaveBeenCalledWith('map.takeSnapshot');
    expect(actions.sendCommand).toHaveBeenCalledWith('view.timeline');
  });

  it('has View > Participants… right after Show Agenda, sending its command, with no key of its own', () => {
    const { items, actions } = build();
    const view = build().template.find((menu) => menu.label === '&View')!.submenu as MenuItemConstructorOptions[];
    const at = view.findIndex((item) => item.id === 'view.participants');
    expect(view[at]).toMatchObject({ label: 'Participants…' });
    expect(view[at]?.type).toBeUndefined();
    expect(view[at]?.accelerator).toBeUndefined();
    expect(view[at - 1]?.id).toBe('view.toggleAgenda');
    click(byId(items, 'view.participants'));
    expect(actions.sendCommand).toHaveBeenCalledWith('view.participants');
  });

  it('has View > Tidy Layout right after Fit to View, sending its command, with no key of its own', () => {
    const { items, actions } = build();
    const view = build().template.find((menu) => menu.label === '&View')!.submenu as MenuItemConstructorOptions[];
    const at = view.findIndex((item) => item.id === 'view.tidyLayout');
    expect(view[at]).toMatchObject({ label: 'Tidy Layout' });
    expect(view[at]?.accelerator).toBeUndefined();
    expect(view[at - 1]?.id).toBe('view.fit');
    click(byId(items, 'view.tidyLayout'));
    expect(actions.sendCommand).toHaveBeenCalledWith('view.tidyLayout');
  });

  it('gives every item a unique id', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const ids = build({ platform }).items.map((item) => item.id).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
