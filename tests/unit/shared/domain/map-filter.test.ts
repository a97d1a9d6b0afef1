import { describe, expect, it } from 'vitest';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import { NO_FILTER, describeFilter, isFilterActive, visibleItems, type MapFilter } from '../../../../shared/domain/map-filter';
import { deepFreeze } from '../test-helpers';
import { painPoint, relationship, sampleDoc, stakeholder } from '../operations/test-docs';

const solution = (id: string, addresses: string[], status: Solution['status']): Solution => ({
  id,
  title: `Solution ${id}`,
  description: '',
  addresses,
  status,
  owner: '',
  dueDate: null,
});

/**
 * Six stakeholders; relationships team–legal and team–agency (problematic), team–brand (strained), brand–legal
 * and it–hr (neutral). Pain points: on legal (governance), on team–legal (processes), on it–hr (roles), on hr
 * (roles), workspace-wide (roles). x-1 (agreed) addresses team–legal and it–hr; x-2 (dropped) addresses hr.
 * So the unaddressed ones are p-legal, p-hr and p-wide.
 */
function mapDoc(solutions: Solution[] = [solution('x-1', ['p-approvals', 'p-it'], 'agreed'), solution('x-2', ['p-hr'], 'dropped')]): WorkspaceDocument {
  return deepFreeze({
    ...sampleDoc(),
    stakeholders: ['s-team', 's-legal', 's-brand', 's-agency', 's-it', 's-hr'].map((id) => stakeholder(id)),
    relationships: [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic' }),
      relationship('r-brand', 's-team', 's-brand', { status: 'strained' }),
      relationship('r-brand-legal', 's-brand', 's-legal'),
      relationship('r-agency', 's-team', 's-agency', { status: 'problematic' }),
      relationship('r-it-hr', 's-it', 's-hr'),
    ],
    painPoints: [
      painPoint('p-legal', [{ type: 'stakeholder', id: 's-legal' }], { categoryId: 'governance' }),
      painPoint('p-approvals', [{ type: 'relationship', id: 'r-legal' }], { categoryId: 'processes' }),
      painPoint('p-it', [{ type: 'relationship', id: 'r-it-hr' }], { categoryId: 'roles' }),
      painPoint('p-hr', [{ type: 'stakeholder', id: 's-hr' }], { categoryId: 'roles' }),
      painPoint('p-wide', [], { categoryId: 'roles' }),
    ],
    solutions,
  });
}

const filter = (f: Partial<MapFilter>): MapFilter => deepFreeze({ ...NO_FILTER, ...f });

/** The visible ids, sorted, for readable expectations. */
function visible(doc: WorkspaceDocument, f: MapFilter): { stakeholders: string[]; relationships: string[] } {
  const v = visibleItems(doc, f);
  return { stakeholders: [...v.stakeholderIds].sort(), relationships: [...v.relationshipIds].sort() };
}

const ALL_STAKEHOLDERS = ['s-agency', 's-brand', 's-hr', 's-it', 's-legal', 's-team'];
const ALL_RELATIONSHIPS = ['r-agency', 'r-brand', 'r-brand-legal', 'r-it-hr', 'r-legal'];

describe('NO_FILTER and isFilterActive', () => {
  it('NO_FILTER has every criterion off and cannot be changed', () => {
    expect(NO_FILTER).toEqual({ problematicOnly: false, withPainPoints: false, unaddressedOnly: false, categoryIds: [] });
    expect(Object.isFrozen(NO_FILTER)).toBe(true);
    expect(Object.isFrozen(NO_FILTER.categoryIds)).toBe(true);
    expect(isFilterActive(NO_FILTER)).toBe(false);
  });

  it.each([
    ['problematicOnly', { problematicOnly: true }],
    ['withPainPoints', { withPainPoints: true }],
    ['unaddressedOnly', { unaddressedOnly: true }],
    ['a category', { categoryIds: ['roles'] }],
  ])('is active with %s', (_, f) => {
    expect(isFilterActive(filter(f))).toBe(true);
  });
});

describe('describeFilter', () => {
  const doc = mapDoc();

  it('says nothing when the filter is off', () => {
    expect(describeFilter(NO_FILTER, doc)).toEqual([]);
  });

  it('gives one phrase per active criterion, in a fixed order', () => {
    expect(describeFilter(filter({ problematicOnly: true }), doc)).toEqual(['Problematic relationships only']);
    expect(describeFilter(filter({ withPainPoints: true }), doc)).toEqual(['With pain points']);
    expect(describeFilter(filter({ unaddressedOnly: true }), doc)).toEqual(['Unaddressed pain points']);
    expect(describeFilter(filter({ categoryIds: ['governance', 'roles'], unaddressedOnly: true, problematicOnly: true, withPainPoints: true }), doc)).toEqual([
      'Problematic relationships only',
      'With pain points',
      'Unaddressed pain points',
      'Category: Governance, Roles',
    ]);
  });

  it('names categories by their current name, in the filter’s order, each once', () => {
    const renamed = deepFreeze({ ...doc, categories: doc.categories.map((c) => (c.id === 'roles' ? { ...c, name: 'People' } : c)) });
    expect(describeFilter(filter({ categoryIds: ['roles', 'workflows', 'roles'] }), renamed)).toEqual(['Category: People, Workflows']);
  });

  it('names a category that no longer exists as missing', () => {
    expect(describeFilter(filter({ categoryIds: ['roles', 'c-gone'] }), doc)).toEqual(['Category: Roles, missing category "c-gone"']);
  });
});

describe('visibleItems', () => {
  it('shows everything with no active filter', () => {
    expect(visible(mapDoc(), NO_FILTER)).toEqual({ stakeholders: ALL_STAKEHOLDERS, relationships: ALL_RELATIONSHIPS });
  });

  it('problematic only: the problematic relationships and their ends', () => {
    expect(visible(mapDoc(), filter({ problematicOnly: true }))).toEqual({
      stakeholders: ['s-agency', 's-legal', 's-team'],
      relationships: ['r-agency', 'r-legal'],
    });
  });

  it('with pain points: items with any pain point attached, plus the ends of such relationships', () => {
    expect(visible(mapDoc(), filter({ withPainPoints: true }))).toEqual({
      stakeholders: ['s-hr', 's-it', 's-legal', 's-team'],
      relationships: ['r-it-hr', 'r-legal'],
    });
  });

  it('unaddressed: items with a pain point no live solution addresses; a dropped solution does not count', () => {
    // p-hr is addressed only by the dropped x-2; p-approvals and p-it by the agreed x-1.
    expect(visible(mapDoc(), filter({ unaddressedOnly: true }))).toEqual({ stakeholders: ['s-hr', 's-legal'], relationships: [] });
  });

  it('unaddressed follows the solutions: dropping the one that addressed two pain points shows both again', () => {
    const doc = mapDoc([solution('x-1', ['p-approvals', 'p-it'], 'dropped'), solution('x-2', ['p-hr'], 'in-progress')]);
    expect(visible(doc, filter({ unaddressedOnly: true }))).toEqual({
      stakeholders: ['s-hr', 's-it', 's-legal', 's-team'],
      relationships: ['r-it-hr', 'r-legal'],
    });
  });

  it('categories: items with a pain point in one of them', () => {
    expect(visible(mapDoc(), filter({ categoryIds: ['roles'] }))).toEqual({ stakeholders: ['s-hr', 's-it'], relationships: ['r-it-hr'] });
    expect(visible(mapDoc(), filter({ categoryIds: ['roles', 'governance'] }))).toEqual({
      stakeholders: ['s-hr', 's-it', 's-legal'],
      relationships: ['r-it-hr'],
    });
    expect(visible(mapDoc(), filter({ categoryIds: ['workflows'] }))).toEqual({ stakeholders: [], relationships: [] });
  });

  it('a category that no longer exists matches nothing', () => {
    expect(visible(mapDoc(), filter({ categoryIds: ['c-gone'] }))).toEqual({ stakeholders: [], relationships: [] });
  });

  it('with pain points adds nothing to a category or unaddressed criterion', () => {
    const doc = mapDoc();
    expect(visible(doc, filter({ categoryIds: ['roles'], withPainPoints: true }))).toEqual(visible(doc, filter({ categoryIds: ['roles'] })));
    expect(visible(doc, filter({ unaddressedOnly: true, withPainPoints: true }))).toEqual(visible(doc, filter({ unaddressedOnly: true })));
  });

  it('combined: problematic relationships with pain points, and problematic ends with pain points', () => {
    // s-agency is at a problematic end but has no pain point; s-team comes in as an end of r-legal.
    expect(visible(mapDoc(), filter({ problematicOnly: true, withPainPoints: true }))).toEqual({
      stakeholders: ['s-legal', 's-team'],
      relationships: ['r-legal'],
    });
  });

  it('combined: problematic and unaddressed', () => {
    // r-legal's only pain point is addressed; s-legal is a problematic end with an unaddressed one; s-hr is not problematic.
    expect(visible(mapDoc(), filter({ problematicOnly: true, unaddressedOnly: true }))).toEqual({ stakeholders: ['s-legal'], relationships: [] });
  });

  it('combined: a category and unaddressed must hold for the same pain point', () => {
    expect(visible(mapDoc(), filter({ categoryIds: ['roles'], unaddressedOnly: true }))).toEqual({ stakeholders: ['s-hr'], relationships: [] });
    // p-approvals is in processes but addressed; p-legal is unaddressed but in governance.
    expect(visible(mapDoc(), filter({ categoryIds: ['processes'], unaddressedOnly: true }))).toEqual({ stakeholders: [], relationships: [] });
  });

  it('combined: everything at once', () => {
    const f = filter({ problematicOnly: true, withPainPoints: true, unaddressedOnly: true, categoryIds: ['governance'] });
    expect(visible(mapDoc(), f)).toEqual({ stakeholders: ['s-legal'], relationships: [] });
  });

  it('workspace-wide pain points keep nothing on the map', () => {
    const doc = deepFreeze({ ...mapDoc(), painPoints: [painPoint('p-wide', [], { categoryId: 'roles' })] });
    expect(visible(doc, filter({ withPainPoints: true }))).toEqual({ stakeholders: [], relationships: [] });
  });

  it('a pain point on a missing item shows nothing, and a missing end of a relationship is not added', () => {
    const base = mapDoc();
    const doc = deepFreeze({
      ...base,
      relationships: [...base.relationships, relationship('r-broken', 's-team', 's-gone', { status: 'problematic' })],
      painPoints: [painPoint('p-1', [{ type: 'stakeholder', id: 's-gone' }, { type: 'relationship', id: 'r-broken' }])],
    });
    expect(visible(doc, filter({ withPainPoints: true }))).toEqual({ stakeholders: ['s-team'], relationships: ['r-broken'] });
  });

  it('returns fresh sets the caller may change', () => {
    const doc = mapDoc();
    visibleItems(doc, NO_FILTER).stakeholderIds.clear();
    expect(visibleItems(doc, NO_FILTER).stakeholderIds.size).toBe(6);
  });

  it('combines every criterion correctly on a map of 20,000 stakeholders', () => {
    const n = 20_000;
    const doc = deepFreeze({
      ...sampleDoc(),
      stakeholders: Array.from({ length: n }, (_, i) => stakeholder(`s-${i}`)),
      relationships: Array.from({ length: n - 1 }, (_, i) =>
        relationship(`r-${i}`, `s-${i}`, `s-${i + 1}`, { status: i % 10 === 0 ? 'problematic' : 'neutral' }),
      ),
      painPoints: Array.from({ length: n }, (_, i) =>
        painPoint(`p-${i}`, [{ type: i % 2 === 0 ? 'stakeholder' : 'relationship', id: i % 2 === 0 ? `s-${i}` : `r-${i}` }], {
          categoryId: i % 3 === 0 ? 'roles' : 'processes',
        }),
      ),
      solutions: [solution('x-1', Array.from({ length: n / 2 }, (_, i) => `p-${i}`), 'idea')],
    });
    const v = visibleItems(doc, filter({ problematicOnly: true, unaddressedOnly: true, categoryIds: ['roles'] }));
    // Relationships r-i with i % 10 === 0 are problematic; odd i carry a pain point; so none qualify.
    expect(v.relationshipIds.size).toBe(0);
    // Stakeholders s-i at a problematic end (i % 10 is 0 or 1) with an unaddressed roles pain point (even i >= n/2, i % 3 === 0).
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => (i % 10 === 0 || i % 10 === 1) && i % 2 === 0 && i >= n / 2 && i % 3 === 0);
    expect([...v.stakeholderIds].sort()).toEqual(expected.map((i) => `s-${i}`).sort());
  });
});
