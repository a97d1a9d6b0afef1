import { describe, expect, it } from 'vitest';
import { deleteItems, painPointsAffectedByDeletion } from '../../../../shared/operations/delete-items';
import { deepFreeze } from '../test-helpers';
import { painPoint, sampleDoc } from './test-docs';

describe('deleteItems', () => {
  it('deletes a stakeholder with its relationships, and detaches (never deletes) the pain points', () => {
    const doc = sampleDoc();
    const next = deleteItems(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] });
    expect(next.stakeholders.map((s) => s.id)).toEqual(['s-team', 's-brand', 's-agency']);
    expect(next.relationships.map((r) => r.id)).toEqual(['r-brand']);
    expect(next.painPoints.map((p) => p.id)).toEqual(['p-on-legal', 'p-on-rel', 'p-on-both', 'p-wide']);
    expect(next.painPoints.map((p) => p.attachedTo)).toEqual([[], [], [{ type: 'stakeholder', id: 's-brand' }], []]);
    // Detached pain points keep everything else.
    expect(next.painPoints[1]).toEqual({ ...doc.painPoints[1], attachedTo: [] });
    expect(next.painPoints[3]).toBe(doc.painPoints[3]);
  });

  it('deletes a relationship alone, keeping both stakeholders', () => {
    const doc = sampleDoc();
    const next = deleteItems(doc, { stakeholderIds: [], relationshipIds: ['r-legal'] });
    expect(next.stakeholders).toBe(doc.stakeholders);
    expect(next.relationships.map((r) => r.id)).toEqual(['r-brand', 'r-brand-legal']);
    expect(next.painPoints.map((p) => p.attachedTo)).toEqual([
      [{ type: 'stakeholder', id: 's-legal' }],
      [],
      [{ type: 'stakeholder', id: 's-brand' }],
      [],
    ]);
    expect(next.painPoints[0]).toBe(doc.painPoints[0]);
  });

  it('deletes a mixed selection in one step', () => {
    const next = deleteItems(sampleDoc(), { stakeholderIds: ['s-team', 's-agency'], relationshipIds: ['r-brand-legal'] });
    expect(next.stakeholders.map((s) => s.id)).toEqual(['s-legal', 's-brand']);
    expect(next.relationships).toEqual([]);
  });

  it('returns the same document for an empty or unknown selection', () => {
    const doc = sampleDoc();
    expect(deleteItems(doc, { stakeholderIds: [], relationshipIds: [] })).toBe(doc);
    expect(deleteItems(doc, { stakeholderIds: ['s-nobody'], relationshipIds: ['r-nobody'] })).toBe(doc);
  });

  it('does not touch a broken attachment to a relationship that was never there', () => {
    const base = sampleDoc();
    const doc = deepFreeze({ ...base, painPoints: [...base.painPoints, painPoint('p-broken', [{ type: 'relationship', id: 'r-gone' }])] });
    const next = deleteItems(doc, { stakeholderIds: ['s-agency'], relationshipIds: ['r-gone'] });
    expect(next.stakeholders).toHaveLength(3);
    expect(next.painPoints.at(-1)).toBe(doc.painPoints.at(-1));
  });

  it('only detaches attachments of the deleted type (a stakeholder and a relationship may share an id)', () => {
    const base = sampleDoc();
    const doc = deepFreeze({ ...base, painPoints: [painPoint('p-x', [{ type: 'relationship', id: 's-legal' }, { type: 'stakeholder', id: 's-legal' }])] });
    const next = deleteItems(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] });
    expect(next.painPoints[0]?.attachedTo).toEqual([{ type: 'relationship', id: 's-legal' }]);
  });
});

describe('painPointsAffectedByDeletion', () => {
  it('lists the pain points that would lose an attachment', () => {
    const doc = sampleDoc();
    expect(painPointsAffectedByDeletion(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] })).toEqual(['p-on-legal', 'p-on-rel', 'p-on-both']);
    expect(painPointsAffectedByDeletion(doc, { stakeholderIds: ['s-brand'], relationshipIds: [] })).toEqual(['p-on-both']);
    expect(painPointsAffectedByDeletion(doc, { stakeholderIds: [], relationshipIds: ['r-brand'] })).toEqual([]);
    expect(painPointsAffectedByDeletion(doc, { stakeholderIds: [], relationshipIds: [] })).toEqual([]);
  });
});

describe('deleting a stakeholder that is someone’s voice or department', () => {
  it('clears the voice of pain points and quotes and the department of participants that named it', () => {
    const base = sampleDoc();
    const doc = {
      ...base,
      painPoints: base.painPoints.map((p, i) =>
        i === 0 ? { ...p, voice: 's-legal', quotes: [{ text: 'a', voice: 's-legal' }, { text: 'b', voice: 's-brand' }] } : p,
      ),
      participants: [
        { id: 'pt-1', label: 'P1', departmentId: 's-legal' },
        { id: 'pt-2', label: 'P2', departmentId: 's-brand' },
      ],
    };
    const next = deleteItems(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] });
    expect(next.painPoints[0]).toMatchObject({ voice: null, quotes: [{ text: 'a', voice: null }, { text: 'b', voice: 's-brand' }] });
    expect(next.participants).toEqual([
      { id: 'pt-1', label: 'P1', departmentId: null },
      { id: 'pt-2', label: 'P2', departmentId: 's-brand' },
    ]);
    // Untouched pain points keep their objects.
    expect(next.painPoints[3]).toBe(doc.painPoints[3]);
  });
});
