import { describe, expect, it } from 'vitest';
import { extractFragment, pasteFragment, type MapFragment } from '../../../../shared/operations/clipboard';
import { deepFreeze } from '../test-helpers';
import { relationship, sampleDoc, sequence, stakeholder } from './test-docs';

describe('extractFragment', () => {
  it('takes the selected stakeholders and only the relationships with both ends selected', () => {
    const doc = sampleDoc();
    const fragment = extractFragment(doc, ['s-team', 's-legal', 's-agency']);
    expect(fragment.stakeholders.map((s) => s.id)).toEqual(['s-team', 's-legal', 's-agency']);
    expect(fragment.relationships.map((r) => r.id)).toEqual(['r-legal']);
    expect(fragment.stakeholders[0]).toBe(doc.stakeholders[0]);
  });

  it('is empty for an empty or unknown selection', () => {
    expect(extractFragment(sampleDoc(), [])).toEqual({ stakeholders: [], relationships: [] });
    expect(extractFragment(sampleDoc(), ['s-nobody'])).toEqual({ stakeholders: [], relationships: [] });
  });
});

describe('pasteFragment', () => {
  it('pastes with fresh ids, shifted by the offset, with internal relationships remapped', () => {
    const doc = sampleDoc();
    const fragment = deepFreeze(extractFragment(doc, ['s-team', 's-legal', 's-brand']));
    const { doc: next, stakeholderIds, relationshipIds } = pasteFragment(doc, fragment, { x: 40, y: -10 }, sequence(0.1, 0.2, 0.3, 0.4, 0.5, 0.6));
    expect(stakeholderIds).toEqual(['s-19999999', 's-33333333', 's-4ccccccc']);
    expect(relationshipIds).toEqual(['r-66666666', 'r-7fffffff', 'r-99999999']);
    const pasted = next.stakeholders.slice(4);
    expect(pasted.map((s) => s.id)).toEqual(stakeholderIds);
    expect(pasted.map((s) => s.position)).toEqual([{ x: 40, y: -10 }, { x: 340, y: -10 }, { x: 340, y: -210 }]);
    expect(pasted.map((s) => s.name)).toEqual(['Name of s-team', 'Name of s-legal', 'Name of s-brand']);
    expect(pasted[0]).toMatchObject({ kind: 'team', influence: 3, interest: 5 });
    const byOld = new Map([['s-team', stakeholderIds[0]], ['s-legal', stakeholderIds[1]], ['s-brand', stakeholderIds[2]]]);
    expect(next.relationships.slice(3)).toEqual(
      fragment.relationships.map((r, i) => ({ ...r, id: relationshipIds[i], source: byOld.get(r.source), target: byOld.get(r.target) })),
    );
    // The originals are untouched, and nothing else is copied.
    expect(next.stakeholders.slice(0, 4)).toEqual(doc.stakeholders);
    expect(next.relationships.slice(0, 3)).toEqual(doc.relationships);
    expect(next.painPoints).toBe(doc.painPoints);
  });

  it('never reuses an id that is taken, in the document or earlier in the same paste', () => {
    const doc = sampleDoc();
    const taken = deepFreeze({ ...doc, stakeholders: [...doc.stakeholders, stakeholder('s-19999999')] });
    const fragment = extractFragment(doc, ['s-team', 's-legal']);
    // 0.1 gives s-19999999 (taken), then 0.1 again (now taken by this paste too), then 0.2.
    const { stakeholderIds } = pasteFragment(taken, fragment, { x: 0, y: 0 }, sequence(0.1, 0.1, 0.1, 0.2, 0.3));
    expect(stakeholderIds).toEqual(['s-33333333', 's-4ccccccc']);
    const ids = pasteFragment(taken, fragment, { x: 0, y: 0 }).doc.stakeholders.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pastes the same fragment twice as two independent copies', () => {
    const doc = sampleDoc();
    const fragment = extractFragment(doc, ['s-team', 's-legal']);
    const once = pasteFragment(doc, fragment, { x: 40, y: 40 }).doc;
    const twice = pasteFragment(once, fragment, { x: 80, y: 80 }).doc;
    expect(twice.stakeholders).toHaveLength(8);
    expect(twice.relationships).toHaveLength(5);
    expect(new Set(twice.stakeholders.map((s) => s.id)).size).toBe(8);
    expect(new Set(twice.relationships.map((r) => r.id)).size).toBe(5);
  });

  it('drops relationships whose ends are not in the fragment, self-loops, and second relationships between a pair', () => {
    const fragment: MapFragment = deepFreeze({
      stakeholders: [stakeholder('a'), stakeholder('b')],
      relationships: [relationship('r1', 'a', 'outside'), relationship('r2', 'a', 'a'), relationship('r3', 'a', 'b'), relationship('r4', 'b', 'a')],
    });
    const { doc: next, relationshipIds } = pasteFragment(sampleDoc(), fragment, { x: 0, y: 0 });
    expect(relationshipIds).toHaveLength(1);
    expect(next.relationships.at(-1)?.label).toBe('');
    expect(next.relationships).toHaveLength(4);
  });

  it('returns the same document for an empty fragment', () => {
    const doc = sampleDoc();
    expect(pasteFragment(doc, { stakeholders: [], relationships: [] }, { x: 40, y: 40 })).toEqual({ doc, stakeholderIds: [], relationshipIds: [] });
    expect(pasteFragment(doc, { stakeholders: [], relationships: [] }, { x: 40, y: 40 }).doc).toBe(doc);
  });
});
