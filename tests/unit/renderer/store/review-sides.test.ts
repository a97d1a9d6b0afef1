import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../../../shared/domain/workspace-diff';
import { deleteItems } from '../../../../shared/operations/delete-items';
import { takeSnapshot } from '../../../../shared/operations/snapshots';
import { comparisonUnion, labelOfSide, openComparisonForReport, resolveSide } from '../../../../renderer/src/store/review-sides';
import { sampleDoc } from '../../shared/operations/test-docs';

const AT = '2026-12-03T09:00:00.000Z';

describe('review sides', () => {
  const before = takeSnapshot(sampleDoc(), { id: 'snap', name: 'Before', takenAt: AT });
  const now = deleteItems(before, { stakeholderIds: ['s-agency'], relationshipIds: ['r-brand'] });

  it('resolves now, a snapshot and a file, and null for a snapshot that is gone', () => {
    expect(resolveSide(now, { kind: 'now' })).toBe(now);
    expect(resolveSide(now, { kind: 'snapshot', id: 'snap' })?.stakeholders.map((s) => s.id)).toContain('s-agency');
    expect(resolveSide(now, { kind: 'snapshot', id: 'gone' })).toBeNull();
    const other = sampleDoc();
    expect(resolveSide(now, { kind: 'file', fileName: 'b.stakemap', doc: other })).toBe(other);
  });

  it('names the sides as the sentence says them', () => {
    expect(labelOfSide(now, { kind: 'now' })).toBe('this workspace now');
    expect(labelOfSide(now, { kind: 'snapshot', id: 'snap' })).toMatch(/^the snapshot “Before” \(\d Dec 2026, \d\d:\d\d\)$/);
    expect(labelOfSide(now, { kind: 'file', fileName: 'b.stakemap', doc: now })).toBe('“b.stakemap”');
  });

  it('draws the comparison on after with what before lost put back, to be shown faded', () => {
    const beforeDoc = resolveSide(now, { kind: 'snapshot', id: 'snap' })!;
    const diff = diffWorkspaces(beforeDoc, now);
    const union = comparisonUnion(beforeDoc, now, diff);
    expect(union.stakeholders.map((s) => s.id)).toEqual([...now.stakeholders.map((s) => s.id), 's-agency']);
    expect(union.relationships.map((r) => r.id)).toContain('r-brand');
    expect(comparisonUnion(now, now, diffWorkspaces(now, now))).toBe(now);
  });

  it('gives the report the comparison on screen, with a file side redacted as the export is', () => {
    expect(openComparisonForReport(now, null, (d) => d)).toBeUndefined();
    expect(openComparisonForReport(now, { kind: 'snapshot', id: 'snap' }, (d) => d)).toBeUndefined();
    const redacted: string[] = [];
    const comparison = openComparisonForReport(now, { kind: 'compare', before: { kind: 'file', fileName: 'b.stakemap', doc: before }, after: { kind: 'now' } }, (d) => {
      redacted.push(d.title);
      return d;
    });
    expect(redacted).toEqual([before.title]);
    expect(comparison?.beforeLabel).toBe('“b.stakemap”');
    expect(comparison?.diff.stakeholders.map((s) => [s.id, s.change])).toEqual([['s-agency', 'removed']]);
  });
});
