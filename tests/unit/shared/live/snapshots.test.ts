import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Snapshot, WorkspaceDocument } from '../../../../shared/document/schema';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { createWorkspaceYDoc, readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { deleteItems } from '../../../../shared/operations/delete-items';
import { updateStakeholder } from '../../../../shared/operations/stakeholders';
import { fullDocument } from '../../../fixtures/workspaces/build-fixtures';

/*
 * Snapshots (format version 4) in a live session: the shared document holds each as a record of its own (a
 * snapshot is taken, never edited field by field, so its state is one value), so two taken at once are both kept.
 * They survive the shared document, reach every replica, and edits to the map never reach into them.
 */

/** The full fixture with a second snapshot that names a stakeholder the map no longer has (history). */
function withHistory(): WorkspaceDocument {
  const doc = fullDocument();
  const older: Snapshot = {
    id: 'snap-agency',
    name: 'When the agency was still on the map',
    takenAt: '2026-11-22T10:15:00.000Z',
    state: {
      stakeholders: [
        { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 }, owner: '', notes: '', color: null },
        { id: 's-gone', name: 'Old agency', kind: 'external', position: { x: -300, y: 0 }, owner: '', notes: '', color: null, 'x-crm': { since: 2019 } },
      ],
      relationships: [{ id: 'r-gone', source: 's-social', target: 's-gone', status: 'problematic', label: 'retainer', notes: '', otherSide: { status: 'healthy', notes: '' } }],
      painPoints: [],
      solutions: [],
      categories: [],
      ballots: [{ participantId: 'pt-gone', painPointId: 'p-gone' }],
      'x-view': { zoom: 0.5 },
    },
    'x-by': 'P3',
  };
  return { ...doc, snapshots: [older, ...doc.snapshots] };
}

/** A second laptop that joined: it gets the shared state as an update. */
function replicaOf(ydoc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  return other;
}

describe('live session: snapshots', () => {
  it('a document with snapshots survives the shared document exactly, on this replica and on one that joins', () => {
    const doc = withHistory();
    expect(doc.snapshots).toHaveLength(2);
    const ydoc = createWorkspaceYDoc(doc);
    expect(readWorkspace(ydoc)).toEqual(doc);
    const joined = readWorkspace(replicaOf(ydoc));
    expect(joined).toEqual(doc);
    // Saved from either, the same file.
    expect(serializeWorkspace(joined)).toBe(serializeWorkspace(doc));
  });

  it('holds each snapshot as a record of its own: two taken at the same moment on two laptops are both kept', () => {
    const doc = withHistory();
    const ydoc = createWorkspaceYDoc(doc);
    expect(ydoc.getMap<unknown>('meta').has('snapshots')).toBe(false);
    expect([...ydoc.getArray<string>('snapshots#order')]).toEqual(doc.snapshots.map((s) => s.id));
    const other = replicaOf(ydoc);
    const state = { stakeholders: doc.stakeholders, relationships: doc.relationships, painPoints: [], solutions: [], categories: [], ballots: [] };
    // The facilitator and an editor each press Take snapshot before hearing of the other's.
    writeWorkspace(ydoc, { ...doc, snapshots: [...doc.snapshots, { id: 'snap-host', name: 'Host', takenAt: '2026-11-22T12:00:00.000Z', state }] });
    writeWorkspace(other, { ...doc, snapshots: [...doc.snapshots, { id: 'snap-editor', name: 'Editor', takenAt: '2026-11-22T12:00:00.100Z', state }] });
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const merged = readWorkspace(ydoc).snapshots.map((s) => s.id);
    expect(merged).toEqual(readWorkspace(other).snapshots.map((s) => s.id));
    expect(merged.slice(0, 2)).toEqual(['snap-agency', 'snap-first-map']);
    expect([...merged.slice(2)].sort()).toEqual(['snap-editor', 'snap-host']);
  });

  it('a shared state from before (the snapshots as one value in meta) still reads them; writing moves them to their records', () => {
    const doc = withHistory();
    const legacy = createWorkspaceYDoc({ ...doc, snapshots: [] });
    legacy.getMap<unknown>('meta').set('snapshots', JSON.parse(JSON.stringify(doc.snapshots)));
    expect(readWorkspace(legacy)).toEqual(doc);
    writeWorkspace(legacy, readWorkspace(legacy));
    expect(legacy.getMap<unknown>('meta').has('snapshots')).toBe(false);
    expect(readWorkspace(legacy)).toEqual(doc);
  });

  it('writing the same document again changes nothing; a new snapshot is one change that reaches the other replica', () => {
    const doc = withHistory();
    const ydoc = createWorkspaceYDoc(doc);
    const before = Y.encodeStateVector(ydoc);
    writeWorkspace(ydoc, { ...doc, snapshots: doc.snapshots.map((s) => ({ ...s })) });
    expect(Y.encodeStateVector(ydoc)).toEqual(before);

    const other = replicaOf(ydoc);
    const taken: Snapshot = {
      id: 'snap-now',
      name: 'After the vote',
      takenAt: '2026-11-22T12:00:00.000Z',
      state: { stakeholders: doc.stakeholders, relationships: doc.relationships, painPoints: doc.painPoints, solutions: doc.solutions, categories: doc.categories, ballots: doc.ballots },
    };
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    writeWorkspace(ydoc, { ...doc, snapshots: [...doc.snapshots, taken] });
    expect(updates).toHaveLength(1);
    Y.applyUpdate(other, updates[0]!);
    expect(readWorkspace(other).snapshots.map((s) => s.id)).toEqual(['snap-agency', 'snap-first-map', 'snap-now']);
    expect(readWorkspace(other).snapshots[2]).toEqual(taken);
  });

  it('edits to the map, here and on another replica at the same time, never reach into a snapshot', () => {
    const doc = withHistory();
    const ydoc = createWorkspaceYDoc(doc);
    const other = replicaOf(ydoc);
    // Here: Legal is deleted (its relationship and what pointed at it let go). There: Brand is renamed.
    writeWorkspace(ydoc, deleteItems(readWorkspace(ydoc), { stakeholderIds: ['s-legal'], relationshipIds: [] }));
    writeWorkspace(other, updateStakeholder(readWorkspace(other), 's-brand', { name: 'Brand & Design' }));
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const merged = readWorkspace(ydoc);
    expect(readWorkspace(other)).toEqual(merged);
    expect(merged.stakeholders.map((s) => s.id)).not.toContain('s-legal');
    expect(merged.stakeholders.find((s) => s.id === 's-brand')!.name).toBe('Brand & Design');
    // The snapshots are as they were taken: Legal is still in the first map, the old agency and its dangling
    // ballot in the older one (settling references is for the map, not for its history).
    expect(merged.snapshots).toEqual(doc.snapshots);
    expect(merged.snapshots[1]!.state.stakeholders.map((s) => s.id)).toContain('s-legal');
  });

  it('a tampered snapshot is left out of the document read, and the rest of the document is kept', () => {
    const doc = withHistory();
    const ydoc = createWorkspaceYDoc(doc);
    const bad = new Y.Map<unknown>();
    ydoc.transact(() => {
      ydoc.getMap<Y.Map<unknown>>('snapshots').set('snap-bad', bad);
      bad.set('name', 'No date');
      bad.set('state', {});
      ydoc.getArray<string>('snapshots#order').push(['snap-bad']);
    });
    const read = readWorkspace(ydoc);
    expect(read.snapshots).toEqual(doc.snapshots);
    expect(read).toEqual(doc);
  });
});
