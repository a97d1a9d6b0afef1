import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LiveReplica } from '../../../../shared/live/live-replica';
import { createWorkspaceYDoc } from '../../../../shared/live/workspace-ydoc';
import { addPainPoint, addQuote } from '../../../../shared/operations/pain-points';
import { addStakeholder, moveStakeholders, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { createWorkspace } from '../../../../shared/operations/workspace';

/*
 * Issue 15, item 6: in a live session each person's Ctrl+Z takes back their own changes only. Two replicas joined
 * to one document, connected so every update reaches the other at once, as on a quiet network.
 */

function session(): [LiveReplica, LiveReplica] {
  let doc = createWorkspace('Live', new Date('2026-12-01T09:00:00.000Z'));
  doc = addStakeholder(doc, { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } });
  doc = addPainPoint(doc, { id: 'p-1', title: 'Sign-off takes days', categoryId: 'processes', attachedTo: [] });
  const initial = Y.encodeStateAsUpdate(createWorkspaceYDoc(doc));
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  for (const ydoc of docs) Y.applyUpdate(ydoc, initial, 'network');
  docs.forEach((ydoc, i) =>
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'network') Y.applyUpdate(docs[1 - i]!, update, 'network');
    }),
  );
  return [new LiveReplica(docs[0]), new LiveReplica(docs[1])];
}

const legal = (r: LiveReplica) => r.document.stakeholders.find((s) => s.id === 's-legal')!;

describe('live session: each person undoes their own changes', () => {
  it('undo takes back my rename, not the drag someone made after it', () => {
    const [me, other] = session();
    me.commit(updateStakeholder(me.document, 's-legal', { name: 'Legal & Compliance' }));
    other.commit(moveStakeholders(other.document, [{ id: 's-legal', position: { x: 500, y: 200 } }]));
    expect(legal(me)).toMatchObject({ name: 'Legal & Compliance', position: { x: 500, y: 200 } });
    expect(me.undo()).toBe(true);
    for (const r of [me, other]) expect(legal(r)).toMatchObject({ name: 'Legal', position: { x: 500, y: 200 } });
    // Nothing of mine is left to undo; the other person's drag is theirs to undo.
    expect(me.undo()).toBe(false);
    expect(other.undo()).toBe(true);
    expect(legal(me).position).toEqual({ x: 0, y: 0 });
    expect(me.redo()).toBe(true);
    expect(legal(other).name).toBe('Legal & Compliance');
  });

  it('undo of my quote keeps the quote someone else added to the same pain point', () => {
    const [me, other] = session();
    me.commit(addQuote(me.document, 'p-1', 'We wait a week'));
    other.commit(addQuote(other.document, 'p-1', 'Nobody answers'));
    me.undo();
    for (const r of [me, other]) expect(r.document.painPoints[0]!.quotes.map((q) => q.text)).toEqual(['Nobody answers']);
  });

  it('tells the listener whether a change came from someone else', () => {
    const [me, other] = session();
    const heard: string[] = [];
    me.onChange((_doc, source) => heard.push(source));
    me.commit(updateStakeholder(me.document, 's-legal', { notes: 'mine' }));
    other.commit(updateStakeholder(other.document, 's-legal', { notes: 'theirs' }));
    expect(heard).toEqual(['mine', 'someone-else']);
    // My undo does not take away their later note on the same field: nothing changes, nothing is heard.
    me.undo();
    expect(legal(me).notes).toBe('theirs');
    expect(heard).toEqual(['mine', 'someone-else']);
    me.commit(updateStakeholder(me.document, 's-legal', { name: 'Legal team' }));
    me.undo();
    expect(heard).toEqual(['mine', 'someone-else', 'mine', 'undo']);
  });

  it('a stakeholder I added and undo removes is removed for everyone', () => {
    const [me, other] = session();
    me.commit(addStakeholder(me.document, { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 10, y: 10 } }));
    expect(other.document.stakeholders.map((s) => s.name)).toEqual(['Legal', 'Brand']);
    me.undo();
    expect(other.document.stakeholders.map((s) => s.name)).toEqual(['Legal']);
    expect(me.canUndo).toBe(false);
    expect(me.canRedo).toBe(true);
  });
});
