/*
 * The nesting limit of workspace files. JSON.parse accepts any depth, but JSON.stringify (and so Save) overflows
 * the stack at a few thousand levels, so a file nested too deep would open and then never save.
 *
 * Every file opened is checked, so the common case reads the text once in a single loop (which V8 optimizes
 * while it runs) instead of walking tens of thousands of parsed objects; only a file that is too deep pays for
 * the tree walk that finds where.
 */

import { scanTextFacts } from './json-facts';

/**
 * True when some object or list in `json` (text that JSON.parse accepted) sits more than `limit` levels below
 * the root value (the root is level 0). Brackets inside strings do not count. parse.ts reads this, with the
 * other facts of the text, from one scanTextFacts pass.
 */
export function nestingExceeds(json: string, limit: number): boolean {
  return scanTextFacts(json, limit).tooDeep;
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
