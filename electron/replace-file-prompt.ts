import type { MessageBoxOptions } from 'electron';

/** The buttons of the "already exists" message box, in order; the index of the clicked one is the response. */
export const REPLACE_FILE_BUTTONS = ['Replace', 'Cancel'] as const;

/**
 * The native "already exists. Replace it?" message box, for files an action would replace without the save
 * dialog having asked (the solutions file of a CSV export). Enter and Escape both cancel (defaultId and
 * cancelId): the choice that replaces a file is never the one a reflex picks.
 */
export function replaceFileMessageBox(fileNames: readonly string[]): MessageBoxOptions {
  const quoted = fileNames.map((name) => `“${name}”`);
  const one = quoted.length === 1;
  const list = one ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)!}`;
  return {
    type: 'warning',
    title: one ? 'Replace file?' : 'Replace files?',
    message: `${list} already ${one ? 'exists' : 'exist'}. Replace ${one ? 'it' : 'them'}?`,
    detail: `Replacing ${one ? 'it' : 'them'} overwrites ${one ? 'its' : 'their'} current contents.`,
    buttons: [...REPLACE_FILE_BUTTONS],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Whether a message box response means Replace; anything unexpected is Cancel, which changes nothing. */
export function replaceConfirmedFromResponse(response: number): boolean {
  return REPLACE_FILE_BUTTONS[response] === 'Replace';
}
