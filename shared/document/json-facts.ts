/*
 * Facts about a workspace's JSON that JSON.parse does not tell, gathered in one pass over the text and one over
 * the parsed value, both linear and iterative, because every file opened pays for them:
 * - how deep objects and lists nest (JSON.stringify, and so Save, overflows the stack at a few thousand levels);
 * - how many keys the text writes: when the parsed objects hold fewer, some object repeats a key and JSON.parse
 *   silently kept the last value (json-syntax.ts then finds which, only for such a file);
 * - whether a number parsed to Infinity (`1e999`): JSON has no Infinity, and saving would write null.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;

export interface TextFacts {
  /** Some object or list sits more than the limit given levels below the root value (the root is level 0). */
  readonly tooDeep: boolean;
  /** Where the first object or list too deep opens (an index into the text), or -1. */
  readonly tooDeepAt: number;
  /** Keys written in the text: one per colon outside strings. */
  readonly keysWritten: number;
  /** Objects and lists written in the text: one per opening bracket outside strings. */
  readonly containers: number;
}

/**
 * Reads `json` once. Brackets and colons inside strings do not count. Meant for text JSON.parse accepts; on other
 * text the counts are approximate but the scan is still linear and safe, so it can run before JSON.parse.
 */
export function scanTextFacts(json: string, nestingLimit: number): TextFacts {
  let open = 0;
  let keys = 0;
  let containers = 0;
  let tooDeepAt = -1;
  const length = json.length;
  for (let i = 0; i < length; i += 1) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(json, i);
    } else if (c === COLON) {
      keys += 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open += 1;
      containers += 1;
      // `open` counts the root too: level = open - 1.
      if (open - 1 > nestingLimit && tooDeepAt === -1) tooDeepAt = i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open -= 1;
    }
  }
  return { tooDeep: tooDeepAt !== -1, tooDeepAt, keysWritten: keys, containers };
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

export interface ValueFacts {
  /** Own keys of all objects in the value. */
  readonly keysParsed: number;
  /** Some number in the value is not finite (only `1e999`-like literals parse so). */
  readonly hasNonFinite: boolean;
}

/** Walks a parsed JSON value once, without recursion. */
export function walkValueFacts(root: unknown): ValueFacts {
  let keys = 0;
  let hasNonFinite = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) hasNonFinite = true;
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push(item);
        else if (typeof item === 'number' && !Number.isFinite(item)) hasNonFinite = true;
      }
    } else if (typeof value === 'object' && value !== null) {
      // JSON.parse makes plain objects whose keys are all own, enumerable and strings ("__proto__" included).
      for (const key in value) {
        keys += 1;
        const child: unknown = (value as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push(child);
        else if (typeof child === 'number' && !Number.isFinite(child)) hasNonFinite = true;
      }
    }
  }
  return { keysParsed: keys, hasNonFinite };
}

/** Paths of the first `limit` numbers in `root` that are not finite, in document order. */
export function nonFinitePaths(root: unknown, limit: number): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) found.push(path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    // Pushed in reverse so that they are popped (and reported) in document order.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      if (typeof child === 'number' || (typeof child === 'object' && child !== null)) stack.push({ value: child, path: [...path, key] });
    }
  }
  return found;
}
