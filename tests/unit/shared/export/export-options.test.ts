import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_OPTIONS,
  exportOptionsSchema,
  readExportOptions,
  type ExportOptions,
} from '../../../../shared/export/export-options';

const CHOSEN: ExportOptions = {
  format: 'csv',
  png: { scale: 1, background: 'transparent', picture: 'grid' },
  pdf: { pageSize: 'A3', landscape: false },
  safeToShare: { enabled: true, removeOwners: false, quotes: 'removed' },
  wrapUpOnly: true,
};

describe('export options', () => {
  it('defaults to a 2x PNG on white and an A4 landscape PDF, and the defaults are valid and frozen', () => {
    expect(DEFAULT_EXPORT_OPTIONS).toEqual({
      format: 'png',
      png: { scale: 2, background: 'white', picture: 'map' },
      pdf: { pageSize: 'A4', landscape: true },
      safeToShare: { enabled: false, removeOwners: true, quotes: 'unattributed' },
      wrapUpOnly: false,
    });
    expect(exportOptionsSchema.parse(DEFAULT_EXPORT_OPTIONS)).toEqual(DEFAULT_EXPORT_OPTIONS);
    expect(Object.isFrozen(DEFAULT_EXPORT_OPTIONS.png)).toBe(true);
  });

  it('reads back valid stored options as they are', () => {
    expect(readExportOptions(CHOSEN)).toEqual(CHOSEN);
    expect(readExportOptions({ ...CHOSEN, fromAFutureVersion: 1 })).toEqual(CHOSEN);
  });

  it.each([undefined, null, 'png', 42, [], {}])('falls back to the defaults for %j', (stored) => {
    const read = readExportOptions(stored);
    expect(read).toEqual(DEFAULT_EXPORT_OPTIONS);
    // A copy: changing it does not change the defaults.
    read.png.scale = 4;
    expect(DEFAULT_EXPORT_OPTIONS.png.scale).toBe(2);
  });

  it('keeps the valid parts of a partly invalid value', () => {
    expect(readExportOptions({ ...CHOSEN, format: 'svg' })).toEqual({ ...CHOSEN, format: 'png' });
    expect(readExportOptions({ ...CHOSEN, png: { scale: 2.5, background: 'white' } })).toEqual({ ...CHOSEN, png: DEFAULT_EXPORT_OPTIONS.png });
    expect(readExportOptions({ ...CHOSEN, pdf: { pageSize: 'A4' } })).toEqual({ ...CHOSEN, pdf: DEFAULT_EXPORT_OPTIONS.pdf });
    expect(readExportOptions({ ...CHOSEN, safeToShare: { enabled: 'yes' } })).toEqual({ ...CHOSEN, safeToShare: DEFAULT_EXPORT_OPTIONS.safeToShare });
    expect(readExportOptions({ ...CHOSEN, wrapUpOnly: 'yes' })).toEqual({ ...CHOSEN, wrapUpOnly: false });
  });

  it('reads options saved before "Wrap-up only" existed as the full report', () => {
    const { wrapUpOnly: _, ...older } = CHOSEN;
    expect(readExportOptions(older)).toEqual({ ...CHOSEN, wrapUpOnly: false });
  });
});
