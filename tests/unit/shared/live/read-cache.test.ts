import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceYDoc, readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { addPainPoint, addQuote, updatePainPoint } from '../../../../shared/operations/pain-points';
import { createWorkspace } from '../../../../shared/operations/workspace';

/*
 * readWorkspace keeps each record as last read and reads again only what a change touched (workspace-ydoc.ts):
 * whatever path a change takes, a read after it (or during its observers) sees it.
 */

function room() {
  let doc = createWorkspace('Room', new Date('2026-12-01T09:00:00.000Z'));
  doc = addPainPoint(doc, { id: 'p-1', title: 'First', categoryId: 'workflows', attachedTo: [] });
  doc = addPainPoint(doc, { id: 'p-2', title: 'Second', categoryId: 'workflows', attachedTo: [] });
  return doc;
}

describe('reading after a change', () => {
  it('sees a remote change of a field and of a nested quote, and the untouched records as they were', () => {
    const host = createWorkspaceYDoc(room());
    const participant = new Y.Doc();
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(host));
    const first = readWorkspace(host);

    writeWorkspace(participant, updatePainPoint(addQuote(readWorkspace(participant), 'p-2', 'We wait days'), 'p-2', { title: 'Second, renamed' }));
    Y.applyUpdate(host, Y.encodeStateAsUpdate(participant, Y.encodeStateVector(host)));
    const second = readWorkspace(host);
    expect(second.painPoints.find((p) => p.id === 'p-2')).toMatchObject({ title: 'Second, renamed', quotes: [{ text: 'We wait days' }] });
    expect(second.painPoints[0]).toEqual(first.painPoints[0]);

    // Only the quote's list changes (its pain point's map does not): the pain point is read again all the same.
    const list = (host.getMap('painPoints').get('p-2') as Y.Map<unknown>).get('quotes') as Y.Array<unknown>;
    list.delete(0, 1);
    expect(readWorkspace(host).painPoints[1]!.quotes).toEqual([]);
  });

  it('an observer of the change reads it, and a read inside a transaction sees the transaction so far', () => {
    const ydoc = createWorkspaceYDoc(room());
    readWorkspace(ydoc);
    const seenByObserver: string[] = [];
    ydoc.getMap('painPoints').observeDeep(() => seenByObserver.push(readWorkspace(ydoc).painPoints[0]!.title));
    let inside = '';
    ydoc.transact(() => {
      (ydoc.getMap('painPoints').get('p-1') as Y.Map<unknown>).set('title', 'Renamed');
      inside = readWorkspace(ydoc).painPoints[0]!.title;
    });
    expect(inside).toBe('Renamed');
    expect(seenByObserver).toEqual(['Renamed']);
    expect(readWorkspace(ydoc).painPoints[0]!.title).toBe('Renamed');
  });
});
