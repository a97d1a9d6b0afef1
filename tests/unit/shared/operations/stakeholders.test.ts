import { describe, expect, it } from 'vitest';
import { addStakeholder, moveStakeholders, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { sampleDoc } from './test-docs';

describe('addStakeholder', () => {
  it('appends a stakeholder with empty defaults and no ratings, leaving everything else as it was', () => {
    const doc = sampleDoc();
    const next = addStakeholder(doc, { id: 's-pr', name: 'PR', kind: 'department', position: { x: 10, y: 20 } });
    expect(next).not.toBe(doc);
    expect(next.stakeholders).toHaveLength(5);
    expect(next.stakeholders.at(-1)).toEqual({ id: 's-pr', name: 'PR', kind: 'department', position: { x: 10, y: 20 }, owner: '', notes: '', color: null });
    expect(next.stakeholders.at(-1)).not.toHaveProperty('influence');
    expect(next.stakeholders.slice(0, 4)).toEqual(doc.stakeholders);
    expect(next.stakeholders[0]).toBe(doc.stakeholders[0]);
    expect(next.relationships).toBe(doc.relationships);
    expect(next.painPoints).toBe(doc.painPoints);
  });

  it('copies the position, so the caller’s object is not shared', () => {
    const position = { x: 1, y: 2 };
    const next = addStakeholder(sampleDoc(), { id: 's-new', name: 'N', kind: 'external', position });
    expect(next.stakeholders.at(-1)?.position).toEqual(position);
    expect(next.stakeholders.at(-1)?.position).not.toBe(position);
  });

  it('refuses a taken id by returning the same document', () => {
    const doc = sampleDoc();
    expect(addStakeholder(doc, { id: 's-legal', name: 'Legal 2', kind: 'department', position: { x: 0, y: 0 } })).toBe(doc);
  });
});

describe('updateStakeholder', () => {
  it('changes the given fields of one stakeholder only', () => {
    const doc = sampleDoc();
    const next = updateStakeholder(doc, 's-legal', { name: 'Legal & Compliance', owner: 'Priya', color: '#ff0000', influence: 4, interest: 2 });
    expect(next.stakeholders[1]).toEqual({ ...doc.stakeholders[1], name: 'Legal & Compliance', owner: 'Priya', color: '#ff0000', influence: 4, interest: 2 });
    expect(next.stakeholders[0]).toBe(doc.stakeholders[0]);
    expect(next.stakeholders[2]).toBe(doc.stakeholders[2]);
  });

  it('clears ratings with null (the property is removed, not set to null)', () => {
    const doc = sampleDoc();
    const next = updateStakeholder(doc, 's-team', { influence: null, interest: null });
    expect(next.stakeholders[0]).not.toHaveProperty('influence');
    expect(next.stakeholders[0]).not.toHaveProperty('interest');
    expect(next.stakeholders[0]?.name).toBe(doc.stakeholders[0]?.name);
  });

  it('can set a colour back to null (colour is nullable, not clearable)', () => {
    const doc = updateStakeholder(sampleDoc(), 's-team', { color: '#123456' });
    expect(updateStakeholder(doc, 's-team', { color: null }).stakeholders[0]?.color).toBeNull();
  });

  it.each([
    ['the same values', { name: 'Name of s-legal', influence: 5 }],
    ['undefined fields', { name: undefined, notes: undefined }],
    ['clearing a rating that is not set', { interest: null }],
    ['an empty patch', {}],
  ])('returns the same document for a no-op: %s', (_, patch) => {
    const doc = sampleDoc();
    expect(updateStakeholder(doc, 's-legal', patch)).toBe(doc);
  });

  it('returns the same document for a missing id', () => {
    const doc = sampleDoc();
    expect(updateStakeholder(doc, 's-nobody', { name: 'X' })).toBe(doc);
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses a rating of %s, which would make the saved file unopenable', (rating) => {
    const doc = sampleDoc();
    expect(updateStakeholder(doc, 's-legal', { influence: rating, name: 'Renamed' })).toBe(doc);
    expect(updateStakeholder(doc, 's-legal', { interest: rating })).toBe(doc);
  });
});

describe('updateStakeholder: pinned', () => {
  it('pins with pinned: true and unpins by removing the property (written only when true)', () => {
    const doc = sampleDoc();
    const pinned = updateStakeholder(doc, 's-legal', { pinned: true });
    expect(pinned.stakeholders[1]).toEqual({ ...doc.stakeholders[1], pinned: true });
    expect(pinned.stakeholders[0]).toBe(doc.stakeholders[0]);
    const unpinned = updateStakeholder(pinned, 's-legal', { pinned: false });
    expect(unpinned.stakeholders[1]).not.toHaveProperty('pinned');
    expect(unpinned.stakeholders[1]).toEqual(doc.stakeholders[1]);
  });

  it('returns the same document when the pin does not change', () => {
    const doc = sampleDoc();
    expect(updateStakeholder(doc, 's-legal', { pinned: false })).toBe(doc);
    const pinned = updateStakeholder(doc, 's-legal', { pinned: true });
    expect(updateStakeholder(pinned, 's-legal', { pinned: true })).toBe(pinned);
  });
});

describe('moveStakeholders', () => {
  it('moves several stakeholders in one new document', () => {
    const doc = sampleDoc();
    const next = moveStakeholders(doc, [
      { id: 's-team', position: { x: 5, y: 6 } },
      { id: 's-brand', position: { x: -7, y: 8.5 } },
    ]);
    expect(next.stakeholders.map((s) => s.position)).toEqual([{ x: 5, y: 6 }, { x: 300, y: 0 }, { x: -7, y: 8.5 }, { x: -300, y: 0 }]);
    expect(next.stakeholders[1]).toBe(doc.stakeholders[1]);
  });

  it('keeps unknown properties of the position', () => {
    const doc = sampleDoc();
    const withExtra = { ...doc, stakeholders: doc.stakeholders.map((s) => ({ ...s, position: { ...s.position, z: 3 } })) };
    const next = moveStakeholders(withExtra, [{ id: 's-team', position: { x: 1, y: 1 } }]);
    expect(next.stakeholders[0]?.position).toEqual({ x: 1, y: 1, z: 3 });
  });

  it('returns the same document when nothing moves (same position, unknown id, no moves)', () => {
    const doc = sampleDoc();
    expect(moveStakeholders(doc, [{ id: 's-team', position: { x: 0, y: 0 } }])).toBe(doc);
    expect(moveStakeholders(doc, [{ id: 's-nobody', position: { x: 9, y: 9 } }])).toBe(doc);
    expect(moveStakeholders(doc, [])).toBe(doc);
  });

  it('ignores a move to a position that is not a finite number (JSON would write it as null)', () => {
    const doc = sampleDoc();
    expect(moveStakeholders(doc, [{ id: 's-team', position: { x: Number.NaN, y: 0 } }])).toBe(doc);
    expect(moveStakeholders(doc, [{ id: 's-team', position: { x: 0, y: Number.POSITIVE_INFINITY } }])).toBe(doc);
    const next = moveStakeholders(doc, [
      { id: 's-team', position: { x: Number.NaN, y: 1 } },
      { id: 's-legal', position: { x: 1, y: 1 } },
    ]);
    expect(next.stakeholders[0]).toBe(doc.stakeholders[0]);
    expect(next.stakeholders[1]?.position).toEqual({ x: 1, y: 1 });
  });
});
