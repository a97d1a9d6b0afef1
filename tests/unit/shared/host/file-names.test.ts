import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILE_NAME,
  EXPORT_EXTENSIONS,
  exportFileName,
  MAX_FILE_NAME_BYTES,
  painPointsCsvFileName,
  safeFileName,
  solutionsCsvFileName,
  withExtension,
  withWorkspaceExtension,
} from '../../../../shared/host/file-names';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('safeFileName', () => {
  it.each([
    ['Workshop', 'Workshop'],
    ['  a/b\\c:d*e?f"g<h>i|j  ', 'a b c d e f g h i j'],
    ['map.stakemap', 'map'],
    ['...hidden', 'hidden'],
    ['', 'Untitled workspace'],
    ['\u0000\u0001', 'Untitled workspace'],
    ['.stakemap', 'Untitled workspace'],
    ['a.stakemap .stakemap', 'a'],
    ['Q3\tworkshop\n\nnotes', 'Q3 workshop notes'],
  ])('safeFileName(%j) = %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('names an empty title like a new workspace is titled', () => {
    expect(DEFAULT_FILE_NAME).toBe('Untitled workspace');
  });

  it('keeps a name to MAX_FILE_NAME_BYTES in UTF-8, cutting between characters', () => {
    expect(safeFileName('a'.repeat(300))).toBe('a'.repeat(MAX_FILE_NAME_BYTES));
    // 3 bytes each: 66 fit in 200 bytes. 120 of them (360 bytes) would be refused by ext4 and APFS.
    expect(safeFileName('工'.repeat(120))).toBe('工'.repeat(66));
    // 4 bytes and two UTF-16 units each: never half of one.
    const emoji = safeFileName('😀'.repeat(60));
    expect(emoji).toBe('😀'.repeat(50));
    expect(safeFileName(`${'a'.repeat(199)}é`)).toBe('a'.repeat(199));
    // A cut that ends in a space leaves no trailing space before the extension.
    expect(safeFileName(`${'a'.repeat(199)} b`)).toBe('a'.repeat(199));
  });

  it('gives a name that fits, and the same name when applied again (the renderer and main both apply it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = safeFileName(title);
        expect(name).not.toBe('');
        expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^\.|^\s|\s$|\.stakemap$/i);
        expect(safeFileName(name)).toBe(name);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('.stakemap', '.', ' ', 'a', '工', '/', 'STAKEMAP'), { maxLength: 40 }), (parts) => {
        const name = safeFileName(parts.join(''));
        expect(safeFileName(name)).toBe(name);
      }),
    );
  });
});

describe('extensions', () => {
  it.each([
    ['/w/a', '/w/a.stakemap'],
    ['/w/a.stakemap', '/w/a.stakemap'],
    ['/w/a.STAKEMAP', '/w/a.STAKEMAP'],
    ['/w/a.json', '/w/a.json'],
    ['/w/a.txt', '/w/a.txt.stakemap'],
  ])('withWorkspaceExtension(%j) = %j', (input, expected) => {
    expect(withWorkspaceExtension(input)).toBe(expected);
  });

  it('withExtension adds the first extension unless one of them is there, in any case', () => {
    expect(withExtension('/w/a', ['md', 'markdown'])).toBe('/w/a.md');
    expect(withExtension('/w/a.Markdown', ['md', 'markdown'])).toBe('/w/a.Markdown');
    expect(withExtension('/w/a.png.txt', ['png'])).toBe('/w/a.png.txt.png');
  });
});

describe('export names', () => {
  it.each([
    ['Workshop', 'png', 'Workshop.png'],
    ['Workshop.png', 'png', 'Workshop.png'],
    ['Q3: social/brand', 'pdf', 'Q3 social brand.pdf'],
    ['notes.MARKDOWN', 'markdown', 'notes.md'],
    ['.png', 'png', 'Untitled workspace.png'],
    ['', 'csv', 'Untitled workspace.csv'],
  ] as const)('exportFileName(%j, %s) = %j', (input, kind, expected) => {
    expect(exportFileName(input, EXPORT_EXTENSIONS[kind])).toBe(expected);
  });

  it('names the CSV pair after the title', () => {
    expect(painPointsCsvFileName('Workshop')).toBe('Workshop pain points.csv');
    expect(painPointsCsvFileName('Workshop.csv')).toBe('Workshop pain points.csv');
    expect(solutionsCsvFileName(painPointsCsvFileName('Workshop'))).toBe('Workshop solutions.csv');
  });

  it.each([
    ['Q3 pain points.csv', 'Q3 solutions.csv'],
    ['Q3 Pain Points.csv', 'Q3 Solutions.csv'],
    ['PAIN POINTS.CSV', 'SOLUTIONS.CSV'],
    ['pain points of pain points.csv', 'pain points of solutions.csv'],
    ['export.csv', 'export solutions.csv'],
    ['pain-points.csv', 'pain-points solutions.csv'],
    ['export', 'export solutions.csv'],
  ])('solutionsCsvFileName(%j) = %j', (input, expected) => {
    expect(solutionsCsvFileName(input)).toBe(expected);
  });
});
