import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  embedWorkspaceInPng,
  extractWorkspaceFromPng,
  isPng,
  PNG_WORKSPACE_KEYWORD,
  pixelsPerMeterAt,
  readWorkspaceFromPng,
} from '../../../../shared/export/png-text-chunk';
import { chunk, chunkTypes, concat, itxtChunk, makePng, textChunk } from './png-test-image';

const WORKSPACE = '{\n  "format": "stakemap",\n  "title": "Atelier « Réseaux sociaux » 🤝 — café ☕"\n}\n';

/** Flips the bits of `mask` in byte `index`. */
function flip(bytes: Uint8Array, index: number, mask: number): void {
  bytes[index] = bytes[index]! ^ mask;
}

/** The byte range of the first chunk of `type`. */
function findChunk(png: Uint8Array, type: string): { start: number; dataStart: number; dataEnd: number } {
  const buffer = Buffer.from(png);
  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    if (buffer.toString('latin1', offset + 4, offset + 8) === type) return { start: offset, dataStart: offset + 8, dataEnd: offset + 8 + length };
    offset += length + 12;
  }
  throw new Error(`no ${type}`);
}

describe('crc32', () => {
  it('matches zlib on known and random inputs', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(crc32(random)).toBe(zlibCrc32(random));
    expect(crc32(random, 100, 300)).toBe(zlibCrc32(random.subarray(100, 300)));
  });
});

describe('isPng', () => {
  it('recognises the PNG signature and nothing else', () => {
    expect(isPng(makePng())).toBe(true);
    expect(isPng(makePng().subarray(0, 8))).toBe(true);
    expect(isPng(makePng().subarray(0, 7))).toBe(false);
    expect(isPng(new TextEncoder().encode('{"format":"stakemap"}'))).toBe(false);
    expect(isPng(new Uint8Array(0))).toBe(false);
  });
});

describe('embedWorkspaceInPng with a density (pHYs)', () => {
  it('writes pHYs for the export scale (96 dpi a CSS pixel), before the image data, replacing the image\'s own', () => {
    expect(pixelsPerMeterAt(1)).toBe(3780);
    expect(pixelsPerMeterAt(2)).toBe(7559);
    expect(pixelsPerMeterAt(3)).toBe(11339);
    const withOwn = makePng({ extraChunks: [chunk('pHYs', new Uint8Array([0, 0, 11, 19, 0, 0, 11, 19, 1]))] });
    const embedded = embedWorkspaceInPng(withOwn, WORKSPACE, { pixelsPerMeter: pixelsPerMeterAt(2) });
    expect(chunkTypes(embedded)).toEqual(['IHDR', 'pHYs', 'iTXt', 'IDAT', 'IEND']);
    const phys = findChunk(embedded, 'pHYs');
    const data = Buffer.from(embedded.subarray(phys.dataStart, phys.dataEnd));
    expect([data.readUInt32BE(0), data.readUInt32BE(4), data[8]]).toEqual([7559, 7559, 1]);
    expect(Buffer.from(embedded).readUInt32BE(phys.dataEnd)).toBe(zlibCrc32(embedded.subarray(phys.start + 4, phys.dataEnd)));
    // 7559 pixels a metre is 192 dpi, as slide software reads it.
    expect(Math.round(7559 * 0.0254)).toBe(192);
  });

  it('leaves an image\'s density alone when none is asked for', () => {
    const withOwn = makePng({ extraChunks: [chunk('pHYs', new Uint8Array([0, 0, 11, 19, 0, 0, 11, 19, 1]))] });
    expect(chunkTypes(embedWorkspaceInPng(withOwn, WORKSPACE))).toEqual(['IHDR', 'iTXt', 'pHYs', 'IDAT', 'IEND']);
  });
});

describe('embedWorkspaceInPng', () => {
  it('puts a stakemap iTXt chunk right after IHDR and keeps the image bytes', () => {
    const png = makePng();
    const embedded = embedWorkspaceInPng(png, WORKSPACE);
    expect(chunkTypes(embedded)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(PNG_WORKSPACE_KEYWORD).toBe('stakemap');
    // The image data is untouched and still inflates to the same pixels.
    const idat = findChunk(embedded, 'IDAT');
    const originalIdat = findChunk(png, 'IDAT');
    expect(Buffer.from(embedded.subarray(idat.dataStart, idat.dataEnd))).toEqual(Buffer.from(png.subarray(originalIdat.dataStart, originalIdat.dataEnd)));
    expect(inflateSync(embedded.subarray(idat.dataStart, idat.dataEnd))).toHaveLength(2 * (1 + 3 * 3));
    // The input is not modified.
    expect(chunkTypes(png)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('writes the chunk as the PNG specification lays it out, with a CRC zlib agrees with', () => {
    const embedded = embedWorkspaceInPng(makePng(), WORKSPACE);
    const itxt = findChunk(embedded, 'iTXt');
    const data = Buffer.from(embedded.subarray(itxt.dataStart, itxt.dataEnd));
    // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, text
    expect(data.subarray(0, 13)).toEqual(Buffer.from('stakemap\u0000\u0000\u0000\u0000\u0000', 'latin1'));
    expect(data.subarray(13).toString('utf8')).toBe(WORKSPACE);
    const storedCrc = Buffer.from(embedded).readUInt32BE(itxt.dataEnd);
    expect(storedCrc).toBe(zlibCrc32(embedded.subarray(itxt.start + 4, itxt.dataEnd)));
    expect(Buffer.from(embedded).readUInt32BE(itxt.start)).toBe(data.length);
  });

  it('replaces an existing workspace instead of adding a second one, wherever it was', () => {
    const withOldLate = makePng({ extraChunks: [textChunk('Software', 'Chromium'), itxtChunk('stakemap', '{"old":true}')] });
    const once = embedWorkspaceInPng(withOldLate, '{"new":1}');
    expect(chunkTypes(once)).toEqual(['IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
    const twice = embedWorkspaceInPng(once, WORKSPACE);
    expect(chunkTypes(twice)).toEqual(['IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
    expect(extractWorkspaceFromPng(twice)).toBe(WORKSPACE);
  });

  it('keeps other tools’ text chunks, including an iTXt with another keyword', () => {
    const png = makePng({ extraChunks: [itxtChunk('Description', 'A map')] });
    const embedded = embedWorkspaceInPng(png, WORKSPACE);
    expect(chunkTypes(embedded)).toEqual(['IHDR', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(extractWorkspaceFromPng(embedded)).toBe(WORKSPACE);
  });

  it('embeds an empty text and a large one', () => {
    expect(extractWorkspaceFromPng(embedWorkspaceInPng(makePng(), ''))).toBe('');
    const large = `{"notes":"${'é🙂'.repeat(300_000)}"}`;
    expect(extractWorkspaceFromPng(embedWorkspaceInPng(makePng(), large))).toBe(large);
  });

  it('refuses what is not a PNG, or a truncated one', () => {
    expect(() => embedWorkspaceInPng(new TextEncoder().encode('hello'), WORKSPACE)).toThrow(/Not a valid PNG image/);
    const png = makePng();
    expect(() => embedWorkspaceInPng(png.subarray(0, png.length - 5), WORKSPACE)).toThrow(/truncated/);
  });

  it('works on a view into a larger buffer (a Buffer from a pool)', () => {
    const png = makePng();
    const backing = new Uint8Array(png.length + 50);
    backing.set(png, 17);
    const view = backing.subarray(17, 17 + png.length);
    expect(extractWorkspaceFromPng(embedWorkspaceInPng(view, WORKSPACE))).toBe(WORKSPACE);
  });
});

describe('extractWorkspaceFromPng / readWorkspaceFromPng', () => {
  it('reads back UTF-8 text with accents and emoji exactly', () => {
    const text = '{"title":"Équipe réseaux sociaux — 👩🏽‍💻 ✔︎ 中文"}';
    expect(extractWorkspaceFromPng(embedWorkspaceInPng(makePng(), text))).toBe(text);
  });

  it('returns null for a PNG without a workspace, or with only other text chunks', () => {
    expect(extractWorkspaceFromPng(makePng())).toBeNull();
    expect(readWorkspaceFromPng(makePng())).toEqual({ kind: 'none' });
    // Another tool's tEXt chunk named "stakemap" is not ours.
    expect(extractWorkspaceFromPng(makePng({ extraChunks: [textChunk('stakemap', '{}')] }))).toBeNull();
    expect(extractWorkspaceFromPng(makePng({ extraChunks: [itxtChunk('stakemapx', '{}')] }))).toBeNull();
  });

  it('reads a workspace chunk with a language tag (written by another tool)', () => {
    expect(extractWorkspaceFromPng(makePng({ extraChunks: [itxtChunk('stakemap', '{"a":1}', { language: 'fr' })] }))).toBe('{"a":1}');
  });

  it('refuses a workspace chunk whose CRC is wrong, but not an image whose damage lies elsewhere (issue 11)', () => {
    const embedded = embedWorkspaceInPng(makePng(), WORKSPACE);
    const inText = embedded.slice();
    flip(inText, findChunk(inText, 'iTXt').dataEnd - 3, 0x01); // a flipped bit in the text
    expect(extractWorkspaceFromPng(inText)).toBeNull();
    expect(readWorkspaceFromPng(inText)).toEqual({ kind: 'damaged', problem: 'The iTXt chunk is damaged (its checksum does not match).' });

    const inStoredCrc = embedded.slice();
    flip(inStoredCrc, findChunk(inStoredCrc, 'iTXt').dataEnd, 0x01); // the stored CRC itself
    expect(readWorkspaceFromPng(inStoredCrc)).toEqual({ kind: 'damaged', problem: 'The iTXt chunk is damaged (its checksum does not match).' });

    // The image data and IEND are not the workspace: damage there leaves the workspace readable.
    const inImage = embedded.slice();
    flip(inImage, findChunk(inImage, 'IDAT').dataStart, 0xff);
    expect(extractWorkspaceFromPng(inImage)).toBe(WORKSPACE);
    const inEnd = embedded.slice();
    flip(inEnd, findChunk(inEnd, 'IEND').dataEnd, 0x01);
    expect(extractWorkspaceFromPng(inEnd)).toBe(WORKSPACE);
  });

  it('reports an image without a workspace but with a damaged iTXt chunk as damaged (it may have been ours)', () => {
    const png = makePng({ extraChunks: [itxtChunk('Description', 'A map')] });
    expect(readWorkspaceFromPng(png)).toEqual({ kind: 'none' });
    const damaged = png.slice();
    flip(damaged, findChunk(damaged, 'iTXt').dataStart + 2, 0x01);
    expect(readWorkspaceFromPng(damaged)).toEqual({ kind: 'damaged', problem: 'The iTXt chunk is damaged (its checksum does not match).' });
  });

  it('returns null for a file truncated before the end of its workspace chunk, at every length', () => {
    const embedded = embedWorkspaceInPng(makePng(), '{"a":"é"}');
    const workspaceEnd = findChunk(embedded, 'iTXt').dataEnd + 4;
    for (let length = 0; length < workspaceEnd; length++) {
      expect(extractWorkspaceFromPng(embedded.subarray(0, length)), `length ${length}`).toBeNull();
    }
    expect(readWorkspaceFromPng(embedded.subarray(0, workspaceEnd - 1))).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/truncated/) });
  });

  it('still gives the workspace of a file cut short after its workspace chunk (the workspace is intact, its CRC checked)', () => {
    const embedded = embedWorkspaceInPng(makePng(), '{"a":"é"}');
    for (let length = findChunk(embedded, 'iTXt').dataEnd + 4; length < embedded.length; length++) {
      expect(extractWorkspaceFromPng(embedded.subarray(0, length)), `length ${length}`).toBe('{"a":"é"}');
    }
    // Without a workspace, a cut-short image is damaged, not "no workspace".
    const plain = makePng();
    expect(readWorkspaceFromPng(plain.subarray(0, plain.length - 1))).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/truncated/) });
  });

  it('ignores bytes after IEND, as image decoders do', () => {
    const embedded = embedWorkspaceInPng(makePng(), WORKSPACE);
    expect(extractWorkspaceFromPng(concat(embedded, new Uint8Array([1, 2, 3])))).toBe(WORKSPACE);
  });

  it('returns null, never throws, on garbage', () => {
    const signature = makePng().subarray(0, 8);
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new TextEncoder().encode('not a png at all'),
      signature,
      // A length field far past the end of the file, and one above 2^31 - 1.
      concat(signature, new Uint8Array([0x00, 0xff, 0xff, 0xff, 0x49, 0x48, 0x44, 0x52])),
      concat(signature, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0])),
      // A chunk type that is not letters, and a first chunk that is not IHDR.
      concat(signature, chunk('IH1R', new Uint8Array(13))),
      concat(signature, chunk('IDAT', new Uint8Array(3)), chunk('IEND', new Uint8Array(0))),
      // No IEND.
      concat(signature, chunk('IHDR', new Uint8Array(13))),
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Uint8Array(64 + (seed % 50)).map((_, i) => (seed * 7919 + i * 104729) % 256);
      cases.push(random, concat(signature, random));
    }
    for (const bytes of cases) {
      expect(() => extractWorkspaceFromPng(bytes)).not.toThrow();
      expect(extractWorkspaceFromPng(bytes)).toBeNull();
    }
  });

  it('says why a workspace chunk it cannot read is refused', () => {
    expect(readWorkspaceFromPng(makePng({ extraChunks: [itxtChunk('stakemap', 'xx', { compressed: true })] }))).toEqual({
      kind: 'damaged',
      problem: 'Its Stakemap workspace is compressed, which Stakemap does not write.',
    });
    // Text that is not UTF-8 (Latin-1 "é").
    const latin1 = chunk('iTXt', new Uint8Array(Buffer.concat([Buffer.from('stakemap\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.from([0xe9])])));
    expect(readWorkspaceFromPng(makePng({ extraChunks: [latin1] }))).toEqual({ kind: 'damaged', problem: 'Its Stakemap workspace is not valid UTF-8 text.' });
    // Header cut short: keyword and NUL only.
    const short = chunk('iTXt', new Uint8Array(Buffer.from('stakemap\u0000\u0000', 'latin1')));
    expect(readWorkspaceFromPng(makePng({ extraChunks: [short] }))).toEqual({ kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' });
    // Missing the translated keyword's NUL.
    const noNul = chunk('iTXt', new Uint8Array(Buffer.from('stakemap\u0000\u0000\u0000fr', 'latin1')));
    expect(readWorkspaceFromPng(makePng({ extraChunks: [noNul] }))).toEqual({ kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' });
  });

  it('reads a byte order mark in the text as part of it (the workspace parser deals with it)', () => {
    expect(extractWorkspaceFromPng(embedWorkspaceInPng(makePng(), '\uFEFF{}'))).toBe('\uFEFF{}');
  });
});
