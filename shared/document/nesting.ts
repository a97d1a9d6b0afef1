/*
 * The nesting limit of workspace files. JSON.parse accepts any depth, but JSON.stringify (and so Save) overflows
 * the stack at a few thousand levels, so a file nested too deep would open and then never save.
 *
 * Every file opened is checked, so the common case reads the text once in a single loop (which V8 optimizes
 * while it runs) instead of walking tens of thousands of parsed objects; only a file that is too deep pays for
 * the tree walk that finds where.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when some object or list in `json` (text that JSON.parse accepted) sits more than `limit` levels below
 * the root value (the root is level 0). Brackets inside strings do not count.
 */
export function nestingExceeds(json: string, limit: number): boolean {
  let open = 0;
  const length = json.length;
  for (let i = 0; i < length; i += 1) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(json, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open += 1;
      // `open` counts the root too: level = open - 1.
      if (open - 1 > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open -= 1;
    }
  }
  return false;
}

/** The index of the quote that closes the string opening at `start` (the text is valid JSON). */
function closingQuote(json: string, start: number): number {
  let end = json.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    for (let j = end - 1; json.charCodeAt(j) === BACKSLASH; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = json.indexOf('"', end + 1);
  }
  return json.length;
}

/** Where a value nested more than `limit` levels deep is in `root`, or null. Iterative, so any depth is safe. */
export function pathTooDeep(root: unknown, limit: number): PropertyKey[] | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > limit) return path;
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
