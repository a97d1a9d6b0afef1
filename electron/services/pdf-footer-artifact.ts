/*
 * Chromium tags the page's content (every text run inside a marked-content sequence of the structure tree) but
 * draws the header and footer templates ("Page 2 of 5") as bare text, neither tagged nor an artifact, which a
 * PDF/UA checker reports on every page. Pagination is an artifact by definition (ISO 14289-1 7.8): each text
 * object drawn outside any marked-content sequence is wrapped in
 * `/Artifact <</Type /Pagination /Subtype /Footer>> BDC … EMC`. Nothing else in the stream changes.
 */

const ARTIFACT_OPEN = '/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n';
const ARTIFACT_CLOSE = '\nEMC';

/*
 * One regular expression finds, in order, what can hide an operator (literal strings with their escapes, hex
 * strings, comments, names) and the operators that matter. Run over the stream as Latin-1 text it is many times
 * faster than a loop over bytes (a 378-page report has 30 MB of content). A literal string's balanced inner
 * parentheses are allowed unescaped; up to two levels are matched (Chromium escapes them all).
 */
const TOKENS =
  /\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\))*\)|<[0-9A-Fa-f\s]*>|%[^\r\n]*|\/[^\s()<>[\]{}/%]*|(?<![^\s()<>[\]{}/%])(BDC|BMC|EMC|BT|ET)(?![^\s()<>[\]{}/%])/g;

/** Where the untagged text objects of a content stream are: [start of "BT", end of "ET") at marked-content depth 0. */
export function untaggedTextObjects(content: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let depth = 0;
  let textStart = -1;
  for (const match of content.matchAll(TOKENS)) {
    const operator = match[1];
    if (operator === undefined) continue;
    if (operator === 'BDC' || operator === 'BMC') depth++;
    else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (operator === 'BT') textStart = depth === 0 ? match.index : -1;
    else if (operator === 'ET') {
      if (textStart >= 0) found.push([textStart, match.index + 2]);
      textStart = -1;
    }
  }
  return found;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The content with each untagged text object wrapped as a pagination artifact, or null when there is none. */
export function wrapUntaggedText(content: Uint8Array): Uint8Array | null {
  const text = latin1(content);
  const spans = untaggedTextObjects(text);
  if (spans.length === 0) return null;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(from, start), ARTIFACT_OPEN, text.slice(start, end), ARTIFACT_CLOSE);
    from = end;
  }
  parts.push(text.slice(from));
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}
