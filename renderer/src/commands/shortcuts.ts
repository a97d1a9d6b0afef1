import { commandForKey as keymapCommandForKey, type KeymapCommand, type KeyPress } from '@shared/host/keymap';

/*
 * The renderer's side of the keyboard map. The table itself is shared/host/keymap.ts, from which the native
 * menu's accelerators and the help sheet (dialogs/ShortcutsDialog.tsx) are derived too.
 */

/** Every command a key can trigger. */
export type ShortcutCommand = KeymapCommand;

/**
 * Whether this is a Mac, where Cmd (metaKey) is the shortcut modifier and the help sheet says Cmd. Decided the
 * same way for key handling and for the sheet, so the sheet names the keys that work. (Node has no navigator
 * before version 21: the unit tests load this module there.)
 */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The command a key press triggers, or null. `isMac` decides whether Cmd or Ctrl is the modifier. */
export function commandForKey(event: KeyPress, context: { isMac: boolean; inTextField: boolean }): ShortcutCommand | null {
  return keymapCommandForKey(event, context);
}

/** Whether keys typed into `target` are text: inputs (not radios or checkboxes), text areas, selects. */
export function isTextField(target: EventTarget | null): target is HTMLElement {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input:not([type=radio]):not([type=checkbox]), textarea, select');
}
