import { describe, expect, it } from 'vitest';
import type { Ballot, Category, PainPoint, Relationship, Solution, Stakeholder } from '@shared/document/schema';
import {
  CHANGE_MARK_LABELS,
  changeCount,
  changeMarks,
  describeChange,
  diffEntries,
  diffWorkspaces,
  isEmpty,
  statusDirection,
  type DiffParts,
} from '@shared/domain/workspace-diff';

const stakeholder = (id: string, name: string, extra: Partial<Stakeholder> = {}): Stakeholder => ({
  id,
  name,
  kind: 'department',
  position: { x: 0, y: 0 },
  owner: '',
  notes: '',
  color: null,
  ...extra,
});
const relationship = (id: string, source: string, target: string, extra: Partial<Relationship> = {}): Relationship => ({
  id,
  source,
  target,
  status: 'neutral',
  label: '',
  notes: '',
  otherSide: null,
  ...extra,
});
const pain = (id: string, title: string, extra: Partial<PainPoint> = {}): PainPoint => ({
  id,
  title,
  description: '',
  categoryId: 'processes',
  quotes: [],
  attachedTo: [],
  tally: 0,
  voice: null,
  ...extra,
});
const solution = (id: string, title: string, extra: Partial<Solution> = {}): Solution => ({
  id,
  title,
  description: '',
  addresses: [],
  status: 'idea',
  owner: '',
  dueDate: null,
  ...extra,
});
const categories: Category[] = [
  { id: 'processes', name: 'Processes', color: '#111111' },
  { id: 'governance', name: 'Governance', color: '#222222' },
];
const ballot = (participantId: string, painPointId: string): Ballot => ({ participantId, painPointId });
const doc = (parts: Partial<DiffParts>): DiffParts => ({ stakeholders: [], relationships: [], painPoints: [], solutions: [], categories, ...parts });

/** The map before the workshop's second session. */
const before: DiffParts = doc({
  stakeholders: [
    stakeholder('team', 'Social media team', { kind: 'team' }),
    stakeholder('legal', 'Legal dept', { influence: 3, notes: 'Signs off every post' }),
    stakeholder('brand', 'Brand'),
    stakeholder('it', 'IT'),
    stakeholder('agency', 'Agency', { kind: 'external', position: { x: 10, y: 10 } }),
  ],
  relationships: [
    relationship('r1', 'team', 'legal', { status: 'problematic' }),
    relationship('r2', 'team', 'brand', { status: 'healthy' }),
    relationship('r3', 'brand', 'legal', { label: 'guidelines' }),
    relationship('r4', 'team', 'agency'),
    relationship('r6', 'brand', 'agency', { status: 'strained' }),
    relationship('r7', 'team', 'it'),
    relationship('r9', 'legal', 'agency', { status: 'healthy' }),
    relationship('r10', 'team', 'gone', { status: 'healthy' }),
  ],
  painPoints: [
    pain('p1', 'Sign-off takes days', { tally: 3, attachedTo: [{ type: 'stakeholder', id: 'legal' }] }),
    pain('p2', 'Nobody owns nights'),
    pain('p3', 'Tone rewrites'),
    pain('p4', 'Tools stall'),
    pain('p5', 'Slow tools', { tally: 5 }),
    pain('p7', 'Approvals lost', { categoryId: 'gone' }),
    pain('p8', 'Reports nobody reads', { attachedTo: [{ type: 'relationship', id: 'rx' }] }),
  ],
  solutions: [
    solution('s1', 'Pre-approved responses', { addresses: ['p2'] }),
    solution('s2', 'Style guide', { addresses: ['p3'], status: 'done' }),
    solution('s3', 'Night rota', { addresses: ['p2'], status: 'agreed' }),
  ],
  ballots: [ballot('P1', 'p1')],
});

/** The same map after it: every kind of change at least once. */
const after: DiffParts = doc({
  stakeholders: [
    stakeholder('team', 'Social media team', { kind: 'team' }),
    stakeholder('care', 'Customer care'),
    stakeholder('legal', 'Legal', { kind: 'external', influence: 5, interest: 2, owner: 'Ana', notes: 'Signs off most posts' }),
    stakeholder('brand', 'Brand'),
    // Moved, pinned and recoloured: nothing the room would call a change.
    stakeholder('agency', 'Agency', { kind: 'external', position: { x: 500, y: -40 }, pinned: true, color: '#ff0000' }),
  ],
  relationships: [
    relationship('r1', 'team', 'legal', { status: 'strained' }),
    relationship('r2', 'team', 'brand', { status: 'problematic' }),
    relationship('r3', 'brand', 'legal', { label: 'brand guidelines' }),
    relationship('r4', 'team', 'agency', { otherSide: { status: 'strained', notes: 'Too slow' } }),
    // r6 deleted and drawn again, the other way round, between the same two stakeholders.
    relationship('r6b', 'agency', 'brand', { status: 'healthy' }),
    relationship('r8', 'team', 'care'),
    relationship('r9', 'legal', 'agency', { status: 'healthy' }),
    relationship('r10', 'team', 'gone', { status: 'neutral' }),
  ],
  painPoints: [
    pain('p1', 'Sign-off takes days', {
      tally: 3,
      categoryId: 'governance',
      attachedTo: [
        { type: 'stakeholder', id: 'legal' },
        { type: 'relationship', id: 'r1' },
      ],
    }),
    pain('p2', 'Nobody owns nights'),
    pain('p5', 'Tools are slow', { tally: 2 }),
    pain('p6', 'Night cover'),
    pain('p7', 'Approvals lost'),
    pain('p8', 'Reports nobody reads'),
  ],
  solutions: [
    solution('s1', 'Pre-approved responses', { addresses: ['p2'], status: 'done' }),
    solution('s3', 'Night rota', { addresses: ['p2'], status: 'agreed', owner: 'Head of Social', dueDate: '2027-01-15' }),
    solution('s4', 'Training plan'),
  ],
  ballots: [ballot('P1', 'p1'), ballot('P2', 'p1'), ballot('P3', 'p1')],
});

const lines = (diff: ReturnType<typeof diffWorkspaces>) => diffEntries(diff).map((e) => describeChange(e));

describe('workspace diff', () => {
  const diff = diffWorkspaces(before, after);

  it('describes every change in one line, in the order of `after`, then the removed ones in the order of `before`', () => {
    expect(lines(diff)).toEqual([
      'New stakeholder: Customer care',
      'Stakeholder Legal: renamed from Legal dept; kind internal department → outside party; influence 3 → 5; interest not scored → 2; owner none → Ana; notes edited',
      'Removed stakeholder: IT',
      'Social media team – Legal: problematic → strained (improved)',
      'Social media team – Brand: healthy → problematic (worsened)',
      'Brand – Legal: label guidelines → brand guidelines',
      "Social media team – Agency: other side's view (Agency): not recorded → strained",
      'Agency – Brand: strained → healthy (improved)',
      'New relationship: Social media team – Customer care, neutral',
      'Social media team – missing stakeholder "gone": healthy → neutral (worsened)',
      'Removed relationship: Social media team – IT',
      'Pain point Sign-off takes days: category Processes → Governance; votes 4 → 6 (+2); attached to Legal dept → Legal, Social media team – Legal',
      'Pain point Nobody owns nights: resolved by Pre-approved responses',
      'Pain point Tools are slow: renamed from Slow tools; votes 5 → 2 (-3)',
      'New pain point: Night cover',
      'Pain point Approvals lost: category missing category "gone" → Processes',
      'Pain point Reports nobody reads: attached to missing relationship "rx" → whole workspace',
      'Removed pain point: Tone rewrites (resolved by Style guide)',
      'Removed pain point: Tools stall',
      'Solution Pre-approved responses: Idea → Done',
      'Solution Night rota: owner none → Head of Social; due date none → 2027-01-15',
      'New solution: Training plan',
      'Removed solution: Style guide',
    ]);
    expect(changeCount(diff)).toBe(23);
    expect(isEmpty(diff)).toBe(false);
  });

  it('lists each changed stakeholder field with its values, and ignores position, pinned and colour', () => {
    expect(diff.stakeholders.find((e) => e.id === 'legal')).toEqual({
      subject: 'stakeholder',
      change: 'changed',
      id: 'legal',
      name: 'Legal',
      fields: [
        { field: 'name', from: 'Legal dept', to: 'Legal' },
        { field: 'kind', from: 'department', to: 'external' },
        { field: 'influence', from: 3, to: 5 },
        { field: 'interest', from: null, to: 2 },
        { field: 'owner', from: '', to: 'Ana' },
        { field: 'notes', from: 'Signs off every post', to: 'Signs off most posts' },
      ],
    });
    expect(diff.stakeholders.some((e) => e.id === 'agency')).toBe(false);
  });

  it('gives relationship changes a direction and carries the ids and names of both ends', () => {
    expect(diff.relationships[0]).toEqual({
      subject: 'relationship',
      change: 'changed',
      id: 'r1',
      redrawnFrom: null,
      sourceId: 'team',
      targetId: 'legal',
      sourceName: 'Social media team',
      targetName: 'Legal',
      status: 'strained',
      direction: 'improved',
      fields: [{ field: 'status', from: 'problematic', to: 'strained', direction: 'improved' }],
    });
    expect(diff.relationships.find((e) => e.id === 'r2')?.direction).toBe('worsened');
    expect(diff.relationships.find((e) => e.id === 'r3')?.direction).toBeNull();
    expect(diff.relationships.find((e) => e.id === 'r4')?.fields).toEqual([{ field: 'otherSide', from: null, to: { status: 'strained', notes: 'Too slow' } }]);
    // Unchanged: not listed.
    expect(diff.relationships.some((e) => e.id === 'r9')).toBe(false);
  });

  it('counts a relationship deleted and drawn again between the same two stakeholders as changed, not removed and added', () => {
    const redrawn = diff.relationships.find((e) => e.id === 'r6b');
    expect(redrawn).toMatchObject({ change: 'changed', redrawnFrom: 'r6', direction: 'improved', sourceName: 'Agency', targetName: 'Brand' });
    expect(diff.relationships.filter((e) => e.id === 'r6')).toEqual([]);
    expect(diff.relationships.filter((e) => e.change === 'removed').map((e) => e.id)).toEqual(['r7']);
  });

  it('counts votes as tally plus ballots, with the numbers both sides', () => {
    expect(diff.painPoints[0]!.fields).toEqual([
      { field: 'category', from: { id: 'processes', name: 'Processes' }, to: { id: 'governance', name: 'Governance' } },
      { field: 'votes', from: 4, to: 6 },
      {
        field: 'attachedTo',
        from: [{ type: 'stakeholder', id: 'legal', name: 'Legal dept' }],
        to: [
          { type: 'stakeholder', id: 'legal', name: 'Legal' },
          { type: 'relationship', id: 'r1', name: 'Social media team – Legal' },
        ],
      },
    ]);
  });

  it('marks a pain point resolved when a solution addressing it became done, and says which', () => {
    expect(diff.painPoints.find((e) => e.id === 'p2')).toEqual({
      subject: 'painPoint',
      change: 'changed',
      id: 'p2',
      title: 'Nobody owns nights',
      resolvedBy: [{ id: 's1', title: 'Pre-approved responses' }],
      fields: [],
    });
    const removed = diff.painPoints.filter((e) => e.change === 'removed');
    expect(removed.map((e) => [e.id, e.resolvedBy.map((s) => s.id)])).toEqual([
      ['p3', ['s2']],
      ['p4', []],
    ]);
  });

  it('does not call a pain point resolved again when a done solution already addressed it', () => {
    const was = doc({ painPoints: [pain('p', 'Slow')], solutions: [solution('a', 'A', { addresses: ['p'], status: 'done' })] });
    const now = doc({ painPoints: [pain('p', 'Slow')], solutions: [solution('a', 'A', { addresses: ['p'], status: 'done' }), solution('b', 'B', { addresses: ['p'], status: 'done' })] });
    expect(lines(diffWorkspaces(was, now))).toEqual(['New solution: B']);
  });

  it('names solution statuses with the words of the vocabulary, and owner and due date changes', () => {
    expect(diff.solutions[0]).toEqual({
      subject: 'solution',
      change: 'changed',
      id: 's1',
      title: 'Pre-approved responses',
      status: 'done',
      fields: [{ field: 'status', from: 'idea', to: 'done' }],
    });
    const was = doc({ solutions: [solution('s', 'Rota', { status: 'in-progress', owner: 'Ana', dueDate: '2027-01-15' })] });
    const now = doc({ solutions: [solution('s', 'Night rota', { status: 'dropped', owner: '', dueDate: null })] });
    expect(lines(diffWorkspaces(was, now))).toEqual(['Solution Night rota: In progress → Dropped; renamed from Rota; owner Ana → none; due date 2027-01-15 → none']);
  });

  it('finds nothing between identical documents, nor in a map that was only rearranged', () => {
    const same = diffWorkspaces(before, structuredClone(before));
    expect(same).toEqual({ stakeholders: [], relationships: [], painPoints: [], solutions: [] });
    expect(isEmpty(same)).toBe(true);
    expect(changeCount(same)).toBe(0);
    const moved = doc({ ...before, stakeholders: before.stakeholders.map((s) => ({ ...s, position: { x: s.position.x + 300, y: 7 }, pinned: true, color: '#00ff00' })) });
    expect(isEmpty(diffWorkspaces(before, moved))).toBe(true);
    expect(isEmpty(diffWorkspaces(doc({}), doc({})))).toBe(true);
  });

  it('treats missing ballots as none', () => {
    const was = doc({ painPoints: [pain('p', 'Slow', { tally: 1 })] });
    const now = doc({ painPoints: [pain('p', 'Slow', { tally: 1 })], ballots: [ballot('P1', 'p'), ballot('P1', 'missing')] });
    expect(lines(diffWorkspaces(was, now))).toEqual(['Pain point Slow: votes 1 → 2 (+1)']);
    expect(isEmpty(diffWorkspaces(now, { ...now, ballots: [ballot('P1', 'p')] }))).toBe(true);
  });
});

describe('matching relationships', () => {
  const a = stakeholder('a', 'A');
  const b = stakeholder('b', 'B');
  const c = stakeholder('c', 'C');

  it('matches by id before matching by the two stakeholders, whatever the order in `after`', () => {
    const was = doc({ stakeholders: [a, b], relationships: [relationship('r1', 'a', 'b', { status: 'strained' })] });
    const now = doc({ stakeholders: [a, b], relationships: [relationship('r2', 'b', 'a'), relationship('r1', 'a', 'b', { status: 'strained' })] });
    expect(lines(diffWorkspaces(was, now))).toEqual(['New relationship: B – A, neutral']);
  });

  it('lists nothing for a relationship drawn again just as it was', () => {
    const was = doc({ stakeholders: [a, b], relationships: [relationship('r1', 'a', 'b', { label: 'approvals' })] });
    const now = doc({ stakeholders: [a, b], relationships: [relationship('r9', 'b', 'a', { label: 'approvals' })] });
    expect(isEmpty(diffWorkspaces(was, now))).toBe(true);
  });

  it('pairs several redrawn relationships between the same two stakeholders one to one, in document order', () => {
    const was = doc({ stakeholders: [a, b], relationships: [relationship('x1', 'a', 'b', { status: 'healthy' }), relationship('x2', 'a', 'b', { status: 'problematic' })] });
    const now = doc({ stakeholders: [a, b], relationships: [relationship('y1', 'a', 'b', { status: 'healthy' }), relationship('y2', 'a', 'b'), relationship('y3', 'a', 'b')] });
    const diff = diffWorkspaces(was, now);
    expect(diff.relationships.map((e) => [e.id, e.change, e.redrawnFrom])).toEqual([
      ['y2', 'changed', 'x2'],
      ['y3', 'added', null],
    ]);
    expect(lines(diff)).toEqual(['A – B: problematic → neutral (improved)', 'New relationship: A – B, neutral']);
  });

  it('says when a relationship now joins other stakeholders, and when the other side changed its note or was forgotten', () => {
    const was = doc({
      stakeholders: [a, b, c],
      relationships: [
        relationship('r1', 'a', 'b'),
        relationship('r2', 'a', 'c', { otherSide: { status: 'healthy', notes: 'Fine' } }),
        relationship('r3', 'b', 'c', { otherSide: { status: 'healthy', notes: '' } }),
        relationship('r4', 'c', 'a', { otherSide: { status: 'healthy', notes: 'Fine' } }),
      ],
    });
    const now = doc({
      stakeholders: [a, b, c],
      relationships: [
        relationship('r1', 'a', 'c', { label: 'briefs' }),
        relationship('r2', 'a', 'c', { otherSide: { status: 'healthy', notes: 'Mostly fine' } }),
        relationship('r3', 'b', 'c'),
        relationship('r4', 'c', 'a', { otherSide: { status: 'problematic', notes: 'Never answers' } }),
      ],
    });
    expect(lines(diffWorkspaces(was, now))).toEqual([
      'A – C: label none → briefs; was between A – B',
      "A – C: other side's view (C): note edited",
      "B – C: other side's view (C): healthy → not recorded",
      "C – A: other side's view (A): healthy → problematic, note edited",
    ]);
  });

  it('orders statuses healthy < neutral < strained < problematic, improved toward healthy', () => {
    expect(statusDirection('problematic', 'healthy')).toBe('improved');
    expect(statusDirection('neutral', 'strained')).toBe('worsened');
    expect(statusDirection('strained', 'strained')).toBeNull();
  });
});

describe('broken references', () => {
  it('names missing stakeholders, relationships and categories instead of throwing', () => {
    const was = doc({
      relationships: [relationship('r1', 'ghost', 'nobody')],
      painPoints: [pain('p', '', { categoryId: '', attachedTo: [{ type: 'stakeholder', id: 'ghost' }] })],
      solutions: [solution('s', '', { addresses: ['no-such-pain-point'], status: 'done' })],
      ballots: [ballot('P1', 'no-such-pain-point')],
    });
    const now = doc({
      stakeholders: [stakeholder('x', '  ')],
      relationships: [relationship('r2', 'x', 'nobody')],
      painPoints: [pain('p', '', { categoryId: 'governance', attachedTo: [{ type: 'relationship', id: 'r2' }] })],
    });
    expect(lines(diffWorkspaces(was, now))).toEqual([
      'New stakeholder: Unnamed stakeholder',
      'New relationship: Unnamed stakeholder – missing stakeholder "nobody", neutral',
      'Removed relationship: missing stakeholder "ghost" – missing stakeholder "nobody"',
      'Pain point Untitled pain point: category Uncategorised → Governance; attached to missing stakeholder "ghost" → Unnamed stakeholder – missing stakeholder "nobody"',
      'Removed solution: Untitled solution',
    ]);
  });

  it('pairs repeated ids one to one instead of listing one item twice', () => {
    const was = doc({ stakeholders: [stakeholder('s', 'One'), stakeholder('s', 'Two')] });
    const now = doc({ stakeholders: [stakeholder('s', 'One'), stakeholder('s', 'Two'), stakeholder('s', 'Three')] });
    expect(lines(diffWorkspaces(was, now))).toEqual(['New stakeholder: Three']);
    expect(lines(diffWorkspaces(now, was))).toEqual(['Removed stakeholder: Three']);
  });
});

describe('change marks', () => {
  it('marks every listed stakeholder and relationship by id, relationships by the direction of their status', () => {
    const marks = changeMarks(diffWorkspaces(before, after));
    expect([...marks.stakeholders]).toEqual([
      ['care', 'added'],
      ['legal', 'changed'],
      ['it', 'removed'],
    ]);
    expect(Object.fromEntries(marks.relationships)).toEqual({
      r1: 'improved',
      r2: 'worsened',
      r3: 'changed',
      r4: 'changed',
      r6b: 'improved',
      r6: 'improved',
      r8: 'added',
      r10: 'worsened',
      r7: 'removed',
    });
    expect(marks.relationships.has('r9')).toBe(false);
  });

  it('has a word for every mark, so a mark is never colour alone', () => {
    expect(CHANGE_MARK_LABELS).toEqual({ added: 'Added', removed: 'Removed', changed: 'Changed', improved: 'Improved', worsened: 'Worsened' });
  });
});

describe('describeChange', () => {
  it('passes only the documents’ text through userText', () => {
    const diff = diffWorkspaces(before, after);
    const shout = { userText: (t: string) => `<${t}>` };
    expect(describeChange(diff.relationships[0]!, shout)).toBe('<Social media team> – <Legal>: problematic → strained (improved)');
    expect(describeChange(diff.painPoints[2]!, shout)).toBe('Pain point <Tools are slow>: renamed from <Slow tools>; votes 5 → 2 (-3)');
    expect(describeChange(diff.solutions[1]!, shout)).toBe('Solution <Night rota>: owner none → <Head of Social>; due date none → <2027-01-15>');
  });
});

describe('size', () => {
  it('compares maps of 10,000 stakeholders and relationships', () => {
    const n = 10_000;
    const people = Array.from({ length: n }, (_, i) => stakeholder(`s${i}`, `Stakeholder ${i}`));
    const lines = Array.from({ length: n }, (_, i) => relationship(`r${i}`, `s${i}`, `s${(i + 1) % n}`));
    const was = doc({ stakeholders: people, relationships: lines });
    // Every relationship redrawn with a new id, every tenth now strained; one stakeholder renamed.
    const now = doc({
      stakeholders: people.map((s, i) => (i === 42 ? { ...s, name: 'Renamed' } : s)),
      relationships: lines.map((r, i) => ({ ...r, id: `new-${i}`, status: i % 10 === 0 ? ('strained' as const) : r.status })),
    });
    const diff = diffWorkspaces(was, now);
    expect(diff.stakeholders.map((e) => e.id)).toEqual(['s42']);
    expect(diff.relationships).toHaveLength(n / 10);
    expect(diff.relationships.every((e) => e.direction === 'worsened' && e.redrawnFrom === e.id.replace('new-', 'r'))).toBe(true);
  });
});
