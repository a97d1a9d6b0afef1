import { describe, expect, it } from 'vitest';
import { describeWeight, heatStrokeWidth, heaviestRelationships, relationshipPainWeights } from '../../../../shared/domain/pain-heat';

const doc = {
  stakeholders: [
    { id: 'a', name: 'Team' },
    { id: 'b', name: 'Legal' },
    { id: 'c', name: 'Brand' },
  ],
  relationships: [
    { id: 'ab', source: 'a', target: 'b', label: 'approvals' },
    { id: 'ac', source: 'a', target: 'c', label: '' },
    { id: 'bc', source: 'b', target: 'c', label: '' },
  ],
  painPoints: [
    { id: 'p1', tally: 1, attachedTo: [{ type: 'relationship', id: 'ab' }] },
    { id: 'p2', tally: 0, attachedTo: [{ type: 'relationship', id: 'ab' }, { type: 'stakeholder', id: 'a' }] },
    { id: 'p3', tally: 7, attachedTo: [{ type: 'relationship', id: 'ac' }] },
  ],
  ballots: [{ participantId: 'x', painPointId: 'p2' }],
} as never;

describe('pain heat', () => {
  it('weighs each relationship by its pain points, or by their votes (tally plus ballots)', () => {
    expect(relationshipPainWeights(doc, 'painPoints')).toEqual(new Map([['ab', 2], ['ac', 1]]));
    const byVotes = relationshipPainWeights(doc, 'votes');
    expect(byVotes.get('ac')).toBe(7);
    expect(byVotes.get('ab')).toBe(2);
    expect(byVotes.has('bc')).toBe(false);
  });

  it('lists the heaviest first, by name, with the weight in words', () => {
    expect(heaviestRelationships(doc, 'painPoints')).toEqual([
      { id: 'ab', between: 'Team – Legal', label: 'approvals', weight: 2 },
      { id: 'ac', between: 'Team – Brand', label: '', weight: 1 },
    ]);
    expect(heaviestRelationships(doc, 'votes')[0]!.id).toBe('ac');
    expect(describeWeight(1, 'painPoints')).toBe('1 pain point');
    expect(describeWeight(3, 'votes')).toBe('3 votes');
  });

  it('draws the heaviest at 14 px and a line without pain at its own width', () => {
    expect(heatStrokeWidth(2, 0, 5)).toBe(2);
    expect(heatStrokeWidth(2, 5, 5)).toBe(14);
    expect(heatStrokeWidth(2, 1, 4)).toBe(8);
    expect(heatStrokeWidth(3, 2, 0)).toBe(3);
  });
});
