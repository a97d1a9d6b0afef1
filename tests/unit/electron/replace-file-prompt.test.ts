import { describe, expect, it } from 'vitest';
import { REPLACE_FILE_BUTTONS, replaceConfirmedFromResponse, replaceFileMessageBox } from '../../../electron/replace-file-prompt';

describe('"already exists. Replace it?" message box', () => {
  it('names the file and offers Replace and Cancel; Enter and Escape both cancel', () => {
    const box = replaceFileMessageBox(['Q3 solutions.csv']);
    expect(box.message).toBe('“Q3 solutions.csv” already exists. Replace it?');
    expect(box.detail).toBe('Replacing it overwrites its current contents.');
    expect(box.buttons).toEqual(['Replace', 'Cancel']);
    expect(box.buttons?.[box.defaultId!]).toBe('Cancel');
    expect(box.buttons?.[box.cancelId!]).toBe('Cancel');
  });

  it('names several files in one sentence', () => {
    expect(replaceFileMessageBox(['a.csv', 'b.csv', 'c.csv']).message).toBe('“a.csv”, “b.csv” and “c.csv” already exist. Replace them?');
  });

  it('replaces only on the Replace button; any other response cancels', () => {
    expect(REPLACE_FILE_BUTTONS.map((_, index) => replaceConfirmedFromResponse(index))).toEqual([true, false]);
    expect([2, -1, Number.NaN].map(replaceConfirmedFromResponse)).toEqual([false, false, false]);
  });
});
