import type { MenuCommand } from './menu-commands';

/*
 * The keyboard map: the one table that says which key does what. Three things are derived from it and must
 * never be written out again: the renderer's key handling (commandForKey), the accelerators the native menu
 * shows (menuAccelerator, electron/menu.ts), and the keyboard-shortcuts help sheet (shortcutSheet,
 * renderer/src/dialogs/ShortcutsDialog.tsx). tests/unit/shared/host/keymap.test.ts checks that the three agree.
 *
 * The menu shows its accelerators but does not register them (electron/menu.ts): keys reach the page once and
 * are handled here, the same in Electron and in the browser test harness, and text fields keep their own
 * Ctrl/Cmd+A, Z and Delete.
 */

/**
 * Commands only the keyboard triggers; they act on the selection or on the focused board card, so there is no
 * menu item for them.
 */
export type KeyOnlyCommand = 'edit.rename' | 'edit.clearSelection' | 'board.moveCardPrevious' | 'board.moveCardNext';

/** Every command a key can trigger. */
export type KeymapCommand = MenuCommand | KeyOnlyCommand;

/** A key combination. */
export interface KeyBinding {
  /**
   * KeyboardEvent.key of the key: a lower-case letter, a digit or symbol as typed ("=", "?"), or a key name
   * ("Delete", "F2", "Escape").
   */
  readonly key: string;
  /** Ctrl, or Cmd on macOS. */
  readonly mod?: boolean;
  /** Part of the combination for letters only: for a symbol such as "+" or "?", Shift is how it is typed. */
  readonly shift?: boolean;
  /** Alt, Option on macOS. */
  readonly alt?: boolean;
  /**
   * Where the binding is shown (menu and help sheet); it works everywhere regardless. Unset: shown everywhere.
   * "mac" or "notMac": shown only there (the Mac keyboard's "delete" key is Backspace). "never": another way
   * of typing a combination that is shown (Ctrl++ for Ctrl+=).
   */
  readonly shown?: 'mac' | 'notMac' | 'never';
}

/** The groups of the help sheet, in its order: the menus the commands are in. */
export const SHORTCUT_GROUPS = ['File', 'Edit', 'Map', 'View', 'Help'] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** One command and the keys that trigger it. */
export interface Shortcut {
  readonly command: KeymapCommand;
  readonly group: ShortcutGroup;
  /**
   * The keys, in the order they are shown. The first one shown on a platform is the accelerator its menu item
   * shows (a menu item shows one), the help sheet lists them all.
   */
  readonly bindings: readonly [KeyBinding, ...KeyBinding[]];
  /** Works while typing in a text field too (Save does; Delete must not). */
  readonly inTextFields: boolean;
  /** What it does, as the help sheet says it. */
  readonly action: string;
  /** Another way to do it than a key, named on the help sheet after the keys. */
  readonly alternative?: string;
}

/** The keyboard map. */
export const KEYMAP: readonly Shortcut[] = [
  { command: 'file.new', group: 'File', bindings: [{ key: 'n', mod: true }], inTextFields: true, action: 'New workspace' },
  { command: 'file.open', group: 'File', bindings: [{ key: 'o', mod: true }], inTextFields: true, action: 'Open…' },
  { command: 'file.save', group: 'File', bindings: [{ key: 's', mod: true }], inTextFields: true, action: 'Save' },
  { command: 'file.saveAs', group: 'File', bindings: [{ key: 's', mod: true, shift: true }], inTextFields: true, action: 'Save As…' },
  { command: 'file.export', group: 'File', bindings: [{ key: 'e', mod: true }], inTextFields: true, action: 'Export PNG, PDF, Markdown or CSV…' },
  { command: 'file.close', group: 'File', bindings: [{ key: 'w', mod: true }], inTextFields: true, action: 'Close workspace' },
  { command: 'edit.undo', group: 'Edit', bindings: [{ key: 'z', mod: true }], inTextFields: true, action: 'Undo' },
  {
    command: 'edit.redo',
    group: 'Edit',
    // Windows users also expect Ctrl+Y; the menu item shows the first.
    bindings: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    inTextFields: true,
    action: 'Redo',
  },
  {
    command: 'edit.delete',
    group: 'Edit',
    // The Mac keyboard's "delete" key sends Backspace; both keys work everywhere.
    bindings: [
      { key: 'Delete', shown: 'notMac' },
      { key: 'Backspace', shown: 'mac' },
    ],
    inTextFields: false,
    action: 'Delete the selection',
  },
  { command: 'edit.selectAll', group: 'Edit', bindings: [{ key: 'a', mod: true }], inTextFields: false, action: 'Select everything' },
  {
    command: 'edit.rename',
    group: 'Edit',
    bindings: [{ key: 'F2' }],
    inTextFields: false,
    action: 'Rename the selected stakeholder',
    alternative: 'double-click',
  },
  { command: 'edit.clearSelection', group: 'Edit', bindings: [{ key: 'Escape' }], inTextFields: false, action: 'Clear the selection' },
  {
    command: 'edit.find',
    group: 'Edit',
    bindings: [{ key: 'f', mod: true }],
    inTextFields: true,
    action: 'Find stakeholders, pain points (and their quotes) and solutions',
  },
  { command: 'map.addStakeholder', group: 'Map', bindings: [{ key: 'n' }], inTextFields: false, action: 'New stakeholder' },
  {
    command: 'map.addPainPoint',
    group: 'Map',
    bindings: [{ key: 'p' }],
    inTextFields: false,
    action: 'New pain point, attached to the selection (or the whole workspace)',
  },
  {
    command: 'map.capturePainPoint',
    group: 'Map',
    bindings: [{ key: 'c' }],
    inTextFields: false,
    action: 'Capture pain points by typing: a title, optionally a quote and a #category, Enter for each',
  },
  // On the board, the card that has the keyboard; anywhere else the keys do nothing.
  {
    command: 'board.moveCardPrevious',
    group: 'Map',
    bindings: [{ key: 'ArrowLeft', alt: true }],
    inTextFields: false,
    action: 'Move the focused pain point card to the previous category (board)',
  },
  {
    command: 'board.moveCardNext',
    group: 'Map',
    bindings: [{ key: 'ArrowRight', alt: true }],
    inTextFields: false,
    action: 'Move the focused pain point card to the next category (board)',
  },
  { command: 'view.showMap', group: 'View', bindings: [{ key: '1', mod: true }], inTextFields: true, action: 'Show the map' },
  { command: 'view.showBoard', group: 'View', bindings: [{ key: '2', mod: true }], inTextFields: true, action: 'Show the pain point board' },
  { command: 'view.showSolutions', group: 'View', bindings: [{ key: '3', mod: true }], inTextFields: true, action: 'Show the candidate solutions' },
  { command: 'view.showGrid', group: 'View', bindings: [{ key: '4', mod: true }], inTextFields: true, action: 'Show the power/interest grid' },
  {
    command: 'view.zoomIn',
    group: 'View',
    // "+" is Shift+= on most keyboards: whichever the user types, it zooms in.
    bindings: [
      { key: '=', mod: true },
      { key: '+', mod: true, shown: 'never' },
    ],
    inTextFields: true,
    action: 'Zoom in',
  },
  { command: 'view.zoomOut', group: 'View', bindings: [{ key: '-', mod: true }], inTextFields: true, action: 'Zoom out' },
  {
    command: 'view.toggleFocus',
    group: 'View',
    bindings: [{ key: '.', mod: true }],
    inTextFields: true,
    action: 'Focus on the map (hide the side panels and the minimap)',
  },
  { command: 'view.fit', group: 'View', bindings: [{ key: '0', mod: true }], inTextFields: true, action: 'Fit the map to the window' },
  // "?" is Shift+/ on a US keyboard and elsewhere on others: matched by the character typed, so it works on all.
  { command: 'help.shortcuts', group: 'Help', bindings: [{ key: '?' }], inTextFields: false, action: 'Show these keyboard shortcuts' },
];

/** The key event properties commandForKey reads (a KeyboardEvent has them all). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Whether `binding` is the key pressed, with exactly its modifiers. `isMac` decides whether Cmd or Ctrl is `mod`. */
export function bindingMatches(binding: KeyBinding, event: KeyPress, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (otherMod) return false;
  const single = binding.key.length === 1;
  const keyMatches = single ? event.key.toLowerCase() === binding.key : event.key === binding.key;
  const shiftMatches = single && /[a-z]/.test(binding.key) ? !!binding.shift === event.shiftKey : true;
  return keyMatches && !!binding.mod === mod && shiftMatches && !!binding.alt === event.altKey;
}

/**
 * The command a key press triggers, or null. In a text field only the shortcuts that work there count, so typing
 * "n" or pressing Delete edits the text.
 */
export function commandForKey(event: KeyPress, context: { readonly isMac: boolean; readonly inTextField: boolean }): KeymapCommand | null {
  for (const shortcut of KEYMAP) {
    if (context.inTextField && !shortcut.inTextFields) continue;
    if (shortcut.bindings.some((binding) => bindingMatches(binding, event, context.isMac))) return shortcut.command;
  }
  return null;
}

/** The bindings of `shortcut` shown on the platform, in order. */
export function shownBindings(shortcut: Shortcut, isMac: boolean): KeyBinding[] {
  return shortcut.bindings.filter((binding) => binding.shown === undefined || binding.shown === (isMac ? 'mac' : 'notMac'));
}

/** Electron's names for keys whose KeyboardEvent.key it does not take as it is. */
const ACCELERATOR_KEYS: Readonly<Record<string, string>> = { '+': 'Plus', ' ': 'Space', ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };

/**
 * The Electron accelerator of a binding: "CmdOrCtrl+Shift+S", "Delete", "N". Menu items show it; they do not
 * register it (see the top of this file).
 */
export function acceleratorOf(binding: KeyBinding): string {
  const key = ACCELERATOR_KEYS[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  return [binding.mod && 'CmdOrCtrl', binding.alt && 'Alt', binding.shift && 'Shift', key].filter(Boolean).join('+');
}

/**
 * The accelerator the menu item of each menu command shows on the platform: its first binding shown there.
 * Commands without a key have none.
 */
export function menuAccelerators(isMac: boolean): Partial<Record<MenuCommand, string>> {
  const accelerators: Partial<Record<MenuCommand, string>> = {};
  for (const shortcut of KEYMAP) {
    if (isKeyOnly(shortcut.command)) continue;
    const [first] = shownBindings(shortcut, isMac);
    if (first) accelerators[shortcut.command] = acceleratorOf(first);
  }
  return accelerators;
}

const KEY_ONLY_COMMANDS: ReadonlySet<KeymapCommand> = new Set<KeyOnlyCommand>(['edit.rename', 'edit.clearSelection', 'board.moveCardPrevious', 'board.moveCardNext']);

/** How the help sheet names keys whose KeyboardEvent.key is not what people call them. */
const KEY_NAMES: Readonly<Record<string, string>> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };

/** Whether a command has no menu item (the keyboard is the only way to it). */
export function isKeyOnly(command: KeymapCommand): command is KeyOnlyCommand {
  return KEY_ONLY_COMMANDS.has(command);
}

/**
 * The names of the keys of a binding as people read them, modifiers first: ["Ctrl", "Shift", "S"], or ["Cmd",
 * "Shift", "S"] on macOS, where the Backspace key is labelled "Delete".
 */
export function keyNames(binding: KeyBinding, isMac: boolean): string[] {
  const names: string[] = [];
  if (binding.mod) names.push(isMac ? 'Cmd' : 'Ctrl');
  if (binding.alt) names.push(isMac ? 'Option' : 'Alt');
  if (binding.shift) names.push('Shift');
  const key =
    binding.key.length === 1 ? binding.key.toUpperCase() : isMac && binding.key === 'Backspace' ? 'Delete' : (KEY_NAMES[binding.key] ?? binding.key);
  names.push(key);
  return names;
}

/** One line of the help sheet. */
export interface SheetEntry {
  readonly command: KeymapCommand;
  readonly action: string;
  /** Each combination that does it, as key names: [["Ctrl", "Shift", "Z"], ["Ctrl", "Y"]]. */
  readonly keys: readonly (readonly string[])[];
  readonly alternative?: string;
}

/** The help sheet: every shortcut, by group in SHORTCUT_GROUPS order, with the key names of the platform. */
export function shortcutSheet(isMac: boolean): { readonly group: ShortcutGroup; readonly entries: readonly SheetEntry[] }[] {
  return SHORTCUT_GROUPS.map((group) => ({
    group,
    entries: KEYMAP.filter((shortcut) => shortcut.group === group).map((shortcut) => ({
      command: shortcut.command,
      action: shortcut.action,
      keys: shownBindings(shortcut, isMac).map((binding) => keyNames(binding, isMac)),
      ...(shortcut.alternative ? { alternative: shortcut.alternative } : {}),
    })),
  })).filter((section) => section.entries.length > 0);
}

/** A shortcut's keys as one line of text: "Ctrl+Shift+Z or Ctrl+Y", "F2 or double-click". */
export function keysText(entry: Pick<SheetEntry, 'keys' | 'alternative'>): string {
  return [...entry.keys.map((names) => names.join('+')), ...(entry.alternative ? [entry.alternative] : [])].join(' or ');
}
