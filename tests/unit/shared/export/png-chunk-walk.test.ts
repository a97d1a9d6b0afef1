import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  embedWorkspaceInPng,
  extractWorkspaceFromPng,
  PNG_MAX_CHUNKS,
  PNG_MAX_WALK_MS,
  readWorkspaceFromPng,
} from '../../../../shared/export/png-text-chunk';
import { chunk, chunkTypes, concat, itxtChunk, makePng } from './png-test-image';

/*
 * The chunk walk is bounded (issue 11, defect 4): a PNG of millions of tiny chunks is refused with a reason
 * instead of blocking the process, and only the workspace chunk's CRC is checked. No timing thresholds: the
 * bounds are asserted through the result and its message (and an injected clock for the time bound).
 */

const WORKSPACE = '{"format":"stakemap","version":1,"title":"Atelier"}';

/** Flips the bits of `mask` in byte `index`. */
function flip(bytes: Uint8Array, index: number, mask: number): void {
  bytes[index] = bytes[index]! ^ mask;
}

/**
 * `count` empty chunks of the unknown ancillary type `aaAa`, each with its correct CRC, built with one
 * Buffer.fill of a 12-byte pattern (no JavaScript object per chunk, so the test itself stays cheap).
 */
function emptyChunks(count: number): Buffer {
  const one = Buffer.from(chunk('aaAa', new Uint8Array(0)));
  return Buffer.alloc(count * one.length).fill(one);
}

/** A PNG: signature and IHDR of a real image, `middle`, then its IDAT and IEND. */
function pngAround(...middle: Uint8Array[]): Uint8Array {
  const png = makePng();
  const headerEnd = 8 + 25; // signature, then IHDR (13 bytes of data + 12)
  return concat(png.subarray(0, headerEnd), ...middle, png.subarray(headerEnd));
}

describe('readWorkspaceFromPng on a PNG with millions of tiny chunks (issue 11, defect 4)', () => {
  // The reproduction of the audit: 104 MB (just under the 100 MiB open limit), 8.6 million chunks. Built once.
  let built: Uint8Array | null = null;
  const millions = () => (built ??= pngAround(emptyChunks(8_600_000)));

  it('is the file the audit described: 8.6 million valid empty chunks', () => {
    const png = millions();
    expect(Buffer.from(png.subarray(33, 45)).readUInt32BE(8)).toBe(zlibCrc32(Buffer.from('aaAa', 'latin1')));
    expect(png.length).toBeGreaterThan(103_000_000);
    expect(png.length).toBeLessThanOrEqual(100 * 1024 * 1024);
  });

  it('stops after PNG_MAX_CHUNKS chunks and says why', () => {
    expect(readWorkspaceFromPng(millions())).toEqual({
      kind: 'damaged',
      problem: `It has more than ${PNG_MAX_CHUNKS.toLocaleString('en-US')} chunks, far more than any real image has, so Stakemap stopped reading it.`,
    });
    expect(PNG_MAX_CHUNKS).toBe(1_000_000);
  });

  it('still finds a workspace placed where Stakemap puts it, before the millions of chunks', () => {
    const withWorkspace = embedWorkspaceInPng(millions(), WORKSPACE);
    expect(readWorkspaceFromPng(withWorkspace)).toEqual({ kind: 'found', text: WORKSPACE });
  });

  it('refuses a workspace hidden behind more chunks than the bound', () => {
    const hidden = pngAround(emptyChunks(PNG_MAX_CHUNKS), itxtChunk('stakemap', WORKSPACE));
    expect(readWorkspaceFromPng(hidden)).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/more than 1,000,000 chunks/) });
    // One chunk fewer before it (IHDR counts too) and it is found.
    const reachable = pngAround(emptyChunks(PNG_MAX_CHUNKS - 2), itxtChunk('stakemap', WORKSPACE));
    expect(readWorkspaceFromPng(reachable)).toEqual({ kind: 'found', text: WORKSPACE });
  });
});

describe('the bounds of the chunk walk', () => {
  it('stops when the walk takes longer than its time bound, and says so (clock injected)', () => {
    const png = pngAround(emptyChunks(20_000));
    let clock = 0;
    // Each look at the clock finds 6 s more: the second look (after 4,096 chunks) is past the 5 s bound.
    const result = readWorkspaceFromPng(png, { now: () => (clock += 6_000) });
    expect(result).toEqual({
      kind: 'damaged',
      problem: `Reading its 4,096 chunks took more than ${PNG_MAX_WALK_MS / 1000} seconds, far longer than any real image takes, so Stakemap stopped reading it.`,
    });
    // A clock that does not move lets the same walk finish: the image simply has no workspace.
    expect(readWorkspaceFromPng(png, { now: () => 0 })).toEqual({ kind: 'none' });
  });

  it('names the chunk bound it stopped at', () => {
    const png = pngAround(emptyChunks(50));
    expect(readWorkspaceFromPng(png, { maxChunks: 10 })).toEqual({
      kind: 'damaged',
      problem: 'It has more than 10 chunks, far more than any real image has, so Stakemap stopped reading it.',
    });
    expect(readWorkspaceFromPng(png, { maxChunks: 53 })).toEqual({ kind: 'none' });
  });

  it('applies the bounds to the second walk too (looking for a damaged text chunk)', () => {
    const png = pngAround(emptyChunks(5_000), itxtChunk('Description', 'A map'));
    let clock = 0;
    let looks = 0;
    // The first walk sees a still clock; the second one a clock that races.
    const result = readWorkspaceFromPng(png, { now: () => (looks++ < 2 ? 0 : (clock += 10_000)) });
    expect(result).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/^Reading its 4,096 chunks took more than 5 seconds/) });
  });
});

describe('only the workspace chunk’s CRC is checked', () => {
  it('opens the workspace of an image whose IDAT CRC is wrong (the stakemap chunk intact)', () => {
    const embedded = embedWorkspaceInPng(makePng(), WORKSPACE);
    const types = chunkTypes(embedded);
    expect(types).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    const damaged = embedded.slice();
    // The last byte of IDAT's stored CRC: IDAT's data is followed by IEND's 12 bytes and its own CRC.
    flip(damaged, damaged.length - 12 - 1, 0x01);
    expect(readWorkspaceFromPng(damaged)).toEqual({ kind: 'found', text: WORKSPACE });
  });

  it('refuses a stakemap chunk whose CRC is wrong, even in an otherwise intact image', () => {
    const embedded = embedWorkspaceInPng(makePng(), WORKSPACE);
    const damaged = embedded.slice();
    flip(damaged, 8 + 25 + 8 + 20, 0x04); // inside the workspace chunk's text
    expect(readWorkspaceFromPng(damaged)).toEqual({ kind: 'damaged', problem: 'The iTXt chunk is damaged (its checksum does not match).' });
  });

  it('takes the first workspace chunk when there are several (as before), and checks only that one', () => {
    const first = itxtChunk('stakemap', '{"first":true}');
    const second = itxtChunk('stakemap', '{"second":true}');
    const brokenSecond = second.slice();
    flip(brokenSecond, 20, 0x01);
    expect(extractWorkspaceFromPng(pngAround(first, brokenSecond))).toBe('{"first":true}');
  });
});

describe('embedWorkspaceInPng on images with many chunks', () => {
  it('keeps every chunk but the old workspaces, in order, in one linear pass', () => {
    const old = itxtChunk('stakemap', '{"old":1}');
    const png = pngAround(old, emptyChunks(200_000), old, itxtChunk('Description', 'kept'), old);
    const embedded = embedWorkspaceInPng(png, WORKSPACE);
    const types = chunkTypes(embedded);
    expect(types.slice(0, 2)).toEqual(['IHDR', 'iTXt']);
    expect(types.filter((type) => type === 'aaAa')).toHaveLength(200_000);
    expect(types.slice(-3)).toEqual(['iTXt', 'IDAT', 'IEND']);
    expect(types).toHaveLength(2 + 200_000 + 3);
    expect(embedded.length).toBe(png.length - 3 * old.length + itxtChunk('stakemap', WORKSPACE).length);
    expect(extractWorkspaceFromPng(embedded)).toBe(WORKSPACE);
    // After IHDR and the new workspace chunk: byte for byte the original's chunks, minus the old workspaces.
    const expected = pngAround(emptyChunks(200_000), itxtChunk('Description', 'kept'));
    const headerAndWorkspace = 8 + 25 + itxtChunk('stakemap', WORKSPACE).length;
    expect(Buffer.from(embedded.subarray(headerAndWorkspace)).equals(Buffer.from(expected.subarray(8 + 25)))).toBe(true);
  });

  it('ignores bytes after IEND and drops them, as before', () => {
    const png = concat(makePng(), new Uint8Array([1, 2, 3]));
    const embedded = embedWorkspaceInPng(png, WORKSPACE);
    expect(chunkTypes(embedded)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
  });
});
