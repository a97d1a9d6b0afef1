import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../fixtures/workspaces/build-fixtures';
import { parseWorkspace, type LoadError } from '../../../shared/document/parse';
import type { WorkspaceDocument } from '../../../shared/document/schema';

export { FIXTURES_DIR };

/** Absolute path of a file in tests/fixtures/workspaces. */
export const fixturePath = (name: string): string => join(FIXTURES_DIR, name);

/** The text of a fixture, decoded as UTF-8 the way the app reads files (a BOM is kept, parse strips it). */
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/**
 * Freezes an object graph so that any attempt by the code under test to mutate its input throws (test files
 * are ES modules, so strict mode turns a write to a frozen object into a TypeError). Returns the same object.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Parses a fixture that must open; fails the test with the load error otherwise. */
export function openFixture(name: string): { document: WorkspaceDocument; result: Extract<ReturnType<typeof parseWorkspace>, { ok: true }> } {
  const result = parseWorkspace(readFixture(name));
  if (!result.ok) throw new Error(`${name} did not open: ${JSON.stringify(result.error)}`);
  return { document: result.document, result };
}

/** Parses a fixture that must fail; fails the test if it opens. */
export function loadErrorOf(name: string): LoadError {
  const result = parseWorkspace(readFixture(name));
  if (result.ok) throw new Error(`${name} opened, but a load error was expected`);
  return result.error;
}

/** A deep copy with the keys of every object in reverse order (to prove output does not depend on key order). */
export function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]),
  ) as T;
}
