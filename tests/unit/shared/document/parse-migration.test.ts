import { describe, expect, it, vi } from 'vitest';
import type { MigrationStep } from '../../../../shared/document/migrate';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';

/*
 * How parseWorkspace runs migrations, with made-up steps injected so the rules do not depend on the real ones
 * (migrate-1-to-2.test.ts and migrate-2-to-3.test.ts test the real steps). The mock pins CURRENT_VERSION to 2, for
 * this file only.
 */
vi.mock('../../../../shared/document/format', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../shared/document/format')>()),
  CURRENT_VERSION: 2,
}));

const v1 = JSON.stringify({
  format: 'stakemap',
  version: 1,
  title: 'Written by version 1',
  people: [{ id: 's-1', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } }],
});

const renamePeople: MigrationStep = {
  name: 'rename people to stakeholders',
  from: 1,
  migrate: ({ people, ...rest }) => ({ ...rest, stakeholders: people ?? [] }),
};

describe('parseWorkspace migrating an older file (as a build that writes version 2)', () => {
  it('migrates in memory, reports the version it came from, and saves in the current version', () => {
    const result = parseWorkspace(v1, [renamePeople]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.document.version).toBe(2);
    expect(result.document.stakeholders.map((s) => s.name)).toEqual(['Legal']);
    expect(result.document).not.toHaveProperty('people');
    expect(JSON.parse(serializeWorkspace(result.document))).toMatchObject({ version: 2 });
  });

  it('reports migratedFrom null for a current-version file', () => {
    const result = parseWorkspace(JSON.stringify({ format: 'stakemap', version: 2 }), [renamePeople]);
    expect(result.ok && result.migratedFrom).toBeNull();
  });

  it('turns a missing step into an invalid file error, not a crash', () => {
    expect(parseWorkspace(v1, [])).toEqual({
      ok: false,
      error: { kind: 'invalid', problems: [{ path: 'version', message: 'this build cannot migrate version 1 files' }], totalProblems: 1 },
    });
  });

  it('turns a step that throws on an odd file into an invalid file error, not a crash', () => {
    const fragile: MigrationStep = {
      name: 'expects people to be a list',
      from: 1,
      migrate: (raw) => ({ ...raw, stakeholders: (raw.people as unknown[]).map((p) => p) }),
    };
    const odd = JSON.stringify({ format: 'stakemap', version: 1 });
    const result = parseWorkspace(odd, [fragile]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid');
      expect(result.error.kind === 'invalid' && result.error.problems[0]?.message).toMatch(/^this version 1 file could not be migrated \(.+\)$/);
    }
  });

  it('validates the migrated object, so a step cannot let bad data in', () => {
    const bad: MigrationStep = { name: 'breaks kinds', from: 1, migrate: (raw) => ({ ...raw, stakeholders: [{ id: 's', name: 'A', kind: 'dept', position: { x: 0, y: 0 } }] }) };
    const result = parseWorkspace(v1, [bad]);
    expect(result.ok ? null : result.error.kind).toBe('invalid');
  });

  it('refuses a version newer than the current one, naming both', () => {
    expect(parseWorkspace(JSON.stringify({ format: 'stakemap', version: 3 }), [renamePeople])).toEqual({
      ok: false,
      error: { kind: 'versionTooNew', fileVersion: 3, supportedVersion: 2 },
    });
  });
});
