import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../../../shared/domain/map-filter';
import { createDecorationsMemo, mapDecorations, PLAIN, sameDecoration } from '../../../../renderer/src/store/map-decorations';
import { sampleDoc } from '../../shared/operations/test-docs';

const withSolution = (status: 'idea' | 'dropped') => ({
  ...sampleDoc(),
  solutions: [{ id: 'x-1', title: 'Fix it', description: '', addresses: ['p-on-rel'], status, owner: '', dueDate: null }],
});

describe('mapDecorations', () => {
  it('badges every item with pain points: count, category colours, unaddressed count', () => {
    const doc = sampleDoc();
    const { stakeholders, relationships } = mapDecorations(doc, NO_FILTER, null);
    const processes = doc.categories.find((c) => c.id === 'processes')!.color;
    expect(stakeholders.get('s-legal')).toEqual({ badge: { count: 1, colors: [processes], unaddressed: 1 }, dimmed: false, highlighted: false });
    expect(relationships.get('r-legal')!.badge).toEqual({ count: 2, colors: [processes], unaddressed: 2 });
    // Items without pain points, filter or highlight carry no entry (they use the shared PLAIN decoration).
    expect(stakeholders.has('s-agency')).toBe(false);
    expect(relationships.has('r-brand')).toBe(false);
  });

  it('counts a pain point as addressed only while a live solution addresses it', () => {
    expect(mapDecorations(withSolution('idea'), NO_FILTER, null).relationships.get('r-legal')!.badge!.unaddressed).toBe(1);
    expect(mapDecorations(withSolution('dropped'), NO_FILTER, null).relationships.get('r-legal')!.badge!.unaddressed).toBe(2);
  });

  it('dims what the filter leaves out and nothing else', () => {
    const doc = sampleDoc();
    const { stakeholders, relationships } = mapDecorations(doc, { ...NO_FILTER, problematicOnly: true }, null);
    expect(stakeholders.get('s-agency')?.dimmed).toBe(true);
    expect(stakeholders.get('s-brand')?.dimmed).toBe(true);
    expect(stakeholders.get('s-team')?.dimmed ?? false).toBe(false);
    expect(stakeholders.get('s-legal')?.dimmed ?? false).toBe(false);
    expect(relationships.get('r-brand')?.dimmed).toBe(true);
    expect(relationships.get('r-legal')?.dimmed ?? false).toBe(false);
  });

  it('highlights what the open pain point is attached to, or what the open solution’s pain points are', () => {
    const doc = withSolution('idea');
    const forPainPoint = mapDecorations(doc, NO_FILTER, { type: 'painPoint', id: 'p-on-both' });
    expect(forPainPoint.stakeholders.get('s-brand')?.highlighted).toBe(true);
    expect(forPainPoint.relationships.get('r-legal')?.highlighted).toBe(true);
    expect(forPainPoint.stakeholders.get('s-legal')?.highlighted).toBe(false);
    const forSolution = mapDecorations(doc, NO_FILTER, { type: 'solution', id: 'x-1' });
    expect(forSolution.relationships.get('r-legal')?.highlighted).toBe(true);
    expect(forSolution.stakeholders.get('s-brand')?.highlighted).toBe(false);
  });

  it('returns the same result for the same inputs, so unchanged maps redraw nothing', () => {
    const doc = sampleDoc();
    const memo = createDecorationsMemo();
    const first = memo(doc, NO_FILTER, null);
    expect(memo({ ...doc, title: 'Renamed' }, NO_FILTER, null)).toBe(first);
    // Another user of decorations (an export) has its own memo: it never evicts this one.
    createDecorationsMemo()(doc, { ...NO_FILTER, problematicOnly: true }, null);
    mapDecorations(doc, { ...NO_FILTER, problematicOnly: true }, null);
    expect(memo({ ...doc, title: 'Again' }, NO_FILTER, null)).toBe(first);
    expect(memo(doc, { ...NO_FILTER, withPainPoints: true }, null)).not.toBe(first);
  });
});

describe('sameDecoration', () => {
  it('compares by value', () => {
    const a = { badge: { count: 2, colors: ['#111', '#222'], unaddressed: 1 }, dimmed: false, highlighted: false };
    expect(sameDecoration(a, { ...a, badge: { ...a.badge, colors: ['#111', '#222'] } })).toBe(true);
    expect(sameDecoration(a, { ...a, badge: { ...a.badge, colors: ['#111'] } })).toBe(false);
    expect(sameDecoration(a, { ...a, dimmed: true })).toBe(false);
    expect(sameDecoration(PLAIN, { badge: null, dimmed: false, highlighted: false })).toBe(true);
    expect(sameDecoration(PLAIN, a)).toBe(false);
  });
});
