import { crc32, deflateSync } from 'node:zlib';

/*
 * A real, tiny PNG built byte by byte for the tests: signature, IHDR, IDAT (zlib), IEND, with correct CRCs
 * computed by Node's zlib (independent of the CRC-32 under test).
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(data.length + 12);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return new Uint8Array(out);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** A `width` x `height` RGB image, all one colour, plus any extra chunks placed before IDAT. */
export function makePng(options: { width?: number; height?: number; extraChunks?: Uint8Array[] } = {}): Uint8Array {
  const { width = 3, height = 2, extraChunks = [] } = options;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods: 0
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)]); // filter byte 0, then pixels
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return concat(
    new Uint8Array(SIGNATURE),
    chunk('IHDR', ihdr),
    ...extraChunks,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  );
}

/** The chunk types of a PNG, in order (assumes a well-formed file). */
export function chunkTypes(png: Uint8Array): string[] {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    types.push(buffer.toString('latin1', offset + 4, offset + 8));
    offset += length + 12;
  }
  return types;
}

/** A tEXt chunk (Latin-1 keyword and text), as other tools write. */
export function textChunk(keyword: string, text: string): Uint8Array {
  return chunk('tEXt', new Uint8Array(Buffer.from(`${keyword}\u0000${text}`, 'latin1')));
}

/** An iTXt chunk with any header bytes, for malformed-chunk cases. */
export function itxtChunk(keyword: string, text: string, options: { compressed?: boolean; language?: string } = {}): Uint8Array {
  const header = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, options.compressed ? 1 : 0, 0]),
    Buffer.from(options.language ?? '', 'latin1'),
    Buffer.from([0]),
    Buffer.from([0]),
  ]);
  return chunk('iTXt', new Uint8Array(Buffer.concat([header, Buffer.from(text, 'utf8')])));
}
