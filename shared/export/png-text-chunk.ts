/*
 * A Stakemap workspace carried inside an exported PNG image, as Excalidraw does with its scenes: the image
 * shows the map, and opening it in Stakemap gives the workspace back. The workspace JSON is stored in an
 * international text chunk (iTXt, PNG specification §11.3.4.5) with the keyword `stakemap`, uncompressed,
 * right after IHDR so it is found without reading the image data.
 *
 * Pure: bytes in, bytes out, no Node built-ins and no DOM (TextEncoder and TextDecoder exist in both).
 * Specification: https://www.w3.org/TR/png-3/#5DataRep (chunk layout, CRC-32) and #11iTXt.
 */

/** The iTXt keyword under which Stakemap stores its workspace. */
export const PNG_WORKSPACE_KEYWORD = 'stakemap';

/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** A chunk's data length is at most 2^31 - 1 bytes (PNG §5.3). */
const MAX_CHUNK_LENGTH = 0x7fffffff;

/** Bytes around a chunk's data: length (4), type (4) before it, CRC (4) after it. */
const CHUNK_OVERHEAD = 12;

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the one PNG and zlib use) of `bytes[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** True when `bytes` starts with the PNG signature. Says nothing about the rest of the file. */
/** The pixel size in a PNG's header (IHDR is always the first chunk, right after the signature). */
export function pngPixelSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** A chunk type as the big-endian number of its four ASCII letters: no string is made per chunk. */
const typeCode = (letters: string): number =>
  ((letters.charCodeAt(0) << 24) | (letters.charCodeAt(1) << 16) | (letters.charCodeAt(2) << 8) | letters.charCodeAt(3)) >>> 0;

const IHDR = typeCode('IHDR');
const IEND = typeCode('IEND');
const ITXT = typeCode('iTXt');
const PHYS = typeCode('pHYs');

/**
 * The most chunks readWorkspaceFromPng walks before giving up. Chromium's canvas encodes a PNG through libpng,
 * which writes the image data in IDAT chunks of 8 KB (its default zlib buffer): a 300 MB image has about 38,000
 * chunks, and the largest file Stakemap reads (100 MB) about 13,000. A million is far above any real image and
 * still a few milliseconds of header reading; the hostile file of issue 11 had 8.6 million empty chunks.
 */
export const PNG_MAX_CHUNKS = 1_000_000;

/**
 * The longest readWorkspaceFromPng looks for a workspace, in milliseconds, whatever the file. Walking chunk
 * headers takes milliseconds; only checksums cost time in proportion to the bytes, and at most the file's size.
 */
export const PNG_MAX_WALK_MS = 5_000;

/** How many chunks pass between two looks at the clock: reading the clock per chunk would cost more than the walk. */
const CLOCK_EVERY_CHUNKS = 4_096;

/** Bounds of a chunk walk; `now` (milliseconds) is injectable so tests can make time pass without waiting. */
export interface PngWalkLimits {
  readonly maxChunks: number;
  readonly maxMilliseconds: number;
  readonly now: () => number;
}

const DEFAULT_LIMITS: PngWalkLimits = { maxChunks: PNG_MAX_CHUNKS, maxMilliseconds: PNG_MAX_WALK_MS, now: () => Date.now() };
/** embedWorkspaceInPng walks the image the renderer's own canvas made, which is never hostile: no bounds. */
const UNBOUNDED: PngWalkLimits = { maxChunks: Number.POSITIVE_INFINITY, maxMilliseconds: Number.POSITIVE_INFINITY, now: () => 0 };

/**
 * Called for each chunk with its type code, the offset of its length field and its data length; the chunk spans
 * [start, start + 12 + length). Returns true to stop the walk there.
 */
type ChunkVisitor = (type: number, start: number, length: number) => boolean;

type WalkOutcome =
  /** The visitor stopped the walk at the chunk starting at `start`. */
  | { readonly kind: 'stopped'; readonly start: number }
  /** IEND was reached; `end` is the offset just after it (bytes after IEND are ignored, as decoders do). */
  | { readonly kind: 'end'; readonly end: number }
  | { readonly kind: 'damaged'; readonly problem: string };

/**
 * Walks a PNG file's chunk headers from IHDR to IEND without allocating anything per chunk and without reading
 * the chunks' data (so without checking their CRC: the visitor checks the ones it cares about). Checks the
 * signature, that IHDR comes first, that every length stays inside the file and that types are letters, and stops
 * after `limits.maxChunks` chunks or `limits.maxMilliseconds`, saying so.
 */
function walkChunks(png: Uint8Array, limits: PngWalkLimits, visit: ChunkVisitor): WalkOutcome {
  if (!isPng(png)) return { kind: 'damaged', problem: 'It does not start with the PNG signature.' };
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const startedAt = limits.now();
  let offset: number = PNG_SIGNATURE.length;
  for (let count = 0; ; count++) {
    if (count >= limits.maxChunks) {
      const most = limits.maxChunks.toLocaleString('en-US');
      return { kind: 'damaged', problem: `It has more than ${most} chunks, far more than any real image has, so Stakemap stopped reading it.` };
    }
    if (count % CLOCK_EVERY_CHUNKS === 0 && count > 0 && limits.now() - startedAt > limits.maxMilliseconds) {
      const seconds = (limits.maxMilliseconds / 1000).toLocaleString('en-US');
      return {
        kind: 'damaged',
        problem: `Reading its ${count.toLocaleString('en-US')} chunks took more than ${seconds} seconds, far longer than any real image takes, so Stakemap stopped reading it.`,
      };
    }
    if (offset + CHUNK_OVERHEAD > png.length) return { kind: 'damaged', problem: 'The image is truncated: it ends in the middle of a chunk.' };
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) return { kind: 'damaged', problem: 'A chunk declares an impossible length.' };
    const end = offset + CHUNK_OVERHEAD + length;
    if (end > png.length) return { kind: 'damaged', problem: 'The image is truncated: it ends in the middle of a chunk.' };
    const letters = offset + 4;
    if (!isAsciiLetter(png[letters]!) || !isAsciiLetter(png[letters + 1]!) || !isAsciiLetter(png[letters + 2]!) || !isAsciiLetter(png[letters + 3]!)) {
      return { kind: 'damaged', problem: 'A chunk has an invalid type.' };
    }
    const type = view.getUint32(offset + 4);
    if (count === 0 && type !== IHDR) return { kind: 'damaged', problem: 'The image does not start with its header (IHDR).' };
    if (visit(type, offset, length)) return { kind: 'stopped', start: offset };
    if (type === IEND) return { kind: 'end', end };
    offset = end;
  }
}

const isAsciiLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/** Whether the CRC stored after the chunk at `start` matches its type and data (the CRC does not cover the length). */
function crcMatches(png: Uint8Array, start: number, length: number): boolean {
  const dataEnd = start + 8 + length;
  const stored = ((png[dataEnd]! << 24) | (png[dataEnd + 1]! << 16) | (png[dataEnd + 2]! << 8) | png[dataEnd + 3]!) >>> 0;
  return crc32(png, start + 4, dataEnd) === stored;
}

const KEYWORD_BYTES = Array.from(PNG_WORKSPACE_KEYWORD, (letter) => letter.charCodeAt(0));

/**
 * Whether the chunk at `start` is a `stakemap` iTXt chunk: its data starts with the keyword and a NUL. Compares
 * bytes in place, so a walk over millions of text chunks makes no strings.
 */
function isWorkspaceChunk(png: Uint8Array, type: number, start: number, length: number): boolean {
  if (type !== ITXT || length <= KEYWORD_BYTES.length) return false;
  const dataStart = start + 8;
  for (let i = 0; i < KEYWORD_BYTES.length; i++) if (png[dataStart + i] !== KEYWORD_BYTES[i]) return false;
  return png[dataStart + KEYWORD_BYTES.length] === 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * The data of a `stakemap` iTXt chunk: keyword, NUL, compression flag 0, compression method 0, empty language
 * tag, NUL, empty translated keyword, NUL, then the text in UTF-8.
 */
function workspaceChunkData(text: string): Uint8Array {
  const keyword = utf8Encoder.encode(PNG_WORKSPACE_KEYWORD);
  const body = utf8Encoder.encode(text);
  const data = new Uint8Array(keyword.length + 5 + body.length);
  data.set(keyword, 0);
  // Bytes keyword.length .. +4 stay 0: NUL, compression flag, compression method, language NUL, keyword NUL.
  data.set(body, keyword.length + 5);
  return data;
}

/** A whole chunk (length, type, data, CRC) ready to splice into a file. */
function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  if (data.length > MAX_CHUNK_LENGTH) throw new RangeError(`The ${type} chunk would exceed the PNG chunk size limit.`);
  const chunk = new Uint8Array(data.length + CHUNK_OVERHEAD);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/**
 * Returns a copy of `png` carrying `workspaceJson` in an iTXt chunk with the keyword `stakemap`, placed right
 * after IHDR (with `pixelsPerMeter`, preceded by a pHYs chunk of that density, replacing any the image had). Any `stakemap` iTXt chunk already in the image is replaced (removed, wherever it was), so
 * exporting an exported image again never stacks two workspaces. The image data is copied unchanged, in as few
 * copies as there are runs of chunks between removed ones, in time linear in the image's size.
 *
 * @throws Error when `png` is not a well-formed PNG file (signature, IHDR first, chunk lengths, IEND).
 */
/**
 * The pHYs density of a picture drawn at `scale` device pixels per CSS pixel: CSS has 96 px to the inch, so 1x is
 * 96 dpi and 2x 192 dpi, and slide software places a 2x export at the size the map has on screen.
 */
export function pixelsPerMeterAt(scale: number): number {
  return Math.round((96 * scale) / 0.0254);
}

/** A pHYs chunk's data: the same density both ways, in pixels per metre (unit 1). */
function physData(pixelsPerMeter: number): Uint8Array {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, pixelsPerMeter);
  view.setUint32(4, pixelsPerMeter);
  data[8] = 1;
  return data;
}

export function embedWorkspaceInPng(png: Uint8Array, workspaceJson: string, options: { pixelsPerMeter?: number } = {}): Uint8Array {
  // CRCs of the image's own chunks are not checked here: they are copied as they are.
  let headerEnd = 0;
  /** [start, end) of each old workspace chunk, in file order: a real image has none or one. */
  const removed: number[] = [];
  const walked = walkChunks(png, UNBOUNDED, (type, start, length) => {
    if (type === IHDR && headerEnd === 0) headerEnd = start + CHUNK_OVERHEAD + length;
    else if (isWorkspaceChunk(png, type, start, length)) removed.push(start, start + CHUNK_OVERHEAD + length);
    // A density of the image's own is replaced by the one asked for: a PNG may hold one pHYs.
    else if (type === PHYS && options.pixelsPerMeter !== undefined) removed.push(start, start + CHUNK_OVERHEAD + length);
    return false;
  });
  if (walked.kind !== 'end') throw new Error(`Not a valid PNG image: ${walked.kind === 'damaged' ? walked.problem : 'it has no end.'}`);

  const text = encodeChunk('iTXt', workspaceChunkData(workspaceJson));
  // pHYs must come before the image data; right after IHDR it does.
  const density = options.pixelsPerMeter === undefined ? new Uint8Array(0) : encodeChunk('pHYs', physData(options.pixelsPerMeter));
  const inserted = new Uint8Array(density.length + text.length);
  inserted.set(density, 0);
  inserted.set(text, density.length);
  // The kept runs after IHDR: from its end to the first removed chunk, between removed chunks, to IEND's end.
  const runs: number[] = [headerEnd, ...removed, walked.end];
  let keptAfterHeader = 0;
  for (let i = 0; i < runs.length; i += 2) keptAfterHeader += runs[i + 1]! - runs[i]!;
  const out = new Uint8Array(headerEnd + inserted.length + keptAfterHeader);
  out.set(png.subarray(0, headerEnd), 0);
  out.set(inserted, headerEnd);
  let offset = headerEnd + inserted.length;
  for (let i = 0; i < runs.length; i += 2) {
    out.set(png.subarray(runs[i], runs[i + 1]), offset);
    offset += runs[i + 1]! - runs[i]!;
  }
  return out;
}

/** What a PNG file holds as far as Stakemap is concerned. */
export type PngWorkspace =
  | { readonly kind: 'found'; readonly text: string }
  /** A well-formed PNG without a Stakemap workspace (not exported by Stakemap). */
  | { readonly kind: 'none' }
  /** Not a PNG, or a damaged or truncated one; `problem` says what is wrong, in words for people. */
  | { readonly kind: 'damaged'; readonly problem: string };

/** The problem named when a text chunk's checksum does not match. */
const DAMAGED_TEXT_CHUNK = 'The iTXt chunk is damaged (its checksum does not match).';

/**
 * Reads the Stakemap workspace out of a PNG file. Walks the chunk headers only (bounded in chunks and time, see
 * PNG_MAX_CHUNKS and PNG_MAX_WALK_MS) and stops at the first `stakemap` iTXt chunk, whose CRC it checks: damage
 * in the image data or after the workspace (a bad CRC in IDAT, a file cut short after the workspace chunk) does
 * not hide an intact workspace. Without a workspace chunk, an iTXt chunk with a bad CRC (perhaps ours, with a
 * damaged keyword) makes the image `damaged` rather than `none`. `limits` is for tests. Never throws: anything
 * that is not a readable PNG is reported as `damaged`, with the reason.
 */
export function readWorkspaceFromPng(png: Uint8Array, limits: Partial<PngWalkLimits> = {}): PngWorkspace {
  const bounds: PngWalkLimits = { ...DEFAULT_LIMITS, ...limits };
  try {
    const found = { start: -1, length: 0 };
    const walked = walkChunks(png, bounds, (type, start, length) => {
      if (!isWorkspaceChunk(png, type, start, length)) return false;
      found.start = start;
      found.length = length;
      return true;
    });
    if (walked.kind === 'damaged') return { kind: 'damaged', problem: walked.problem };
    if (walked.kind === 'end') {
      const problem = damagedTextChunkIn(png, bounds);
      return problem === null ? { kind: 'none' } : { kind: 'damaged', problem };
    }
    if (!crcMatches(png, found.start, found.length)) return { kind: 'damaged', problem: DAMAGED_TEXT_CHUNK };
    return decodeWorkspaceChunk(png.subarray(found.start + 8, found.start + 8 + found.length));
  } catch {
    // Anything unforeseen in a hostile file.
    return { kind: 'damaged', problem: 'Its Stakemap workspace could not be read.' };
  }
}

/**
 * Why an image without a workspace chunk is damaged after all, or null: an iTXt chunk whose CRC does not match
 * (it may be ours, with a damaged keyword). A second walk, done only when no workspace chunk was found; it costs
 * a CRC over the image's text chunks, never over its image data, within the same bounds as the first walk.
 */
function damagedTextChunkIn(png: Uint8Array, limits: PngWalkLimits): string | null {
  const walked = walkChunks(png, limits, (type, start, length) => type === ITXT && !crcMatches(png, start, length));
  switch (walked.kind) {
    case 'stopped':
      return DAMAGED_TEXT_CHUNK;
    case 'damaged':
      return walked.problem;
    case 'end':
      return null;
    default: {
      const unreachable: never = walked;
      return unreachable;
    }
  }
}

/**
 * The text of a `stakemap` iTXt chunk's data: keyword, NUL, compression flag and method, language tag, NUL,
 * translated keyword, NUL, then UTF-8 text.
 */
function decodeWorkspaceChunk(data: Uint8Array): PngWorkspace {
  let at = PNG_WORKSPACE_KEYWORD.length + 1;
  if (data.length < at + 4) return { kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' };
  const compressed = data[at];
  at += 2; // compression flag and method
  // Stakemap writes the text uncompressed; a compressed chunk (written by another tool) would need zlib.
  if (compressed !== 0) return { kind: 'damaged', problem: 'Its Stakemap workspace is compressed, which Stakemap does not write.' };
  const languageEnd = data.indexOf(0, at);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return { kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' };
  try {
    return { kind: 'found', text: strictUtf8.decode(data.subarray(translatedEnd + 1)) };
  } catch {
    return { kind: 'damaged', problem: 'Its Stakemap workspace is not valid UTF-8 text.' };
  }
}

/**
 * The workspace text embedded in a PNG by embedWorkspaceInPng, or null when there is none or the file is not
 * an intact PNG (bad signature, a chunk's CRC or length wrong, truncated). Never throws.
 */
export function extractWorkspaceFromPng(png: Uint8Array): string | null {
  const read = readWorkspaceFromPng(png);
  return read.kind === 'found' ? read.text : null;
}
