import { describe, expect, it } from 'vitest';
import type { RelationshipStatus } from '../../../../shared/document/format';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { PainPoint, Relationship, Stakeholder, WorkspaceDocument } from '../../../../shared/document/schema';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { nameKey } from '../../../../shared/import/cell-text';
import { applyMerge, initialMergeDecisions, planMerge, type MergePlan } from '../../../../shared/merge/merge-plan';
import { expectValidWorkspace, mapOf, overlappingBoxes, painPoint, relationship, stakeholder } from './merge-helpers';

/*
 * A workshop of three breakout rooms, each drawing about 15 of the same organisation's functions in its own
 * spelling, with ids from the same template (so the rooms' ids clash everywhere), merged one after the other into
 * an empty plenary map.
 */

/** The functions, each with the spelling of room 0, 1 and 2. Index 0 is the team; 15–18 are outside parties. */
const FUNCTIONS: readonly (readonly [string, string, string])[] = [
  ['Social media team', 'Social Media Team', 'social  media team'],
  ['Brand', 'brand', 'BRAND'],
  ['Legal', 'Legal ', 'légal'],
  ['Compliance', 'compliance', 'Compliance '],
  ['Press office', 'Press Office', 'press office'],
  ['Corporate communications', 'Corporate Communications', 'corporate communications'],
  ['Traditional marketing', 'Traditional Marketing', 'traditional marketing'],
  ['Web management', 'Web Management', 'web management'],
  ['Mobile', 'mobile', 'MOBILE'],
  ['IT', 'It', ' IT '],
  ['HR', 'hr', 'Hr'],
  ['Product', 'product', 'Product'],
  ['Customer service', 'Customer Service', 'customer  service'],
  ['Senior leadership', 'Senior Leadership', 'senior leadership'],
  ['Sales', 'sales', 'SALES'],
  ['Creative agency', 'Creative Agency', 'creative agency'],
  ['Partners', 'partners', 'Partners'],
  ['Customers', 'customers', 'Customers'],
  ['Regulators', 'regulators', 'Régulators'],
  ['Data & insights', 'Data & Insights', 'data & insights'],
  ['Finance', 'finance', 'FINANCE'],
  ['Events', 'events', 'Events'],
];
const STATUSES: readonly RelationshipStatus[] = ['healthy', 'neutral', 'strained', 'problematic'];
const ROOMS = [0, 1, 2] as const;
const LEGAL = 2;

/** The functions room `r` drew: the team and the 14 others whose index is not a multiple of 3 after adding r. */
const functionsOf = (r: number): number[] => FUNCTIONS.map((_, i) => i).filter((i) => i === 0 || (i + r) % 3 !== 0);

/** The pairs of functions room `r` connected (by function index, smaller first): the team with all, and neighbours. */
function pairsOf(r: number): Array<readonly [number, number]> {
  const drawn = new Set(functionsOf(r));
  const pairs: Array<readonly [number, number]> = [...drawn].filter((i) => i !== 0).map((i) => [0, i] as const);
  for (let i = 1; i + 1 < FUNCTIONS.length; i += 2) if (drawn.has(i) && drawn.has(i + 1)) pairs.push([i, i + 1]);
  return pairs;
}

function breakout(r: number): WorkspaceDocument {
  const drawn = functionsOf(r);
  // Template ids by position in the room's own list: "s-3" is a different function in every room.
  const idOf = new Map(drawn.map((f, k) => [f, `s-${k}`]));
  const stakeholders: Stakeholder[] = drawn.map((f, k) =>
    stakeholder(idOf.get(f)!, {
      name: FUNCTIONS[f]![r]!,
      kind: f === 0 ? 'team' : f >= 15 && f <= 18 ? 'external' : 'department',
      position: { x: (k % 4) * 300 + r * 40, y: Math.floor(k / 4) * 120 - r * 30 },
      influence: ((f + r) % 5) + 1,
    }),
  );
  const relationships: Relationship[] = pairsOf(r).map(([a, b], k) => {
    // The team's links are drawn from the team; neighbours one way in even rooms and the other way in odd ones.
    const [source, target] = a === 0 || r % 2 === 0 ? [a, b] : [b, a];
    return relationship(`r-${k}`, idOf.get(source)!, idOf.get(target)!, { status: STATUSES[(b + r) % 4]!, notes: `Room ${r}.` });
  });
  const teamLegal = relationships.find((x) => x.target === idOf.get(LEGAL));
  const titles = ['Agency briefs arrive late', 'Nobody owns the community calendar', 'Dashboards nobody can read'];
  const painPoints: PainPoint[] = [
    painPoint('p-1', teamLegal ? [{ type: 'relationship', id: teamLegal.id }] : [{ type: 'stakeholder', id: 's-0' }], {
      title: ['Legal sign-off takes days', 'legal sign-off takes  days', 'Legal Sign-off Takes Days'][r]!,
      quotes: [
        { text: 'We stopped doing reactive posts.', voice: null },
        { text: `Room ${r} waited a week.`, voice: 's-0' },
      ],
      tally: r + 1,
    }),
    painPoint('p-2', [{ type: 'stakeholder', id: 's-1' }], { title: titles[r]!, categoryId: 'workflows', tally: 1 }),
    ...(r !== 1 ? [painPoint('p-3', [], { title: 'No budget for tools', categoryId: `c-budget-${r}`, tally: 2 })] : []),
  ];
  return mapOf({
    title: `Breakout ${r}`,
    stakeholders,
    relationships,
    painPoints,
    solutions: [{ id: 'x-1', title: `Room ${r}'s idea`, description: '', addresses: painPoints.map((p) => p.id), status: 'idea', owner: '', dueDate: null }],
    categories: [...mapOf({}).categories, { id: `c-budget-${r}`, name: r === 0 ? 'Budget' : 'budget', color: '#0b7285' }],
    participants: [
      { id: 'pt-1', label: 'P1', departmentId: 's-0' },
      { id: 'pt-2', label: 'P2', departmentId: null },
    ],
    ballots: [
      { participantId: 'pt-1', painPointId: 'p-1' },
      { participantId: 'pt-2', painPointId: 'p-2' },
    ],
  });
}

describe('three breakout maps merged in turn into one plenary map', () => {
  const rooms = ROOMS.map(breakout);
  const plans: MergePlan[] = [];
  let plenary = mapOf({ title: 'Plenary' });
  for (const room of rooms) {
    const plan = planMerge(plenary, room, initialMergeDecisions(plenary, room));
    plans.push(plan);
    plenary = applyMerge(plenary, plan);
  }

  it('draws three valid rooms of 15 stakeholders', () => {
    for (const room of rooms) {
      expectValidWorkspace(room);
      expect(room.stakeholders).toHaveLength(15);
      expect(overlappingBoxes(room.stakeholders)).toEqual([]);
    }
  });

  it('matches and adds as many stakeholders as the rooms share and do not', () => {
    expect(plans.map((p) => [p.counts.stakeholdersMatched, p.counts.stakeholdersAdded])).toEqual([
      [0, 15],
      [8, 7],
      [15, 0],
    ]);
    // Every function once, in the spelling of the first room that drew it.
    expect(plenary.stakeholders).toHaveLength(FUNCTIONS.length);
    expect(new Set(plenary.stakeholders.map((s) => nameKey(s.name))).size).toBe(FUNCTIONS.length);
    expect(plenary.stakeholders[0]!.name).toBe('Social media team');
    expect(plenary.stakeholders.find((s) => nameKey(s.name) === 'regulators')!.name).toBe('regulators');
  });

  it('has one relationship per pair any room drew, with the status of the first room that drew it', () => {
    const pairs = new Map<string, number>();
    for (const r of ROOMS) for (const [a, b] of pairsOf(r)) if (!pairs.has(`${a}-${b}`)) pairs.set(`${a}-${b}`, r);
    expect(plenary.relationships).toHaveLength(pairs.size);
    const indexOf = new Map(plenary.stakeholders.map((s) => [s.id, FUNCTIONS.findIndex((f) => nameKey(f[0]) === nameKey(s.name))]));
    for (const rel of plenary.relationships) {
      const [a, b] = [indexOf.get(rel.source)!, indexOf.get(rel.target)!].sort((x, y) => x - y);
      const first = pairs.get(`${a}-${b}`);
      expect(first, `${a}-${b}`).toBeDefined();
      expect(rel.status).toBe(STATUSES[(b! + first!) % 4]);
    }
    // Every status differs from one room to the next, so every pair the rooms share is a conflict kept as ours.
    expect(plans[1]!.counts.statusConflicts).toBe(plans[1]!.counts.relationshipsUnited);
    expect(plans[1]!.counts.statusConflicts).toBeGreaterThanOrEqual(7);
    expect(plans.flatMap((p) => p.relationships.conflicts).every((c) => c.choice === 'ours')).toBe(true);
  });

  it('merges the pain points with the same title and sums their votes; the rooms’ ballots are not merged', () => {
    expect(plans.map((p) => [p.counts.painPointsMerged, p.counts.painPointsAdded])).toEqual([
      [0, 3],
      [1, 1],
      [2, 1],
    ]);
    expect(plenary.painPoints.map((p) => [p.title, p.tally])).toEqual([
      ['Legal sign-off takes days', 6],
      ['Agency briefs arrive late', 1],
      ['No budget for tools', 4],
      ['Nobody owns the community calendar', 1],
      ['Dashboards nobody can read', 1],
    ]);
    expect(plenary.painPoints[0]!.quotes.map((q) => q.text)).toEqual(['We stopped doing reactive posts.', 'Room 0 waited a week.', 'Room 1 waited a week.', 'Room 2 waited a week.']);
    expect(plenary.categories.map((c) => c.name)).toEqual([...mapOf({}).categories.map((c) => c.name), 'Budget']);
    expect(plenary.solutions.map((s) => s.title)).toEqual(["Room 0's idea", "Room 1's idea", "Room 2's idea"]);
    expect(plenary.participants).toEqual([]);
    expect(plenary.ballots).toEqual([]);
    expect(plans.map((p) => p.notMerged)).toEqual(ROOMS.map(() => ({ participants: 2, ballots: 2 })));
  });

  it('is a valid workspace with no box on another, that opens again from its file', () => {
    // The rooms' template ids clashed: the second room's new stakeholders, relationships and pain points were renamed.
    expect(new Set(plans[1]!.renamedIds.map((r) => r.collection))).toEqual(new Set(['stakeholders', 'relationships', 'painPoints', 'solutions']));
    expectValidWorkspace(plenary);
    expect(overlappingBoxes(plenary.stakeholders)).toEqual([]);
    const reopened = parseWorkspace(serializeWorkspace(plenary));
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      expect(reopened.danglingReferences).toEqual([]);
      expect(serializeWorkspace(reopened.document)).toBe(serializeWorkspace(plenary));
    }
  });
});
