import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, createWorkspaceYDoc, readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { addPainPoint, addQuote } from '../../../../shared/operations/pain-points';
import { addStakeholder } from '../../../../shared/operations/stakeholders';
import { createWorkspace } from '../../../../shared/operations/workspace';

/* addRecord: the same change as writeWorkspace with one record appended, read back by every replica alike. */

describe('addRecord', () => {
  it('appends a pain point (with its quotes) and stamps updatedAt, as writeWorkspace would', () => {
    let doc = createWorkspace('Room', new Date('2026-12-01T09:00:00.000Z'));
    doc = addStakeholder(doc, { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } });
    doc = addPainPoint(doc, { id: 'p-1', title: 'First', categoryId: 'workflows', attachedTo: [] });
    let next = addPainPoint(doc, { id: 'p-2', title: 'Second', categoryId: 'workflows', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] });
    next = addQuote(next, 'p-2', 'We wait days');
    const updatedAt = '2026-12-02T10:00:00.000Z';
    next = { ...next, updatedAt };

    const viaAdd = createWorkspaceYDoc(doc);
    addRecord(viaAdd, 'painPoints', next.painPoints.at(-1)!, updatedAt);
    const viaWrite = createWorkspaceYDoc(doc);
    writeWorkspace(viaWrite, next);
    expect(readWorkspace(viaAdd)).toEqual(next);
    expect(readWorkspace(viaWrite)).toEqual(next);

    // And a replica that gets the update reads the same.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(viaAdd));
    expect(readWorkspace(replica)).toEqual(next);
  });
});
