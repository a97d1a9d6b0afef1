import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { KEY_ORDER, serializeWorkspace, toFileObject, TRANSIENT_EDGE_KEYS, TRANSIENT_NODE_KEYS } from '../../../../shared/document/serialize';
import { connectStakeholders } from '../../../../shared/operations/relationships';
import { addStakeholder, moveStakeholders } from '../../../../shared/operations/stakeholders';
import { fullDocument, minimalDocument } from '../../../fixtures/workspaces/build-fixtures';
import { deepFreeze, openFixture, readFixture, reverseKeys } from '../test-helpers';

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
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.startsWith('{\n  "format": "stakemap",\n  "version": 3,\n')).toBe(true);
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
      'agenda', 'participants', 'voting', 'ballots', 'exportedBy', 'x-otherTool',
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
    expect(toFileObject(old)).toMatchObject({ format: 'stakemap', version: 3 });
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
