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
export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** One chunk of a PNG file, located in the file's bytes. */
interface ChunkLocation {
  /** Four ASCII letters, e.g. "IHDR". */
  readonly type: string;
  /** Offset of the chunk's length field: the chunk spans [start, end). */
  readonly start: number;
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly end: number;
}

type ChunkList = { readonly ok: true; readonly chunks: readonly ChunkLocation[] } | { readonly ok: false; readonly problem: string };

/**
 * Splits a PNG file into its chunks, up to and including IEND (bytes after IEND are ignored, as decoders do).
 * Checks the signature, that IHDR comes first, that every length stays inside the file, that types are
 * letters, and, when `checkCrc`, every chunk's CRC.
 */
function listChunks(png: Uint8Array, checkCrc: boolean): ChunkList {
  if (!isPng(png)) return { ok: false, problem: 'It does not start with the PNG signature.' };
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: ChunkLocation[] = [];
  let offset: number = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + CHUNK_OVERHEAD > png.length) return { ok: false, problem: 'The image is truncated: it ends in the middle of a chunk.' };
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) return { ok: false, problem: 'A chunk declares an impossible length.' };
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    const end = dataEnd + 4;
    if (end > png.length) return { ok: false, problem: 'The image is truncated: it ends in the middle of a chunk.' };
    const typeBytes = png.subarray(offset + 4, dataStart);
    if (!typeBytes.every(isAsciiLetter)) return { ok: false, problem: 'A chunk has an invalid type.' };
    const type = String.fromCharCode(...typeBytes);
    if (chunks.length === 0 && type !== 'IHDR') return { ok: false, problem: 'The image does not start with its header (IHDR).' };
    // The CRC covers the type and the data, not the length.
    if (checkCrc && crc32(png, offset + 4, dataEnd) !== view.getUint32(dataEnd)) {
      return { ok: false, problem: `The ${type} chunk is damaged (its checksum does not match).` };
    }
    chunks.push({ type, start: offset, dataStart, dataEnd, end });
    offset = end;
    if (type === 'IEND') return { ok: true, chunks };
  }
}

const isAsciiLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** The keyword of a tEXt/iTXt/zTXt chunk: the Latin-1 bytes before the first NUL, or null if there is none. */
function keywordOf(png: Uint8Array, chunk: ChunkLocation): string | null {
  const nul = png.subarray(chunk.dataStart, chunk.dataEnd).indexOf(0);
  if (nul < 1 || nul > 79) return null;
  return String.fromCharCode(...png.subarray(chunk.dataStart, chunk.dataStart + nul));
}

const isWorkspaceChunk = (png: Uint8Array, chunk: ChunkLocation) =>
  chunk.type === 'iTXt' && keywordOf(png, chunk) === PNG_WORKSPACE_KEYWORD;

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
 * after IHDR. Any `stakemap` iTXt chunk already in the image is replaced (removed, wherever it was), so
 * exporting an exported image again never stacks two workspaces. The image data is copied unchanged.
 *
 * @throws Error when `png` is not a well-formed PNG file (signature, IHDR first, chunk lengths, IEND).
 */
export function embedWorkspaceInPng(png: Uint8Array, workspaceJson: string): Uint8Array {
  // CRCs of the image's own chunks are not checked here: they are copied as they are.
  const listed = listChunks(png, false);
  if (!listed.ok) throw new Error(`Not a valid PNG image: ${listed.problem}`);
  const kept = listed.chunks.filter((chunk) => !isWorkspaceChunk(png, chunk));
  const inserted = encodeChunk('iTXt', workspaceChunkData(workspaceJson));
  const size = PNG_SIGNATURE.length + inserted.length + kept.reduce((sum, chunk) => sum + (chunk.end - chunk.start), 0);
  const out = new Uint8Array(size);
  out.set(PNG_SIGNATURE, 0);
  let offset: number = PNG_SIGNATURE.length;
  for (const chunk of kept) {
    out.set(png.subarray(chunk.start, chunk.end), offset);
    offset += chunk.end - chunk.start;
    if (chunk.type === 'IHDR') {
      out.set(inserted, offset);
      offset += inserted.length;
    }
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

/**
 * Reads the Stakemap workspace out of a PNG file, checking the signature and every chunk's length and CRC
 * first. Never throws: anything that is not an intact PNG is reported as `damaged`.
 */
export function readWorkspaceFromPng(png: Uint8Array): PngWorkspace {
  try {
    const listed = listChunks(png, true);
    if (!listed.ok) return { kind: 'damaged', problem: listed.problem };
    const chunk = listed.chunks.find((candidate) => isWorkspaceChunk(png, candidate));
    if (!chunk) return { kind: 'none' };
    const data = png.subarray(chunk.dataStart, chunk.dataEnd);
    let at = PNG_WORKSPACE_KEYWORD.length + 1;
    if (data.length < at + 4) return { kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' };
    const compressed = data[at];
    at += 2; // compression flag and method
    // Stakemap writes the text uncompressed; a compressed chunk (written by another tool) would need zlib.
    if (compressed !== 0) return { kind: 'damaged', problem: 'Its Stakemap workspace is compressed, which Stakemap does not write.' };
    const languageEnd = data.indexOf(0, at);
    const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
    if (translatedEnd < 0) return { kind: 'damaged', problem: 'Its Stakemap workspace chunk is malformed.' };
    return { kind: 'found', text: strictUtf8.decode(data.subarray(translatedEnd + 1)) };
  } catch {
    // Invalid UTF-8, or anything unforeseen in a hostile file.
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
