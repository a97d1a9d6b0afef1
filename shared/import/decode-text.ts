import { textForMessage } from '../document/message-text';
import { detectForeignText, foreignByteOrderMark } from '../document/text-encoding';

/*
 * The bytes of a CSV file as text. Spreadsheets save CSV in several encodings: Excel's "CSV UTF-8" (UTF-8 with a
 * byte order mark), plain UTF-8 from Google Sheets, LibreOffice and scripts, "Unicode Text" (UTF-16 with a mark),
 * and Excel's plain "CSV (Comma delimited)", which is the computer's legacy code page (Windows-1252 on most
 * Western machines). The first three are read. The legacy one cannot be told apart from other legacy code pages
 * by its bytes, and guessing would quietly turn "Équipe" into "Ã‰quipe" in the map: it is refused with words
 * that say how to save the file instead.
 */

/** The encodings a CSV is read in. */
export type CsvEncoding = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE';

export type DecodeResult = { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding } | { readonly ok: false; readonly message: string };

const SAVE_AS_UTF8 = 'In Excel, choose File > Save As and pick "CSV UTF-8 (Comma delimited)"; in other spreadsheets, export as CSV with the UTF-8 character set. Then import that file.';

/**
 * Decodes a CSV file: UTF-8 with or without a byte order mark, UTF-16 little or big endian with a byte order
 * mark. The mark is not part of the text. Anything else is refused with a message naming the file.
 */
export function decodeCsvBytes(fileName: string, bytes: Uint8Array): DecodeResult {
  const name = `“${textForMessage(fileName, 200)}”`;
  const mark = foreignByteOrderMark(bytes);
  if (mark === 'UTF-16 LE' || mark === 'UTF-16 BE') {
    const text = decodeUtf16(bytes.subarray(2), mark);
    if (text === null) return { ok: false, message: `${name} says it is ${mark} text, but it is damaged: some of its bytes are not valid ${mark}. ${SAVE_AS_UTF8}` };
    return { ok: true, text, encoding: mark };
  }
  if (mark !== null) return { ok: false, message: `${name} is saved as ${mark} text, which Stakemap does not import. ${SAVE_AS_UTF8}` };

  // UTF-16 or UTF-32 without a mark: mostly-ASCII text with U+0000 between the letters.
  const foreign = detectForeignText(latin1Sample(bytes));
  if (foreign !== null) return { ok: false, message: `${name} looks like ${foreign} text without a byte order mark, which Stakemap cannot read reliably. ${SAVE_AS_UTF8}` };

  try {
    // The decoder drops a leading UTF-8 byte order mark itself (ignoreBOM is false by default).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return {
      ok: false,
      message: `${name} is not UTF-8 text: it was probably saved in an older encoding such as Windows-1252 or Latin-1, and its accented letters would come out wrong. ${SAVE_AS_UTF8}`,
    };
  }
}

/**
 * UTF-16 bytes (after the mark) as text, or null when they are not valid UTF-16 (an odd number of bytes, an
 * unpaired surrogate). Big endian is swapped into little endian first: every TextDecoder knows "utf-16le",
 * while "utf-16be" needs the full ICU data some Node builds leave out.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16 LE' | 'UTF-16 BE'): string | null {
  let little = bytes;
  if (encoding === 'UTF-16 BE') {
    little = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      little[i] = bytes[i + 1]!;
      little[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) little[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(little);
  } catch {
    return null;
  }
}

/** The first bytes as one character each, which is what detectForeignText expects to look at. */
function latin1Sample(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 260));
}
