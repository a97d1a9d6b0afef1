import { beforeEach, describe, expect, it } from 'vitest';
import { holdRenameKey, takeRenameTypeahead } from '../../../../renderer/src/store/rename-typeahead';

const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe('keys typed before the rename field takes focus', () => {
  beforeEach(() => void takeRenameTypeahead());

  it('become the name, N and all, and Enter keeps it', () => {
    for (const k of 'Investor relations') expect(holdRenameKey(key(k))).toBe(true);
    expect(holdRenameKey(key('Enter'))).toBe(true);
    expect(takeRenameTypeahead()).toEqual({ text: 'Investor relations', ended: 'keep' });
    expect(takeRenameTypeahead()).toEqual({ text: '', ended: null });
  });

  it('Backspace takes back a letter; Escape cancels, and nothing after it is held as text', () => {
    for (const k of ['L', 'e', 'x', 'Backspace', 'g']) holdRenameKey(key(k));
    holdRenameKey(key('Escape'));
    expect(holdRenameKey(key('z'))).toBe(true);
    expect(takeRenameTypeahead()).toEqual({ text: 'Leg', ended: 'cancel' });
  });

  it('leaves shortcuts with a modifier, and keys that do not type, to the app', () => {
    expect(holdRenameKey(key('z', { ctrlKey: true }))).toBe(false);
    expect(holdRenameKey(key('s', { metaKey: true }))).toBe(false);
    expect(holdRenameKey(key('ArrowLeft'))).toBe(false);
    expect(takeRenameTypeahead()).toEqual({ text: '', ended: null });
  });
});
