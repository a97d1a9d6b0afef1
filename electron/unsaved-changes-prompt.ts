import type { MessageBoxOptions } from 'electron';
import type { UnsavedChoice } from '../shared/host/channels';

/** The buttons of the unsaved-changes message box, in order; the index of the clicked one is the response. */
export const UNSAVED_CHANGES_BUTTONS: readonly { readonly label: string; readonly choice: UnsavedChoice }[] = [
  { label: 'Save', choice: 'save' },
  { label: "Don't Save", choice: 'discard' },
  { label: 'Cancel', choice: 'cancel' },
];

/**
 * The native "unsaved changes" message box. Enter saves (defaultId), Escape and closing the box cancel
 * (cancelId): the choice that loses work is never the one a reflex picks.
 */
export function unsavedChangesMessageBox(displayName: string): MessageBoxOptions {
  const name = displayName.trim() || 'this workspace';
  return {
    type: 'warning',
    title: 'Unsaved changes',
    message: `Do you want to save the changes you made to “${name}”?`,
    detail: "Your changes will be lost if you don't save them.",
    buttons: UNSAVED_CHANGES_BUTTONS.map((button) => button.label),
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

/** The choice for a message box response index; anything unexpected is treated as Cancel, which loses nothing. */
export function unsavedChoiceFromResponse(response: number): UnsavedChoice {
  return UNSAVED_CHANGES_BUTTONS[response]?.choice ?? 'cancel';
}
