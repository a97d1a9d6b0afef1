/*
 * Text taken from a file and put into a message for people (an id, a name, a value, a key). A hostile or damaged
 * file may hold control characters (U+0000–U+001F, U+007F, the C1 range U+0080–U+009F), invisible format
 * characters, or bidirectional overrides (U+202E turns the rest of a line around): echoed raw they garble the
 * message, or make it say something the file did not. They are shown as \uXXXX escapes instead, so the user sees
 * exactly what the file holds.
 */

// Control characters, C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and
// directional marks, line/paragraph separators, bidi embeddings/overrides/isolates, word joiner and invisible
// operators, byte order mark, interlinear annotation controls, and lone (unpaired) surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeOne = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control, invisible or direction-changing character written as a `\uXXXX` escape. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** True when `text` holds a character that escapeControlCharacters would escape. */
export function hasControlCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * Text from a file for a message, in straight double quotes as JSON writes it (so `"a\"b"` and an empty `""` read
 * unambiguously), with control characters escaped, and cut to `maxLength` characters with an ellipsis.
 */
export function quoteForMessage(text: string, maxLength = 40): string {
  const shortened = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  // JSON.stringify escapes U+0000–U+001F, quotes, backslashes and lone surrogates; the rest is escaped here.
  return escapeControlCharacters(JSON.stringify(shortened));
}

/** Text from a file shown between typographic quotes (“…”): escaped and shortened, without JSON quoting. */
export function textForMessage(text: string, maxLength = 80): string {
  return escapeControlCharacters(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}
