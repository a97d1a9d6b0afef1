import { quoteForMessage } from './message-text';

/*
 * Where JSON text goes wrong, and which keys an object repeats. JSON.parse says neither reliably: V8 names a
 * position for some errors and only quotes a snippet for others ("Unexpected token '}', "{"a":}" is not valid
 * JSON"), and it keeps the last of two equal keys without a word. Both scanners here are iterative (a list
 * as the stack), so no nesting depth can overflow the call stack, and linear in the length of the text.
 * They run only when they are needed: the syntax scan after JSON.parse has failed, the key scan when a cheap
 * count says some object lost keys while parsing (see text-facts.ts).
 */

/** The first syntax error in a text, located for people. */
export interface JsonSyntaxError {
  /** Index of the offending character in the text (the text's length when it ended too early). */
  readonly offset: number;
  /** 1-based line and column of `offset` (columns count UTF-16 code units, as editors mostly do). */
  readonly line: number;
  readonly column: number;
  /** What was wrong, e.g. `expected "," or "}" after a property value, found "]"`. */
  readonly problem: string;
  /** True when the text ended before the JSON value was complete: the file looks cut short. */
  readonly endedEarly: boolean;
}

/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- Char's members are character codes, compared with
   charCodeAt() results on purpose (a const enum is inlined when built). */
const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  UpperE = 0x45,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  LowerE = 0x65,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

const isWhitespace = (c: number) => c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;
const isDigit = (c: number) => c >= Char.Zero && c <= Char.Nine;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** After a backslash in a string: " \ / b f n r t u. */
const isEscapeLetter = (c: number) =>
  c === Char.Quote || c === Char.Backslash || c === Char.Slash || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74 || c === 0x75;

/** What the scanner expects next. */
const enum Expect {
  /** A value: object, list, string, number, true, false or null. */
  Value,
  /** A value or `]` (just after `[`). */
  ValueOrEnd,
  /** A property name or `}` (just after `{`). */
  KeyOrEnd,
  /** A property name (after a comma in an object). */
  Key,
  /** `:` after a property name. */
  Colon,
  /** `,` or the container's closing bracket, or the end of the text at the top level. */
  AfterValue,
}

/** Thrown inside the scanner at the first problem, caught by findJsonSyntaxError. */
class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The character at `offset` for a message: `"}"`, `the end of the text`, or an escape for a control character. */
function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text';
  const code = text.codePointAt(offset)!;
  return quoteForMessage(String.fromCodePoint(code));
}

/** Index just past the string whose opening quote is at `start`; throws Stop at the first problem in it. */
function skipString(text: string, start: number): number {
  const length = text.length;
  let i = start + 1;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === Char.Quote) return i + 1;
    if (c === Char.Backslash) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= length) throw new Stop(length, 'a text value (string) is not closed');
      if (!isEscapeLetter(next)) throw new Stop(i, `a backslash before ${found(text, i + 1)} is not a valid escape in a text value (string)`);
      if (next === 0x75) {
        for (let k = 2; k < 6; k++) {
          if (i + k >= length) throw new Stop(length, 'a text value (string) is not closed');
          if (!isHex(text.charCodeAt(i + k))) throw new Stop(i, 'a \\u escape in a text value (string) needs four hexadecimal digits');
        }
        i += 6;
      } else {
        i += 2;
      }
      continue;
    }
    if (c < 0x20) throw new Stop(i, `a control character (${found(text, i)}) in a text value (string) must be written as an escape`);
    i++;
  }
  throw new Stop(length, 'a text value (string) is not closed');
}

/** Index just past the number starting at `start` (a minus sign or a digit); throws Stop if it is malformed. */
function skipNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === Char.Minus) i++;
  const digitsStart = i;
  if (text.charCodeAt(i) === Char.Zero) i++;
  else while (isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart) throw new Stop(i, `expected a digit in a number, found ${found(text, i)}`);
  if (text.charCodeAt(i) === Char.Dot) {
    i++;
    const fraction = i;
    while (isDigit(text.charCodeAt(i))) i++;
    if (i === fraction) throw new Stop(i, `expected a digit after the decimal point, found ${found(text, i)}`);
  }
  const e = text.charCodeAt(i);
  if (e === Char.LowerE || e === Char.UpperE) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === Char.Plus || sign === Char.Minus) i++;
    const exponent = i;
    while (isDigit(text.charCodeAt(i))) i++;
    if (i === exponent) throw new Stop(i, `expected a digit in the exponent of a number, found ${found(text, i)}`);
  }
  return i;
}

function skipLiteral(text: string, start: number, word: 'true' | 'false' | 'null'): number {
  for (let k = 0; k < word.length; k++) {
    if (start + k >= text.length) throw new Stop(text.length, `the word ${word} is cut short`);
    if (text.charCodeAt(start + k) !== word.charCodeAt(k)) throw new Stop(start, `expected a value, found ${found(text, start)}`);
  }
  return start + word.length;
}

function expectedAfterValue(container: number | undefined): string {
  if (container === Char.OpenBrace) return 'expected "," or "}" after a property value';
  if (container === Char.OpenBracket) return 'expected "," or "]" after a list item';
  return 'expected nothing more after the end of the JSON value';
}

/** Walks the text as JSON; throws Stop at the first syntax error. */
function scan(text: string): void {
  const stack: number[] = [];
  const length = text.length;
  let expect: Expect = Expect.Value;
  let i = 0;
  // A byte order mark is not JSON, but it is allowed before a text file's content and parse.ts strips it.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    while (i < length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= length) {
      if (expect === Expect.AfterValue && stack.length === 0) return;
      throw new Stop(length, 'the text ends before the JSON is complete');
    }
    const c = text.charCodeAt(i);
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrEnd:
        if (c === Char.CloseBracket && expect === Expect.ValueOrEnd) {
          stack.pop();
          i++;
          expect = Expect.AfterValue;
        } else if (c === Char.OpenBrace) {
          stack.push(c);
          i++;
          expect = Expect.KeyOrEnd;
        } else if (c === Char.OpenBracket) {
          stack.push(c);
          i++;
          expect = Expect.ValueOrEnd;
        } else if (c === Char.Quote) {
          i = skipString(text, i);
          expect = Expect.AfterValue;
        } else if (c === Char.Minus || isDigit(c)) {
          i = skipNumber(text, i);
          expect = Expect.AfterValue;
        } else if (c === 0x74) {
          i = skipLiteral(text, i, 'true');
          expect = Expect.AfterValue;
        } else if (c === 0x66) {
          i = skipLiteral(text, i, 'false');
          expect = Expect.AfterValue;
        } else if (c === 0x6e) {
          i = skipLiteral(text, i, 'null');
          expect = Expect.AfterValue;
        } else {
          throw new Stop(i, `expected a value, found ${found(text, i)}`);
        }
        break;
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (c === Char.CloseBrace && expect === Expect.KeyOrEnd) {
          stack.pop();
          i++;
          expect = Expect.AfterValue;
        } else if (c === Char.Quote) {
          i = skipString(text, i);
          expect = Expect.Colon;
        } else {
          throw new Stop(i, `expected a property name in double quotes, found ${found(text, i)}`);
        }
        break;
      case Expect.Colon:
        if (c !== Char.Colon) throw new Stop(i, `expected ":" after a property name, found ${found(text, i)}`);
        i++;
        expect = Expect.Value;
        break;
      case Expect.AfterValue: {
        const container = stack.at(-1);
        if (c === Char.Comma && container !== undefined) {
          i++;
          expect = container === Char.OpenBrace ? Expect.Key : Expect.Value;
        } else if ((c === Char.CloseBrace && container === Char.OpenBrace) || (c === Char.CloseBracket && container === Char.OpenBracket)) {
          stack.pop();
          i++;
        } else {
          throw new Stop(i, `${expectedAfterValue(container)}, found ${found(text, i)}`);
        }
        break;
      }
    }
  }
}

/** 1-based line and column of `offset`: lines end at LF (so CRLF files count right too). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first syntax error in `text` with its line and column, or null when the text is valid JSON (as JSON.parse
 * would accept it, a leading byte order mark aside).
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return { offset: error.offset, line, column, problem: error.problem, endedEarly: error.offset >= text.length };
  }
}

/** A key that appears more than once in one object. JSON.parse keeps the last value. */
export interface DuplicateKey {
  /** Where the object is: keys and list indexes from the root. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** How many times the key appears in that object (2 or more). */
  readonly occurrences: number;
}

interface Frame {
  readonly isObject: boolean;
  /** Path of this container from the root. */
  readonly path: readonly (string | number)[];
  /** Keys seen so far in an object, with how many times. */
  readonly keys: Map<string, number> | null;
  /** The key or index of the value being read in this container. */
  member: string | number;
}

/**
 * Every key that appears more than once in the same object of `text` (valid JSON), with the object's path, in the
 * order their second occurrence appears. Keys are compared as JSON.parse reads them ("a" and "\u0061" are one key).
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: Frame[] = [];
  const order: Array<{ frame: Frame; key: string }> = [];
  let expectKey = false;
  const length = json.length;
  const childPath = () => {
    const top = stack.at(-1);
    return top ? [...top.path, top.member] : [];
  };
  for (let i = 0; i < length; i++) {
    const c = json.charCodeAt(i);
    if (c === Char.Quote) {
      const end = skipString(json, i);
      if (expectKey) {
        const top = stack.at(-1)!;
        const key = JSON.parse(json.slice(i, end)) as string;
        const seen = top.keys!.get(key) ?? 0;
        top.keys!.set(key, seen + 1);
        if (seen === 1) order.push({ frame: top, key });
        top.member = key;
        expectKey = false;
      }
      i = end - 1;
    } else if (c === Char.OpenBrace) {
      stack.push({ isObject: true, path: childPath(), keys: new Map(), member: '' });
      expectKey = true;
    } else if (c === Char.OpenBracket) {
      stack.push({ isObject: false, path: childPath(), keys: null, member: 0 });
    } else if (c === Char.CloseBrace || c === Char.CloseBracket) {
      stack.pop();
      expectKey = false;
    } else if (c === Char.Comma) {
      const top = stack.at(-1);
      if (top?.isObject) expectKey = true;
      else if (top) top.member = (top.member as number) + 1;
    }
  }
  return order.map(({ frame, key }) => ({ path: frame.path, key, occurrences: frame.keys!.get(key)! }));
}
