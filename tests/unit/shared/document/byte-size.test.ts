import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesOverWorkspaceLimit, utf8ByteLength } from '../../../../shared/document/byte-size';

describe('utf8ByteLength', () => {
  it('agrees with TextEncoder for any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd700, max: 0xe000 }).map((c) => String.fromCharCode(c)) }), (a, b) => {
        const text = a + b;
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bytesOverWorkspaceLimit', () => {
  it('counts bytes, not characters: 60 "é" are 120 bytes', () => {
    expect(bytesOverWorkspaceLimit('é'.repeat(60), 100)).toBe(20);
    expect(bytesOverWorkspaceLimit('é'.repeat(50), 100)).toBe(0);
    expect(bytesOverWorkspaceLimit('e'.repeat(100), 100)).toBe(0);
    expect(bytesOverWorkspaceLimit('e'.repeat(101), 100)).toBe(1);
  });
});
