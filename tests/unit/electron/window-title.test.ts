import { describe, expect, it } from 'vitest';
import { formatWindowTitle } from '../../../electron/window-title';

describe('formatWindowTitle', () => {
  it('shows the document name, the unsaved mark and the app name', () => {
    expect(formatWindowTitle({ displayName: 'Workshop.stakemap', dirty: false })).toBe('Workshop.stakemap — Stakemap');
    expect(formatWindowTitle({ displayName: 'Workshop.stakemap', dirty: true })).toBe('● Workshop.stakemap — Stakemap');
  });

  it('is just the app name without a document', () => {
    expect(formatWindowTitle(null)).toBe('Stakemap');
    expect(formatWindowTitle({ displayName: '  ', dirty: true })).toBe('Stakemap');
  });
});
