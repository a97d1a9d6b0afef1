import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemaText, JSON_SCHEMA_PATH } from '../../../scripts/generate-json-schema';
import { CURRENT_VERSION } from '../../../shared/document/format';
import { migrateToCurrent } from '../../../shared/document/migrate';
import { serializeWorkspace } from '../../../shared/document/serialize';
import { fullDocument, minimalDocument } from '../../fixtures/workspaces/build-fixtures';
import { readFixture } from '../shared/test-helpers';

/*
 * docs/stakemap.schema.json is what other tools read and write Stakemap files from. It is generated from the zod
 * schema (scripts/generate-json-schema.ts); this test fails when the shipped file is out of date, and checks with a
 * standard validator (ajv, JSON Schema 2020-12, the draft z.toJSONSchema emits) that every file Stakemap opens as
 * valid is valid against it, and that files Stakemap refuses for their shape are refused by it too.
 */

const shipped = readFileSync(new URL(`../../../${JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');
const schema = JSON.parse(shipped) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

/** A fixture as another tool would read it: JSON (no BOM), migrated in memory when it is of an older version. */
function asCurrentVersion(name: string): unknown {
  const text = readFixture(name).replace(/^\uFEFF/, '');
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (raw.version === CURRENT_VERSION) return raw;
  const migrated = migrateToCurrent(raw, raw.version as number);
  if (!migrated.ok) throw new Error(`${name} cannot be migrated`);
  return migrated.raw;
}

describe('docs/stakemap.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema`)', () => {
    expect(shipped).toBe(buildJsonSchemaText());
  });

  it('is JSON Schema 2020-12, as z.toJSONSchema emits it', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['format', 'version']);
  });

  it('accepts the bundled sample', () => {
    const sample = readFileSync(new URL('../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
    expect(errorsOf(JSON.parse(sample))).toEqual([]);
  });

  it.each(['valid-minimal.stakemap', 'valid-full.stakemap', 'with-bom.stakemap'])('accepts the current-version fixture %s as it is', (name) => {
    expect(JSON.parse(readFixture(name).replace(/^\uFEFF/, ''))).toMatchObject({ version: CURRENT_VERSION });
    expect(errorsOf(asCurrentVersion(name))).toEqual([]);
  });

  it.each([
    'v1-minimal.stakemap',
    'v1-full.stakemap',
    'unknown-properties.stakemap',
    'proto-keys.stakemap',
    'dangling-references.stakemap',
    'duplicate-keys.stakemap',
    'tangled-map.stakemap',
  ])('accepts the version 1 fixture %s once migrated', (name) => {
    expect(JSON.parse(readFixture(name).replace(/^\uFEFF/, ''))).toMatchObject({ version: 1 });
    expect(errorsOf(asCurrentVersion(name))).toEqual([]);
  });

  it.each(['v2-minimal.stakemap', 'v2-full.stakemap'])('accepts the version 2 fixture %s once migrated', (name) => {
    expect(JSON.parse(readFixture(name))).toMatchObject({ version: 2 });
    expect(errorsOf(asCurrentVersion(name))).toEqual([]);
  });

  it.each(['v3-minimal.stakemap', 'v3-full.stakemap'])('accepts the version 3 fixture %s once migrated', (name) => {
    expect(JSON.parse(readFixture(name))).toMatchObject({ version: 3 });
    expect(errorsOf(asCurrentVersion(name))).toEqual([]);
  });

  it('names itself after the format version it describes', () => {
    expect(schema.$id).toBe('https://stakemap.app/schema/stakemap-4.schema.json');
    expect(schema.title).toBe('Stakemap workspace, format version 4');
  });

  it('accepts what serializeWorkspace writes', () => {
    expect(errorsOf(JSON.parse(serializeWorkspace(fullDocument())))).toEqual([]);
    expect(errorsOf(JSON.parse(serializeWorkspace(minimalDocument())))).toEqual([]);
  });

  it('refuses what Stakemap refuses for its shape: a version 1 quote, an impossible date, a version 5 file, a bad budget, a bad other side, a bad snapshot', () => {
    const full = JSON.parse(serializeWorkspace(fullDocument())) as {
      version: number;
      relationships: Array<{ otherSide: unknown }>;
      snapshots: Array<Record<string, unknown> & { state?: Record<string, unknown> & { stakeholders?: Array<Record<string, unknown>> } }>;
      painPoints: Array<{ quotes: unknown[] }>;
      solutions: Array<{ dueDate: unknown }>;
      voting: { budget: unknown };
    };
    const changed = (change: (doc: typeof full) => void) => {
      const copy = structuredClone(full);
      change(copy);
      return copy;
    };
    expect(errorsOf(changed((d) => (d.painPoints[0]!.quotes[0] = 'a plain string')))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.solutions[0]!.dueDate = '2027-02-30')))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.version = 5)))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.version = 3)))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.voting.budget = 0)))).not.toEqual([]);
    expect(errorsOf({ format: 'stakemap', version: CURRENT_VERSION })).toEqual([]);
    expect(errorsOf({ format: 'stakemap', version: CURRENT_VERSION, stakeholders: [{ name: 'No id', kind: 'team', position: { x: 0, y: 0 } }] })).not.toEqual([]);
    // The other side's view: a status from the list is required, notes are text; null means not recorded.
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = null)))).toEqual([]);
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = { status: 'healthy', 'x-asked': '2027-01-10' })))).toEqual([]);
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = { status: 'fine', notes: '' })))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = { notes: 'no status' })))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = { status: 'healthy', notes: 3 })))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.relationships[0]!.otherSide = 'strained')))).not.toEqual([]);
    // Snapshots: an id, a name, a date and time and a state are required; the state's lists default, its records
    // are checked as the map's; references inside it may point nowhere.
    expect(full.snapshots).toHaveLength(1);
    expect(errorsOf(changed((d) => (d.snapshots = [])))).toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!.state = { 'x-tool': true })))).toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!.state!.stakeholders = [])))).toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!['x-by'] = 'P3')))).toEqual([]);
    expect(errorsOf(changed((d) => delete d.snapshots[0]!.takenAt))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!.takenAt = '2026-11-22')))).not.toEqual([]);
    expect(errorsOf(changed((d) => delete d.snapshots[0]!.state))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!.id = '')))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots[0]!.state!.stakeholders![0]!.kind = 'dept')))).not.toEqual([]);
    expect(errorsOf(changed((d) => (d.snapshots = { 'snap-1': {} } as never)))).not.toEqual([]);
  });
});
