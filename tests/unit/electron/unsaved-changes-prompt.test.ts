import { describe, expect, it } from 'vitest';
import { unsavedChangesMessageBox, unsavedChoiceFromResponse } from '../../../electron/unsaved-changes-prompt';

describe('unsaved changes message box', () => {
  it('offers Save, Don’t Save and Cancel; Enter saves, Escape cancels', () => {
    const box = unsavedChangesMessageBox('Workshop.stakemap');
    expect(box.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(box.message).toContain('“Workshop.stakemap”');
    expect(box.detail).toBe("Your changes will be lost if you don't save them.");
    expect(box.buttons?.[box.defaultId!]).toBe('Save');
    expect(box.buttons?.[box.cancelId!]).toBe('Cancel');
  });

  it('maps the clicked button to the choice; anything else cancels', () => {
    expect([0, 1, 2, 3, -1].map(unsavedChoiceFromResponse)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });
});
