import { describe, expect, it } from 'vitest';
import { colorInputValue } from '../../../../renderer/src/dialogs/CategoriesDialog';

describe('colorInputValue', () => {
  it('passes #rrggbb through in lower case', () => {
    expect(colorInputValue('#1971C2')).toBe('#1971c2');
    expect(colorInputValue(' #d9480f ')).toBe('#d9480f');
  });

  it('expands the short #rgb form a hand-written file may use', () => {
    expect(colorInputValue('#AbC')).toBe('#aabbcc');
  });

  it('falls back to black for what a colour input cannot show', () => {
    expect(colorInputValue('red')).toBe('#000000');
    expect(colorInputValue('rgb(1, 2, 3)')).toBe('#000000');
    expect(colorInputValue('')).toBe('#000000');
  });
});
