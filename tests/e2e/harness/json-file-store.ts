import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from '../../../electron/services/key-value-store';

/**
 * The harness's settings store: `<userData>/config.json`, the same file name and flat JSON layout electron-store
 * uses, read when created and written on every change. A restart creates a new instance on the same file, as a
 * relaunched app would.
 */
export class JsonFileStore implements KeyValueStore {
  private values: Record<string, unknown>;

  constructor(readonly filePath: string) {
    this.values = readJsonObject(filePath);
  }

  get(key: string): unknown {
    const value = this.values[key];
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.values = { ...this.values, [key]: structuredClone(value) };
    mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.values, null, '\t')}\n`);
    renameSync(temp, this.filePath);
  }
}

function readJsonObject(filePath: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    // Missing or damaged: start empty, as electron-store does with clearInvalidConfig.
    return {};
  }
}
