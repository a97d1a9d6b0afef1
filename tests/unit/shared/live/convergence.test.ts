import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workspaceSchema, type WorkspaceDocument } from '../../../../shared/document/schema';
import { findDanglingReferences } from '../../../../shared/document/references';
import { createWorkspaceYDoc, readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { moveStage } from '../../../../shared/operations/agenda';
import { castBallot } from '../../../../shared/operations/ballots';
import { deleteItems } from '../../../../shared/operations/delete-items';
import { addPainPoint, addQuote, deletePainPoint } from '../../../../shared/operations/pain-points';
import { addParticipant, removeParticipant } from '../../../../shared/operations/participants';
import { connectStakeholders } from '../../../../shared/operations/relationships';
import { addStakeholder, moveStakeholders, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { createWorkspace } from '../../../../shared/operations/workspace';

/*
 * Issue 15, item 8: three replicas of the shared document each apply a random sequence of the app's own
 * operations (read the document, run the pure operation, write the result back), while their updates reach the
 * others in a random order, late, repeated and interleaved with more local edits. When everything has been
 * delivered, all three read the same document, and it is valid under the schema with no dangling reference.
 */

type Command =
  | { kind: 'addStakeholder'; n: number }
  | { kind: 'move'; pick: number; x: number; y: number }
  | { kind: 'rename'; pick: number; n: number }
  | { kind: 'deleteStakeholder'; pick: number }
  | { kind: 'connect'; a: number; b: number }
  | { kind: 'addPainPoint'; pick: number; n: number }
  | { kind: 'deletePainPoint'; pick: number }
  | { kind: 'addQuote'; pick: number; n: number }
  | { kind: 'addParticipant'; n: number }
  | { kind: 'removeParticipant'; pick: number }
  | { kind: 'vote'; participant: number; painPoint: number }
  | { kind: 'moveStage'; pick: number; to: number };

const small = fc.nat({ max: 50 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('addStakeholder' as const), n: small }),
  fc.record({ kind: fc.constant('move' as const), pick: small, x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
  fc.record({ kind: fc.constant('rename' as const), pick: small, n: small }),
  fc.record({ kind: fc.constant('deleteStakeholder' as const), pick: small }),
  fc.record({ kind: fc.constant('connect' as const), a: small, b: small }),
  fc.record({ kind: fc.constant('addPainPoint' as const), pick: small, n: small }),
  fc.record({ kind: fc.constant('deletePainPoint' as const), pick: small }),
  fc.record({ kind: fc.constant('addQuote' as const), pick: small, n: small }),
  fc.record({ kind: fc.constant('addParticipant' as const), n: small }),
  fc.record({ kind: fc.constant('removeParticipant' as const), pick: small }),
  fc.record({ kind: fc.constant('vote' as const), participant: small, painPoint: small }),
  fc.record({ kind: fc.constant('moveStage' as const), pick: small, to: fc.nat({ max: 6 }) }),
);

const at = <T,>(list: readonly T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

/** Runs one command as the app would on this replica's document; ids are unique per replica and step. */
function run(doc: WorkspaceDocument, c: Command, fresh: () => string): WorkspaceDocument {
  switch (c.kind) {
    case 'addStakeholder':
      return addStakeholder(doc, { id: fresh(), name: `Team ${c.n}`, kind: c.n % 3 === 0 ? 'external' : 'department', position: { x: c.n * 40, y: c.n * 20 } });
    case 'move': {
      const s = at(doc.stakeholders, c.pick);
      return s ? moveStakeholders(doc, [{ id: s.id, position: { x: c.x, y: c.y } }]) : doc;
    }
    case 'rename': {
      const s = at(doc.stakeholders, c.pick);
      return s ? updateStakeholder(doc, s.id, { name: `Renamed ${c.n}` }) : doc;
    }
    case 'deleteStakeholder': {
      const s = at(doc.stakeholders, c.pick);
      return s ? deleteItems(doc, { stakeholderIds: [s.id], relationshipIds: [] }) : doc;
    }
    case 'connect': {
      const a = at(doc.stakeholders, c.a);
      const b = at(doc.stakeholders, c.b);
      return a && b && a.id !== b.id ? connectStakeholders(doc, { id: fresh(), source: a.id, target: b.id }) : doc;
    }
    case 'addPainPoint': {
      const s = at(doc.stakeholders, c.pick);
      return addPainPoint(doc, { id: fresh(), title: `Pain ${c.n}`, categoryId: 'workflows', attachedTo: s ? [{ type: 'stakeholder', id: s.id }] : [] });
    }
    case 'deletePainPoint': {
      const p = at(doc.painPoints, c.pick);
      return p ? deletePainPoint(doc, p.id) : doc;
    }
    case 'addQuote': {
      const p = at(doc.painPoints, c.pick);
      const voice = at(doc.stakeholders, c.n)?.id ?? null;
      return p ? addQuote(doc, p.id, `Quote ${c.n}`, voice) : doc;
    }
    case 'addParticipant':
      return addParticipant(doc, { id: fresh(), label: `P${c.n}`, departmentId: at(doc.stakeholders, c.n)?.id ?? null });
    case 'removeParticipant': {
      const p = at(doc.participants, c.pick);
      return p ? removeParticipant(doc, p.id) : doc;
    }
    case 'vote': {
      const participant = at(doc.participants, c.participant);
      const painPoint = at(doc.painPoints, c.painPoint);
      if (!participant || !painPoint) return doc;
      const result = castBallot(doc, { participantId: participant.id, painPointId: painPoint.id });
      return result.ok ? result.doc : doc;
    }
    case 'moveStage': {
      const stage = at(doc.agenda.stages, c.pick);
      return stage ? moveStage(doc, stage.id, c.to % doc.agenda.stages.length) : doc;
    }
  }
}

/** A step of the schedule: a replica edits, or one pending update reaches one replica. */
type Step = { kind: 'edit'; replica: number; command: Command } | { kind: 'deliver'; pick: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat({ max: 2 }), command }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }) },
);

function start(): WorkspaceDocument {
  let doc = createWorkspace('Live', new Date('2026-12-01T09:00:00.000Z'));
  doc = addStakeholder(doc, { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } });
  doc = addStakeholder(doc, { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } });
  doc = connectStakeholders(doc, { id: 'r-1', source: 's-team', target: 's-legal' });
  doc = addPainPoint(doc, { id: 'p-1', title: 'Sign-off takes days', categoryId: 'processes', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] });
  return addParticipant(doc, { id: 'pt-1', label: 'P1' });
}

/** Two replicas of one shared document, as two laptops that joined the same session. */
function twoReplicas(): [Y.Doc, Y.Doc] {
  const initial = Y.encodeStateAsUpdate(createWorkspaceYDoc(start()));
  const make = () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initial);
    return ydoc;
  };
  return [make(), make()];
}

function expectValid(doc: WorkspaceDocument): void {
  expect(workspaceSchema.safeParse(doc).success).toBe(true);
  expect(findDanglingReferences(doc)).toEqual([]);
  for (const p of doc.participants) expect(doc.ballots.filter((b) => b.participantId === p.id).length).toBeLessThanOrEqual(doc.voting.budget);
}

describe('live session: concurrent edits converge', () => {
  it('the shared document holds a workspace exactly, and writing it again changes nothing', () => {
    const doc = start();
    const ydoc = createWorkspaceYDoc(doc);
    expect(readWorkspace(ydoc)).toEqual(doc);
    const before = Y.encodeStateVector(ydoc);
    writeWorkspace(ydoc, doc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });

  it('three replicas applying random commands in random delivery orders all converge to the same valid document', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), (schedule) => {
        const origin = createWorkspaceYDoc(start());
        const initial = Y.encodeStateAsUpdate(origin);
        const replicas = [0, 1, 2].map(() => {
          const ydoc = new Y.Doc();
          Y.applyUpdate(ydoc, initial, 'network');
          return ydoc;
        });
        // Every local update is in flight to the two other replicas, delivered in the schedule's order.
        const inFlight: { to: number; update: Uint8Array }[] = [];
        replicas.forEach((ydoc, from) =>
          ydoc.on('update', (update: Uint8Array, updateOrigin: unknown) => {
            if (updateOrigin === 'network') return;
            for (let to = 0; to < replicas.length; to += 1) if (to !== from) inFlight.push({ to, update });
          }),
        );
        let counter = 0;
        for (const s of schedule) {
          if (s.kind === 'edit') {
            const ydoc = replicas[s.replica]!;
            const next = run(readWorkspace(ydoc), s.command, () => `r${s.replica}-${(counter += 1)}`);
            writeWorkspace(ydoc, next, 'local');
            expectValid(readWorkspace(ydoc));
          } else if (inFlight.length > 0) {
            const [message] = inFlight.splice(s.pick % inFlight.length, 1);
            Y.applyUpdate(replicas[message!.to]!, message!.update, 'network');
            expectValid(readWorkspace(replicas[message!.to]!));
          }
        }
        // Everything still in flight arrives, in reverse (late, out of order), and once more (repeated).
        for (const message of [...inFlight].reverse()) Y.applyUpdate(replicas[message.to]!, message.update, 'network');
        for (const message of inFlight) Y.applyUpdate(replicas[message.to]!, message.update, 'network');
        const [a, b, c] = replicas.map(readWorkspace);
        expectValid(a!);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('a drag and a rename of the same stakeholder at once both survive', () => {
    const [left, right] = twoReplicas();
    writeWorkspace(left, moveStakeholders(readWorkspace(left), [{ id: 's-legal', position: { x: 900, y: 450 } }]));
    writeWorkspace(right, updateStakeholder(readWorkspace(right), 's-legal', { name: 'Legal & Compliance' }));
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    for (const ydoc of [left, right]) {
      expect(readWorkspace(ydoc).stakeholders.find((s) => s.id === 's-legal')).toMatchObject({ name: 'Legal & Compliance', position: { x: 900, y: 450 } });
    }
  });

  it('deleting a stakeholder while someone attaches a pain point to it: the delete wins and the pain point lets go', () => {
    const [left, right] = twoReplicas();
    writeWorkspace(left, deleteItems(readWorkspace(left), { stakeholderIds: ['s-legal'], relationshipIds: [] }));
    let doc = readWorkspace(right);
    doc = updateStakeholder(doc, 's-legal', { notes: 'Being edited' });
    doc = connectStakeholders(addStakeholder(doc, { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 0, y: 300 } }), { id: 'r-2', source: 's-brand', target: 's-legal' });
    doc = addPainPoint(doc, { id: 'p-2', title: 'Legal blocks', categoryId: 'processes', attachedTo: [{ type: 'stakeholder', id: 's-legal' }, { type: 'stakeholder', id: 's-brand' }] });
    writeWorkspace(right, doc);
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    const merged = readWorkspace(left);
    expect(readWorkspace(right)).toEqual(merged);
    expect(merged.stakeholders.map((s) => s.id)).toEqual(['s-team', 's-brand']);
    expect(merged.relationships).toEqual([]);
    expect(merged.painPoints.find((p) => p.id === 'p-2')?.attachedTo).toEqual([{ type: 'stakeholder', id: 's-brand' }]);
    expectValid(merged);
  });

  it('two people adding quotes to one pain point at once keep both', () => {
    const [left, right] = twoReplicas();
    writeWorkspace(left, addQuote(readWorkspace(left), 'p-1', 'We wait a week'));
    writeWorkspace(right, addQuote(readWorkspace(right), 'p-1', 'Nobody answers'));
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    const quotes = readWorkspace(left).painPoints[0]!.quotes.map((q) => q.text);
    expect(quotes.sort()).toEqual(['Nobody answers', 'We wait a week']);
    expect(readWorkspace(right)).toEqual(readWorkspace(left));
  });
});
