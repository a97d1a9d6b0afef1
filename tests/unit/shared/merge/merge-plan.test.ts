import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { BLOCK_MARGIN } from '../../../../shared/import/place-new-stakeholders';
import { NODE_CLEARANCE } from '../../../../shared/layout/free-spot';
import { applyMerge, initialMergeDecisions, planMerge, relationshipKey, type MergeDecisions } from '../../../../shared/merge/merge-plan';
import { placeIncomingGroup } from '../../../../shared/merge/place-incoming-group';
import { addStakeholder } from '../../../../shared/operations/stakeholders';
import { deepFreeze } from '../test-helpers';
import { between, byName, expectValidWorkspace, mapOf, overlappingBoxes, painPoint, relationship, stakeholder } from './merge-helpers';

/** Plans (frozen, so nothing can change it) and applies; the result must be a valid workspace. */
function merge(current: WorkspaceDocument, incoming: WorkspaceDocument, decisions: MergeDecisions = {}) {
  const plan = deepFreeze(planMerge(current, incoming, deepFreeze(decisions)));
  const merged = applyMerge(current, plan);
  expectValidWorkspace(merged);
  return { plan, merged };
}

/** Ours: the team, Légal and Brand; team–Légal is problematic. */
function ours(): WorkspaceDocument {
  return mapOf({
    stakeholders: [
      stakeholder('s-team', { name: 'Social media team', kind: 'team', position: { x: 0, y: 0 }, influence: 3, interest: 5, owner: 'Dana' }),
      stakeholder('s-legal', { name: 'Légal', position: { x: 300, y: 0 }, influence: 5, notes: 'Signs off posts.' }),
      stakeholder('s-brand', { name: 'Brand', position: { x: 300, y: -200 } }),
    ],
    relationships: [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic', label: 'approvals', notes: 'Days per post.' }),
      relationship('r-brand', 's-team', 's-brand', { status: 'strained' }),
    ],
    painPoints: [
      painPoint('p-signoff', [{ type: 'relationship', id: 'r-legal' }], {
        title: 'Legal sign-off takes days',
        quotes: [{ text: 'We stopped doing reactive posts.', voice: null }],
        tally: 4,
      }),
    ],
  });
}

describe('planMerge and applyMerge: stakeholders', () => {
  it('matches by name, adds the others, and leaves both documents untouched', () => {
    const current = ours();
    const incoming = mapOf({
      stakeholders: [
        stakeholder('i-team', { name: 'SOCIAL MEDIA TEAM', kind: 'team', influence: 3, interest: 5, owner: 'Dana' }),
        stakeholder('i-legal', { name: 'legal ', position: { x: 300, y: 0 }, influence: 5 }),
        stakeholder('i-finance', { name: 'Finance', position: { x: 300, y: 200 } }),
      ],
    });
    const before = JSON.stringify([current, incoming]);
    const { plan, merged } = merge(current, incoming);
    expect(JSON.stringify([current, incoming])).toBe(before);
    expect(plan.stakeholders.matched.map((m) => [m.incomingId, m.currentId, m.by])).toEqual([
      ['i-team', 's-team', 'name'],
      ['i-legal', 's-legal', 'name'],
    ]);
    expect(plan.stakeholders.added.map((a) => [a.incomingId, a.item.id, a.item.name])).toEqual([['i-finance', 'i-finance', 'Finance']]);
    expect(plan.counts).toMatchObject({ stakeholdersMatched: 2, stakeholdersAdded: 1, fieldDifferences: 0, changes: 1 });
    expect(merged.stakeholders.map((s) => s.name)).toEqual(['Social media team', 'Légal', 'Brand', 'Finance']);
    // Untouched items are the very same objects; so are the agenda and everything else of ours.
    expect(merged.stakeholders[0]).toBe(current.stakeholders[0]);
    expect(merged.relationships).toBe(current.relationships);
    expect(merged.agenda).toBe(current.agenda);
    expect(merged.title).toBe(current.title);
  });

  it('lists field differences, keeps ours unless told to take theirs, and appends their notes', () => {
    const current = ours();
    const incoming = mapOf({
      stakeholders: [
        stakeholder('i-team', { name: 'Social media team', kind: 'department', interest: 4, owner: ' Dana ' }),
        stakeholder('i-legal', { name: 'Legal', kind: 'external', influence: 2, interest: 3, owner: 'Sam', notes: 'Wants a week.' }),
      ],
    });
    const kept = merge(current, incoming);
    expect(kept.plan.stakeholders.matched.map((m) => m.differences)).toEqual([
      [
        { field: 'kind', ours: 'team', theirs: 'department', kept: 'ours' },
        // Their influence is not rated: a difference too. The owner differs only by spaces: none.
        { field: 'influence', ours: 3, theirs: null, kept: 'ours' },
        { field: 'interest', ours: 5, theirs: 4, kept: 'ours' },
      ],
      [
        { field: 'kind', ours: 'department', theirs: 'external', kept: 'ours' },
        { field: 'influence', ours: 5, theirs: 2, kept: 'ours' },
        { field: 'interest', ours: null, theirs: 3, kept: 'ours' },
        { field: 'owner', ours: '', theirs: 'Sam', kept: 'ours' },
      ],
    ]);
    expect(kept.plan.stakeholders.matched.map((m) => m.notesAppended)).toEqual([false, true]);
    expect(kept.plan.counts).toMatchObject({ fieldDifferences: 7, fieldsTakenFromIncoming: 0 });
    const legal = byName(kept.merged, 'Légal');
    expect(legal).toMatchObject({ kind: 'department', influence: 5, owner: '', notes: 'Signs off posts.\n\nWants a week.' });
    expect(legal.interest).toBeUndefined();
    expect(kept.merged.stakeholders[0]).toBe(current.stakeholders[0]);

    const taken = merge(current, incoming, {
      takeIncomingFields: [
        ['i-team', ['influence']],
        ['i-legal', ['kind', 'interest', 'owner']],
      ],
    });
    expect(taken.plan.counts.fieldsTakenFromIncoming).toBe(4);
    const team = byName(taken.merged, 'Social media team');
    expect(team.kind).toBe('team');
    expect('influence' in team).toBe(false);
    expect(byName(taken.merged, 'Légal')).toMatchObject({ kind: 'external', influence: 5, interest: 3, owner: 'Sam' });
  });

  it('places new stakeholders as a block beside the map, keeping their layout, with no box on another', () => {
    const current = ours();
    const incoming = mapOf({
      stakeholders: [
        stakeholder('i-a', { name: 'A', position: { x: -1000, y: 500 } }),
        stakeholder('i-b', { name: 'B', position: { x: -700, y: 500 } }),
        stakeholder('i-c', { name: 'C', position: { x: -1000, y: 650 } }),
        stakeholder('i-legal', { name: 'Legal', position: { x: 0, y: 0 } }),
      ],
    });
    const { plan, merged } = merge(current, incoming);
    const positions = plan.stakeholders.added.map((a) => a.item.position);
    // Our map ends at x = 300 + 220; the block starts the import's margin to the right of it, top edges aligned.
    const left = 300 + 220 + NODE_CLEARANCE + BLOCK_MARGIN;
    expect(positions).toEqual([
      { x: left, y: -200 },
      { x: left + 300, y: -200 },
      { x: left, y: -50 },
    ]);
    expect(overlappingBoxes(merged.stakeholders)).toEqual([]);
  });

  it('pushes apart boxes the other room drew on top of each other, and keeps ours where they are', () => {
    const current = ours();
    const pile = Array.from({ length: 12 }, (_, i) => stakeholder(`i-${i}`, { name: `Pile ${i}`, position: { x: 40 + (i % 3) * 10, y: 40 + i * 5 } }));
    const { merged } = merge(current, mapOf({ stakeholders: pile }));
    expect(overlappingBoxes(merged.stakeholders)).toEqual([]);
    expect(merged.stakeholders.slice(0, 3)).toEqual(current.stakeholders);
    for (const s of merged.stakeholders.slice(3)) {
      expect(Number.isInteger(s.position.x) && Number.isInteger(s.position.y)).toBe(true);
      expect(s.position.x).toBeGreaterThan(300 + 220);
    }
  });

  it('keeps the group where it was on an empty map, and places nothing for no one', () => {
    expect(placeIncomingGroup([], [{ x: 10.4, y: -20 }, { x: 400, y: 0 }])).toEqual([
      { x: 10, y: -20 },
      { x: 400, y: 0 },
    ]);
    expect(placeIncomingGroup(ours().stakeholders, [])).toEqual([]);
  });
});

describe('planMerge and applyMerge: relationships', () => {
  const incomingWith = (...relationships: ReturnType<typeof relationship>[]) =>
    mapOf({
      stakeholders: [
        stakeholder('i-team', { name: 'Social media team', kind: 'team' }),
        stakeholder('i-legal', { name: 'LEGAL' }),
        stakeholder('i-brand', { name: 'brand' }),
        stakeholder('i-web', { name: 'Web', position: { x: 0, y: 300 } }),
      ],
      relationships,
    });

  it('unites a relationship between the same two stakeholders in either direction, listing a conflict for each differing status', () => {
    const current = ours();
    const incoming = incomingWith(
      // Same direction as ours, another status.
      relationship('i-r1', 'i-team', 'i-legal', { status: 'strained', label: 'sign-off', notes: 'A week per post.' }),
      // The other direction, another status.
      relationship('i-r2', 'i-brand', 'i-team', { status: 'healthy', label: 'tone', notes: 'Days per post.' }),
      relationship('i-r3', 'i-team', 'i-web', { status: 'neutral' }),
    );
    const { plan, merged } = merge(current, incoming);
    expect(plan.relationships.conflicts).toEqual([
      {
        key: relationshipKey('s-team', 's-legal'),
        relationshipId: 'r-legal',
        incomingId: 'i-r1',
        sourceName: 'Social media team',
        targetName: 'Légal',
        ours: 'problematic',
        theirs: 'strained',
        choice: 'ours',
      },
      {
        key: relationshipKey('s-brand', 's-team'),
        relationshipId: 'r-brand',
        incomingId: 'i-r2',
        sourceName: 'Social media team',
        targetName: 'Brand',
        ours: 'strained',
        theirs: 'healthy',
        choice: 'ours',
      },
    ]);
    expect(plan.relationships.united).toEqual([
      { incomingId: 'i-r1', relationshipId: 'r-legal', reversed: false, conflict: true, notesAppended: true },
      { incomingId: 'i-r2', relationshipId: 'r-brand', reversed: true, conflict: true, notesAppended: true },
    ]);
    expect(plan.counts).toMatchObject({ relationshipsUnited: 2, relationshipsAdded: 1, statusConflicts: 2 });
    expect(merged.relationships).toHaveLength(3);
    // Ours kept (status, label), their notes appended; an empty label of ours takes theirs.
    expect(between(merged, 's-team', 's-legal')).toMatchObject({ id: 'r-legal', source: 's-team', status: 'problematic', label: 'approvals', notes: 'Days per post.\n\nA week per post.' });
    expect(between(merged, 's-team', 's-brand')).toMatchObject({ id: 'r-brand', source: 's-team', status: 'strained', label: 'tone', notes: 'Days per post.' });
    expect(between(merged, 's-team', 'i-web')).toMatchObject({ id: 'i-r3', source: 's-team', target: 'i-web' });
  });

  it('takes their status where the user chose theirs, in either direction', () => {
    const current = ours();
    const incoming = incomingWith(
      relationship('i-r1', 'i-team', 'i-legal', { status: 'strained' }),
      relationship('i-r2', 'i-brand', 'i-team', { status: 'healthy' }),
    );
    const both = merge(current, incoming, {
      statusChoices: { [relationshipKey('s-legal', 's-team')]: 'theirs', [relationshipKey('s-team', 's-brand')]: 'theirs' },
    });
    expect(both.plan.relationships.conflicts.map((c) => c.choice)).toEqual(['theirs', 'theirs']);
    expect(between(both.merged, 's-team', 's-legal').status).toBe('strained');
    expect(between(both.merged, 's-team', 's-brand').status).toBe('healthy');

    const one = merge(current, incoming, { statusChoices: { [relationshipKey('s-team', 's-brand')]: 'theirs', unrelated: 'theirs' } });
    expect(between(one.merged, 's-team', 's-legal').status).toBe('problematic');
    expect(between(one.merged, 's-team', 's-brand').status).toBe('healthy');
  });

  it('lists no conflict when the statuses agree, and takes their other side only when drawn the same way and ours has none', () => {
    const current = ours();
    const incoming = incomingWith(
      relationship('i-r1', 'i-team', 'i-legal', { status: 'problematic', otherSide: { status: 'neutral', notes: 'Too late.' } }),
      relationship('i-r2', 'i-brand', 'i-team', { status: 'strained', otherSide: { status: 'healthy', notes: '' } }),
    );
    const { plan, merged } = merge(current, incoming);
    expect(plan.relationships.conflicts).toEqual([]);
    expect(plan.counts.statusConflicts).toBe(0);
    expect(between(merged, 's-team', 's-legal').otherSide).toEqual({ status: 'neutral', notes: 'Too late.' });
    // Drawn the other way, their "other side" is our team's own side: not taken.
    expect(between(merged, 's-team', 's-brand')).toBe(current.relationships[1]);
  });

  it('leaves out a relationship whose ends became one stakeholder, and one to a missing stakeholder', () => {
    const current = ours();
    const incoming = mapOf({
      stakeholders: [stakeholder('i-pr', { name: 'PR' }), stakeholder('i-press', { name: 'Press' }), stakeholder('i-team', { name: 'Social media team' })],
      relationships: [relationship('i-r1', 'i-pr', 'i-press'), relationship('i-r2', 'i-team', 'i-gone'), relationship('i-r3', 'i-team', 'i-pr')],
      painPoints: [painPoint('i-p', [{ type: 'relationship', id: 'i-r1' }, { type: 'relationship', id: 'i-r2' }])],
    });
    const { plan, merged } = merge(current, incoming, {
      aliases: [
        ['i-pr', 's-brand'],
        ['i-press', 's-brand'],
      ],
    });
    expect(plan.relationships.leftOut).toEqual([
      { incomingId: 'i-r1', reason: 'same-stakeholder' },
      { incomingId: 'i-r2', reason: 'missing-end' },
    ]);
    expect(plan.relationships.united.map((u) => u.incomingId)).toEqual(['i-r3']);
    // Attached to the relationship that collapsed: now attached to the stakeholder it became; the other is dropped.
    expect(plan.painPoints.added[0]!.item.attachedTo).toEqual([{ type: 'stakeholder', id: 's-brand' }]);
    expect(plan.droppedReferences).toEqual([{ collection: 'painPoints', incomingId: 'i-p', field: 'attachedTo', missingId: 'i-r2' }]);
    expect(merged.relationships).toHaveLength(2);
  });

  it('unites a pair the other map drew twice into the one relationship it adds', () => {
    const incoming = incomingWith(relationship('i-r1', 'i-team', 'i-web', { notes: 'One.' }), relationship('i-r2', 'i-web', 'i-team', { status: 'healthy', notes: 'Two.' }));
    const { plan, merged } = merge(ours(), incoming);
    expect(plan.relationships.added.map((a) => a.item)).toEqual([expect.objectContaining({ id: 'i-r1', status: 'neutral', notes: 'One.\n\nTwo.' })]);
    expect(plan.relationships.conflicts).toEqual([]);
    expect(merged.relationships).toHaveLength(3);
  });
});

describe('planMerge and applyMerge: ids', () => {
  it('gives clashing ids the first free suffix, never one the other map uses, and references follow', () => {
    const current = mapOf({
      stakeholders: [stakeholder('s-1', { name: 'Team', kind: 'team' }), stakeholder('s-2', { name: 'Legal', position: { x: 300, y: 0 } })],
      relationships: [relationship('r-1', 's-1', 's-2')],
      painPoints: [painPoint('p-1', [{ type: 'stakeholder', id: 's-2' }], { title: 'Slow approvals' })],
      solutions: [{ id: 'x-1', title: 'Library', description: '', addresses: ['p-1'], status: 'idea', owner: '', dueDate: null }],
      categories: [{ id: 'c-1', name: 'Processes', color: '#d9480f' }],
    });
    // Template ids: the same ids name different things. The other map also uses "s-2-2" itself.
    const incoming = mapOf({
      stakeholders: [
        stakeholder('s-1', { name: 'Team', kind: 'team' }),
        stakeholder('s-2', { name: 'Brand', position: { x: 300, y: 0 } }),
        stakeholder('s-2-2', { name: 'IT', position: { x: 300, y: 200 } }),
      ],
      relationships: [relationship('r-1', 's-1', 's-2'), relationship('r-2', 's-1', 's-2-2')],
      painPoints: [
        painPoint('p-1', [{ type: 'stakeholder', id: 's-2' }, { type: 'relationship', id: 'r-1' }], { title: 'Off-brand memes', categoryId: 'c-1', voice: 's-2', quotes: [{ text: 'Is this on brand?', voice: 's-2' }] }),
      ],
      solutions: [{ id: 'x-1', title: 'Meme guide', description: '', addresses: ['p-1'], status: 'idea', owner: '', dueDate: null }],
      categories: [{ id: 'c-1', name: 'Brand', color: '#0b7285' }],
    });
    const { plan, merged } = merge(current, incoming);
    expect(plan.renamedIds).toEqual([
      { collection: 'stakeholders', from: 's-2', to: 's-2-3' },
      { collection: 'categories', from: 'c-1', to: 'c-1-2' },
      { collection: 'relationships', from: 'r-1', to: 'r-1-2' },
      { collection: 'painPoints', from: 'p-1', to: 'p-1-2' },
      { collection: 'solutions', from: 'x-1', to: 'x-1-2' },
    ]);
    expect(plan.counts.idsRenamed).toBe(5);
    expect(merged.stakeholders.map((s) => [s.id, s.name])).toEqual([
      ['s-1', 'Team'],
      ['s-2', 'Legal'],
      ['s-2-3', 'Brand'],
      ['s-2-2', 'IT'],
    ]);
    expect(merged.relationships.map((r) => [r.id, r.source, r.target])).toEqual([
      ['r-1', 's-1', 's-2'],
      ['r-1-2', 's-1', 's-2-3'],
      ['r-2', 's-1', 's-2-2'],
    ]);
    expect(merged.painPoints[1]).toMatchObject({
      id: 'p-1-2',
      categoryId: 'c-1-2',
      voice: 's-2-3',
      quotes: [{ text: 'Is this on brand?', voice: 's-2-3' }],
      attachedTo: [
        { type: 'stakeholder', id: 's-2-3' },
        { type: 'relationship', id: 'r-1-2' },
      ],
    });
    expect(merged.solutions[1]).toMatchObject({ id: 'x-1-2', addresses: ['p-1-2'] });
    expect(merged.categories.map((c) => [c.id, c.name])).toEqual([
      ['c-1', 'Processes'],
      ['c-1-2', 'Brand'],
    ]);
  });

  it('keeps unknown properties of the items it adds', () => {
    const incoming = mapOf({ stakeholders: [stakeholder('i-x', { name: 'Agency', 'x-crm': { id: 42 } })] });
    const { merged } = merge(ours(), incoming);
    expect(byName(merged, 'Agency')['x-crm']).toEqual({ id: 42 });
  });
});

describe('planMerge and applyMerge: pain points, categories, solutions', () => {
  function incomingBoard(): WorkspaceDocument {
    return mapOf({
      stakeholders: [
        stakeholder('i-team', { name: 'Social media team', kind: 'team' }),
        stakeholder('i-legal', { name: 'Legal' }),
        stakeholder('i-data', { name: 'Data', position: { x: 0, y: 300 } }),
      ],
      relationships: [relationship('i-r-legal', 'i-team', 'i-legal', { status: 'problematic' }), relationship('i-r-data', 'i-team', 'i-data')],
      painPoints: [
        painPoint('i-p1', [{ type: 'relationship', id: 'i-r-legal' }, { type: 'stakeholder', id: 'i-legal' }, { type: 'stakeholder', id: 'i-gone' }], {
          title: 'Legal sign-offs take too many days',
          description: 'A week.',
          quotes: [
            { text: ' we stopped doing REACTIVE posts. ', voice: null },
            { text: 'A week for a tweet.', voice: 'i-data' },
            { text: 'A week for a tweet.', voice: null },
          ],
          tally: 3,
          voice: 'i-team',
        }),
        painPoint('i-p2', [{ type: 'relationship', id: 'i-r-data' }], { title: 'Dashboards nobody reads', categoryId: 'c-tools', voice: 'i-nobody' }),
        painPoint('i-p3', [], { title: 'No budget', categoryId: 'c-money' }),
      ],
      solutions: [
        { id: 'i-x1', title: 'Content calendar', description: '', addresses: ['i-p1', 'i-p2', 'i-p-gone'], status: 'idea', owner: '', dueDate: null },
        { id: 'i-x2', title: 'Budget line', description: '', addresses: ['i-p3'], status: 'agreed', owner: 'Sam', dueDate: '2027-03-01' },
      ],
      categories: [
        { id: 'proc', name: 'PROCESSES ', color: '#000000' },
        { id: 'c-tools', name: 'Tooling', color: '#862e9c' },
        { id: 'c-money', name: 'Budget', color: '#5c6f00' },
      ],
      participants: [{ id: 'pt-1', label: 'P1', departmentId: 'i-legal' }],
      ballots: [{ participantId: 'pt-1', painPointId: 'i-p1' }],
    });
  }

  const current = () =>
    mapOf({
      ...ours(),
      categories: [
        { id: 'processes', name: 'Processes', color: '#d9480f' },
        { id: 'c-budget', name: 'budget', color: '#0b7285' },
      ],
      painPoints: ours().painPoints.map((p) => ({ ...p, categoryId: 'processes' })),
    });

  it('merges a confirmed duplicate: quotes united without repeats, tally summed, attachments remapped and united', () => {
    const doc = current();
    const { plan, merged } = merge(doc, incomingBoard(), { duplicates: [['i-p1', 'p-signoff']] });
    expect(plan.painPoints.merged).toEqual([
      { incomingId: 'i-p1', currentId: 'p-signoff', title: 'Legal sign-off takes days', incomingTitle: 'Legal sign-offs take too many days', quotesAdded: 1, votesAdded: 3, attachmentsAdded: 1 },
    ]);
    const signoff = merged.painPoints.find((p) => p.id === 'p-signoff')!;
    expect(signoff).toMatchObject({
      title: 'Legal sign-off takes days',
      description: 'A week.',
      tally: 7,
      // Ours had no voice: theirs, remapped to our team.
      voice: 's-team',
      quotes: [
        { text: 'We stopped doing reactive posts.', voice: null },
        { text: 'A week for a tweet.', voice: 'i-data' },
      ],
      attachedTo: [
        { type: 'relationship', id: 'r-legal' },
        { type: 'stakeholder', id: 's-legal' },
      ],
    });
    expect(plan.droppedReferences).toEqual([
      { collection: 'painPoints', incomingId: 'i-p1', field: 'attachedTo', missingId: 'i-gone' },
      { collection: 'painPoints', incomingId: 'i-p2', field: 'voice', missingId: 'i-nobody' },
      { collection: 'solutions', incomingId: 'i-x1', field: 'addresses', missingId: 'i-p-gone' },
    ]);
    // The solution addresses the pain point it was merged into.
    expect(merged.solutions.map((s) => [s.id, s.addresses])).toEqual([
      ['i-x1', ['p-signoff', 'i-p2']],
      ['i-x2', ['i-p3']],
    ]);
    expect(plan.counts).toMatchObject({ painPointsMerged: 1, painPointsAdded: 2, solutionsAdded: 2, referencesDropped: 3 });
    // The other room's participants and ballots are not merged.
    expect(plan.notMerged).toEqual({ participants: 1, ballots: 1 });
    expect(plan.counts).toMatchObject({ participantsNotMerged: 1, ballotsNotMerged: 1 });
    expect(merged.participants).toBe(doc.participants);
    expect(merged.ballots).toBe(doc.ballots);
  });

  it('adds a pain point that was not confirmed as a duplicate, and still suggests it', () => {
    const { plan, merged } = merge(current(), incomingBoard());
    expect(plan.painPoints.merged).toEqual([]);
    expect(merged.painPoints.map((p) => p.title)).toEqual(['Legal sign-off takes days', 'Legal sign-offs take too many days', 'Dashboards nobody reads', 'No budget']);
    expect(plan.suggestions.duplicates).toEqual([{ incomingId: 'i-p1', currentId: 'p-signoff', score: 0.91, certain: false }]);
    const confirmed = planMerge(current(), incomingBoard(), { duplicates: [['i-p1', 'p-signoff']] });
    expect(confirmed.suggestions.duplicates).toEqual([]);
  });

  it('ignores duplicate pairs naming missing pain points', () => {
    const { plan } = merge(current(), incomingBoard(), {
      duplicates: [
        ['i-missing', 'p-signoff'],
        ['i-p2', 'p-missing'],
      ],
    });
    expect(plan.painPoints.merged).toEqual([]);
    expect(plan.counts.painPointsAdded).toBe(3);
  });

  it('maps categories by name and adds the ones this map does not have', () => {
    const { plan, merged } = merge(current(), incomingBoard());
    expect(plan.categories.mapped).toEqual([
      { incomingId: 'proc', currentId: 'processes' },
      { incomingId: 'c-money', currentId: 'c-budget' },
    ]);
    expect(plan.categories.added.map((a) => a.item)).toEqual([{ id: 'c-tools', name: 'Tooling', color: '#862e9c' }]);
    expect(merged.categories.map((c) => c.id)).toEqual(['processes', 'c-budget', 'c-tools']);
    expect(merged.painPoints.map((p) => p.categoryId)).toEqual(['processes', 'processes', 'c-tools', 'c-budget']);
  });
});

describe('applyMerge', () => {
  it('gives back the current document itself when the merge changes nothing', () => {
    const current = ours();
    const same = mapOf({ stakeholders: [stakeholder('x', { name: 'brand', position: { x: 300, y: -200 } })] });
    const plan = planMerge(current, same);
    expect(plan.counts.changes).toBe(0);
    expect(applyMerge(current, plan)).toBe(current);
  });

  it('makes a stale plan again for the document it is applied to', () => {
    const current = ours();
    const incoming = mapOf({ stakeholders: [stakeholder('s-new', { name: 'Finance' })] });
    const plan = planMerge(current, incoming);
    // Meanwhile someone added a stakeholder with the id the plan meant to give.
    const changed = addStakeholder(current, { id: 's-new', name: 'Events', kind: 'department', position: { x: 900, y: 900 } });
    const merged = applyMerge(changed, plan);
    expectValidWorkspace(merged);
    expect(merged.stakeholders.map((s) => [s.id, s.name])).toEqual([
      ['s-team', 'Social media team'],
      ['s-legal', 'Légal'],
      ['s-brand', 'Brand'],
      ['s-new', 'Events'],
      ['s-new-2', 'Finance'],
    ]);
  });

  it('starts the dialog with the certain duplicates confirmed', () => {
    const current = ours();
    const incoming = mapOf({
      painPoints: [painPoint('i-1', [], { title: 'legal SIGN-OFF takes days' }), painPoint('i-2', [], { title: 'Legal sign-offs take many days' })],
    });
    expect(initialMergeDecisions(current, incoming)).toEqual({ aliases: [], duplicates: [['i-1', 'p-signoff']], statusChoices: {} });
  });
});
