import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { Snapshot, SnapshotState, WorkspaceDocument } from '../../../../shared/document/schema';
import { KEY_ORDER, serializeWorkspace, toFileObject, TRANSIENT_EDGE_KEYS, TRANSIENT_NODE_KEYS } from '../../../../shared/document/serialize';
import { connectStakeholders } from '../../../../shared/operations/relationships';
import { addStakeholder, moveStakeholders } from '../../../../shared/operations/stakeholders';
import { fullDocument, minimalDocument } from '../../../fixtures/workspaces/build-fixtures';
import { deepFreeze, openFixture, readFixture, reverseKeys } from '../test-helpers';

/**
 * The text with each snapshot's one-line state written out as the rest of the file is (2-space indentation, at
 * its depth): what the whole file would be without the compact states.
 */
function expandStates(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = /^( {6})"state": (\{.*\})(,?)$/.exec(line);
      if (!match) return line;
      const [, indent, json, comma] = match as unknown as [string, string, string, string];
      return `${indent}"state": ${JSON.stringify(JSON.parse(json), null, 2).replaceAll('\n', `\n${indent}`)}${comma}`;
    })
    .join('\n');
}

describe('serializeWorkspace', () => {
  it('writes the same bytes on every run', () => {
    const doc = deepFreeze(openFixture('unknown-properties.stakemap').document);
    expect(serializeWorkspace(doc)).toBe(serializeWorkspace(doc));
    expect(serializeWorkspace(fullDocument())).toBe(serializeWorkspace(fullDocument()));
  });

  it.each([
    ['valid-full', () => fullDocument()],
    ['unknown-properties', () => openFixture('unknown-properties.stakemap').document],
    ['proto-keys', () => openFixture('proto-keys.stakemap').document],
  ])('does not depend on the key order of its input, at any depth (%s)', (_, make) => {
    const doc = make();
    const reversed = reverseKeys(doc);
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(doc)); // the test really changes the order
    expect(serializeWorkspace(reversed)).toBe(serializeWorkspace(doc));
  });

  it('writes 2-space indentation and exactly one trailing newline, with no BOM and no CR', () => {
    const text = serializeWorkspace(fullDocument());
    // Every line but a snapshot's state, which is one line of compact JSON (see the snapshot tests below).
    expect(expandStates(text)).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.startsWith(`{\n  "format": "stakemap",\n  "version": ${CURRENT_VERSION},\n`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\t');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    for (const line of text.split('\n')) expect((/^ */.exec(line)?.[0].length ?? 0) % 2).toBe(0);
  });

  it('takes the known keys from the schema, in the order of the format description (the product brief)', () => {
    // Reordering a schema shape changes every saved file: this list is the format's, and changes only with it.
    expect(KEY_ORDER).toEqual({
      workspace: [
        'format',
        'version',
        'title',
        'createdAt',
        'updatedAt',
        'stakeholders',
        'relationships',
        'painPoints',
        'solutions',
        'categories',
        'viewport',
        'agenda',
        'participants',
        'voting',
        'ballots',
        'snapshots',
      ],
      stakeholder: ['id', 'name', 'kind', 'position', 'influence', 'interest', 'owner', 'notes', 'color', 'pinned'],
      relationship: ['id', 'source', 'target', 'status', 'label', 'notes', 'otherSide'],
      otherSide: ['status', 'notes'],
      painPoint: ['id', 'title', 'description', 'categoryId', 'quotes', 'attachedTo', 'tally', 'voice'],
      attachment: ['type', 'id'],
      solution: ['id', 'title', 'description', 'addresses', 'status', 'owner', 'impact', 'effort', 'dueDate'],
      category: ['id', 'name', 'color'],
      point: ['x', 'y'],
      viewport: ['x', 'y', 'zoom'],
      quote: ['text', 'voice'],
      agenda: ['visible', 'currentStageId', 'stages'],
      stage: ['id', 'title', 'goal', 'minutes', 'view', 'voting'],
      participant: ['id', 'label', 'departmentId'],
      voting: ['budget', 'hideResults', 'revealed'],
      ballot: ['participantId', 'painPointId'],
      snapshot: ['id', 'name', 'takenAt', 'state'],
      snapshotState: ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'ballots'],
    });
    // The first stakeholder of the full document has every field (pinned is written only when true).
    const full = fullDocument();
    const file = toFileObject({ ...full, stakeholders: full.stakeholders.map((s, i) => (i === 0 ? { ...s, pinned: true } : s)) }) as {
      stakeholders: object[];
      solutions: { impact?: number }[];
    };
    expect(Object.keys(file.stakeholders[0]!)).toEqual(KEY_ORDER.stakeholder);
    expect(Object.keys(file.solutions.find((s) => s.impact !== undefined)!)).toEqual(KEY_ORDER.solution);
  });

  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
     this test reaches into properties no type describes (unknown keys at every depth); the assertions are the check. */
  it('writes known keys in the order of the format description, then unknown keys sorted', () => {
    const file = toFileObject(openFixture('unknown-properties.stakemap').document) as Record<string, any>;
    expect(Object.keys(file)).toEqual([
      'format', 'version', 'title', 'createdAt', 'updatedAt', 'stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'viewport',
      'agenda', 'participants', 'voting', 'ballots', 'snapshots', 'exportedBy', 'x-otherTool',
    ]);
    expect(Object.keys(file.stakeholders[0])).toEqual(['id', 'name', 'kind', 'position', 'owner', 'notes', 'color', 'crm', 'emptyList', 'emptyObject', 'nullValue', 'tags']);
    expect(Object.keys(file.stakeholders[0].position)).toEqual(['x', 'y', 'pinned', 'z']);
    expect(Object.keys(file.relationships[0])).toEqual(['id', 'source', 'target', 'status', 'label', 'notes', 'otherSide', 'sla', 'weight']);
    expect(Object.keys(file.painPoints[0])).toEqual(['id', 'title', 'description', 'categoryId', 'quotes', 'attachedTo', 'tally', 'voice', 'survey']);
    expect(Object.keys(file.painPoints[0].attachedTo[0])).toEqual(['type', 'id', 'since', 'strength']);
    expect(Object.keys(file.solutions[0])).toEqual(['id', 'title', 'description', 'addresses', 'status', 'owner', 'impact', 'effort', 'dueDate', 'budget', 'links']);
    expect(Object.keys(file.categories[0])).toEqual(['id', 'name', 'color', 'icon', 'order']);
    expect(Object.keys(file.viewport)).toEqual(['x', 'y', 'zoom', 'grid', 'rotation']);
    expect(Object.keys(file['x-otherTool'])).toEqual(['build', 'flags', 'name']);
    expect(Object.keys(file.stakeholders[0].crm.contacts[0])).toEqual(['email', 'name']);
  });
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument */

  it('writes the other side\'s view with its known keys in order (status, notes), then unknown keys sorted', () => {
    const doc = fullDocument();
    const [first, ...rest] = doc.relationships;
    const reordered = {
      ...doc,
      relationships: [{ ...first!, otherSide: { 'x-zeta': { b: 2, a: 1 }, notes: 'Too late.', 'x-alpha': true, status: 'strained' as const } }, ...rest],
    } as WorkspaceDocument;
    const text = serializeWorkspace(deepFreeze(reordered));
    const file = JSON.parse(text) as { relationships: Array<{ otherSide: Record<string, unknown> | null }> };
    expect(Object.keys(file.relationships[0]!.otherSide!)).toEqual(['status', 'notes', 'x-alpha', 'x-zeta']);
    expect(Object.keys(file.relationships[0]!.otherSide!['x-zeta'] as object)).toEqual(['a', 'b']);
    expect(text).toContain(
      '      "otherSide": {\n        "status": "strained",\n        "notes": "Too late.",\n        "x-alpha": true,\n        "x-zeta": {\n          "a": 1,\n          "b": 2\n        }\n      }\n',
    );
    // Not recorded is written as null, never left out; every relationship of the full document has the key.
    expect(file.relationships.map((r) => r.otherSide === null)).toEqual([false, false, true, true]);
    expect(text.match(/"otherSide": null/g)).toHaveLength(2);
    // Written once, the file reads back to the same document and the same bytes.
    const reopened = parseWorkspace(text);
    expect(reopened.ok && reopened.document.relationships[0]!.otherSide).toEqual({ status: 'strained', notes: 'Too late.', 'x-alpha': true, 'x-zeta': { a: 1, b: 2 } });
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(text);
  });

  it('keeps the order of list items (lists are data, not sets)', () => {
    const doc = fullDocument();
    const shuffled = { ...doc, stakeholders: [...doc.stakeholders].reverse() };
    const file = toFileObject(shuffled) as { stakeholders: Array<{ id: string }> };
    expect(file.stakeholders.map((s) => s.id)).toEqual(shuffled.stakeholders.map((s) => s.id));
  });

  it('never writes React Flow transient state, even if it reached the document', () => {
    const doc = fullDocument();
    const transientNode = { selected: true, dragging: false, measured: { width: 180, height: 64 }, resizing: false, positionAbsolute: { x: 1, y: 2 }, internals: { z: 0 } };
    const dirty = {
      ...doc,
      stakeholders: doc.stakeholders.map((s) => ({ ...s, ...transientNode })),
      relationships: doc.relationships.map((r) => ({ ...r, selected: true })),
    } as WorkspaceDocument;
    const text = serializeWorkspace(deepFreeze(dirty));
    expect(text).toBe(serializeWorkspace(doc));
    const file = JSON.parse(text) as { stakeholders: object[]; relationships: object[] };
    for (const s of file.stakeholders) for (const key of TRANSIENT_NODE_KEYS) expect(s).not.toHaveProperty(key);
    for (const r of file.relationships) for (const key of TRANSIENT_EDGE_KEYS) expect(r).not.toHaveProperty(key);
    for (const key of ['selected', 'dragging', 'measured']) expect(text).not.toContain(`"${key}"`);
  });

  it('writes no transient state for a document made by the editing operations', () => {
    let doc = minimalDocument();
    doc = addStakeholder(doc, { id: 's-a', name: 'A', kind: 'team', position: { x: 0, y: 0 } });
    doc = addStakeholder(doc, { id: 's-b', name: 'B', kind: 'external', position: { x: 100, y: 0 } });
    doc = connectStakeholders(doc, { id: 'r-ab', source: 's-a', target: 's-b' });
    doc = moveStakeholders(doc, [{ id: 's-a', position: { x: 5, y: 6 } }]);
    const file = JSON.parse(serializeWorkspace(doc)) as { stakeholders: object[]; relationships: object[] };
    expect(Object.keys(file.stakeholders[0] ?? {})).toEqual(['id', 'name', 'kind', 'position', 'owner', 'notes', 'color']);
    expect(Object.keys(file.relationships[0] ?? {})).toEqual(['id', 'source', 'target', 'status', 'label', 'notes', 'otherSide']);
  });

  it('always writes the current format and version', () => {
    const old = { ...minimalDocument(), version: 0, format: 'whatever' } as unknown as WorkspaceDocument;
    expect(toFileObject(old)).toMatchObject({ format: 'stakemap', version: CURRENT_VERSION });
    expect(CURRENT_VERSION).toBe(4);
  });

  it('leaves out properties whose value is undefined (an optional rating that is not set)', () => {
    const doc = fullDocument();
    const withUndefined = { ...doc, stakeholders: doc.stakeholders.map((s) => ({ ...s, influence: undefined, 'x-gone': undefined })) };
    const file = toFileObject(withUndefined) as { stakeholders: object[] };
    for (const s of file.stakeholders) {
      expect(s).not.toHaveProperty('influence');
      expect(s).not.toHaveProperty('x-gone');
    }
  });

  it('writes unknown keys named like Object.prototype members as the data they are', () => {
    const doc = fullDocument();
    const odd = {
      ...doc,
      toString: 'a',
      stakeholders: doc.stakeholders.map((s) => ({ ...s, toString: 'text', valueOf: 3, hasOwnProperty: null, constructor: 'c', isPrototypeOf: [1] })),
    } as WorkspaceDocument;
    const file = JSON.parse(serializeWorkspace(odd)) as { toString: unknown; stakeholders: Array<Record<string, unknown>> };
    expect(Object.getOwnPropertyDescriptor(file, 'toString')?.value).toBe('a');
    expect(file.stakeholders[0]).toMatchObject({ toString: 'text', valueOf: 3, hasOwnProperty: null, constructor: 'c', isPrototypeOf: [1] });
  });

  it('does not modify the document it writes', () => {
    const doc = deepFreeze(openFixture('proto-keys.stakemap').document);
    expect(() => serializeWorkspace(doc)).not.toThrow();
  });

  it('writes exactly the checked-in canonical files', () => {
    expect(serializeWorkspace(minimalDocument())).toBe(readFixture('valid-minimal.stakemap'));
    expect(serializeWorkspace(fullDocument())).toBe(readFixture('valid-full.stakemap'));
  });

  it('reaches a fixed point after one save for a file in any key order', () => {
    const once = serializeWorkspace(openFixture('unknown-properties.stakemap').document);
    const reparsed = parseWorkspace(once);
    expect(reparsed.ok && serializeWorkspace(reparsed.document)).toBe(once);
  });
});

describe('serializeWorkspace: snapshots', () => {
  const SAMPLE = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
  const sample = (): WorkspaceDocument => {
    const result = parseWorkspace(SAMPLE);
    if (!result.ok) throw new Error('the sample did not open');
    return result.document;
  };
  const MAP_LISTS = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'ballots'] as const;
  /** The map of `doc` as a snapshot keeps it. */
  const stateOf = (doc: WorkspaceDocument): SnapshotState => ({
    stakeholders: doc.stakeholders,
    relationships: doc.relationships,
    painPoints: doc.painPoints,
    solutions: doc.solutions,
    categories: doc.categories,
    ballots: doc.ballots,
  });
  const snapshotOf = (doc: WorkspaceDocument, id = 'snap-1', extra: Record<string, unknown> = {}): Snapshot => ({ id, name: `Snapshot ${id}`, takenAt: '2026-11-22T11:00:00.000Z', state: stateOf(doc), ...extra });
  const withSnapshots = (doc: WorkspaceDocument, snapshots: unknown[]) => ({ ...doc, snapshots }) as WorkspaceDocument;
  const stateLines = (text: string) => text.split('\n').filter((line) => /^ {6}"state": /.test(line));
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

  it('writes each snapshot’s state as one line of compact JSON, and everything else with 2-space indentation', () => {
    const doc = fullDocument();
    const text = serializeWorkspace(doc);
    expect(doc.snapshots).toHaveLength(1);
    const [line] = stateLines(text);
    expect(stateLines(text)).toHaveLength(1);
    // The state of the document, in the canonical order, with no whitespace between its tokens.
    const state = (toFileObject(doc).snapshots as Array<{ state: object }>)[0]!.state;
    expect(line).toBe(`      "state": ${JSON.stringify(state)}`);
    expect(line!.slice('      "state": '.length)).not.toMatch(/[{[,:]\s|\s[}\]]/);
    // The snapshot around it is indented as everything else; its state is its last key, so no comma.
    expect(text).toContain(
      '  "snapshots": [\n    {\n      "id": "snap-first-map",\n      "name": "First map, before the pain points",\n      "takenAt": "2026-11-22T10:45:00.000Z",\n      "state": {"stakeholders":[{"id":"s-social","name":"Social media team","kind":"team","position":{"x":0,"y":0},"influence":3,',
    );
    expect(text.endsWith('"ballots":[]}\n    }\n  ]\n}\n')).toBe(true);
    // Without its compact states, the file is exactly JSON.stringify's 2-space layout of the same data.
    expect(expandStates(text)).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(expandStates(text)).not.toBe(text);
    // Valid JSON: any reader gets the document's data.
    expect(JSON.parse(text)).toEqual(toFileObject(doc));
  });

  it('writes a snapshot literally: its known keys in order, then unknown keys sorted, the state likewise at every depth', () => {
    const doc = withSnapshots(minimalDocument(), [
      {
        'x-by': 'P3',
        state: {
          'x-zoom': { b: 2, a: 1 },
          ballots: [{ painPointId: 'p-1', participantId: 'pt-1' }],
          categories: [{ color: '#495057', name: 'Tooling', id: 'c-1' }],
          solutions: [],
          painPoints: [{ voice: null, tally: 2, attachedTo: [{ id: 's-a', type: 'stakeholder' }], quotes: [{ voice: null, text: 'Too late.' }], categoryId: 'c-1', description: '', title: 'Slow', id: 'p-1' }],
          relationships: [{ otherSide: { notes: '', status: 'healthy' }, notes: '', label: '', status: 'neutral', target: 's-a', source: 's-a', id: 'r-1', 'x-w': 1 }],
          stakeholders: [{ color: null, notes: '', owner: '', position: { y: 2, x: 1 }, kind: 'team', name: 'A', id: 's-a', 'x-crm': { z: 1, a: [{ d: 1, c: 2 }] } }],
        },
        takenAt: '2026-11-22T11:00:00.000Z',
        name: 'Before the vote',
        id: 'snap-1',
      },
    ]);
    const text = serializeWorkspace(deepFreeze(doc));
    expect(text.slice(text.indexOf('  "snapshots"'))).toBe(
      [
        '  "snapshots": [',
        '    {',
        '      "id": "snap-1",',
        '      "name": "Before the vote",',
        '      "takenAt": "2026-11-22T11:00:00.000Z",',
        '      "state": {' +
          '"stakeholders":[{"id":"s-a","name":"A","kind":"team","position":{"x":1,"y":2},"owner":"","notes":"","color":null,"x-crm":{"a":[{"c":2,"d":1}],"z":1}}],' +
          '"relationships":[{"id":"r-1","source":"s-a","target":"s-a","status":"neutral","label":"","notes":"","otherSide":{"status":"healthy","notes":""},"x-w":1}],' +
          '"painPoints":[{"id":"p-1","title":"Slow","description":"","categoryId":"c-1","quotes":[{"text":"Too late.","voice":null}],"attachedTo":[{"type":"stakeholder","id":"s-a"}],"tally":2,"voice":null}],' +
          '"solutions":[],' +
          '"categories":[{"id":"c-1","name":"Tooling","color":"#495057"}],' +
          '"ballots":[{"participantId":"pt-1","painPointId":"p-1"}],' +
          '"x-zoom":{"a":1,"b":2}},',
        '      "x-by": "P3"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(Object.keys(KEY_ORDER.snapshotState)).toHaveLength(MAP_LISTS.length);
    expect(KEY_ORDER.snapshotState).toEqual(MAP_LISTS);
    // Written once, it reads back to the same bytes.
    const reopened = parseWorkspace(text);
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(text);
  });

  it('copies a state’s records as the map’s own: React Flow transient state is dropped, undefined values left out', () => {
    const doc = fullDocument();
    const state = doc.snapshots[0]!.state;
    const dirty = withSnapshots(doc, [
      {
        ...doc.snapshots[0]!,
        state: {
          ...state,
          stakeholders: state.stakeholders.map((s) => ({ ...s, selected: true, dragging: false, measured: { width: 180, height: 64 }, positionAbsolute: { x: 1, y: 2 }, influence: undefined })),
          relationships: state.relationships.map((r) => ({ ...r, selected: true })),
        },
      },
    ]);
    const text = serializeWorkspace(deepFreeze(dirty));
    const clean = withSnapshots(doc, [{ ...doc.snapshots[0]!, state: { ...state, stakeholders: state.stakeholders.map(({ influence: _influence, ...s }) => s) } }]);
    expect(text).toBe(serializeWorkspace(clean));
    const [line] = stateLines(text);
    for (const key of ['selected', 'dragging', 'measured', 'positionAbsolute', 'influence']) expect(line).not.toContain(`"${key}"`);
    expect(line).toContain('"interest":5');
  });

  it('is deterministic and round-trips byte for byte, whatever layout and key order the file had', () => {
    const doc = withSnapshots(fullDocument(), [...fullDocument().snapshots, snapshotOf(sample(), 'snap-sample'), snapshotOf(minimalDocument(), 'snap-empty', { 'x-tool': [1, { b: 2, a: 1 }] })]);
    const text = serializeWorkspace(doc);
    expect(serializeWorkspace(doc)).toBe(text);
    expect(serializeWorkspace(reverseKeys(doc))).toBe(text);
    expect(stateLines(text)).toHaveLength(3);
    const reopened = parseWorkspace(text);
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.error));
    expect(reopened.document).toEqual(doc);
    expect(serializeWorkspace(reopened.document)).toBe(text);
    // A file with its states indented (written by hand or another tool), or all on one line, opens to the same
    // document and is written back in the canonical layout.
    for (const other of [expandStates(text), JSON.stringify(JSON.parse(text)), JSON.stringify(reverseKeys(JSON.parse(text) as object), null, 4)]) {
      expect(other).not.toBe(text);
      const read = parseWorkspace(other);
      expect(read.ok && serializeWorkspace(read.document)).toBe(text);
    }
  });

  it('keeps a state on one line even when its text holds line breaks, and the marker strings stay data', () => {
    const doc = minimalDocument();
    const state = {
      ...stateOf(doc),
      stakeholders: [{ id: 's-a', name: 'stakemap-snapshot-state-0', kind: 'team' as const, position: { x: 0, y: 0 }, owner: '', notes: 'Line one\nline two\r\n\u2028end', color: null }],
    };
    const text = serializeWorkspace(withSnapshots(doc, [{ id: 'snap-1', name: '"stakemap-snapshot-state-0"', takenAt: '2026-11-22T11:00:00.000Z', state }]));
    expect(stateLines(text)).toHaveLength(1);
    expect(stateLines(text)[0]).toContain('"notes":"Line one\\nline two\\r\\n\u2028end"');
    expect(text).toContain('"name": "\\"stakemap-snapshot-state-0\\""');
    expect(stateLines(text)[0]).toContain('"name":"stakemap-snapshot-state-0"');
    const reopened = parseWorkspace(text);
    expect(reopened.ok && reopened.document.snapshots[0]!.state.stakeholders[0]!.notes).toBe('Line one\nline two\r\n\u2028end');
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(text);
  });

  it('writes -0 inside a state as elsewhere: -0 in an unknown property stays -0, a known field’s -0 is 0', () => {
    const text = `{"format":"stakemap","version":${CURRENT_VERSION},"x-top":-0,"snapshots":[{"id":"snap-1","name":"N","takenAt":"2026-11-22T11:00:00.000Z","x-offset":-0,"state":{"x-tool":{"offset":-0,"list":[-0,0]},"stakeholders":[{"id":"s","name":"A","kind":"team","position":{"x":-0,"y":0},"x-w":-0}]}}]}`;
    const result = parseWorkspace(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const saved = serializeWorkspace(result.document);
    expect(saved).toContain('  "x-top": -0\n');
    expect(saved).toContain('      "x-offset": -0\n');
    const [line] = stateLines(saved);
    expect(line).toContain('"position":{"x":0,"y":0}');
    expect(line).toContain('"x-w":-0}');
    expect(line).toContain('"x-tool":{"list":[-0,0],"offset":-0}');
    expect(line).not.toContain('stakemap-negative-zero');
    const again = parseWorkspace(saved);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(Object.is((again.document.snapshots[0]!.state as { 'x-tool'?: { offset?: unknown } })['x-tool']?.offset, -0)).toBe(true);
    expect(serializeWorkspace(again.document)).toBe(saved);
    // With no -0 anywhere but in a state, the state still says -0.
    const onlyInState = parseWorkspace(text.replace('"x-top":-0,', '').replace('"x-offset":-0,', ''));
    expect(onlyInState.ok && stateLines(serializeWorkspace(onlyInState.document))[0]).toContain('"offset":-0');
  });

  it('keeps the file small: a snapshot of the sample costs fewer bytes than the sample’s own pretty-printed collections', () => {
    const doc = sample();
    const file = toFileObject(doc);
    const collections = Object.fromEntries(MAP_LISTS.map((key) => [key, file[key]]));
    // What the sample's six lists cost in its file, as it writes them (2-space indentation, one level deep).
    const ownCollections = bytes(JSON.stringify(collections, null, 2));
    const withSnapshot = serializeWorkspace(withSnapshots(doc, [snapshotOf(doc)]));
    const snapshotCost = bytes(withSnapshot) - bytes(serializeWorkspace(doc));
    expect(snapshotCost).toBeLessThan(ownCollections);
    // Well under (about 70% for the sample): indentation and line breaks are a good part of a pretty-printed map.
    expect(snapshotCost).toBeLessThan(ownCollections * 0.8);
    // And far under what the state would cost indented at its depth in the file (about 60% for the sample).
    const indentedCost = bytes(expandStates(withSnapshot)) - bytes(serializeWorkspace(doc));
    expect(indentedCost).toBeGreaterThan(ownCollections);
    expect(snapshotCost).toBeLessThan(indentedCost * 0.65);
    // Ten snapshots cost ten times one, no more: the states are written as they are, not as differences.
    const ten = serializeWorkspace(withSnapshots(doc, Array.from({ length: 10 }, (_, i) => snapshotOf(doc, `snap-${i}`))));
    expect(bytes(ten) - bytes(serializeWorkspace(doc))).toBeLessThan(snapshotCost * 10 + 10 * 8);
  });
});
