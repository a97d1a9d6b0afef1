import { describe, expect, it } from 'vitest';
import {
  countRecordedOtherSides,
  describePerceptionGap,
  hasPerceptionGap,
  perceptionGaps,
  statusDistance,
  theirDifferingStatus,
} from '../../../../shared/domain/perception-gaps';

const doc = {
  stakeholders: [
    { id: 'team', name: 'Social media team' },
    { id: 'legal', name: 'Legal' },
    { id: 'brand', name: 'Brand' },
    { id: 'pr', name: '  ' },
  ],
  relationships: [
    // Not asked: no gap, whatever the status.
    { id: 'r-unasked', source: 'team', target: 'brand', status: 'problematic', label: '', otherSide: null },
    // They agree (and add a note): no gap.
    { id: 'r-agree', source: 'team', target: 'pr', status: 'strained', label: '', otherSide: { status: 'strained', notes: 'Too many requests' } },
    // One step apart.
    { id: 'r-near', source: 'brand', target: 'legal', status: 'neutral', label: 'guidelines', otherSide: { status: 'strained', notes: '' } },
    // The widest gap: we say problematic, Legal says healthy.
    { id: 'r-wide', source: 'team', target: 'legal', status: 'problematic', label: 'post approvals', otherSide: { status: 'healthy', notes: 'We answer within a day' } },
    // A broken reference keeps its gap, named as missing.
    { id: 'r-broken', source: 'team', target: 'gone', status: 'healthy', label: '', otherSide: { status: 'neutral', notes: '' } },
  ],
} as never;

describe('perception gaps', () => {
  it('counts the steps between two statuses in the order healthy, neutral, strained, problematic', () => {
    expect(statusDistance('healthy', 'healthy')).toBe(0);
    expect(statusDistance('healthy', 'neutral')).toBe(1);
    expect(statusDistance('problematic', 'neutral')).toBe(2);
    expect(statusDistance('healthy', 'problematic')).toBe(3);
  });

  it('is a gap only where the other side has a view and its status differs', () => {
    expect(hasPerceptionGap({ status: 'problematic', otherSide: null })).toBe(false);
    expect(hasPerceptionGap({ status: 'strained', otherSide: { status: 'strained', notes: 'a note is not a different view' } })).toBe(false);
    expect(hasPerceptionGap({ status: 'neutral', otherSide: { status: 'healthy', notes: '' } })).toBe(true);
    expect(theirDifferingStatus({ status: 'neutral', otherSide: { status: 'healthy', notes: '' } })).toBe('healthy');
    expect(theirDifferingStatus({ status: 'healthy', otherSide: { status: 'healthy', notes: '' } })).toBeNull();
  });

  it('lists every gap, widest first, with both names, both statuses and their note', () => {
    const gaps = perceptionGaps(doc);
    expect(gaps.map((g) => g.id)).toEqual(['r-wide', 'r-near', 'r-broken']);
    expect(gaps[0]).toEqual({
      id: 'r-wide',
      sourceName: 'Social media team',
      targetName: 'Legal',
      label: 'post approvals',
      ours: 'problematic',
      theirs: 'healthy',
      theirNotes: 'We answer within a day',
      distance: 3,
    });
    expect(gaps[2]!.targetName).toBe('missing stakeholder "gone"');
  });

  it('orders gaps of the same width by the names', () => {
    const same = {
      stakeholders: [
        { id: 'a', name: 'Brand' },
        { id: 'b', name: 'anne' },
        { id: 'c', name: 'Zed' },
      ],
      relationships: [
        { id: 'r2', source: 'a', target: 'c', status: 'neutral', label: '', otherSide: { status: 'strained', notes: '' } },
        { id: 'r1', source: 'b', target: 'c', status: 'healthy', label: '', otherSide: { status: 'neutral', notes: '' } },
      ],
    } as never;
    expect(perceptionGaps(same).map((g) => g.sourceName)).toEqual(['anne', 'Brand']);
  });

  it('has nothing to list on a map where no other side was asked', () => {
    expect(perceptionGaps({ stakeholders: [], relationships: [] })).toEqual([]);
    expect(countRecordedOtherSides(doc)).toBe(4);
  });

  it('says the gap in words, naming both sides', () => {
    expect(describePerceptionGap(perceptionGaps(doc)[0]!)).toBe('Social media team sees it as problematic; Legal sees it as healthy.');
  });
});
