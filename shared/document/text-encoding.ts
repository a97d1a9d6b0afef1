/*
 * Workspace files are UTF-8 (with or without a byte order mark). Windows editors offer "Unicode" (UTF-16) too,
 * and a file saved that way must be refused with words that say how to fix it, not "not JSON". Main reads files
 * with a strict UTF-8 decoder: a UTF-16 file with a byte order mark fails there (its first byte, 0xFF or 0xFE, is
 * never valid UTF-8), and one without a mark whose text is plain ASCII decodes "successfully" into text where
 * every other character is U+0000. Both cases are recognised here: from the bytes, and from the text.
 */

/** Text encodings a workspace is sometimes saved in by mistake, named as text editors name them. */
export type ForeignEncoding = 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE';

/** The encoding announced by a byte order mark at the start of `bytes`, or null (none, or UTF-8's). */
export function foreignByteOrderMark(bytes: Uint8Array): ForeignEncoding | null {
  const [b0, b1, b2, b3] = bytes;
  // UTF-32 LE's mark starts with UTF-16 LE's, so it is checked first.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'UTF-32 LE';
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 BE';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 BE';
  return null;
}

/** How many leading characters the UTF-16 check looks at: enough to be sure, cheap for a 100 MB text. */
const SAMPLE_LENGTH = 256;

/**
 * Recognises UTF-16 text that was decoded as if it were UTF-8 (one character per byte): U+0000 at every odd
 * position (little endian) or every even one (big endian), after any byte order mark, whether it became U+FEFF,
 * U+FFFE or two replacement characters (U+FFFD) on the way. Returns null for anything else, including ordinary
 * text that happens to contain a U+0000 or two.
 */
export function detectUtf16Text(text: string): 'UTF-16 LE' | 'UTF-16 BE' | null {
  const sample = sampleAfterMark(text);
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  let nulAtEven = 0;
  let nulAtOdd = 0;
  for (let i = 0; i < pairs * 2; i++) {
    if (sample.charCodeAt(i) !== 0) continue;
    if (i % 2 === 0) nulAtEven++;
    else nulAtOdd++;
  }
  // Nearly every other character, and (nearly) never the ones in between: a text editor's UTF-16 of mostly ASCII.
  const mostly = (count: number) => count >= Math.ceil(pairs * 0.75);
  const rarely = (count: number) => count <= Math.floor(pairs * 0.1);
  if (mostly(nulAtOdd) && rarely(nulAtEven)) return 'UTF-16 LE';
  if (mostly(nulAtEven) && rarely(nulAtOdd)) return 'UTF-16 BE';
  return null;
}

/** The first SAMPLE_LENGTH characters of `text` after what is left of a byte order mark (at most 4 characters). */
function sampleAfterMark(text: string): string {
  let start = 0;
  while (start < 4 && start < text.length && isMarkRemnant(text.charCodeAt(start))) start++;
  return text.slice(start, start + SAMPLE_LENGTH);
}

function isMarkRemnant(code: number): boolean {
  return code === 0xfeff || code === 0xfffe || code === 0xfffd;
}

/** The sentence main shows for a file in a foreign encoding (the renderer words the text case in describe-load). */
export function foreignEncodingReason(encoding: ForeignEncoding): string {
  return `The file is saved as ${encoding} text; Stakemap reads workspaces in UTF-8 only. Open it in a text editor, save it as UTF-8, then open it again.`;
}

/**
 * Recognises UTF-32 text decoded as if it were UTF-8: each ASCII character followed (little endian) or preceded
 * (big endian) by three U+0000. Checked before UTF-16, whose test it would otherwise half pass. Null for
 * anything else.
 */
export function detectUtf32Text(text: string): 'UTF-32 LE' | 'UTF-32 BE' | null {
  const sample = sampleAfterMark(text);
  const quads = Math.floor(sample.length / 4);
  if (quads === 0) return null;
  // nulAt[k]: how many of the quads have U+0000 at position k.
  const nulAt = [0, 0, 0, 0];
  for (let i = 0; i < quads * 4; i++) if (sample.charCodeAt(i) === 0) nulAt[i % 4]!++;
  const mostly = (count: number) => count >= Math.ceil(quads * 0.75);
  const rarely = (count: number) => count <= Math.floor(quads * 0.1);
  const [n0, n1, n2, n3] = nulAt as [number, number, number, number];
  if (rarely(n0) && mostly(n1) && mostly(n2) && mostly(n3)) return 'UTF-32 LE';
  if (mostly(n0) && mostly(n1) && mostly(n2) && rarely(n3)) return 'UTF-32 BE';
  return null;
}

/** UTF-32 or UTF-16 text decoded as UTF-8 (see detectUtf32Text and detectUtf16Text), or null. */
export function detectForeignText(text: string): ForeignEncoding | null {
  return detectUtf32Text(text) ?? detectUtf16Text(text);
}
