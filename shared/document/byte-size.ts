import { MAX_WORKSPACE_BYTES } from './format';

/**
 * The number of bytes `text` takes in UTF-8, without encoding it (a 100 MB save would otherwise allocate another
 * 100 MB just to be measured). A lone surrogate counts 3 bytes, as TextEncoder writes it (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * How many bytes a workspace text is over the limit a workspace file may have, or 0 when it fits. Checked before
 * saving: a larger file would be written and then refused when opened. Text of at most a third of the limit in
 * characters always fits (no character takes more than 3 bytes per UTF-16 unit), so it is not measured.
 */
export function bytesOverWorkspaceLimit(text: string, limit = MAX_WORKSPACE_BYTES): number {
  if (text.length * 3 <= limit) return 0;
  return Math.max(0, utf8ByteLength(text) - limit);
}
