import { describe, expect, it } from 'vitest';
import { compareWithFingerprint, FileFingerprints, fingerprintOf } from '../../../../electron/services/file-fingerprint';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('fingerprintOf', () => {
  it('holds the size, the time and the SHA-256 of the bytes', () => {
    expect(fingerprintOf(bytes('abc'), 1234.5)).toEqual({
      size: 3,
      mtimeMs: 1234.5,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });
});

describe('compareWithFingerprint', () => {
  const seen = fingerprintOf(bytes('{"title":"A"}\n'), 1000);

  it('finds a file unchanged when its bytes are the same, whatever its time', () => {
    expect(compareWithFingerprint(seen, { kind: 'read', bytes: bytes('{"title":"A"}\n') })).toBe('unchanged');
  });

  it('finds a file modified when its bytes differ, even with the same size', () => {
    expect(compareWithFingerprint(seen, { kind: 'read', bytes: bytes('{"title":"B"}\n') })).toBe('modified');
    expect(compareWithFingerprint(seen, { kind: 'read', bytes: bytes('{"title":"AB"}\n') })).toBe('modified');
    expect(compareWithFingerprint(seen, { kind: 'tooLarge', size: 200 * 1024 * 1024 })).toBe('modified');
  });

  it('finds a missing file deleted', () => {
    expect(compareWithFingerprint(seen, null)).toBe('deleted');
  });
});

describe('FileFingerprints', () => {
  it('remembers per file, two spellings of one path being one file', () => {
    const prints = new FileFingerprints('darwin');
    const print = fingerprintOf(bytes('x'), null);
    prints.remember('/Users/ana/Maps/A.stakemap', print);
    expect(prints.get('/users/ana/maps/a.stakemap')).toEqual(print);
    expect(prints.get('/Users/ana/Maps/B.stakemap')).toBeUndefined();
    prints.forget('/Users/ana/Maps/../Maps/A.stakemap');
    expect(prints.get('/Users/ana/Maps/A.stakemap')).toBeUndefined();
  });
});
