import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceYDoc, readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { moveStage } from '../../../../shared/operations/agenda';
import { castBallot } from '../../../../shared/operations/ballots';
import { deleteItems } from '../../../../shared/operations/delete-items';
import { addPainPoint, addQuote, deletePainPoint } from '../../../../shared/operations/pain-points';
import { addParticipant } from '../../../../shared/operations/participants';
import { addStakeholder, moveStakeholders, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { BINDING_ROOTS, findShapeProblem, isPlainJson } from '../../../../electron/live/binding-shape';
import { UpdateJudge, type UpdateVerdict } from '../../../../electron/live/update-check';
import type { Role } from '../../../../shared/live/roles';
import { sampleWorkspace } from './sample-workspace';

/*
 * The host's verdict on one incoming update (update-check.ts) and the shape rule behind it (binding-shape.ts),
 * on Y.Docs in memory: a participant's replica makes a change, and the update it would send is judged against
 * the host's document.
 */

const LIMITS = { maxStateBytes: 16 * 1024 * 1024 };

/** The host's document, and a participant's replica of it. */
function hostAndReplica(): { host: Y.Doc; replica: Y.Doc } {
  const host = createWorkspaceYDoc(sampleWorkspace());
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
  return { host, replica };
}

/** What the replica would send after `change`, judged for `role`; the host is left as it was. */
function judge(role: Role, change: (replica: Y.Doc) => void): UpdateVerdict {
  const { host, replica } = hostAndReplica();
  const before = Y.encodeStateVector(host);
  const updates: Uint8Array[] = [];
  replica.on('update', (update: Uint8Array) => updates.push(update));
  change(replica);
  const verdict = new UpdateJudge(host, LIMITS).judge({ update: Y.mergeUpdates(updates), role });
  expect(Y.encodeStateVector(host)).toEqual(before);
  return verdict;
}

const addPain = (replica: Y.Doc) => writeWorkspace(replica, addPainPoint(readWorkspace(replica), { id: 'p-2', title: 'Approvals by email', categoryId: 'workflows' }));
const record = (replica: Y.Doc, collection: string, id: string) => replica.getMap(collection).get(id) as Y.Map<unknown>;

describe('UpdateJudge', () => {
  it('accepts what the role allows, with the document it leads to', () => {
    const verdict = judge('contributor', addPain);
    expect(verdict.kind).toBe('accepted');
    if (verdict.kind === 'accepted') expect(verdict.after.painPoints.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(judge('contributor', (r) => writeWorkspace(r, addQuote(readWorkspace(r), 'p-1', 'Always late', 's-legal'))).kind).toBe('accepted');
  });

  it('refuses what the role does not allow, saying why', () => {
    const deleteLegal = (r: Y.Doc) => writeWorkspace(r, deleteItems(readWorkspace(r), { stakeholderIds: ['s-legal'], relationshipIds: [] }));
    expect(judge('contributor', deleteLegal)).toEqual({ kind: 'refused', reason: 'A contributor can add and change pain points, quotes and their own dots, not stakeholders.' });
    expect(judge('editor', deleteLegal).kind).toBe('accepted');
    expect(judge('viewer', addPain)).toEqual({ kind: 'refused', reason: 'A viewer can follow the map but not change it.' });
  });

  it('lets through an update the host has already: a reconnect, a viewer syncing', () => {
    const { host, replica } = hostAndReplica();
    expect(new UpdateJudge(host, LIMITS).judge({ update: Y.encodeStateAsUpdate(replica), role: 'viewer' })).toEqual({ kind: 'unchanged' });
    expect(new UpdateJudge(host, LIMITS).judge({ update: Y.encodeStateAsUpdate(replica, Y.encodeStateVector(host)), role: 'viewer' })).toEqual({ kind: 'unchanged' });
  });

  it('calls incomplete an update that builds on one the host never got, and applies none of it', () => {
    const { host, replica } = hostAndReplica();
    const updates: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => updates.push(update));
    addPain(replica);
    writeWorkspace(replica, addQuote(readWorkspace(replica), 'p-2', 'By email, really', null));
    expect(new UpdateJudge(host, LIMITS).judge({ update: updates[1]!, role: 'contributor' })).toEqual({ kind: 'incomplete' });
    // A deletion of something the host does not have is incomplete too (Yjs would keep it pending).
    const forged = new Y.Doc();
    forged.clientID = 987654;
    const ghost = forged.getMap('painPoints');
    ghost.set('x', 1);
    ghost.set('y', 2);
    ghost.delete('y');
    const onlyTheDelete = Y.diffUpdate(Y.encodeStateAsUpdate(forged), Y.encodeStateVector(forged));
    expect(new UpdateJudge(host, LIMITS).judge({ update: onlyTheDelete, role: 'editor' })).toEqual({ kind: 'incomplete' });
    expect(host.store.pendingStructs).toBeNull();
    expect(host.store.pendingDs).toBeNull();
  });

  it('refuses bytes that are not an update, and an update that would grow the state past the limit', () => {
    const { host } = hostAndReplica();
    for (const update of [new Uint8Array([255, 255, 255, 255, 255]), new Uint8Array(5000).fill(7), new TextEncoder().encode('{"not":"yjs"}')]) {
      expect(new UpdateJudge(host, LIMITS).judge({ update, role: 'facilitator' })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/could not be (read|applied)/) });
    }
    const big = judge('facilitator', (r) => writeWorkspace(r, addPainPoint(readWorkspace(r), { id: 'p-big', title: 'Big', categoryId: 'workflows', description: 'x'.repeat(200_000) })));
    expect(big.kind).toBe('accepted');
    const { host: small, replica } = hostAndReplica();
    const updates: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => updates.push(update));
    writeWorkspace(replica, addPainPoint(readWorkspace(replica), { id: 'p-big', title: 'Big', categoryId: 'workflows', description: 'x'.repeat(200_000) }));
    expect(new UpdateJudge(small, { maxStateBytes: 100_000 }).judge({ update: updates[0]!, role: 'facilitator' })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/larger than/) });
  });

  it('keeps its copy right across verdicts: a refusal leaves nothing behind, an accepted update builds on the last', () => {
    const { host, replica } = hostAndReplica();
    const judge = new UpdateJudge(host, LIMITS);
    const sent: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => sent.push(update));

    // Refused: the copy forgets it, so the same change made honestly later is judged afresh.
    record(replica, 'stakeholders', 's-legal').set('name', 42);
    expect(judge.judge({ update: sent.at(-1)!, role: 'editor' }).kind).toBe('refused');
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(host));
    const honestUpdates: Uint8Array[] = [];
    honest.on('update', (update: Uint8Array) => honestUpdates.push(update));
    writeWorkspace(honest, addPainPoint(readWorkspace(honest), { id: 'p-2', title: 'Second', categoryId: 'workflows' }));
    const accepted = judge.judge({ update: honestUpdates[0]!, role: 'contributor' });
    expect(accepted.kind).toBe('accepted');
    if (accepted.kind === 'accepted') expect(accepted.after.stakeholders.find((s) => s.id === 's-legal')!.name).toBe('Legal');

    // Accepted and not yet applied: the next update from the same replica builds on it and is judged on top of it.
    writeWorkspace(honest, addQuote(readWorkspace(honest), 'p-2', 'Builds on the first', null));
    expect(judge.judge({ update: honestUpdates[1]!, role: 'contributor' }).kind).toBe('accepted');
    // Sent again before the host applied it: not "unchanged" (the host lacks it), so it is written before its ack.
    expect(judge.judge({ update: honestUpdates[0]!, role: 'contributor' }).kind).toBe('accepted');
    Y.applyUpdate(host, honestUpdates[0]!);
    Y.applyUpdate(host, honestUpdates[1]!);
    expect(judge.judge({ update: honestUpdates[0]!, role: 'contributor' })).toEqual({ kind: 'unchanged' });

    // One the host could not save: forgotten, and judged again when it comes back.
    writeWorkspace(honest, addPainPoint(readWorkspace(honest), { id: 'p-3', title: 'Third', categoryId: 'workflows' }));
    expect(judge.judge({ update: honestUpdates[2]!, role: 'contributor' }).kind).toBe('accepted');
    judge.forgetAccepted();
    expect(judge.judge({ update: honestUpdates[2]!, role: 'viewer' }).kind).toBe('refused');
    expect(readWorkspace(host).painPoints.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    judge.destroy();
  });

  it('refuses, even from the facilitator, a state the binding would never write', () => {
    const tampered: Array<[string, (r: Y.Doc) => void, RegExp]> = [
      ['an unknown root type', (r) => r.getMap('evil').set('x', 1), /unknown root type "evil"/],
      ['a non-text name', (r) => record(r, 'stakeholders', 's-legal').set('name', 42), /stakeholders "s-legal" that does not pass the schema/],
      ['a missing required field', (r) => record(r, 'stakeholders', 's-legal').delete('kind'), /does not pass the schema/],
      ['binary data', (r) => record(r, 'painPoints', 'p-1').set('blob', new Uint8Array([1])), /not plain JSON in painPoints "p-1".blob/],
      ['a nested type', (r) => record(r, 'stakeholders', 's-legal').set('name', new Y.Text('Legal')), /not plain JSON/],
      ['a sub-document', (r) => record(r, 'painPoints', 'p-1').set('doc', new Y.Doc()), /not plain JSON/],
      ['a quote that is a type', (r) => (record(r, 'painPoints', 'p-1').get('quotes') as Y.Array<unknown>).push([new Y.Map()]), /not plain JSON/],
      ['a record that is not a map', (r) => r.getMap('stakeholders').set('s-x', 'hello'), /stakeholders "s-x" that is not a record/],
      ['a record under another id', (r) => r.getMap('stakeholders').set('s-x', new Y.Map(Object.entries({ id: 's-y', name: 'X', kind: 'team', position: { x: 0, y: 0 } }))), /under the wrong key/],
      ['a ballot under the wrong key', (r) => r.getMap('ballots').set('k', new Y.Map(Object.entries({ participantId: 'pt-1', painPointId: 'p-1' }))), /under the wrong key/],
      ['a non-text id in an order array', (r) => r.getArray('stakeholders#order').push([42]), /non-text id in "stakeholders#order"/],
      ['a collection in meta', (r) => r.getMap('meta').set('stakeholders', []), /"stakeholders" in meta/],
      ['a bad title', (r) => r.getMap('meta').set('title', 7), /document fields/],
      ['stages inside agenda', (r) => r.getMap('agenda').set('stages', []), /"stages" in agenda/],
      ['a bad budget', (r) => r.getMap('voting').set('budget', -1), /voting settings/],
      ['infinity', (r) => r.getMap('meta').set('viewport', { x: Number.POSITIVE_INFINITY, y: 0, zoom: 1 }), /not plain JSON/],
      ['undefined', (r) => r.getMap('meta').set('extra', undefined), /not plain JSON/],
    ];
    for (const [what, tamper, reason] of tampered) {
      const verdict = judge('facilitator', tamper);
      expect({ what, verdict }).toMatchObject({ what, verdict: { kind: 'refused', reason: expect.stringMatching(reason) } });
    }
  });
});

describe('binding shape', () => {
  it('names exactly the root types the binding writes', () => {
    const ydoc = createWorkspaceYDoc(sampleWorkspace());
    readWorkspace(ydoc);
    expect(new Set(ydoc.share.keys())).toEqual(BINDING_ROOTS);
    expect(findShapeProblem(ydoc)).toBeNull();
  });

  it('holds for states merged from honest replicas (concurrent edits of every kind)', () => {
    const { host, replica } = hostAndReplica();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(host));
    writeWorkspace(replica, deleteItems(readWorkspace(replica), { stakeholderIds: ['s-legal'], relationshipIds: [] }));
    writeWorkspace(other, addQuote(addPainPoint(readWorkspace(other), { id: 'p-2', title: 'On Legal', categoryId: 'workflows', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] }), 'p-1', 'Hm', 's-legal'));
    Y.applyUpdate(host, Y.encodeStateAsUpdate(replica));
    Y.applyUpdate(host, Y.encodeStateAsUpdate(other));
    expect(findShapeProblem(host)).toBeNull();
  });

  it('never refuses what honest replicas send: random concurrent edits of every kind, judged as the facilitator', () => {
    type Op = { kind: number; pick: number; n: number };
    const op: fc.Arbitrary<Op> = fc.record({ kind: fc.nat({ max: 9 }), pick: fc.nat({ max: 20 }), n: fc.nat({ max: 50 }) });
    const run = (doc: WorkspaceDocument, { kind, pick, n }: Op, id: string): WorkspaceDocument => {
      const s = doc.stakeholders[pick % Math.max(1, doc.stakeholders.length)];
      const p = doc.painPoints[pick % Math.max(1, doc.painPoints.length)];
      const who = doc.participants[pick % Math.max(1, doc.participants.length)];
      switch (kind) {
        case 0: return addStakeholder(doc, { id, name: `Team ${n}`, kind: 'department', position: { x: n, y: n } });
        case 1: return s ? moveStakeholders(doc, [{ id: s.id, position: { x: n * 10, y: -n } }]) : doc;
        case 2: return s ? updateStakeholder(doc, s.id, { name: `Renamed ${n}` }) : doc;
        case 3: return s ? deleteItems(doc, { stakeholderIds: [s.id], relationshipIds: [] }) : doc;
        case 4: return addPainPoint(doc, { id, title: `Pain ${n}`, categoryId: 'workflows', attachedTo: s ? [{ type: 'stakeholder', id: s.id }] : [] });
        case 5: return p ? addQuote(doc, p.id, `Quote ${n}`, s?.id ?? null) : doc;
        case 6: return p ? deletePainPoint(doc, p.id) : doc;
        case 7: {
          if (!who || !p) return doc;
          const result = castBallot(doc, { participantId: who.id, painPointId: p.id });
          return result.ok ? result.doc : doc;
        }
        case 8: return addParticipant(doc, { id, label: `P${n}`, departmentId: s?.id ?? null });
        default: return doc.agenda.stages.length > 1 ? moveStage(doc, doc.agenda.stages[0]!.id, n % doc.agenda.stages.length) : doc;
      }
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 1 }), op), { minLength: 1, maxLength: 25 }), (steps) => {
        const { host, replica } = hostAndReplica();
        const other = new Y.Doc();
        Y.applyUpdate(other, Y.encodeStateAsUpdate(host));
        const replicas = [replica, other];
        const judge = new UpdateJudge(host, LIMITS);
        // Each replica's edits go to the host one by one, interleaved, as they would over the network.
        replicas.forEach((ydoc, which) =>
          ydoc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin === 'host') return;
            const verdict = judge.judge({ update, role: 'facilitator' });
            // Unchanged: both deleted the same pain point, and the host has the deletion already.
            expect({ which, ok: verdict.kind === 'accepted' || verdict.kind === 'unchanged' }).toEqual({ which, ok: true });
            Y.applyUpdate(host, update, 'participant');
          }),
        );
        steps.forEach(([which, step], i) => {
          const ydoc = replicas[which]!;
          writeWorkspace(ydoc, run(readWorkspace(ydoc), step, `id-${which}-${i}`));
          // Now and then the host's state reaches the other replica (their edits are concurrent until then).
          if (i % 3 === 2) Y.applyUpdate(replicas[1 - which]!, Y.encodeStateAsUpdate(host, Y.encodeStateVector(replicas[1 - which]!)), 'host');
        });
        expect(findShapeProblem(host)).toBeNull();
        judge.destroy();
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('plain JSON is what a JSON file holds', () => {
    expect(isPlainJson({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, new Date(), new Uint8Array(1), () => 1, 1n, new Map(), [undefined]]) {
      expect(isPlainJson(value)).toBe(false);
    }
    let deep: unknown = 1;
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(isPlainJson(deep)).toBe(false);
  });
});
