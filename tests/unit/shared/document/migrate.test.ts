import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { migrateToCurrent, MIGRATIONS, type MigrationStep } from '../../../../shared/document/migrate';
import { deepFreeze } from '../test-helpers';

/*
 * The runner is tested with made-up steps, so its rules do not depend on what the real steps do. Each real step
 * has its own test with literal before/after objects (migrate-1-to-2.test.ts, migrate-2-to-3.test.ts).
 */

/** Made-up step 1 -> 2: `people` was renamed `stakeholders`. */
const renamePeople: MigrationStep = {
  name: 'rename people to stakeholders',
  from: 1,
  migrate: ({ people, ...rest }) => ({ ...rest, stakeholders: people ?? [] }),
};

/** Made-up step 2 -> 3: the viewport's `scale` became `zoom`. */
const scaleToZoom: MigrationStep = {
  name: 'viewport scale is now zoom',
  from: 2,
  migrate: (raw) => {
    const { scale, ...viewport } = (raw.viewport ?? {}) as Record<string, unknown>;
    return { ...raw, viewport: { ...viewport, zoom: scale ?? 1 } };
  },
};

describe('the project’s migrations', () => {
  it('are consecutive, start at version 1 and end at the current version', () => {
    MIGRATIONS.forEach((step, index) => expect(step.from).toBe(index + 1));
    expect(MIGRATIONS.length).toBe(CURRENT_VERSION - 1);
  });

  it('have unique names', () => {
    expect(new Set(MIGRATIONS.map((s) => s.name)).size).toBe(MIGRATIONS.length);
  });

  it('leave a current-version object as it is', () => {
    const raw = deepFreeze({ format: 'stakemap', version: CURRENT_VERSION, title: 'T' });
    expect(migrateToCurrent(raw, CURRENT_VERSION)).toEqual({ ok: true, raw, applied: [] });
  });
});

describe('migrateToCurrent with injected steps', () => {
  it('applies one step: literal before and after', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, title: 'Old', people: [{ id: 's-1', name: 'Legal' }] });
    expect(migrateToCurrent(before, 1, [renamePeople], 2)).toEqual({
      ok: true,
      raw: { format: 'stakemap', version: 2, title: 'Old', stakeholders: [{ id: 's-1', name: 'Legal' }] },
      applied: ['rename people to stakeholders'],
    });
  });

  it('applies consecutive steps in order, setting the version after each', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, people: [], viewport: { x: 5, y: 6, scale: 2 } });
    const seen: unknown[] = [];
    const spy = (step: MigrationStep): MigrationStep => ({ ...step, migrate: (raw) => (seen.push(raw.version), step.migrate(raw)) });
    // Listed out of order on purpose: steps are found by `from`, not by position.
    const result = migrateToCurrent(before, 1, [spy(scaleToZoom), spy(renamePeople)], 3);
    expect(result).toEqual({
      ok: true,
      raw: { format: 'stakemap', version: 3, stakeholders: [], viewport: { x: 5, y: 6, zoom: 2 } },
      applied: ['rename people to stakeholders', 'viewport scale is now zoom'],
    });
    expect(seen).toEqual([1, 2]);
  });

  it('starts from the file’s version, skipping steps it does not need', () => {
    const before = deepFreeze({ format: 'stakemap', version: 2, stakeholders: [], viewport: { x: 0, y: 0, scale: 0.5 } });
    expect(migrateToCurrent(before, 2, [renamePeople, scaleToZoom], 3)).toEqual({
      ok: true,
      raw: { format: 'stakemap', version: 3, stakeholders: [], viewport: { x: 0, y: 0, zoom: 0.5 } },
      applied: ['viewport scale is now zoom'],
    });
  });

  it('fails, naming the version, when a step is missing', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, people: [] });
    expect(migrateToCurrent(before, 1, [scaleToZoom], 3)).toEqual({ ok: false, missingStepFrom: 1 });
    expect(migrateToCurrent(before, 1, [renamePeople], 3)).toEqual({ ok: false, missingStepFrom: 2 });
    expect(migrateToCurrent(before, 1, [], 2)).toEqual({ ok: false, missingStepFrom: 1 });
  });

  it('sets the version itself, whatever the step returns', () => {
    const sloppy: MigrationStep = { name: 'forgets the version', from: 1, migrate: (raw) => ({ ...raw, version: 99, added: true }) };
    const result = migrateToCurrent(deepFreeze({ version: 1 }), 1, [sloppy], 2);
    expect(result).toEqual({ ok: true, raw: { version: 2, added: true }, applied: ['forgets the version'] });
  });

  it('does not modify its input (steps are given a frozen object)', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, people: [{ id: 'a' }], viewport: { x: 0, y: 0, scale: 3 } });
    const copy = structuredClone(before);
    expect(() => migrateToCurrent(before, 1, [renamePeople, scaleToZoom], 3)).not.toThrow();
    expect(before).toEqual(copy);
  });
});
