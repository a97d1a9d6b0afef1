import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { KeyValueStore } from '../../../electron/services/key-value-store';

/** A settings store in memory, with the same contract as the electron-store one. */
export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    // A copy, as a store on disk would return: callers must not be able to mutate stored state.
    const value = this.values.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }
}

/** Creates a temporary folder that is removed after the test. */
export async function makeTempDir(prefix = 'stakemap-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
