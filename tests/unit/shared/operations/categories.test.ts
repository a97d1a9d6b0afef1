import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../../shared/document/format';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { workspaceSchema } from '../../../../shared/document/schema';
import {
  CATEGORY_PALETTE,
  addCategory,
  deleteCategory,
  moveCategory,
  nextCategoryColor,
  painPointsInCategory,
  updateCategory,
} from '../../../../shared/operations/categories';
import { deepFreeze } from '../test-helpers';
import { painPoint, sampleDoc } from './test-docs';

const ids = (doc: WorkspaceDocument) => doc.categories.map((c) => c.id);
const DEFAULT_IDS = ['workflows', 'roles', 'processes', 'governance', 'infrastructure', 'knowledge-training'];

/** The sample with pain points spread over two categories (processes: 3, roles: 2) and none in the others. */
function docInUse(): WorkspaceDocument {
  const base = sampleDoc();
  return deepFreeze({
    ...base,
    painPoints: [
      ...base.painPoints.slice(0, 3),
      painPoint('p-roles-1', [], { categoryId: 'roles' }),
      painPoint('p-roles-2', [{ type: 'stakeholder', id: 's-team' }], { categoryId: 'roles', quotes: [{ text: 'Who owns this?', voice: null }], tally: 2 }),
    ],
  });
}

/** A document with exactly the given categories (and the sample's pain points, all in `processes`). */
function docWithCategories(categories: WorkspaceDocument['categories']): WorkspaceDocument {
  return deepFreeze({ ...sampleDoc(), categories });
}

describe('addCategory', () => {
  it('appends a category, leaving everything else as it was', () => {
    const doc = sampleDoc();
    const next = addCategory(doc, { id: 'c-1', name: 'Budget', color: '#0b7285' });
    expect(ids(next)).toEqual([...DEFAULT_IDS, 'c-1']);
    expect(next.categories.at(-1)).toEqual({ id: 'c-1', name: 'Budget', color: '#0b7285' });
    expect(next.categories[0]).toBe(doc.categories[0]);
    expect(next.painPoints).toBe(doc.painPoints);
    expect(workspaceSchema.safeParse(next).success).toBe(true);
  });

  it('stores a copy with only the category fields', () => {
    const input = { id: 'c-1', name: 'Budget', color: '#0b7285', extra: 'not stored' };
    const next = addCategory(sampleDoc(), input);
    expect(next.categories.at(-1)).toEqual({ id: 'c-1', name: 'Budget', color: '#0b7285' });
    expect(next.categories.at(-1)).not.toBe(input);
  });

  it('refuses a taken id and an empty id by returning the same document', () => {
    const doc = sampleDoc();
    expect(addCategory(doc, { id: 'roles', name: 'Roles again', color: '#000000' })).toBe(doc);
    expect(addCategory(doc, { id: '', name: 'No id', color: '#000000' })).toBe(doc);
  });
});

describe('updateCategory', () => {
  it('renames and recolours one category only', () => {
    const doc = sampleDoc();
    const next = updateCategory(doc, 'roles', { name: 'Roles & responsibilities', color: '#495057' });
    expect(next.categories[1]).toEqual({ id: 'roles', name: 'Roles & responsibilities', color: '#495057' });
    expect(next.categories[0]).toBe(doc.categories[0]);
    expect(next.categories[2]).toBe(doc.categories[2]);
  });

  it('changes just the name or just the colour', () => {
    const doc = sampleDoc();
    expect(updateCategory(doc, 'roles', { name: 'People' }).categories[1]).toEqual({ id: 'roles', name: 'People', color: '#7048e8' });
    expect(updateCategory(doc, 'roles', { color: '#000000' }).categories[1]).toEqual({ id: 'roles', name: 'Roles', color: '#000000' });
  });

  it('never changes the id, even when a caller passes one', () => {
    const sneaky = { name: 'People', id: 'people' } as Parameters<typeof updateCategory>[2];
    expect(updateCategory(sampleDoc(), 'roles', sneaky).categories[1]).toEqual({ id: 'roles', name: 'People', color: '#7048e8' });
  });

  it('keeps properties another tool wrote on the category', () => {
    const doc = docWithCategories([{ id: 'a', name: 'A', color: '#111111', icon: 'star' }]);
    expect(updateCategory(doc, 'a', { name: 'B' }).categories[0]).toEqual({ id: 'a', name: 'B', color: '#111111', icon: 'star' });
  });

  it('returns the same document for a no-op, an empty patch or a missing id', () => {
    const doc = sampleDoc();
    expect(updateCategory(doc, 'roles', { name: 'Roles', color: '#7048e8' })).toBe(doc);
    expect(updateCategory(doc, 'roles', {})).toBe(doc);
    expect(updateCategory(doc, 'nope', { name: 'x' })).toBe(doc);
  });
});

describe('moveCategory', () => {
  it('moves a category forwards and backwards, the others shifting', () => {
    const doc = sampleDoc();
    expect(ids(moveCategory(doc, 'workflows', 2))).toEqual(['roles', 'processes', 'workflows', 'governance', 'infrastructure', 'knowledge-training']);
    expect(ids(moveCategory(doc, 'governance', 0))).toEqual(['governance', 'workflows', 'roles', 'processes', 'infrastructure', 'knowledge-training']);
    expect(ids(moveCategory(doc, 'roles', 5))).toEqual(['workflows', 'processes', 'governance', 'infrastructure', 'knowledge-training', 'roles']);
  });

  it('keeps the category objects and leaves the pain points alone', () => {
    const doc = sampleDoc();
    const next = moveCategory(doc, 'roles', 0);
    expect(next.categories[0]).toBe(doc.categories[1]);
    expect(next.painPoints).toBe(doc.painPoints);
  });

  it('clamps the index to the list', () => {
    const doc = sampleDoc();
    expect(ids(moveCategory(doc, 'roles', 99))).toEqual(['workflows', 'processes', 'governance', 'infrastructure', 'knowledge-training', 'roles']);
    expect(ids(moveCategory(doc, 'governance', -3))).toEqual(['governance', 'workflows', 'roles', 'processes', 'infrastructure', 'knowledge-training']);
    expect(ids(moveCategory(doc, 'roles', Infinity)).at(-1)).toBe('roles');
    expect(ids(moveCategory(doc, 'roles', 2.7))).toEqual(['workflows', 'processes', 'roles', 'governance', 'infrastructure', 'knowledge-training']);
  });

  it('returns the same document when the category is already there, is missing, or the index is not a number', () => {
    const doc = sampleDoc();
    expect(moveCategory(doc, 'roles', 1)).toBe(doc);
    expect(moveCategory(doc, 'workflows', -1)).toBe(doc);
    expect(moveCategory(doc, 'knowledge-training', 6)).toBe(doc);
    expect(moveCategory(doc, 'nope', 0)).toBe(doc);
    expect(moveCategory(doc, 'roles', Number.NaN)).toBe(doc);
  });
});

describe('deleteCategory', () => {
  it('deletes an unused category; reassignTo is ignored', () => {
    const doc = docInUse();
    for (const reassignTo of [null, 'roles', 'nope', 'governance']) {
      const next = deleteCategory(doc, 'governance', reassignTo);
      expect(ids(next)).toEqual(['workflows', 'roles', 'processes', 'infrastructure', 'knowledge-training']);
      expect(next.painPoints).toBe(doc.painPoints);
    }
  });

  it('moves the pain points of a category in use to the chosen one, in the same step', () => {
    const doc = docInUse();
    const next = deleteCategory(doc, 'roles', 'governance');
    expect(ids(next)).toEqual(['workflows', 'processes', 'governance', 'infrastructure', 'knowledge-training']);
    expect(next.painPoints.map((p) => p.categoryId)).toEqual(['processes', 'processes', 'processes', 'governance', 'governance']);
    // Only the category changes: quotes, votes and attachments come along.
    expect(next.painPoints[4]).toEqual({ ...doc.painPoints[4], categoryId: 'governance' });
    expect(next.painPoints[0]).toBe(doc.painPoints[0]);
    expect(painPointsInCategory(next, 'governance')).toBe(2);
    expect(workspaceSchema.safeParse(next).success).toBe(true);
  });

  it('can move the pain points to a category that already has some', () => {
    const next = deleteCategory(docInUse(), 'roles', 'processes');
    expect(painPointsInCategory(next, 'processes')).toBe(5);
  });

  it.each([
    ['no category to move them to', null],
    ['the category being deleted', 'roles'],
    ['a category that does not exist', 'nope'],
  ])('refuses to delete a category in use when given %s', (_, reassignTo) => {
    const doc = docInUse();
    expect(deleteCategory(doc, 'roles', reassignTo)).toBe(doc);
  });

  it('returns the same document for a missing category', () => {
    const doc = docInUse();
    expect(deleteCategory(doc, 'nope', 'roles')).toBe(doc);
    expect(deleteCategory(doc, 'nope', null)).toBe(doc);
  });

  it('never deletes the last remaining category, used or not', () => {
    const unused = docWithCategories([{ id: 'only', name: 'Only', color: '#111111' }]);
    expect(deleteCategory(unused, 'only', null)).toBe(unused);
    const used = deepFreeze({ ...unused, painPoints: [painPoint('p-1', [], { categoryId: 'only' })] });
    expect(deleteCategory(used, 'only', 'only')).toBe(used);
  });

  it('deletes down to one category', () => {
    const doc = docWithCategories([
      { id: 'a', name: 'A', color: '#111111' },
      { id: 'processes', name: 'Processes', color: '#d9480f' },
    ]);
    const next = deleteCategory(doc, 'processes', 'a');
    expect(ids(next)).toEqual(['a']);
    expect(next.painPoints.every((p) => p.categoryId === 'a')).toBe(true);
  });
});

describe('painPointsInCategory', () => {
  it('counts the pain points in a category', () => {
    const doc = docInUse();
    expect(painPointsInCategory(doc, 'processes')).toBe(3);
    expect(painPointsInCategory(doc, 'roles')).toBe(2);
    expect(painPointsInCategory(doc, 'governance')).toBe(0);
    expect(painPointsInCategory(doc, 'nope')).toBe(0);
  });
});

describe('CATEGORY_PALETTE', () => {
  /** WCAG contrast ratio of a #rrggbb colour against white. */
  const contrastWithWhite = (hex: string) => {
    const channel = (i: number) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 1.05 / (luminance + 0.05);
  };

  it('starts with the six default colours and holds about a dozen distinct lower-case #rrggbb colours', () => {
    expect(CATEGORY_PALETTE.slice(0, 6)).toEqual(DEFAULT_CATEGORIES.map((c) => c.color));
    expect(CATEGORY_PALETTE.length).toBeGreaterThanOrEqual(10);
    expect(CATEGORY_PALETTE.length).toBeLessThanOrEqual(14);
    expect(new Set(CATEGORY_PALETTE).size).toBe(CATEGORY_PALETTE.length);
    for (const color of CATEGORY_PALETTE) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is dark enough for white text: the added colours reach 4.5:1, the defaults at least 3:1', () => {
    for (const color of CATEGORY_PALETTE.slice(0, 6)) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(2.99);
    for (const color of CATEGORY_PALETTE.slice(6)) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CATEGORY_PALETTE)).toBe(true);
  });
});

describe('nextCategoryColor', () => {
  it('offers the first palette colour no category uses', () => {
    expect(nextCategoryColor(sampleDoc())).toBe(CATEGORY_PALETTE[6]);
    expect(nextCategoryColor(docWithCategories([]))).toBe(CATEGORY_PALETTE[0]);
    // A default colour that was freed (its category deleted) is offered again first.
    expect(nextCategoryColor(deleteCategory(sampleDoc(), 'roles', null))).toBe('#7048e8');
  });

  it('ignores colours outside the palette and compares without regard to case', () => {
    const doc = docWithCategories([
      { id: 'a', name: 'A', color: '#1971C2' },
      { id: 'b', name: 'B', color: 'rebeccapurple' },
      { id: 'c', name: 'C', color: ' #7048E8 ' },
    ]);
    expect(nextCategoryColor(doc)).toBe(CATEGORY_PALETTE[2]);
  });

  it('cycles through the palette once every colour is in use', () => {
    let doc = docWithCategories([]);
    const offered: string[] = [];
    for (let i = 0; i < CATEGORY_PALETTE.length * 2 + 1; i++) {
      const color = nextCategoryColor(doc);
      offered.push(color);
      doc = addCategory(doc, { id: `c-${i}`, name: `C${i}`, color });
    }
    expect(offered).toEqual([...CATEGORY_PALETTE, ...CATEGORY_PALETTE, CATEGORY_PALETTE[0]]);
  });

  it('after a full round, offers the least used colour', () => {
    const all = CATEGORY_PALETTE.map((color, i) => ({ id: `c-${i}`, name: `C${i}`, color }));
    const doc = docWithCategories([...all, { id: 'x', name: 'X', color: CATEGORY_PALETTE[0] as string }, { id: 'y', name: 'Y', color: CATEGORY_PALETTE[2] as string }]);
    expect(nextCategoryColor(doc)).toBe(CATEGORY_PALETTE[1]);
  });
});
