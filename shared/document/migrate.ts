import { CURRENT_VERSION } from './format';

/**
 * One named step that turns a raw (unvalidated) workspace object of version `from` into version `from + 1`.
 * Steps are consecutive and pure; each gets a test with literal before/after objects.
 */
export interface MigrationStep {
  readonly name: string;
  readonly from: number;
  readonly migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The project's migrations, oldest first. Version 1 is the first public version, so there is nothing to
 * migrate yet; the next format change adds `{ name: '...', from: 1, migrate }` here and bumps CURRENT_VERSION.
 */
export const MIGRATIONS: readonly MigrationStep[] = [];

export type MigrationResult =
  | { ok: true; raw: Record<string, unknown>; applied: string[] }
  | { ok: false; missingStepFrom: number };

/**
 * Brings a raw workspace object from `fromVersion` up to `targetVersion` by applying consecutive steps.
 * The input is not modified. Fails if a step is missing (which would be a bug in this build, not the file).
 */
export function migrateToCurrent(
  raw: Record<string, unknown>,
  fromVersion: number,
  steps: readonly MigrationStep[] = MIGRATIONS,
  targetVersion: number = CURRENT_VERSION,
): MigrationResult {
  let current = raw;
  const applied: string[] = [];
  for (let version = fromVersion; version < targetVersion; version++) {
    const step = steps.find((s) => s.from === version);
    if (!step) return { ok: false, missingStepFrom: version };
    current = { ...step.migrate(current), version: version + 1 };
    applied.push(step.name);
  }
  return { ok: true, raw: current, applied };
}
