import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from '../../../../shared/export/markdown';
import { buildReport } from '../../../../shared/export/report';
import { updateRelationship } from '../../../../shared/operations/relationships';
import { takeSnapshot } from '../../../../shared/operations/snapshots';
import { sampleDoc } from '../operations/test-docs';

const AT = new Date(2026, 11, 3, 9, 0);

describe('the report’s "What changed"', () => {
  it('is left out while the workspace has no snapshots', () => {
    const report = buildReport(sampleDoc(), AT);
    expect(report.whatChanged).toBeNull();
    expect(reportToMarkdown(report)).not.toContain('What changed');
  });

  it('says what changed since the newest snapshot, in the report and in the Markdown', () => {
    const first = takeSnapshot(sampleDoc(), { id: 'a', name: 'Start', takenAt: '2026-12-01T09:00:00.000Z' });
    const second = takeSnapshot(updateRelationship(first, 'r-brand', { status: 'healthy' }), { id: 'b', name: 'After lunch', takenAt: '2026-12-02T13:00:00.000Z' });
    const now = updateRelationship(second, 'r-legal', { status: 'strained' });
    const report = buildReport(now, AT);
    expect(report.whatChanged?.beforeLabel).toBe('the snapshot “After lunch” (2 December 2026)');
    expect(report.whatChanged?.diff.relationships.map((r) => [r.id, r.direction])).toEqual([['r-legal', 'improved']]);
    const md = reportToMarkdown(report);
    expect(md).toContain('## What changed');
    expect(md).toMatch(/Between the snapshot “After lunch” \(2 December 2026\) and this workspace now: 1 change\./);
  });

  it('shows the comparison asked for instead, or none when asked for none', () => {
    const doc = takeSnapshot(sampleDoc(), { id: 'a', name: 'Start', takenAt: '2026-12-01T09:00:00.000Z' });
    expect(buildReport(doc, AT, { comparison: null }).whatChanged).toBeNull();
    const asked = { beforeLabel: 'breakout.stakemap', afterLabel: 'this workspace now', diff: { stakeholders: [], relationships: [], painPoints: [], solutions: [] } };
    expect(buildReport(doc, AT, { comparison: asked }).whatChanged).toBe(asked);
  });
});
