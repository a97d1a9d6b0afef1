import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { workspaceSchema, type WorkspaceDocument } from '../../../../shared/document/schema';
import { settleReferences } from '../../../../shared/live/settle-references';
import { changeAllowed, isRole, ROLES, sameJson, type Role } from '../../../../shared/live/roles';

/*
 * Who may change what (issue 15, item 4), on literal documents: each case is a document before and after one
 * change, and the verdict for every role.
 */

const before: WorkspaceDocument = workspaceSchema.parse({
  format: 'stakemap',
  version: CURRENT_VERSION,
  title: 'Workshop',
  stakeholders: [
    { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
    { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } },
  ],
  relationships: [{ id: 'r-1', source: 's-team', target: 's-legal', status: 'strained' }],
  painPoints: [
    { id: 'p-1', title: 'Sign-off takes days', categoryId: 'processes', attachedTo: [{ type: 'stakeholder', id: 's-legal' }], tally: 2 },
    { id: 'p-2', title: 'No brief', categoryId: 'workflows', quotes: [{ text: 'We guess', voice: 's-team' }] },
  ],
  solutions: [{ id: 'sol-1', title: 'Pre-approved templates', addresses: ['p-1'] }],
  participants: [
    { id: 'ann', label: 'Ann', departmentId: 's-legal' },
    { id: 'bob', label: 'Bob' },
  ],
  ballots: [
    { participantId: 'ann', painPointId: 'p-1' },
    { participantId: 'bob', painPointId: 'p-1' },
    { participantId: 'bob', painPointId: 'p-2' },
  ],
});

/** One change as a function of the document, and the roles that may make it. */
interface Case {
  readonly what: string;
  readonly after: WorkspaceDocument;
  readonly allowed: readonly Role[];
  /** The voter the change is judged for (the sender's participant record). */
  readonly voterId?: string;
}

const withPainPoints = (painPoints: WorkspaceDocument['painPoints']): WorkspaceDocument => ({ ...before, painPoints });
const p1 = before.painPoints[0]!;
const p2 = before.painPoints[1]!;
const newPainPoint = { id: 'p-3', title: 'Approvals by email', description: '', categoryId: 'workflows', quotes: [], attachedTo: [], tally: 0, voice: null };

const cases: Case[] = [
  { what: 'nothing', after: before, allowed: ['facilitator', 'editor', 'contributor', 'viewer'] },
  { what: 'adds a pain point', after: withPainPoints([p1, p2, newPainPoint]), allowed: ['facilitator', 'editor', 'contributor'] },
  { what: 'renames a pain point', after: withPainPoints([{ ...p1, title: 'Sign-off takes a week' }, p2]), allowed: ['facilitator', 'editor', 'contributor'] },
  {
    what: 'adds a quote with a voice',
    after: withPainPoints([p1, { ...p2, quotes: [...p2.quotes, { text: 'Nobody asks us', voice: 's-legal' }] }]),
    allowed: ['facilitator', 'editor', 'contributor'],
  },
  { what: 'attaches a pain point to a relationship', after: withPainPoints([p1, { ...p2, attachedTo: [{ type: 'relationship', id: 'r-1' }] }]), allowed: ['facilitator', 'editor', 'contributor'] },
  { what: 'reorders pain points', after: withPainPoints([p2, p1]), allowed: ['facilitator', 'editor', 'contributor'] },
  { what: 'changes the tally', after: withPainPoints([{ ...p1, tally: 9 }, p2]), allowed: ['facilitator', 'editor'] },
  { what: 'adds a pain point with a tally', after: withPainPoints([p1, p2, { ...newPainPoint, tally: 5 }]), allowed: ['facilitator', 'editor'] },
  {
    what: 'deletes a pain point (its dots and the solution link go with it)',
    after: { ...before, painPoints: [p2], solutions: [{ ...before.solutions[0]!, addresses: [] }], ballots: [{ participantId: 'bob', painPointId: 'p-2' }] },
    allowed: ['facilitator', 'editor'],
  },
  { what: 'renames a stakeholder', after: { ...before, stakeholders: [before.stakeholders[0]!, { ...before.stakeholders[1]!, name: 'Legal & Compliance' }] }, allowed: ['facilitator', 'editor'] },
  {
    what: 'deletes a stakeholder (its relationship goes, pain points and departments let go of it)',
    after: {
      ...before,
      stakeholders: [before.stakeholders[0]!],
      relationships: [],
      painPoints: [{ ...p1, attachedTo: [] }, p2],
      participants: [{ id: 'ann', label: 'Ann', departmentId: null }, before.participants[1]!],
    },
    allowed: ['facilitator', 'editor'],
  },
  { what: 'changes a relationship', after: { ...before, relationships: [{ ...before.relationships[0]!, status: 'healthy' }] }, allowed: ['facilitator', 'editor'] },
  { what: 'adds a solution', after: { ...before, solutions: [...before.solutions, { ...before.solutions[0]!, id: 'sol-2', title: 'Weekly sync' }] }, allowed: ['facilitator', 'editor'] },
  { what: 'changes a category', after: { ...before, categories: before.categories.slice(1) }, allowed: ['facilitator', 'editor'] },
  { what: 'renames the workspace', after: { ...before, title: 'Renamed' }, allowed: ['facilitator', 'editor'] },
  { what: 'moves the saved view', after: { ...before, viewport: { x: 10, y: 10, zoom: 2 } }, allowed: ['facilitator', 'editor'] },
  { what: 'adds an unknown document field', after: { ...before, extra: 1 }, allowed: ['facilitator', 'editor'] },
  { what: 'moves to the next stage', after: { ...before, agenda: { ...before.agenda, currentStageId: before.agenda.stages[1]!.id } }, allowed: ['facilitator'] },
  { what: 'shortens a stage', after: { ...before, agenda: { ...before.agenda, stages: [{ ...before.agenda.stages[0]!, minutes: 1 }, ...before.agenda.stages.slice(1)] } }, allowed: ['facilitator'] },
  { what: 'reveals the votes', after: { ...before, voting: { ...before.voting, revealed: true } }, allowed: ['facilitator'] },
  { what: 'changes the budget', after: { ...before, voting: { ...before.voting, budget: 5 } }, allowed: ['facilitator'] },
  { what: 'adds a participant', after: { ...before, participants: [...before.participants, { id: 'cy', label: 'Cy', departmentId: null }] }, allowed: ['facilitator'] },
  {
    what: 'casts their own dot',
    voterId: 'ann',
    after: { ...before, ballots: [...before.ballots, { participantId: 'ann', painPointId: 'p-2' }] },
    allowed: ['facilitator', 'editor', 'contributor'],
  },
  { what: 'withdraws their own dot', voterId: 'bob', after: { ...before, ballots: before.ballots.slice(0, 2) }, allowed: ['facilitator', 'editor', 'contributor'] },
  { what: "withdraws someone else's dot", voterId: 'ann', after: { ...before, ballots: before.ballots.slice(0, 2) }, allowed: ['facilitator'] },
  {
    what: "casts a dot for someone else",
    voterId: 'ann',
    after: { ...before, ballots: [...before.ballots, { participantId: 'bob', painPointId: 'p-3' }], painPoints: [p1, p2, newPainPoint] },
    allowed: ['facilitator'],
  },
  { what: 'withdraws a dot with no voter known', after: { ...before, ballots: before.ballots.slice(0, 2) }, allowed: ['facilitator', 'editor', 'contributor'] },
];

describe('changeAllowed', () => {
  for (const c of cases) {
    it(`${c.what}: ${c.allowed.join(', ')}`, () => {
      for (const role of ROLES) {
        const verdict = changeAllowed(role, before, c.after, c.voterId === undefined ? {} : { voterId: c.voterId });
        expect({ role, ok: verdict.ok }).toEqual({ role, ok: c.allowed.includes(role) });
        if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
      }
    });
  }

  it('an editor deleting a pain point takes the dots on it along: those are consequences, not changes to the dots', () => {
    const after = { ...before, painPoints: [p2], solutions: [{ ...before.solutions[0]!, addresses: [] }], ballots: [{ participantId: 'bob', painPointId: 'p-2' }] };
    expect(changeAllowed('editor', before, after, { voterId: 'ann' })).toEqual({ ok: true });
  });

  it('but an editor deleting a pain point may not also drop an unrelated dot', () => {
    const after = { ...before, painPoints: [p2], solutions: [{ ...before.solutions[0]!, addresses: [] }], ballots: [] };
    expect(changeAllowed('editor', before, after, { voterId: 'ann' })).toMatchObject({ ok: false, reason: expect.stringMatching(/own dots/) });
  });

  it('says why, in words for the person refused', () => {
    const deleted = { ...before, stakeholders: [before.stakeholders[0]!], relationships: [], painPoints: [{ ...p1, attachedTo: [] }, p2], participants: [{ id: 'ann', label: 'Ann', departmentId: null }, before.participants[1]!] };
    expect(changeAllowed('contributor', before, deleted)).toEqual({ ok: false, reason: 'A contributor can add and change pain points, quotes and their own dots, not stakeholders.' });
    // As every replica reads it: the solution and the dots let go of the deleted pain point.
    expect(changeAllowed('contributor', before, settleReferences(withPainPoints([p2])))).toEqual({ ok: false, reason: 'A contributor can delete only the pain points they added: ask the facilitator.' });
    // Their own (added in this session, as the server remembers): their undo of adding it works.
    expect(changeAllowed('contributor', before, settleReferences(withPainPoints([p2])), { ownPainPointIds: new Set([p1.id]) })).toEqual({ ok: true });
    expect(changeAllowed('contributor', before, settleReferences(withPainPoints([p1])), { ownPainPointIds: new Set([p1.id]) })).toMatchObject({ ok: false });
    expect(changeAllowed('editor', before, { ...before, participants: [] })).toEqual({ ok: false, reason: "An editor cannot change the participants list: that is the facilitator's." });
    expect(changeAllowed('viewer', before, withPainPoints([p1, p2, newPainPoint]))).toEqual({ ok: false, reason: 'A viewer can follow the map but not change it.' });
  });
});

describe('roles', () => {
  it('knows its four roles and nothing else', () => {
    expect(ROLES).toEqual(['facilitator', 'editor', 'contributor', 'viewer']);
    expect(isRole('editor')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('compares JSON regardless of key order, with undefined the same as missing', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
