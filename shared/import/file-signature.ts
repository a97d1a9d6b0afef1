import { detectForeignText, foreignByteOrderMark } from '../document/text-encoding';

/*
 * What kind of file the bytes are, from their first bytes rather than the file's name: a workbook renamed to
 * .csv, or a CSV saved with an .xlsx name, still reads, and a picture or a PDF picked by mistake gets a message
 * that says what it is instead of a page of garbled rows.
 */

export type FileKind =
  /** A zip archive: an .xlsx workbook if it holds the workbook's parts (read-xlsx.ts checks). */
  | { readonly kind: 'zip' }
  /** Text, to be decoded and read as CSV. */
  | { readonly kind: 'text' }
  /** A file Stakemap does not import; `what` names it for a sentence ("a PNG image"), `advice` says what to do. */
  | { readonly kind: 'unsupported'; readonly what: string; readonly advice: string };

const SAVE_AS = 'Stakemap imports Excel workbooks (.xlsx) and CSV files.';

/** File types recognised by their leading bytes, with how to name them. */
const SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly what: string; readonly advice: string }> = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97–2003 workbook (.xls) or a password-protected workbook',
    advice: `${SAVE_AS} Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".`,
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', advice: SAVE_AS },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', advice: SAVE_AS },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', advice: SAVE_AS },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', advice: SAVE_AS },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file', advice: `${SAVE_AS} Uncompress it first.` },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive', advice: `${SAVE_AS} Extract the spreadsheet first.` },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive', advice: `${SAVE_AS} Extract the spreadsheet first.` },
];

/** How many leading bytes are looked at to tell text from binary. */
const SAMPLE_BYTES = 8192;

/** Recognises the kind of file from its bytes. */
export function recogniseFile(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // An OpenDocument file starts with an uncompressed "mimetype" entry naming its type.
    if (asciiOf(bytes.subarray(0, 120)).includes('opendocument.spreadsheet')) {
      return {
        kind: 'unsupported',
        what: 'an OpenDocument spreadsheet (.ods)',
        advice: `${SAVE_AS} Save it as "Excel 2007-365 (.xlsx)" or as CSV with the UTF-8 character set.`,
      };
    }
    return { kind: 'zip' };
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return { kind: 'unsupported', what: signature.what, advice: signature.advice };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // UTF-16 and UTF-32 text is full of zero bytes but is text: decode-text.ts reads or words that case.
  if (foreignByteOrderMark(bytes) !== null) return { kind: 'text' };
  if (detectForeignText(String.fromCharCode(...sample.subarray(0, 260))) !== null) return { kind: 'text' };
  if (looksBinary(sample)) return { kind: 'unsupported', what: 'not a spreadsheet (it holds binary data, not text)', advice: SAVE_AS };
  if (looksLikeMarkup(sample)) {
    return {
      kind: 'unsupported',
      what: 'a web page or XML file, not a CSV file',
      advice: `${SAVE_AS} Open it in your spreadsheet and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".`,
    };
  }
  return { kind: 'text' };
}

/**
 * Binary data: a zero byte, or more than 1 in 100 bytes a control character that text does not use (anything
 * below a space other than tab, line feed, form feed and carriage return, and DEL). Text in any encoding this
 * could still be (UTF-8, a legacy code page) has neither.
 */
function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls > sample.length / 100;
}

/** HTML or XML, as web apps' "Export to Excel" often is: it starts with `<` (after a byte order mark or spaces). */
function looksLikeMarkup(sample: Uint8Array): boolean {
  const start = asciiOf(sample.subarray(0, 64)).replace(/^(?:\u00ef\u00bb\u00bf)?\s*/, '');
  return /^<(?:\?xml|!doctype|html|table|head|body)\b/i.test(start);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function asciiOf(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
