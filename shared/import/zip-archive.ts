/*
 * Just enough of the zip format to unpack an .xlsx safely before read-excel-file sees it
 * (PKWARE APPNOTE.TXT: 4.3.7 local file header, 4.3.12 central directory header, 4.3.16 end of central directory).
 *
 * Why not let read-excel-file unzip it: its unzipper (fflate) inflates every file of 512 KB or more in a Web
 * Worker made from a blob: URL. The app's Content Security Policy does not allow blob: scripts, and fflate does
 * not listen for the worker failing to start, so a workbook with a large sheet would leave the import waiting
 * for ever. Here the XML parts are inflated with the platform's DecompressionStream (Chromium and Node alike)
 * and packed again uncompressed ("stored"), which fflate copies out without any worker.
 * It also makes the size limit real: inflating stops as soon as the output passes the limit, whatever sizes
 * the archive declares, so a "zip bomb" costs nothing.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0: stored, 8: deflated; others are not supported. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc32: number;
  readonly compressedSize: number;
  /** The uncompressed size the archive declares (Infinity for a Zip64 size: 4 GB or more). */
  readonly size: number;
  readonly localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const LONGEST_END_RECORD = 22 + 0xffff;
/** A 32-bit size of 0xFFFFFFFF means "see the Zip64 record". */
const ZIP64_MARK = 0xffffffff;
/** General purpose flag bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** The files of a zip archive as its central directory lists them, or null when the directory cannot be read. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > view.byteLength) return null;
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      encrypted: (view.getUint16(offset + 8, true) & 1) === 1,
      crc32: view.getUint32(offset + 16, true),
      compressedSize: compressedSize === ZIP64_MARK ? Number.POSITIVE_INFINITY : compressedSize,
      size: size === ZIP64_MARK ? Number.POSITIVE_INFINITY : size,
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

export type UnpackResult = { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly problem: 'damaged' | 'tooLarge' | 'unsupported' };

/** The uncompressed bytes of one entry, refusing to produce more than `limit` bytes. */
export async function unpackEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<UnpackResult> {
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) return { ok: false, problem: 'unsupported' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) return { ok: false, problem: 'damaged' };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const stop = start + entry.compressedSize;
  if (!Number.isFinite(stop) || stop > bytes.length) return { ok: false, problem: 'damaged' };
  const compressed = bytes.subarray(start, stop);
  if (entry.method === 0) return compressed.length > limit ? { ok: false, problem: 'tooLarge' } : { ok: true, data: compressed.slice() };
  return inflateRaw(compressed, limit);
}

/** Raw deflate data inflated with the platform's DecompressionStream, stopping once the output passes `limit`. */
async function inflateRaw(compressed: Uint8Array, limit: number): Promise<UnpackResult> {
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      // A copy: a stream chunk must own its buffer (the bytes may be a view into a shared one).
      controller.enqueue(compressed.slice());
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'tooLarge' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, data };
}

/**
 * A zip archive holding `files` uncompressed ("stored"), with the CRC-32 each had in the original archive (the
 * CRC is of the uncompressed data, so it stays right). No dates, comments or extra fields: only a reader
 * (read-excel-file) ever sees it.
 */
export function storedZip(files: ReadonlyArray<{ readonly name: string; readonly crc32: number; readonly data: Uint8Array }>): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const names = files.map((f) => encoder.encode(f.name));
  const localSize = files.reduce((sum, f, i) => sum + 30 + names[i]!.length + f.data.length, 0);
  const directorySize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let offset = 0;
  const offsets: number[] = [];
  files.forEach((file, i) => {
    const name = names[i]!;
    offsets.push(offset);
    view.setUint32(offset, LOCAL_HEADER, true);
    view.setUint16(offset + 4, 20, true); // version needed: 2.0
    view.setUint16(offset + 6, UTF8_NAMES, true);
    view.setUint16(offset + 8, 0, true); // stored
    view.setUint16(offset + 12, 0x21, true); // 1980-01-01
    view.setUint32(offset + 14, file.crc32, true);
    view.setUint32(offset + 18, file.data.length, true);
    view.setUint32(offset + 22, file.data.length, true);
    view.setUint16(offset + 26, name.length, true);
    out.set(name, offset + 30);
    out.set(file.data, offset + 30 + name.length);
    offset += 30 + name.length + file.data.length;
  });
  const directoryStart = offset;
  files.forEach((file, i) => {
    const name = names[i]!;
    view.setUint32(offset, DIRECTORY_ENTRY, true);
    view.setUint16(offset + 4, 20, true); // version made by
    view.setUint16(offset + 6, 20, true); // version needed
    view.setUint16(offset + 8, UTF8_NAMES, true);
    view.setUint16(offset + 10, 0, true); // stored
    view.setUint16(offset + 14, 0x21, true);
    view.setUint32(offset + 16, file.crc32, true);
    view.setUint32(offset + 20, file.data.length, true);
    view.setUint32(offset + 24, file.data.length, true);
    view.setUint16(offset + 28, name.length, true);
    view.setUint32(offset + 42, offsets[i]!, true);
    out.set(name, offset + 46);
    offset += 46 + name.length;
  });
  view.setUint32(offset, END_OF_DIRECTORY, true);
  view.setUint16(offset + 8, files.length, true);
  view.setUint16(offset + 10, files.length, true);
  view.setUint32(offset + 12, offset - directoryStart, true);
  view.setUint32(offset + 16, directoryStart, true);
  return out;
}

/** Where the end of central directory record starts, searching back from the end; -1 when there is none. */
function findEndRecord(view: DataView): number {
  const stop = Math.max(0, view.byteLength - LONGEST_END_RECORD);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}
