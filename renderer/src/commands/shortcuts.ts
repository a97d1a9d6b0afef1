import type { MenuCommand } from '@shared/host/menu-commands';

/** A key combination: `mod` is Ctrl, or Cmd on macOS. */
interface KeyBinding {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

interface Shortcut {
  readonly command: MenuCommand | 'edit.rename' | 'edit.clearSelection';
  readonly bindings: readonly KeyBinding[];
  /** Works while typing in a text field too (Save does; Delete must not). */
  readonly inTextFields: boolean;
  readonly keys: string;
  readonly action: string;
}

/**
 * The keyboard map: the one place that says which key does what. The native menu shows the same accelerators
 * but leaves the keys to this map (registerAccelerator: false), so nothing fires twice.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'file.new', bindings: [{ key: 'n', mod: true }], inTextFields: true, keys: 'Ctrl+N', action: 'New workspace' },
  { command: 'file.open', bindings: [{ key: 'o', mod: true }], inTextFields: true, keys: 'Ctrl+O', action: 'Open…' },
  { command: 'file.save', bindings: [{ key: 's', mod: true }], inTextFields: true, keys: 'Ctrl+S', action: 'Save' },
  { command: 'file.saveAs', bindings: [{ key: 's', mod: true, shift: true }], inTextFields: true, keys: 'Ctrl+Shift+S', action: 'Save As…' },
  { command: 'file.export', bindings: [{ key: 'e', mod: true }], inTextFields: true, keys: 'Ctrl+E', action: 'Export PNG, PDF, Markdown or CSV…' },
  { command: 'file.close', bindings: [{ key: 'w', mod: true }], inTextFields: true, keys: 'Ctrl+W', action: 'Close workspace' },
  { command: 'edit.undo', bindings: [{ key: 'z', mod: true }], inTextFields: true, keys: 'Ctrl+Z', action: 'Undo' },
  {
    command: 'edit.redo',
    bindings: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }],
    inTextFields: true,
    keys: 'Ctrl+Shift+Z or Ctrl+Y',
    action: 'Redo',
  },
  { command: 'edit.delete', bindings: [{ key: 'Delete' }, { key: 'Backspace' }], inTextFields: false, keys: 'Delete', action: 'Delete the selection' },
  { command: 'edit.selectAll', bindings: [{ key: 'a', mod: true }], inTextFields: false, keys: 'Ctrl+A', action: 'Select everything' },
  { command: 'edit.rename', bindings: [{ key: 'F2' }], inTextFields: false, keys: 'F2 or double-click', action: 'Rename the selected stakeholder' },
  { command: 'edit.clearSelection', bindings: [{ key: 'Escape' }], inTextFields: false, keys: 'Escape', action: 'Clear the selection' },
  { command: 'edit.find', bindings: [{ key: 'f', mod: true }], inTextFields: true, keys: 'Ctrl+F', action: 'Find stakeholders, pain points (and their quotes) and solutions' },
  { command: 'map.addStakeholder', bindings: [{ key: 'n' }], inTextFields: false, keys: 'N', action: 'New stakeholder' },
  {
    command: 'map.addPainPoint',
    bindings: [{ key: 'p' }],
    inTextFields: false,
    keys: 'P',
    action: 'New pain point, attached to the selection (or the whole workspace)',
  },
  { command: 'view.showMap', bindings: [{ key: '1', mod: true }], inTextFields: true, keys: 'Ctrl+1', action: 'Show the map' },
  { command: 'view.showBoard', bindings: [{ key: '2', mod: true }], inTextFields: true, keys: 'Ctrl+2', action: 'Show the pain point board' },
  { command: 'view.showSolutions', bindings: [{ key: '3', mod: true }], inTextFields: true, keys: 'Ctrl+3', action: 'Show the candidate solutions' },
  { command: 'view.zoomIn', bindings: [{ key: '=', mod: true }, { key: '+', mod: true }], inTextFields: true, keys: 'Ctrl+=', action: 'Zoom in' },
  { command: 'view.zoomOut', bindings: [{ key: '-', mod: true }], inTextFields: true, keys: 'Ctrl+-', action: 'Zoom out' },
  { command: 'view.toggleFocus', bindings: [{ key: '.', mod: true }], inTextFields: true, keys: 'Ctrl+.', action: 'Focus on the map (hide the side panels)' },
  { command: 'view.fit', bindings: [{ key: '0', mod: true }], inTextFields: true, keys: 'Ctrl+0', action: 'Fit the map to the window' },
];

export type ShortcutCommand = Shortcut['command'];

/** The command a key press triggers, or null. `isMac` decides whether Cmd or Ctrl is the modifier. */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  context: { isMac: boolean; inTextField: boolean },
): ShortcutCommand | null {
  const mod = context.isMac ? event.metaKey : event.ctrlKey;
  const otherMod = context.isMac ? event.ctrlKey : event.metaKey;
  if (otherMod) return null;
  for (const shortcut of SHORTCUTS) {
    if (context.inTextField && !shortcut.inTextFields) continue;
    for (const b of shortcut.bindings) {
      const keyMatches = b.key.length === 1 ? event.key.toLowerCase() === b.key : event.key === b.key;
      // Shift is part of the binding for letters; for symbols such as "+" it is how the key is typed.
      const shiftMatches = b.key.length === 1 && /[a-z]/.test(b.key) ? !!b.shift === event.shiftKey : true;
      if (keyMatches && !!b.mod === mod && shiftMatches && !!b.alt === event.altKey) return shortcut.command;
    }
  }
  return null;
}

/** Whether keys typed into `target` are text: inputs (not radios or checkboxes), text areas, selects. */
export function isTextField(target: EventTarget | null): target is HTMLElement {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input:not([type=radio]):not([type=checkbox]), textarea, select');
}
