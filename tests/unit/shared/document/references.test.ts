import { describe, expect, it } from 'vitest';
import { findDanglingReferences } from '../../../../shared/document/references';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { fullDocument, minimalDocument } from '../../../fixtures/workspaces/build-fixtures';
import { deepFreeze } from '../test-helpers';

const stakeholder = (id: string) => ({ id, name: id.toUpperCase(), kind: 'department' as const, position: { x: 0, y: 0 }, owner: '', notes: '', color: null });

function doc(parts: Partial<WorkspaceDocument>): WorkspaceDocument {
  return deepFreeze({ ...minimalDocument(), ...parts });
}

describe('findDanglingReferences', () => {
  it('finds nothing in a workspace whose references all resolve', () => {
    expect(findDanglingReferences(deepFreeze(fullDocument()))).toEqual([]);
    expect(findDanglingReferences(doc({}))).toEqual([]);
  });

  it('reports a relationship’s missing source and target separately, labelled by its ends when it has no label', () => {
    const d = doc({ stakeholders: [stakeholder('s-a')], relationships: [{ id: 'r-1', source: 's-x', target: 's-y', status: 'neutral', label: '', notes: '', otherSide: null }] });
    expect(findDanglingReferences(d)).toEqual([
      { from: { collection: 'relationships', id: 'r-1', label: 's-x → s-y' }, field: 'source', missing: { collection: 'stakeholders', id: 's-x' } },
      { from: { collection: 'relationships', id: 'r-1', label: 's-x → s-y' }, field: 'target', missing: { collection: 'stakeholders', id: 's-y' } },
    ]);
  });

  it('checks a pain point attachment against the collection its type names', () => {
    const d = doc({
      stakeholders: [stakeholder('s-a'), stakeholder('s-b')],
      relationships: [{ id: 'r-1', source: 's-a', target: 's-b', status: 'neutral', label: '', notes: '', otherSide: null }],
      painPoints: [
        {
          id: 'p-1', title: 'Slow', description: '', categoryId: '', quotes: [], tally: 0, voice: null,
          // "r-1" exists, but as a relationship: attached as a stakeholder it points nowhere (and vice versa).
          attachedTo: [{ type: 'stakeholder', id: 'r-1' }, { type: 'relationship', id: 's-a' }, { type: 'stakeholder', id: 's-a' }, { type: 'relationship', id: 'r-1' }],
        },
      ],
    });
    expect(findDanglingReferences(d)).toEqual([
      { from: { collection: 'painPoints', id: 'p-1', label: 'Slow' }, field: 'attachedTo', missing: { collection: 'stakeholders', id: 'r-1' } },
      { from: { collection: 'painPoints', id: 'p-1', label: 'Slow' }, field: 'attachedTo', missing: { collection: 'relationships', id: 's-a' } },
    ]);
  });

  it('reports each pain point a solution addresses that does not exist', () => {
    const d = doc({
      painPoints: [{ id: 'p-1', title: 'Slow', description: '', categoryId: '', quotes: [], attachedTo: [], tally: 0, voice: null }],
      solutions: [{ id: 'x-1', title: 'Fast', description: '', addresses: ['p-0', 'p-1', 'p-2'], status: 'idea', owner: '', dueDate: null }],
    });
    expect(findDanglingReferences(d).map((r) => r.missing.id)).toEqual(['p-0', 'p-2']);
  });

  it('does not treat an unknown category id as a broken reference (categories are not references in format 1)', () => {
    const d = doc({ painPoints: [{ id: 'p-1', title: 'Slow', description: '', categoryId: 'no-such-category', quotes: [], attachedTo: [], tally: 0, voice: null }] });
    expect(findDanglingReferences(d)).toEqual([]);
  });

  it('is not confused by ids that are Object.prototype names', () => {
    const d = doc({ stakeholders: [stakeholder('constructor')], relationships: [{ id: 'r', source: 'constructor', target: 'toString', status: 'neutral', label: '', notes: '', otherSide: null }] });
    expect(findDanglingReferences(d).map((r) => r.missing.id)).toEqual(['toString']);
  });
});

describe('findDanglingReferences: voices, departments and ballots (format version 2)', () => {
  it('reports a voice, a quote’s voice, a department and a ballot that name nothing', () => {
    const d = doc({
      stakeholders: [stakeholder('s-a')],
      painPoints: [
        {
          id: 'p-1', title: 'Slow', description: '', categoryId: '', attachedTo: [], tally: 0, voice: 's-gone',
          quotes: [{ text: 'ok', voice: 's-a' }, { text: 'gone', voice: 's-old' }],
        },
      ],
      participants: [
        { id: 'pt-1', label: 'P1', departmentId: 's-a' },
        { id: 'pt-2', label: 'P2', departmentId: 's-none' },
      ],
      ballots: [
        { participantId: 'pt-1', painPointId: 'p-1' },
        { participantId: 'pt-9', painPointId: 'p-9' },
      ],
    });
    expect(findDanglingReferences(d)).toEqual([
      { from: { collection: 'painPoints', id: 'p-1', label: 'Slow' }, field: 'voice', missing: { collection: 'stakeholders', id: 's-gone' } },
      { from: { collection: 'painPoints', id: 'p-1', label: 'Slow' }, field: 'quotes[1].voice', missing: { collection: 'stakeholders', id: 's-old' } },
      { from: { collection: 'participants', id: 'pt-2', label: 'P2' }, field: 'departmentId', missing: { collection: 'stakeholders', id: 's-none' } },
      { from: { collection: 'ballots', id: 'pt-9 → p-9', label: '' }, field: 'participantId', missing: { collection: 'participants', id: 'pt-9' } },
      { from: { collection: 'ballots', id: 'pt-9 → p-9', label: '' }, field: 'painPointId', missing: { collection: 'painPoints', id: 'p-9' } },
    ]);
  });
});
