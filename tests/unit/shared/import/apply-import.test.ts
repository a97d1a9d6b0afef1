import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { applyImport, type NewImportId } from '../../../../shared/import/apply-import';
import { guessRelationshipColumns, guessStakeholderColumns } from '../../../../shared/import/column-mapping';
import { planImport, type ImportPlan } from '../../../../shared/import/import-plan';
import { deepFreeze } from '../test-helpers';
import { workshopMap } from './import-helpers';

const S_HEADER = ['Name', 'Kind', 'Influence', 'Interest', 'Owner', 'Notes'];
const R_HEADER = ['From', 'To', 'Status', 'Label'];

function plan(doc: WorkspaceDocument, stakeholderRows: string[][], relationshipRows: string[][]): ImportPlan {
  return deepFreeze(
    planImport(doc, {
      stakeholders: { rows: [S_HEADER, ...stakeholderRows], mapping: guessStakeholderColumns(S_HEADER) },
      relationships: { rows: [R_HEADER, ...relationshipRows], mapping: guessRelationshipColumns(R_HEADER) },
    }),
  );
}

/** Ids s-1, s-2 … and r-1, r-2 …, in the order asked for. */
function countingIds(): NewImportId {
  const next = { stakeholder: 0, relationship: 0 };
  return (collection) => `${collection === 'stakeholder' ? 's' : 'r'}-${++next[collection]}`;
}

describe('applyImport', () => {
  it('adds and updates in one new document, leaving the frozen input untouched', () => {
    const doc = workshopMap();
    const before = JSON.stringify(doc);
    const p = plan(
      doc,
      [
        ['Finance', 'internal', '4', '', 'Sam', 'Budgets'],
        ['légal', '', '', '2', '', 'Reviews everything'],
        ['Press', 'Outside party'],
      ],
      [
        ['Finance', 'Social media team', 'strained', 'budget'],
        ['Press', 'Finance', '', ''],
        ['Social media team', 'Légal', 'healthy', ''],
      ],
    );
    const next = applyImport(doc, p, countingIds());

    expect(JSON.stringify(doc)).toBe(before);
    expect(next).not.toBe(doc);
    expect(next.stakeholders.slice(4)).toEqual([
      { id: 's-1', name: 'Finance', kind: 'department', position: p.additions[0]!.position, influence: 4, owner: 'Sam', notes: 'Budgets', color: null },
      { id: 's-2', name: 'Press', kind: 'external', position: p.additions[1]!.position, owner: '', notes: '', color: null },
    ]);
    expect(next.stakeholders[1]).toEqual({ ...doc.stakeholders[1], interest: 2, notes: 'Reviews everything' });
    // Untouched stakeholders and relationships are the very same objects.
    expect(next.stakeholders[0]).toBe(doc.stakeholders[0]);
    expect(next.relationships[1]).toBe(doc.relationships[1]);
    expect(next.relationships[0]).toEqual({ ...doc.relationships[0], status: 'healthy' });
    expect(next.relationships.slice(2)).toEqual([
      { id: 'r-1', source: 's-1', target: 's-team', status: 'strained', label: 'budget', notes: '', otherSide: null },
      { id: 'r-2', source: 's-2', target: 's-1', status: 'neutral', label: '', notes: '', otherSide: null },
    ]);
    // Everything else is the document as it was.
    expect({ ...next, stakeholders: doc.stakeholders, relationships: doc.relationships }).toEqual(doc);
    // And the result is a workspace that opens.
    expect(parseWorkspace(JSON.stringify(next)).ok).toBe(true);
  });

  it('gives back the same document when the plan changes nothing', () => {
    const doc = workshopMap();
    const p = plan(doc, [['Brand'], ['LÉGAL', 'department']], [['Social media team', 'Légal', 'problematic', 'approvals']]);
    expect(p.counts.changes).toBe(0);
    expect(applyImport(doc, p)).toBe(doc);
  });

  it('makes fresh unique ids by default, and never reuses an id the map has', () => {
    const doc = workshopMap();
    const p = plan(doc, [['A'], ['B']], [['A', 'B']]);
    const next = applyImport(doc, p);
    const ids = [...next.stakeholders, ...next.relationships].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(next.stakeholders.slice(4).every((s) => /^s-[0-9a-f]{8}$/.test(s.id))).toBe(true);
    expect(next.relationships[2]!.id).toMatch(/^r-[0-9a-f]{8}$/);

    const clashing = applyImport(doc, p, () => 's-team');
    expect(clashing.stakeholders.filter((s) => s.id === 's-team')).toHaveLength(1);
    expect(new Set(clashing.stakeholders.map((s) => s.id)).size).toBe(6);
  });

  it('stays safe when the map changed after planning: updates of removed items and their relationships are dropped', () => {
    const doc = workshopMap();
    const p = plan(doc, [['Légal', 'external'], ['Finance']], [['Finance', 'Légal'], ['Finance', 'Brand']]);
    const changed = deepFreeze({ ...doc, stakeholders: doc.stakeholders.filter((s) => s.id !== 's-legal'), relationships: [] });
    const next = applyImport(changed, p, countingIds());
    expect(next.stakeholders.map((s) => s.name)).toEqual(['Social media team', 'Brand', 'Agency', 'Finance']);
    expect(next.relationships).toEqual([{ id: 'r-1', source: 's-1', target: 's-brand', status: 'neutral', label: '', notes: '', otherSide: null }]);
  });

  it('does not add a relationship that the map has gained since planning, in either direction', () => {
    const doc = workshopMap();
    const p = plan(doc, [], [['Agency', 'Brand']]);
    const changed = deepFreeze({ ...doc, relationships: [...doc.relationships, { id: 'r-new', source: 's-brand', target: 's-agency', status: 'neutral' as const, label: '', notes: '', otherSide: null }] });
    expect(applyImport(changed, p).relationships).toEqual(changed.relationships);
  });

  it('sets how the other side sees it: on new relationships, over what was recorded, keeping what another tool added', () => {
    const doc = workshopMap();
    const recorded = {
      ...doc,
      relationships: doc.relationships.map((r) =>
        r.id === 'r-brand' ? { ...r, otherSide: { status: 'healthy' as const, notes: 'ok', 'x-tool': 7 } } : r,
      ),
    };
    const header = ['From', 'To', 'Status', 'Label', 'Their status', 'Their note'];
    const p = deepFreeze(
      planImport(recorded, {
        relationships: {
          rows: [
            header,
            ['Social media team', 'Légal', '', '', 'Strained', 'We need a week'],
            ['Social media team', 'Brand', '', '', '', 'fine now'],
            ['Agency', 'Brand', 'Healthy', '', 'Neutral', ''],
          ],
          mapping: guessRelationshipColumns(header),
        },
      }),
    );
    const next = applyImport(recorded, p, countingIds());
    const otherSides = Object.fromEntries(next.relationships.map((r) => [r.id, r.otherSide]));
    expect(otherSides).toEqual({
      'r-legal': { status: 'strained', notes: 'We need a week' },
      'r-brand': { status: 'healthy', notes: 'fine now', 'x-tool': 7 },
      'r-1': { status: 'neutral', notes: '' },
    });
    // The result is a workspace the app opens again as it is.
    const reopened = parseWorkspace(JSON.stringify(next));
    expect(reopened.ok && reopened.document.relationships.map((r) => r.otherSide)).toEqual(next.relationships.map((r) => r.otherSide));
  });
});
