import { describe, expect, it } from 'vitest';
import { connectStakeholders, findRelationshipBetween, setRelationshipStatus, updateRelationship } from '../../../../shared/operations/relationships';
import { sampleDoc } from './test-docs';

describe('connectStakeholders', () => {
  it('adds a neutral, unlabelled relationship by default', () => {
    const doc = sampleDoc();
    const next = connectStakeholders(doc, { id: 'r-new', source: 's-agency', target: 's-team' });
    expect(next.relationships.at(-1)).toEqual({ id: 'r-new', source: 's-agency', target: 's-team', status: 'neutral', label: '', notes: '', otherSide: null });
    expect(next.relationships.slice(0, 3)).toEqual(doc.relationships);
    expect(next.stakeholders).toBe(doc.stakeholders);
  });

  it('takes a status and a label', () => {
    const next = connectStakeholders(sampleDoc(), { id: 'r-new', source: 's-agency', target: 's-brand', status: 'problematic', label: 'briefs' });
    expect(next.relationships.at(-1)).toMatchObject({ status: 'problematic', label: 'briefs' });
  });

  it.each([
    ['a self-loop', { id: 'r-new', source: 's-team', target: 's-team' }],
    ['a duplicate in the same direction', { id: 'r-new', source: 's-team', target: 's-legal' }],
    ['a duplicate in the other direction', { id: 'r-new', source: 's-legal', target: 's-team' }],
    ['a missing source', { id: 'r-new', source: 's-nobody', target: 's-team' }],
    ['a missing target', { id: 'r-new', source: 's-team', target: 's-nobody' }],
    ['a taken id', { id: 'r-legal', source: 's-agency', target: 's-brand' }],
  ])('refuses %s by returning the same document', (_, input) => {
    const doc = sampleDoc();
    expect(connectStakeholders(doc, input)).toBe(doc);
  });
});

describe('findRelationshipBetween', () => {
  it('finds a relationship in either direction', () => {
    const doc = sampleDoc();
    expect(findRelationshipBetween(doc, 's-team', 's-legal')?.id).toBe('r-legal');
    expect(findRelationshipBetween(doc, 's-legal', 's-team')?.id).toBe('r-legal');
    expect(findRelationshipBetween(doc, 's-agency', 's-team')).toBeUndefined();
  });
});

describe('updateRelationship', () => {
  it('changes the given fields of one relationship only', () => {
    const doc = sampleDoc();
    const next = updateRelationship(doc, 'r-brand', { status: 'healthy', label: 'tone of voice', notes: 'better since May' });
    expect(next.relationships[1]).toEqual({ ...doc.relationships[1], status: 'healthy', label: 'tone of voice', notes: 'better since May' });
    expect(next.relationships[0]).toBe(doc.relationships[0]);
  });

  it('returns the same document for a no-op or a missing id', () => {
    const doc = sampleDoc();
    expect(updateRelationship(doc, 'r-legal', { status: 'problematic', label: 'approvals' })).toBe(doc);
    expect(updateRelationship(doc, 'r-legal', {})).toBe(doc);
    expect(updateRelationship(doc, 'r-nobody', { label: 'x' })).toBe(doc);
  });
});

describe('setRelationshipStatus', () => {
  it('sets the status of several relationships at once', () => {
    const doc = sampleDoc();
    const next = setRelationshipStatus(doc, ['r-brand', 'r-brand-legal'], 'problematic');
    expect(next.relationships.map((r) => r.status)).toEqual(['problematic', 'problematic', 'problematic']);
    expect(next.relationships[0]).toBe(doc.relationships[0]);
  });

  it('returns the same document when every one already has the status, or none exists', () => {
    const doc = sampleDoc();
    expect(setRelationshipStatus(doc, ['r-legal'], 'problematic')).toBe(doc);
    expect(setRelationshipStatus(doc, ['r-nobody'], 'healthy')).toBe(doc);
    expect(setRelationshipStatus(doc, [], 'healthy')).toBe(doc);
  });
});
