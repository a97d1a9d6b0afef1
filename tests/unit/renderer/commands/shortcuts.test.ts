import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../../renderer/src/commands/shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const pc = { isMac: false, inTextField: false };
const mac = { isMac: true, inTextField: false };

describe('keyboard map', () => {
  it('maps the main actions with Ctrl on Windows and Linux and Cmd on macOS', () => {
    expect(commandForKey(key('s', { ctrlKey: true }), pc)).toBe('file.save');
    expect(commandForKey(key('s', { metaKey: true }), mac)).toBe('file.save');
    expect(commandForKey(key('s', { metaKey: true }), pc)).toBeNull();
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), pc)).toBe('file.saveAs');
    expect(commandForKey(key('z', { ctrlKey: true }), pc)).toBe('edit.undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), pc)).toBe('edit.redo');
    expect(commandForKey(key('y', { ctrlKey: true }), pc)).toBe('edit.redo');
    expect(commandForKey(key('Delete'), pc)).toBe('edit.delete');
    expect(commandForKey(key('Backspace'), pc)).toBe('edit.delete');
    expect(commandForKey(key('n'), pc)).toBe('map.addStakeholder');
    expect(commandForKey(key('n', { ctrlKey: true }), pc)).toBe('file.new');
    expect(commandForKey(key('F2'), pc)).toBe('edit.rename');
    expect(commandForKey(key('+', { ctrlKey: true, shiftKey: true }), pc)).toBe('view.zoomIn');
  });

  it('leaves typing alone in text fields but keeps Save and Undo there', () => {
    const typing = { isMac: false, inTextField: true };
    expect(commandForKey(key('n'), typing)).toBeNull();
    expect(commandForKey(key('Delete'), typing)).toBeNull();
    expect(commandForKey(key('Backspace'), typing)).toBeNull();
    expect(commandForKey(key('a', { ctrlKey: true }), typing)).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true }), typing)).toBe('file.save');
    expect(commandForKey(key('z', { ctrlKey: true }), typing)).toBe('edit.undo');
  });

  it('opens the keyboard shortcuts with ? (Shift+/ on a US keyboard), but not while typing', () => {
    expect(commandForKey(key('?', { shiftKey: true }), pc)).toBe('help.shortcuts');
    expect(commandForKey(key('?', { shiftKey: true }), mac)).toBe('help.shortcuts');
    expect(commandForKey(key('?', { shiftKey: true }), { isMac: false, inTextField: true })).toBeNull();
    expect(commandForKey(key('?', { ctrlKey: true, shiftKey: true }), pc)).toBeNull();
  });

  it('ignores unbound keys and extra modifiers', () => {
    expect(commandForKey(key('q'), pc)).toBeNull();
    expect(commandForKey(key('n', { altKey: true }), pc)).toBeNull();
    expect(commandForKey(key('N', { shiftKey: true }), pc)).toBeNull();
  });
});
