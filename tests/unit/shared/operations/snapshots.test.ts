import { describe, expect, it } from 'vitest';
import { workspaceSchema } from '../../../../shared/document/schema';
import { updateRelationship } from '../../../../shared/operations/relationships';
import {
  defaultSnapshotName,
  deleteSnapshot,
  documentAtSnapshot,
  mapStateOf,
  renameSnapshot,
  restoreSnapshot,
  takeSnapshot,
} from '../../../../shared/operations/snapshots';
import { sampleDoc } from './test-docs';

const AT = '2026-12-03T09:00:00.000Z';

describe('snapshots', () => {
  it('keeps the map as it is now, newest last, and refuses a taken id', () => {
    const doc = sampleDoc();
    const one = takeSnapshot(doc, { id: 'snap-1', name: 'Before', takenAt: AT });
    expect(one.snapshots).toHaveLength(1);
    expect(one.snapshots[0]).toEqual({ id: 'snap-1', name: 'Before', takenAt: AT, state: mapStateOf(doc) });
    expect(one.snapshots[0]!.state.stakeholders).toBe(doc.stakeholders);
    expect(takeSnapshot(one, { id: 'snap-1', name: 'Again', takenAt: AT })).toBe(one);
    const two = takeSnapshot(one, { id: 'snap-2', name: 'After', takenAt: AT });
    expect(two.snapshots.map((s) => s.name)).toEqual(['Before', 'After']);
    expect(workspaceSchema.safeParse(two).success).toBe(true);
  });

  it('restores the map of a snapshot, keeps the timeline and what is not the map', () => {
    const before = takeSnapshot(sampleDoc(), { id: 'snap-1', name: 'Before', takenAt: AT });
    const changed = { ...updateRelationship(before, 'r-legal', { status: 'healthy' }), title: 'Renamed later' };
    const restored = restoreSnapshot(changed, 'snap-1');
    expect(restored.relationships.find((r) => r.id === 'r-legal')?.status).toBe('problematic');
    expect(restored.title).toBe('Renamed later');
    expect(restored.snapshots).toBe(changed.snapshots);
    expect(restoreSnapshot(changed, 'nope')).toBe(changed);
  });

  it('leaves out the ballots of participants no longer listed', () => {
    const doc = { ...sampleDoc(), participants: [{ id: 'p1', label: 'P1', departmentId: null }], ballots: [{ participantId: 'p1', painPointId: 'p-on-rel' }] };
    const snap = takeSnapshot(
      { ...doc, ballots: [...doc.ballots, { participantId: 'gone', painPointId: 'p-on-rel' }] },
      { id: 's', name: 'S', takenAt: AT },
    ).snapshots[0]!;
    expect(documentAtSnapshot(doc, snap).ballots).toEqual([{ participantId: 'p1', painPointId: 'p-on-rel' }]);
  });

  it('renames and deletes, returning the same document when nothing changes', () => {
    const doc = takeSnapshot(sampleDoc(), { id: 'snap-1', name: 'Before', takenAt: AT });
    expect(renameSnapshot(doc, 'snap-1', 'Before').snapshots).toBe(doc.snapshots);
    expect(renameSnapshot(doc, 'snap-1', 'Start of day').snapshots[0]!.name).toBe('Start of day');
    expect(deleteSnapshot(doc, 'snap-1').snapshots).toEqual([]);
    expect(deleteSnapshot(doc, 'nope')).toBe(doc);
  });

  it('names a new snapshot by the first free number', () => {
    expect(defaultSnapshotName({ snapshots: [] })).toBe('Snapshot 1');
    const doc = takeSnapshot(sampleDoc(), { id: 'a', name: 'Snapshot 2', takenAt: AT });
    expect(defaultSnapshotName(doc)).toBe('Snapshot 3');
  });
});
