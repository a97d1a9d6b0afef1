import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, RELATIONSHIP_STATUSES, SOLUTION_STATUSES, STAKEHOLDER_KINDS } from '../../../../shared/document/format';
import { describeValue, formatPath, parseWorkspace, type LoadError } from '../../../../shared/document/parse';
import { fastValidate } from '../../../../shared/document/fast-validate';
import { migrateToCurrent } from '../../../../shared/document/migrate';
import { workspaceSchema } from '../../../../shared/document/schema';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { bomDocument, fullDocument, minimalDocument } from '../../../fixtures/workspaces/build-fixtures';
import { deepFreeze, loadErrorOf, openFixture, readFixture } from '../test-helpers';

/** Narrows a load error to one kind, failing the test if it is another. */
function expectKind<K extends LoadError['kind']>(error: LoadError, kind: K): Extract<LoadError, { kind: K }> {
  expect(error.kind).toBe(kind);
  return error as Extract<LoadError, { kind: K }>;
}

const parseOk = (text: string) => {
  const result = parseWorkspace(text);
  if (!result.ok) throw new Error(`expected the text to open: ${JSON.stringify(result.error)}`);
  return result;
};

const workspace = (extra: Record<string, unknown>): string => JSON.stringify({ format: 'stakemap', version: 1, ...extra });

describe('parseWorkspace: files that open', () => {
  it('opens valid-minimal.stakemap as the document it was written from', () => {
    const { document, result } = openFixture('valid-minimal.stakemap');
    expect(document).toEqual(minimalDocument());
    expect(result.danglingReferences).toEqual([]);
    expect(result.migratedFrom).toBeNull();
  });

  it('opens valid-full.stakemap as the document it was written from, using every kind and status', () => {
    const { document, result } = openFixture('valid-full.stakemap');
    expect(document).toEqual(fullDocument());
    expect(result.danglingReferences).toEqual([]);
    expect(new Set(document.stakeholders.map((s) => s.kind))).toEqual(new Set(STAKEHOLDER_KINDS));
    expect(new Set(document.relationships.map((r) => r.status))).toEqual(new Set(RELATIONSHIP_STATUSES));
    expect(new Set(document.solutions.map((s) => s.status))).toEqual(new Set(SOLUTION_STATUSES));
    expect(document.painPoints.some((p) => p.attachedTo.length === 0)).toBe(true);
    expect(document.painPoints.some((p) => p.attachedTo.some((a) => a.type === 'stakeholder'))).toBe(true);
    expect(document.painPoints.some((p) => p.attachedTo.some((a) => a.type === 'relationship'))).toBe(true);
    expect(document.viewport).not.toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('opens a file that starts with a UTF-8 byte order mark, and keeps non-ASCII text', () => {
    const text = readFixture('with-bom.stakemap');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { document } = openFixture('with-bom.stakemap');
    expect(document).toEqual(bomDocument());
    expect(document.stakeholders[0]?.name).toBe('Rechtsabteilung – Zürich');
  });

  it('fills in the documented defaults for fields a hand-written file leaves out', () => {
    const { document } = parseOk(
      workspace({
        stakeholders: [{ id: 's-1', name: 'Legal', kind: 'department', position: { x: 1, y: 2 } }],
        relationships: [{ id: 'r-1', source: 's-1', target: 's-1' }],
        painPoints: [{ id: 'p-1', title: 'Slow' }],
        solutions: [{ id: 'x-1', title: 'Faster' }],
      }),
    );
    expect(document.title).toBe('Untitled workspace');
    expect(document.stakeholders[0]).toEqual({ id: 's-1', name: 'Legal', kind: 'department', position: { x: 1, y: 2 }, owner: '', notes: '', color: null });
    expect(document.stakeholders[0]).not.toHaveProperty('influence');
    expect(document.relationships[0]).toEqual({ id: 'r-1', source: 's-1', target: 's-1', status: 'neutral', label: '', notes: '', otherSide: null });
    expect(document.painPoints[0]).toEqual({ id: 'p-1', title: 'Slow', description: '', categoryId: '', quotes: [], attachedTo: [], tally: 0, voice: null });
    expect(document.solutions[0]).toEqual({ id: 'x-1', title: 'Faster', description: '', addresses: [], status: 'idea', owner: '', dueDate: null });
    expect(document.categories.map((c) => c.name)).toEqual(['Workflows', 'Roles', 'Processes', 'Governance', 'Infrastructure', 'Knowledge & Training']);
    expect(document.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('gives every opened document its own default objects (no sharing between two opens)', () => {
    const a = parseOk(workspace({})).document;
    const b = parseOk(workspace({}));
    expect(a.viewport).not.toBe(b.document.viewport);
    expect(a.categories).not.toBe(b.document.categories);
    expect(a.categories[0]).not.toBe(b.document.categories[0]);
  });

  it('keeps an empty category list as empty (defaults only replace a missing list)', () => {
    expect(parseOk(workspace({ categories: [] })).document.categories).toEqual([]);
  });

  it('accepts dates with a time zone offset', () => {
    expect(parseOk(workspace({ createdAt: '2026-11-22T11:00:00+01:00' })).document.createdAt).toBe('2026-11-22T11:00:00+01:00');
  });
});

describe('parseWorkspace: whether the file says where its view was', () => {
  it('tells a file with a viewport from one without (which the editor then fits to the window)', () => {
    const withView = parseWorkspace(serializeWorkspace(fullDocument()));
    expect(withView.ok && withView.savedViewport).toBe(true);
    const bare = parseWorkspace(JSON.stringify({ format: 'stakemap', version: CURRENT_VERSION, title: 'Hand-written' }));
    expect(bare.ok).toBe(true);
    expect(bare.ok && bare.savedViewport).toBe(false);
    // A "viewport" inside some text does not count.
    const inText = parseWorkspace(JSON.stringify({ format: 'stakemap', version: CURRENT_VERSION, title: '"viewport": here' }));
    expect(inText.ok && inText.savedViewport).toBe(false);
  });
});

describe('parseWorkspace: round trips', () => {
  it.each([
    ['minimal', minimalDocument()],
    ['full', fullDocument()],
    ['with non-ASCII text', bomDocument()],
  ])('parse(serialize(doc)) deep-equals doc (%s)', (_, doc) => {
    deepFreeze(doc);
    expect(parseOk(serializeWorkspace(doc)).document).toEqual(doc);
  });

  it.each(['valid-minimal.stakemap', 'valid-full.stakemap'])('serialize(parse(text)) is %s byte for byte', (name) => {
    const text = readFixture(name);
    expect(serializeWorkspace(parseOk(text).document)).toBe(text);
  });

  it('writes a BOM file back without the BOM and otherwise unchanged', () => {
    const text = readFixture('with-bom.stakemap');
    expect(serializeWorkspace(parseOk(text).document)).toBe(text.slice(1));
  });

  it('keeps unknown properties at every level on a round trip', () => {
    const text = readFixture('unknown-properties.stakemap');
    const { document } = openFixture('unknown-properties.stakemap');
    const written = serializeWorkspace(document);
    // The file spells out every field of version 1, so the written file holds exactly the same data, migrated to
    // the current version (3) and with the new fields of versions 2 and 3 at their defaults: nothing lost, nothing
    // else added.
    const v1 = JSON.parse(text) as Record<string, unknown>;
    const migrated = migrateToCurrent(v1, 1);
    if (!migrated.ok) throw new Error('no migration');
    const expected = {
      ...migrated.raw,
      painPoints: (migrated.raw.painPoints as Record<string, unknown>[]).map((p) => ({
        ...p,
        voice: null,
        quotes: (p.quotes as Record<string, unknown>[]).map((q) => ({ voice: null, ...q })),
      })),
      solutions: (migrated.raw.solutions as Record<string, unknown>[]).map((s) => ({ ...s, dueDate: null })),
      participants: [],
      voting: { budget: 3, hideResults: false, revealed: false },
      ballots: [],
    };
    expect(JSON.parse(written)).toEqual(expected);
    expect(written).not.toBe(text); // only the key order and layout changed
    // And reading the written file gives the same document, which is written to the same bytes again.
    const reopened = parseOk(written).document;
    expect(reopened).toEqual(document);
    expect(serializeWorkspace(reopened)).toBe(written);
  });

  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- this test and the
     round trip below reach into properties no type describes (unknown keys at every depth); the assertions are the check. */
  it('keeps the unknown properties of each level in the document, not just in the file', () => {
    const { document } = openFixture('unknown-properties.stakemap') as { document: Record<string, any> };
    expect(document['x-otherTool']).toEqual({ name: 'MapSync', build: 42, flags: ['beta', { nested: [1, 2, { deep: true }] }] });
    expect(document.stakeholders[0].position.pinned).toEqual({ at: '2026-01-01', by: ['dana'] });
    expect(document.stakeholders[0].crm.contacts[0].email).toBe('dana@example.org');
    expect(document.stakeholders[0]).toMatchObject({ nullValue: null, emptyObject: {}, emptyList: [] });
    expect(document.relationships[0].sla).toEqual({ days: 5, history: [7, 6, 5] });
    expect(document.painPoints[0].attachedTo[0].strength).toEqual({ value: 3 });
    expect(document.painPoints[0].survey.answers).toEqual([{ q: 1, a: 'yes' }]);
    expect(document.solutions[0].budget).toEqual({ currency: 'EUR', amount: 1500 });
    expect(document.categories[0].icon).toBe('gear');
    expect(document.viewport.grid).toEqual({ size: 16, snap: true });
  });
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access */
});

describe('parseWorkspace: "__proto__" and "constructor" keys', () => {
  const ownValue = (object: unknown, key: string): unknown => Object.getOwnPropertyDescriptor(object, key)?.value;

  it('pollutes no prototype', () => {
    const { document } = openFixture('proto-keys.stakemap');
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const objects = [
      document,
      document.viewport,
      ...document.stakeholders,
      ...document.stakeholders.map((s) => s.position),
      ...document.relationships,
      ...document.painPoints,
      ...document.painPoints.flatMap((p) => p.attachedTo),
      ...document.solutions,
      ...document.categories,
    ];
    for (const object of objects) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect((object as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(typeof document.constructor).toBe('object'); // the file's data, not Object
  });

  it('keeps them as plain data on every level the schema rebuilds', () => {
    const { document } = openFixture('proto-keys.stakemap');
    const s = document.stakeholders[0] as Record<string, unknown>;
    expect(ownValue(document, '__proto__')).toEqual({ polluted: 'top level' });
    expect(ownValue(document, 'constructor')).toEqual({ prototype: { polluted: 'via constructor' } });
    expect(ownValue(s, '__proto__')).toEqual({ isAdmin: true, polluted: 'stakeholder' });
    expect(s).toMatchObject({ constructor: 'plain text', toString: 'not a function', valueOf: 7, hasOwnProperty: false });
    expect(ownValue(document.stakeholders[0]?.position, '__proto__')).toEqual({ polluted: 'position' });
    expect(ownValue(document.relationships[0], '__proto__')).toEqual({ polluted: 'relationship' });
    expect(ownValue(document.painPoints[0], '__proto__')).toEqual({ polluted: 'pain point' });
    expect(ownValue(document.painPoints[0]?.attachedTo[0], '__proto__')).toEqual({ polluted: 'attachment' });
    expect(ownValue(document.solutions[0], '__proto__')).toEqual({ polluted: 'solution' });
    expect(ownValue(document.categories[0], '__proto__')).toEqual({ polluted: 'category' });
    expect(ownValue(document.viewport, '__proto__')).toEqual({ polluted: 'viewport' });
    const extra = (document.stakeholders[1] as Record<string, unknown>).extra;
    expect(ownValue(extra, '__proto__')).toEqual({ polluted: 'nested' });
  });

  it('treats "constructor" and "__proto__" as ordinary ids', () => {
    const { document, result } = openFixture('proto-keys.stakemap');
    expect(document.stakeholders.map((s) => s.id)).toEqual(['constructor', '__proto__']);
    expect(result.danglingReferences).toEqual([]);
  });

  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- as above */
  it('survives a round trip: the written file holds every key, and is written the same way again', () => {
    const { document } = openFixture('proto-keys.stakemap');
    const written = serializeWorkspace(document);
    const file = JSON.parse(written) as Record<string, any>;
    expect(ownValue(file, '__proto__')).toEqual({ polluted: 'top level' });
    expect(ownValue(file.stakeholders[0], '__proto__')).toEqual({ isAdmin: true, polluted: 'stakeholder' });
    expect(ownValue(file.stakeholders[0].position, '__proto__')).toEqual({ polluted: 'position' });
    expect(ownValue(file.painPoints[0].attachedTo[0], '__proto__')).toEqual({ polluted: 'attachment' });
    expect(ownValue(file.viewport, '__proto__')).toEqual({ polluted: 'viewport' });
    expect(file.stakeholders[0]).toMatchObject({ constructor: 'plain text', toString: 'not a function', valueOf: 7, hasOwnProperty: false });
    expect(serializeWorkspace(parseOk(written).document)).toBe(written);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access */
});

describe('parseWorkspace: notJson', () => {
  it('reports garbage text as not JSON, with the line, the column and what was expected', () => {
    const error = expectKind(loadErrorOf('not-json.stakemap'), 'notJson');
    expect(error.detail).toMatch(/^The text is not valid JSON: at line 1, column 1, expected a value, found ".+"\.$/);
    expect(error.detail).not.toMatch(/truncated/);
  });

  it('says a truncated file looks truncated', () => {
    const error = expectKind(loadErrorOf('truncated.stakemap'), 'notJson');
    expect(error.detail).toMatch(/looks truncated/);
  });

  it('says a file cut at any point looks truncated', () => {
    const text = readFixture('valid-full.stakemap');
    const wrong: number[] = [];
    // Every cut but the last (without only its newline, the text is still complete JSON).
    for (let cut = 1; cut < text.length - 1; cut++) {
      const result = parseWorkspace(text.slice(0, cut));
      if (result.ok || result.error.kind !== 'notJson' || !/looks truncated/.test(result.error.detail)) wrong.push(cut);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['{"format":"stakemap","version":1}}', '{"format":"stakemap",,"version":1}', "{'format':'stakemap'}"])(
    'does not call broken JSON that goes on after the error truncated: %s',
    (text) => {
      const result = parseWorkspace(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(expectKind(result.error, 'notJson').detail).toMatch(/^The text is not valid JSON: at line 1, column \d+, /);
    },
  );

  it('says an empty file is empty', () => {
    expect(loadErrorOf('empty.stakemap')).toEqual({ kind: 'notJson', detail: 'The file is empty.' });
    for (const text of ['', '   \n\t', '\uFEFF', '\uFEFF\n']) {
      const result = parseWorkspace(text);
      expect(result.ok ? null : result.error).toEqual({ kind: 'notJson', detail: 'The file is empty.' });
    }
  });
});

describe('parseWorkspace: notStakemap', () => {
  it('refuses another application’s JSON and says why', () => {
    const error = expectKind(loadErrorOf('foreign.json'), 'notStakemap');
    expect(error.detail).toMatch(/no "format": "stakemap" property/);
  });

  it('refuses a JSON list', () => {
    const error = expectKind(loadErrorOf('json-array.stakemap'), 'notStakemap');
    expect(error.detail).toBe('It holds a JSON list, not a Stakemap workspace.');
  });

  it.each([
    ['null', 'only null'],
    ['"stakemap"', 'a single string value'],
    ['42', 'a single number value'],
    ['true', 'a single boolean value'],
  ])('refuses the JSON value %s', (text, words) => {
    const result = parseWorkspace(text);
    expect(result.ok ? null : result.error).toEqual({ kind: 'notStakemap', detail: `It holds ${words}, not a Stakemap workspace.` });
  });

  it('names a foreign "format" value', () => {
    const result = parseWorkspace('{"format":"excalidraw","version":2}');
    expect(result.ok ? null : result.error).toEqual({ kind: 'notStakemap', detail: 'Its "format" is "excalidraw", not "stakemap".' });
  });
});

describe('parseWorkspace: versionTooNew', () => {
  it('refuses a newer file and names both versions', () => {
    expect(loadErrorOf('newer-version.stakemap')).toEqual({ kind: 'versionTooNew', fileVersion: 5, supportedVersion: 4 });
    expect(CURRENT_VERSION).toBe(4);
  });

  it('refuses a newer file even if its content would not be valid in this version', () => {
    const result = parseWorkspace('{"format":"stakemap","version":7,"stakeholders":"a new shape"}');
    expect(result.ok ? null : result.error).toEqual({ kind: 'versionTooNew', fileVersion: 7, supportedVersion: CURRENT_VERSION });
  });
});

describe('parseWorkspace: invalid', () => {
  it('names the path and what was expected for each bad field', () => {
    const error = expectKind(loadErrorOf('invalid-field.stakemap'), 'invalid');
    expect(error.totalProblems).toBe(2);
    expect(error.problems).toEqual([
      { path: 'stakeholders[0].kind', message: 'expected one of "team", "department", "external", found "dept"' },
      { path: 'stakeholders[1].influence', message: 'must be at most 5, found 9' },
    ]);
  });

  it('names each duplicated id and where it was first used', () => {
    const error = expectKind(loadErrorOf('duplicate-ids.stakemap'), 'invalid');
    expect(error.problems).toEqual([
      { path: 'stakeholders[2].id', message: 'the id "s-legal" is already used by stakeholders[0]' },
      { path: 'relationships[1].id', message: 'the id "r-1" is already used by relationships[0]' },
    ]);
    expect(error.totalProblems).toBe(2);
  });

  it.each([
    [{ version: '1' }, 'expected a whole number of 1 or more, found "1"'],
    [{ version: 0 }, 'expected a whole number of 1 or more, found 0'],
    [{ version: 1.5 }, 'expected a whole number of 1 or more, found 1.5'],
    [{}, 'expected a whole number of 1 or more, found nothing'],
  ])('refuses a version that is not a whole number of 1 or more: %j', (fields, message) => {
    const result = parseWorkspace(JSON.stringify({ format: 'stakemap', ...fields }));
    expect(result.ok ? null : result.error).toEqual({ kind: 'invalid', problems: [{ path: 'version', message }], totalProblems: 1 });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a missing field', { stakeholders: [{ id: 's', name: 'A', kind: 'team' }] }, 'stakeholders[0].position', 'is missing (expected an object)'],
    ['a wrong type', { stakeholders: [{ id: 's', name: 'A', kind: 'team', position: { x: '0', y: 0 } }] }, 'stakeholders[0].position.x', 'expected a number, found "0"'],
    ['an empty id', { stakeholders: [{ id: '', name: 'A', kind: 'team', position: { x: 0, y: 0 } }] }, 'stakeholders[0].id', 'must not be empty'],
    ['a rating below 1', { solutions: [{ id: 'x', title: 'T', impact: 0 }] }, 'solutions[0].impact', 'must be at least 1, found 0'],
    ['a rating that is not whole', { solutions: [{ id: 'x', title: 'T', effort: 2.5 }] }, 'solutions[0].effort', 'expected a whole number, found 2.5'],
    ['negative votes', { painPoints: [{ id: 'p', title: 'T', votes: -1 }] }, 'painPoints[0].tally', 'must be at least 0, found -1'],
    ['an unknown attachment type', { painPoints: [{ id: 'p', title: 'T', attachedTo: [{ type: 'solution', id: 'x' }] }] }, 'painPoints[0].attachedTo[0].type', 'expected one of "stakeholder", "relationship", found "solution"'],
    ['a list that is an object', { relationships: {} }, 'relationships', 'expected a list, found an object'],
    ['a zoom of 0', { viewport: { x: 0, y: 0, zoom: 0 } }, 'viewport.zoom', 'must be more than 0, found 0'],
    ['a date without a time', { createdAt: '2026-11-22' }, 'createdAt', 'expected an ISO 8601 date and time such as "2026-11-22T10:00:00.000Z", found "2026-11-22"'],
  ])('reports %s with its path and what was expected', (_, fields, path, message) => {
    const result = parseWorkspace(workspace(fields));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(expectKind(result.error, 'invalid').problems).toContainEqual({ path, message });
  });

  it('lists at most 20 problems and counts all of them', () => {
    const stakeholders = Array.from({ length: 25 }, (_, i) => ({ id: `s-${i}`, name: 'A', kind: 'dept', position: { x: 0, y: 0 } }));
    const error = expectKind((parseWorkspace(workspace({ stakeholders })) as { error: LoadError }).error, 'invalid');
    expect(error.problems).toHaveLength(20);
    expect(error.totalProblems).toBe(25);
    expect(error.problems[19]?.path).toBe('stakeholders[19].kind');
  });

  it('refuses nesting so deep that the file could not be saved again, and accepts ordinary depth', () => {
    const deep = (depth: number) => `{"format":"stakemap","version":1,"x-deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const result = parseWorkspace(deep(100_000));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const error = expectKind(result.error, 'invalid');
      expect(error.problems).toEqual([{ path: 'x-deep[0]', message: 'holds values nested more than 100 levels deep, which could not be saved again' }]);
    }
    const fine = parseOk(deep(50));
    expect(() => serializeWorkspace(fine.document)).not.toThrow();
  });
});

describe('parseWorkspace: dangling references', () => {
  it('opens the file, keeps every item, and lists each broken reference', () => {
    const { document, result } = openFixture('dangling-references.stakemap');
    expect(document.relationships.map((r) => r.id)).toEqual(['r-legal', 'r-pr']);
    expect(document.painPoints[1]?.attachedTo).toEqual([{ type: 'stakeholder', id: 's-comms' }, { type: 'relationship', id: 'r-gone' }]);
    expect(document.solutions[0]?.addresses).toEqual(['p-signoff', 'p-missing']);
    expect(result.danglingReferences).toEqual([
      { from: { collection: 'relationships', id: 'r-pr', label: 'press statements' }, field: 'target', missing: { collection: 'stakeholders', id: 's-pr' } },
      { from: { collection: 'painPoints', id: 'p-embargo', label: 'Embargoes are announced too late' }, field: 'attachedTo', missing: { collection: 'stakeholders', id: 's-comms' } },
      { from: { collection: 'painPoints', id: 'p-embargo', label: 'Embargoes are announced too late' }, field: 'attachedTo', missing: { collection: 'relationships', id: 'r-gone' } },
      { from: { collection: 'solutions', id: 'x-library', label: 'Pre-approved response library' }, field: 'addresses', missing: { collection: 'painPoints', id: 'p-missing' } },
    ]);
  });

  it('writes the broken references back unchanged', () => {
    const text = readFixture('dangling-references.stakemap');
    const written = serializeWorkspace(openFixture('dangling-references.stakemap').document);
    // A version 1 file: written back migrated (votes become tallies), with every broken reference as it was.
    const migrated = migrateToCurrent(JSON.parse(text) as Record<string, unknown>, 1);
    expect(migrated.ok && JSON.parse(written)).toMatchObject(migrated.ok ? migrated.raw : {});
  });
});

describe('parseWorkspace never throws', () => {
  const full = readFixture('valid-full.stakemap');
  const inputs = [
    '',
    '\u0000\u0001',
    '{',
    '[[[[[[[[[[',
    '{"format":"stakemap"}',
    '{"format":"stakemap","version":1,"stakeholders":[null,1,"x",[]]}',
    '{"format":"stakemap","version":1,"painPoints":[{"id":"p","title":"t","attachedTo":[null]}]}',
    '{"format":"stakemap","version":1,"viewport":null}',
    '{"format":"stakemap","version":1e400}',
    `{"format":"stakemap","version":1,"x":${'['.repeat(200_000)}`,
    full.replace(/"s-legal"/g, '{}'),
    full.replace(/"x": /g, '"x": "'),
  ];
  it.each(inputs.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]))('for %j', (_, text) => {
    expect(() => parseWorkspace(text)).not.toThrow();
  });
});

describe('formatPath and describeValue', () => {
  it('formats zod paths the way JSON reads', () => {
    expect(formatPath(['stakeholders', 2, 'position', 'x'])).toBe('stakeholders[2].position.x');
    expect(formatPath([])).toBe('(top level)');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('describes values briefly', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(3)).toBe('3');
    expect(describeValue([1, 2])).toBe('a list of 2');
    expect(describeValue({})).toBe('an object');
  });
});

describe('parseWorkspace: format version 2 identities', () => {
  const v2 = (extra: Record<string, unknown>) => JSON.stringify({ format: 'stakemap', version: 2, ...extra });

  it('refuses a repeated ballot (one per participant and pain point), a repeated participant id and stage id', () => {
    const painPoints = [{ id: 'p-1', title: 'T' }];
    const participants = [{ id: 'pt-1', label: 'P1' }];
    const ballots = [
      { participantId: 'pt-1', painPointId: 'p-1' },
      { participantId: 'pt-1', painPointId: 'p-1' },
    ];
    expect(parseWorkspace(v2({ painPoints, participants, ballots }))).toEqual({
      ok: false,
      error: { kind: 'invalid', problems: [{ path: 'ballots[1]', message: 'repeats the vote of ballots[0] (one per participant and pain point)' }], totalProblems: 1 },
    });
    const twice = parseWorkspace(v2({ participants: [...participants, { id: 'pt-1', label: 'P2' }] }));
    expect(twice.ok ? null : twice.error.kind === 'invalid' && twice.error.problems[0]?.path).toBe('participants[1].id');
    const stages = [
      { id: 'st', title: 'A', minutes: 5 },
      { id: 'st', title: 'B', minutes: 5 },
    ];
    const stagesTwice = parseWorkspace(v2({ agenda: { stages } }));
    expect(stagesTwice.ok ? null : stagesTwice.error.kind === 'invalid' && stagesTwice.error.problems[0]?.path).toBe('agenda.stages[1].id');
  });

  it('fills in the version 2 defaults: the agenda shown, no participants, a budget of 3, no ballots', () => {
    const result = parseWorkspace(v2({ solutions: [{ id: 'x-1', title: 'T' }], painPoints: [{ id: 'p-1', title: 'T', quotes: [{ text: 'q' }] }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // A version 2 file is older than this build's format now: it opens migrated (migrate-2-to-3.test.ts).
    expect(result.migratedFrom).toBe(2);
    expect(result.document.agenda).toMatchObject({ visible: true, currentStageId: null });
    expect(result.document.agenda.stages).toHaveLength(7);
    expect(result.document.participants).toEqual([]);
    expect(result.document.voting).toEqual({ budget: 3, hideResults: false, revealed: false });
    expect(result.document.ballots).toEqual([]);
    expect(result.document.painPoints[0]).toMatchObject({ tally: 0, voice: null, quotes: [{ text: 'q', voice: null }] });
    expect(result.document.solutions[0]?.dueDate).toBeNull();
  });

  it('refuses a quote written as a plain string in a version 2 file, naming its path', () => {
    const result = parseWorkspace(v2({ painPoints: [{ id: 'p-1', title: 'T', quotes: ['plain'] }] }));
    expect(result.ok ? null : result.error.kind === 'invalid' && result.error.problems.map((p) => p.path)).toEqual(['painPoints[0].quotes[0]']);
  });
});

describe('parseWorkspace: the other side’s view of a relationship (new in format version 3)', () => {
  const stakeholders = [
    { id: 's-a', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
    { id: 's-b', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } },
  ];
  // A file of the current version: it opens natively, on the fast path (an older one is migrated first).
  const withOtherSide = (otherSide: unknown) => ({ format: 'stakemap', version: CURRENT_VERSION, stakeholders, relationships: [{ id: 'r-1', source: 's-a', target: 's-b', ...(otherSide === undefined ? {} : { otherSide }) }] });
  const problemsOf = (raw: unknown) => {
    const result = parseWorkspace(JSON.stringify(raw));
    return result.ok ? null : expectKind(result.error, 'invalid').problems;
  };

  it.each<[string, unknown, unknown]>([
    ['absent: not recorded', undefined, null],
    ['null: not recorded', null, null],
    ['a status without notes: notes default to ""', { status: 'strained' }, { status: 'strained', notes: '' }],
    ['a status and notes', { status: 'healthy', notes: 'We answer within a day.' }, { status: 'healthy', notes: 'We answer within a day.' }],
    ['properties another tool added: kept', { notes: '', status: 'problematic', 'x-asked': { by: 'P3', at: '2027-01-10' } }, { status: 'problematic', notes: '', 'x-asked': { by: 'P3', at: '2027-01-10' } }],
  ])('opens %s, on the fast path, as the schema reads it', (_, otherSide, expected) => {
    const raw = withOtherSide(otherSide);
    const fast = fastValidate(raw);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(workspaceSchema.parse(raw));
    const result = parseOk(JSON.stringify(raw));
    expect(result.migratedFrom).toBeNull();
    expect(result.document.relationships[0]!.otherSide).toEqual(expected);
    // A copy, never the object of the raw file.
    if (typeof otherSide === 'object' && otherSide !== null) expect(fast!.relationships[0]!.otherSide).not.toBe(raw.relationships[0]!.otherSide);
  });

  it.each<[string, unknown, { path: string; message: RegExp }]>([
    ['a status not in the list', { status: 'fine' }, { path: 'relationships[0].otherSide.status', message: /expected one of "healthy", "neutral", "strained", "problematic", found "fine"/ }],
    ['no status', { notes: 'They were not asked.' }, { path: 'relationships[0].otherSide.status', message: /expected one of/ }],
    ['notes that are not text', { status: 'healthy', notes: 3 }, { path: 'relationships[0].otherSide.notes', message: /expected text, found 3/ }],
    ['notes that are null', { status: 'healthy', notes: null }, { path: 'relationships[0].otherSide.notes', message: /found null/ }],
    ['a bare status word', 'strained', { path: 'relationships[0].otherSide', message: /found "strained"/ }],
    ['a list', [{ status: 'healthy' }], { path: 'relationships[0].otherSide', message: /found a list of 1/ }],
  ])('refuses %s, not on the fast path, naming the path', (_, otherSide, problem) => {
    const raw = withOtherSide(otherSide);
    expect(fastValidate(raw)).toBeNull();
    expect(workspaceSchema.safeParse(raw).success).toBe(false);
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems![0]!.path).toBe(problem.path);
    expect(problems![0]!.message).toMatch(problem.message);
  });
});

describe('parseWorkspace: snapshots (new in format version 4)', () => {
  const stakeholders = [
    { id: 's-a', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
    { id: 's-b', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } },
  ];
  const snapshot = (extra: Record<string, unknown> = {}, state: unknown = { stakeholders }) => ({ id: 'snap-1', name: 'Before the vote', takenAt: '2026-11-22T11:00:00.000Z', state, ...extra });
  const withSnapshots = (snapshots: unknown, extra: Record<string, unknown> = {}) => ({ format: 'stakemap', version: CURRENT_VERSION, stakeholders, ...extra, snapshots });
  const problemsOf = (raw: unknown) => {
    const result = parseWorkspace(JSON.stringify(raw));
    return result.ok ? null : expectKind(result.error, 'invalid').problems;
  };
  const DEFAULT_STATE = { stakeholders: [], relationships: [], painPoints: [], solutions: [], ballots: [] };

  it.each<[string, unknown[]]>([
    ['no snapshots', []],
    ['a snapshot of two stakeholders', [snapshot()]],
    ['a snapshot whose state names nothing: every list at its default', [snapshot({}, {})]],
    ['a snapshot with no categories: the six defaults, as for the workspace', [snapshot({}, { stakeholders: [] })]],
    ['a snapshot with an empty list of categories', [snapshot({}, { categories: [] })]],
    ['properties another tool added, on the snapshot and on its state', [snapshot({ 'x-by': 'P3' }, { stakeholders, 'x-zoom': 2 })]],
    [
      'a full state: relationships (with the other side), pain points, solutions, categories and ballots',
      [
        snapshot(
          {},
          {
            stakeholders,
            relationships: [{ id: 'r-1', source: 's-a', target: 's-b', otherSide: { status: 'strained' } }],
            painPoints: [{ id: 'p-1', title: 'Slow', quotes: [{ text: 'q' }], attachedTo: [{ type: 'relationship', id: 'r-1' }] }],
            solutions: [{ id: 'x-1', title: 'Faster', addresses: ['p-1'], dueDate: '2027-01-15' }],
            categories: [{ id: 'c-1', name: 'Tooling', color: '#495057' }],
            ballots: [{ participantId: 'pt-1', painPointId: 'p-1' }],
          },
        ),
        snapshot({ id: 'snap-2', name: 'After the vote', takenAt: '2026-11-22T12:00:00+01:00' }),
      ],
    ],
  ])('opens %s, on the fast path, as the schema reads it', (_, snapshots) => {
    const raw = withSnapshots(snapshots);
    const fast = fastValidate(raw);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(workspaceSchema.parse(raw));
    const result = parseOk(JSON.stringify(raw));
    expect(result.migratedFrom).toBeNull();
    expect(result.danglingReferences).toEqual([]);
    expect(result.document.snapshots).toHaveLength(snapshots.length);
    // A copy, never the objects of the raw file.
    fast!.snapshots.forEach((s, i) => {
      expect(s).not.toBe(snapshots[i]);
      expect(s.state).not.toBe((snapshots[i] as { state: unknown }).state);
    });
  });

  it('fills in a state’s defaults as the workspace’s: empty lists, the six default categories', () => {
    const result = parseOk(JSON.stringify(withSnapshots([snapshot({}, {})])));
    const { state } = result.document.snapshots[0]!;
    expect(state).toMatchObject(DEFAULT_STATE);
    expect(state.categories).toEqual(result.document.categories);
    expect(state.categories.map((c) => c.id)).toEqual(['workflows', 'roles', 'processes', 'governance', 'infrastructure', 'knowledge-training']);
    // Its own copies: changing one would not change the other.
    expect(state.categories[0]).not.toBe(result.document.categories[0]);
    // A record in a state gets the defaults a record of the workspace gets.
    const full = parseOk(JSON.stringify(withSnapshots([snapshot({}, { relationships: [{ id: 'r-1', source: 's-a', target: 's-b' }], painPoints: [{ id: 'p-1', title: 'T' }] })])));
    expect(full.document.snapshots[0]!.state.relationships[0]).toEqual({ id: 'r-1', source: 's-a', target: 's-b', status: 'neutral', label: '', notes: '', otherSide: null });
    expect(full.document.snapshots[0]!.state.painPoints[0]).toEqual({ id: 'p-1', title: 'T', description: '', categoryId: '', quotes: [], attachedTo: [], tally: 0, voice: null });
  });

  it.each<[string, unknown, string[]]>([
    ['snapshots that are not a list', { 'snap-1': snapshot() }, ['snapshots']],
    ['a snapshot that is not an object', ['Before the vote'], ['snapshots[0]']],
    ['a snapshot without an id', [snapshot({ id: undefined })], ['snapshots[0].id']],
    ['a snapshot with an empty id', [snapshot({ id: '' })], ['snapshots[0].id']],
    ['a snapshot without a name', [snapshot({ name: undefined })], ['snapshots[0].name']],
    ['a name that is too long', [snapshot({ name: 'n'.repeat(10_001) })], ['snapshots[0].name']],
    ['a snapshot without takenAt', [snapshot({ takenAt: undefined })], ['snapshots[0].takenAt']],
    ['a takenAt that is not a date and time', [snapshot({ takenAt: '2026-11-22' })], ['snapshots[0].takenAt']],
    ['a takenAt that is a number', [snapshot({ takenAt: 1764000000000 })], ['snapshots[0].takenAt']],
    ['a snapshot without a state', [snapshot({ state: undefined })], ['snapshots[0].state']],
    ['a state that is a list', [snapshot({}, [stakeholders])], ['snapshots[0].state']],
    ['a state that is null', [snapshot({}, null)], ['snapshots[0].state']],
    ['state stakeholders that are not a list', [snapshot({}, { stakeholders: 's-a' })], ['snapshots[0].state.stakeholders']],
    ['a bad stakeholder kind in a state', [snapshot({}, { stakeholders: [{ ...stakeholders[0], kind: 'dept' }] })], ['snapshots[0].state.stakeholders[0].kind']],
    ['a position out of bounds in a state', [snapshot({}, { stakeholders: [{ ...stakeholders[0], position: { x: 1e12, y: 0 } }] })], ['snapshots[0].state.stakeholders[0].position.x']],
    ['a relationship without a source in a state', [snapshot({}, { relationships: [{ id: 'r-1', target: 's-b' }] })], ['snapshots[0].state.relationships[0].source']],
    ['a bad other side in a state', [snapshot({}, { relationships: [{ id: 'r-1', source: 's-a', target: 's-b', otherSide: { status: 'fine' } }] })], ['snapshots[0].state.relationships[0].otherSide.status']],
    ['a version 1 quote in a state', [snapshot({}, { painPoints: [{ id: 'p-1', title: 'T', quotes: ['plain'] }] })], ['snapshots[0].state.painPoints[0].quotes[0]']],
    ['a negative tally in a state', [snapshot({}, { painPoints: [{ id: 'p-1', title: 'T', tally: -1 }] })], ['snapshots[0].state.painPoints[0].tally']],
    ['an impossible due date in a state', [snapshot({}, { solutions: [{ id: 'x-1', title: 'T', dueDate: '2027-02-30' }] })], ['snapshots[0].state.solutions[0].dueDate']],
    ['a category without a colour in a state', [snapshot({}, { categories: [{ id: 'c-1', name: 'C' }] })], ['snapshots[0].state.categories[0].color']],
    ['a ballot without a participant in a state', [snapshot({}, { ballots: [{ painPointId: 'p-1' }] })], ['snapshots[0].state.ballots[0].participantId']],
  ])('refuses %s, not on the fast path, naming the path', (_, snapshots, paths) => {
    const raw = withSnapshots(snapshots);
    expect(fastValidate(raw)).toBeNull();
    expect(workspaceSchema.safeParse(raw).success).toBe(false);
    expect(problemsOf(raw)?.map((p) => p.path)).toEqual(paths);
  });

  it('refuses a repeated snapshot id, and a repeated id or vote inside one snapshot’s state, naming both places', () => {
    expect(problemsOf(withSnapshots([snapshot(), snapshot({ name: 'Again' })]))).toEqual([{ path: 'snapshots[1].id', message: 'the id "snap-1" is already used by snapshots[0]' }]);
    const repeated = {
      stakeholders: [...stakeholders, { ...stakeholders[0], name: 'Twin' }],
      ballots: [
        { participantId: 'pt-1', painPointId: 'p-1' },
        { participantId: 'pt-1', painPointId: 'p-1' },
      ],
    };
    expect(problemsOf(withSnapshots([snapshot(), snapshot({ id: 'snap-2' }, repeated)]))).toEqual([
      { path: 'snapshots[1].state.stakeholders[2].id', message: 'the id "s-a" is already used by snapshots[1].state.stakeholders[0]' },
      { path: 'snapshots[1].state.ballots[1]', message: 'repeats the vote of snapshots[1].state.ballots[0] (one per participant and pain point)' },
    ]);
    // The same id in two snapshots, or in a snapshot and the map, is what snapshots are for.
    expect(problemsOf(withSnapshots([snapshot(), snapshot({ id: 'snap-2' })]))).toBeNull();
  });

  it('does not report references inside a snapshot that point nowhere: a snapshot is history', () => {
    const state = {
      stakeholders: [{ id: 's-gone', name: 'Agency', kind: 'external', position: { x: 0, y: 0 } }],
      relationships: [{ id: 'r-1', source: 's-gone', target: 's-never' }],
      painPoints: [{ id: 'p-1', title: 'T', attachedTo: [{ type: 'relationship', id: 'r-missing' }], voice: 's-x', quotes: [{ text: 'q', voice: 's-y' }] }],
      solutions: [{ id: 'x-1', title: 'T', addresses: ['p-missing'] }],
      ballots: [{ participantId: 'pt-missing', painPointId: 'p-missing' }],
    };
    const result = parseOk(JSON.stringify(withSnapshots([snapshot({}, state)])));
    expect(result.danglingReferences).toEqual([]);
    // Kept as it was: nothing in the snapshot is dropped or cleared.
    expect(result.document.snapshots[0]!.state).toMatchObject(state);
    // The map's own broken references are still reported, and only those.
    const broken = parseOk(JSON.stringify(withSnapshots([snapshot({}, state)], { relationships: [{ id: 'r-map', source: 's-a', target: 's-gone' }] })));
    expect(broken.danglingReferences.map((r) => `${r.from.id}.${r.field} -> ${r.missing.id}`)).toEqual(['r-map.target -> s-gone']);
  });

  it('keeps "__proto__" keys another tool wrote in a snapshot and its state, as data, on the schema’s path too', () => {
    const text = `{"format":"stakemap","version":${CURRENT_VERSION},"snapshots":[{"id":"snap-1","name":"N","takenAt":"2026-11-22T11:00:00.000Z","__proto__":{"a":1},"state":{"__proto__":{"b":2},"stakeholders":[{"id":"s-1","name":"S","kind":"team","position":{"x":0,"y":0,"__proto__":{"c":3}},"__proto__":{"d":4}}]}}]}`;
    // The fast path keeps them; parse-schema-path.test.ts checks that the schema's path puts them back too.
    const result = parseOk(text);
    const [s] = result.document.snapshots;
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(s, '__proto__')?.value).toEqual({ a: 1 });
    expect(Object.getOwnPropertyDescriptor(s!.state, '__proto__')?.value).toEqual({ b: 2 });
    expect(Object.getOwnPropertyDescriptor(s!.state.stakeholders[0], '__proto__')?.value).toEqual({ d: 4 });
    expect(Object.getOwnPropertyDescriptor(s!.state.stakeholders[0]!.position, '__proto__')?.value).toEqual({ c: 3 });
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    const written = serializeWorkspace(result.document);
    expect(written).toContain('"state": {"stakeholders":[{"id":"s-1","name":"S","kind":"team","position":{"x":0,"y":0,"__proto__":{"c":3}},"owner":"","notes":"","color":null,"__proto__":{"d":4}}],"relationships":[],');
    expect(written).toContain(',"ballots":[],"__proto__":{"b":2}},\n      "__proto__": {\n        "a": 1\n      }\n');
    expect(serializeWorkspace(parseOk(written).document)).toBe(written);
  });
});
