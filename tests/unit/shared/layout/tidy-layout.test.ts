import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RelationshipStatus, StakeholderKind } from '../../../../shared/document/format';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { boxesTooClose, type Box } from '../../../../shared/layout/box-geometry';
import { centreOf } from '../../../../shared/layout/geometry';
import { LABEL_CLEARANCE, TIDY_GAP, labelBoxes, tidyLayout, type TidyInput, type TidyLink, type TidyNode } from '../../../../shared/layout/tidy-layout';
import { seededRandom } from '../../../../shared/operations/seeded-random';

/*
 * Tidy layout (issue 13, item 3) by geometry, on tangled maps: no two boxes closer than TIDY_GAP, no label on a
 * box (with LABEL_CLEARANCE) or on another label, the team in the centre, departments on a nearer ring than
 * externals, problematic relationships short; deterministic; pinned and unselected stakeholders untouched.
 * Labels are checked where the map's label placement puts them first: the middle of their line.
 */

// Sizes as the map draws them: a box about as wide as its name (170 to 240 px), a label as wide as its words.
const nodeSize = (name: string) => ({ width: Math.min(240, Math.max(170, 74 + name.length * 9.5)), height: name.length > 16 ? 78 : 60 });
const labelSize = (status: RelationshipStatus, label: string) => {
  const words = `${status === 'problematic' || status === 'strained' ? `${status.toUpperCase()} ` : ''}${label}`;
  if (!words && status === 'neutral') return null;
  return { width: Math.min(320, 22 + words.length * 7.4 + (status === 'neutral' ? 0 : 20)), height: 28 };
};

function inputOf(doc: Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>, options: { pile?: boolean; pinned?: readonly string[]; arrange?: readonly string[] } = {}): TidyInput {
  return {
    nodes: doc.stakeholders.map((s) => ({
      id: s.id,
      kind: s.kind,
      x: options.pile ? 0 : s.position.x,
      y: options.pile ? 0 : s.position.y,
      ...nodeSize(s.name),
      pinned: options.pinned?.includes(s.id) ?? false,
    })),
    links: doc.relationships.map((r) => ({ source: r.source, target: r.target, status: r.status, label: labelSize(r.status, r.label) })),
    arrange: options.arrange ?? null,
  };
}

type Doc = Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>;
const SAMPLE = JSON.parse(readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8')) as Doc;

function stakeholder(id: string, name: string, kind: StakeholderKind, x = 0, y = 0) {
  return { id, name, kind, position: { x, y }, owner: '', notes: '', color: null };
}
function relationship(id: string, source: string, target: string, status: RelationshipStatus, label: string) {
  return { id, source, target, status, label, notes: '', otherSide: null };
}

/** The star a room draws first: the team and the four functions it argues with, piled where they were added. */
const STAR: Doc = {
  stakeholders: [
    stakeholder('s-social', 'Social media team', 'team', 10, 10),
    stakeholder('s-brand', 'Brand', 'department', 0, 0),
    stakeholder('s-legal', 'Legal', 'department', 20, 5),
    stakeholder('s-compliance', 'Compliance', 'department', 5, 20),
    stakeholder('s-pr', 'PR / Press office', 'department', 15, 15),
  ],
  relationships: [
    relationship('r-brand', 's-social', 's-brand', 'problematic', 'tone-of-voice sign-off'),
    relationship('r-legal', 's-social', 's-legal', 'problematic', 'post approvals'),
    relationship('r-compliance', 's-social', 's-compliance', 'problematic', 'claims & disclosure checks'),
    relationship('r-pr', 's-social', 's-pr', 'neutral', 'crisis response'),
  ],
};

/** Thirty stakeholders of a realistic workshop (the team, 20 departments, 9 outside parties), tangled in a small square. */
function thirtyStakeholders(seed = 30): Doc {
  const random = seededRandom(seed);
  const at = () => Math.round(random() * 300);
  const departments = ['Brand', 'Legal', 'Compliance', 'PR / Press office', 'Corporate communications', 'Traditional marketing', 'Web management', 'Mobile', 'IT', 'HR', 'Product', 'Customer service', 'Senior leadership', 'Sales', 'Finance', 'Procurement', 'Data & analytics', 'Internal comms', 'Events', 'Investor relations'];
  const externals = ['Creative agency', 'Media agency', 'Social platforms', 'Customers & community', 'Advertising regulator', 'Journalists & media', 'Influencers', 'Retail partners', 'Trade bodies'];
  const stakeholders = [
    stakeholder('s-team', 'Social media team', 'team', at(), at()),
    ...departments.map((name, i) => stakeholder(`s-d${i}`, name, 'department', at(), at())),
    ...externals.map((name, i) => stakeholder(`s-e${i}`, name, 'external', at(), at())),
  ];
  const statuses: RelationshipStatus[] = ['problematic', 'strained', 'neutral', 'healthy', 'neutral', 'neutral'];
  const relationships = [
    ...departments.map((_, i) => relationship(`r-t${i}`, 's-team', `s-d${i}`, statuses[i % statuses.length]!, i % 4 === 3 ? '' : `flow ${i}`)),
    ...externals.slice(0, 5).map((_, i) => relationship(`r-te${i}`, 's-team', `s-e${i}`, 'neutral', `external ${i}`)),
    ...externals.map((_, i) => relationship(`r-de${i}`, `s-d${(i * 7) % departments.length}`, `s-e${i}`, i % 3 === 0 ? 'strained' : 'neutral', `hand-off ${i}`)),
    ...[0, 1, 2, 3, 4].map((i) => relationship(`r-dd${i}`, `s-d${i}`, `s-d${(i * 3 + 5) % departments.length}`, 'neutral', `shared ${i}`)),
  ];
  return { stakeholders, relationships };
}

/** Where every stakeholder is after the layout (those it did not move where they were). */
function boxesAfter(input: TidyInput): { boxes: Map<string, Box>; labels: Box[]; result: ReturnType<typeof tidyLayout> } {
  const result = tidyLayout(input);
  const positions = new Map(result.moves.map((m) => [m.id, m.position]));
  const boxes = new Map(input.nodes.map((n) => [n.id, { ...(positions.get(n.id) ?? { x: n.x, y: n.y }), width: n.width, height: n.height }]));
  return { boxes, labels: labelBoxes(input.nodes, input.links, positions), result };
}

/** Every pair breaking a rule, named, so a failure says which. */
function problems(input: TidyInput): string[] {
  const { boxes, labels } = boxesAfter(input);
  const found: string[] = [];
  const list = [...boxes.entries()];
  list.forEach(([a, boxA], i) => list.slice(i + 1).forEach(([b, boxB]) => boxesTooClose(boxA, boxB, TIDY_GAP) && found.push(`boxes ${a} and ${b} closer than ${TIDY_GAP}`)));
  labels.forEach((label, i) => {
    for (const [id, box] of list) if (boxesTooClose(label, box, LABEL_CLEARANCE)) found.push(`label ${i} on or next to ${id}`);
    labels.slice(i + 1).forEach((other, j) => boxesTooClose(label, other, 0) && found.push(`labels ${i} and ${i + 1 + j} overlap`));
  });
  return found;
}

const distanceBetween = (a: Box, b: Box) => Math.hypot(centreOf(a).x - centreOf(b).x, centreOf(a).y - centreOf(b).y);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('tidyLayout', () => {
  it.each([
    ['the sample workshop as it is', () => inputOf(SAMPLE)],
    ['the sample workshop with all 16 stakeholders on one point', () => inputOf(SAMPLE, { pile: true })],
    ['the five-stakeholder star, piled', () => inputOf(STAR)],
    ['thirty stakeholders tangled in a 300 px square', () => inputOf(thirtyStakeholders())],
    ['thirty stakeholders all on one point', () => inputOf(thirtyStakeholders(), { pile: true })],
  ])('leaves no box near another and no label on a box or a label: %s', (_, make) => {
    const input = make();
    const before = input.nodes.filter((a, i) => input.nodes.slice(i + 1).some((b) => boxesTooClose(a, b, 0))).length;
    expect(problems(input)).toEqual([]);
    // The inputs really are tangled (except the sample as drawn, which is tidy already and must stay so).
    if (!_.startsWith('the sample workshop as')) expect(before).toBeGreaterThan(2);
  });

  it('puts the team in the centre of the map as it was, and returns whole-pixel positions', () => {
    const input = inputOf(STAR);
    const { boxes, result } = boxesAfter(input);
    expect(result.hubId).toBe('s-social');
    // The centre of the five boxes as they were piled: from (0, 0) to the far corner of the widest box.
    const team = boxes.get('s-social')!;
    expect(centreOf(team).x).toBeCloseTo(result.centre.x, -0.5);
    expect(centreOf(team).y).toBeCloseTo(result.centre.y, -0.5);
    const left = Math.min(...input.nodes.map((n) => n.x));
    const right = Math.max(...input.nodes.map((n) => n.x + n.width));
    expect(result.centre.x).toBe((left + right) / 2);
    for (const m of result.moves) {
      expect(Number.isInteger(m.position.x) && Number.isInteger(m.position.y), m.id).toBe(true);
    }
  });

  it('of several teams, puts the most connected one in the centre', () => {
    const doc: Doc = {
      stakeholders: [...STAR.stakeholders, stakeholder('s-emea', 'Social team EMEA', 'team', 5, 5)],
      relationships: [...STAR.relationships, relationship('r-emea', 's-emea', 's-pr', 'neutral', '')],
    };
    expect(tidyLayout(inputOf(doc)).hubId).toBe('s-social');
  });

  it('draws problematic relationships with the team shorter than neutral ones', () => {
    for (const input of [inputOf(STAR), inputOf(SAMPLE, { pile: true }), inputOf(thirtyStakeholders())]) {
      const { boxes, result } = boxesAfter(input);
      const team = boxes.get(result.hubId!)!;
      const length = (status: RelationshipStatus) =>
        mean(input.links.filter((l) => l.status === status && (l.source === result.hubId || l.target === result.hubId)).map((l) => distanceBetween(team, boxes.get(l.source === result.hubId ? l.target : l.source)!)));
      expect(length('problematic')).toBeLessThan(length('neutral'));
    }
  });

  it('puts internal departments on a nearer ring than outside parties', () => {
    for (const input of [inputOf(SAMPLE), inputOf(SAMPLE, { pile: true }), inputOf(thirtyStakeholders()), inputOf(thirtyStakeholders(31), { pile: true })]) {
      const { boxes, result } = boxesAfter(input);
      const team = boxes.get(result.hubId!)!;
      const distance = (kind: StakeholderKind) => mean(input.nodes.filter((n) => n.kind === kind).map((n) => distanceBetween(team, boxes.get(n.id)!)));
      expect(distance('department')).toBeLessThan(distance('external'));
    }
  });

  it('gives the same layout for the same map, every time', () => {
    const input = inputOf(thirtyStakeholders(), { pile: true });
    const first = tidyLayout(input);
    const copy = JSON.parse(JSON.stringify(input)) as TidyInput;
    expect(tidyLayout(copy)).toEqual(first);
    expect(tidyLayout(input)).toEqual(first);
  });

  it('leaves pinned stakeholders exactly where they are, and keeps the others clear of them', () => {
    // Legal pinned right on top of the team: the team (and everyone else) moves off it.
    const doc: Doc = { ...SAMPLE, stakeholders: SAMPLE.stakeholders.map((s) => (s.id === 's-legal' ? { ...s, position: { x: 10, y: 5 } } : s)) };
    const input = inputOf(doc, { pinned: ['s-legal', 's-agency'] });
    const { boxes, result } = boxesAfter(input);
    expect(result.moves.map((m) => m.id)).not.toContain('s-legal');
    expect(result.moves.map((m) => m.id)).not.toContain('s-agency');
    expect(result.moves).toHaveLength(doc.stakeholders.length - 2);
    expect(boxes.get('s-legal')).toMatchObject({ x: 10, y: 5 });
    expect(problems(input)).toEqual([]);
  });

  it('rings the others round a pinned team, where it is', () => {
    const doc: Doc = { ...SAMPLE, stakeholders: SAMPLE.stakeholders.map((s) => (s.id === 's-social' ? { ...s, position: { x: 900, y: -400 } } : s)) };
    const input = inputOf(doc, { pinned: ['s-social'] });
    const { boxes, result } = boxesAfter(input);
    expect(result.hubId).toBe('s-social');
    expect(result.moves.map((m) => m.id)).not.toContain('s-social');
    expect(result.centre).toEqual(centreOf(boxes.get('s-social')!));
    expect(problems(input)).toEqual([]);
    // Stakeholders on every side of it.
    const c = result.centre;
    const others = [...boxes.entries()].filter(([id]) => id !== 's-social').map(([, b]) => centreOf(b));
    expect(others.some((p) => p.x < c.x) && others.some((p) => p.x > c.x) && others.some((p) => p.y < c.y) && others.some((p) => p.y > c.y)).toBe(true);
  });

  it('with every stakeholder pinned, moves nothing', () => {
    const input = inputOf(STAR, { pinned: STAR.stakeholders.map((s) => s.id) });
    expect(tidyLayout(input).moves).toEqual([]);
  });

  it('arranges only the selection, around its own centre, keeping clear of the stakeholders left as they are', () => {
    const doc = thirtyStakeholders();
    // The others spread out on a grid; the selection (five departments and two externals) piled among them.
    const spread: Doc = {
      ...doc,
      stakeholders: doc.stakeholders.map((s, i) => ({ ...s, position: { x: (i % 6) * 300, y: Math.floor(i / 6) * 150 } })),
    };
    const selected = ['s-d1', 's-d2', 's-d3', 's-d4', 's-d5', 's-e0', 's-e1'];
    const piled: Doc = { ...spread, stakeholders: spread.stakeholders.map((s) => (selected.includes(s.id) ? { ...s, position: { x: 600, y: 300 } } : s)) };
    const input = inputOf(piled, { arrange: selected });
    const { boxes, result } = boxesAfter(input);
    expect(result.moves.map((m) => m.id).sort()).toEqual([...selected].sort());
    expect(result.hubId).toBeNull();
    for (const s of piled.stakeholders.filter((x) => !selected.includes(x.id))) expect(boxes.get(s.id), s.id).toMatchObject(s.position);
    // Arranged boxes keep clear of every box; the others were laid out by hand and may be as close as they were.
    for (const id of selected) {
      for (const [other, box] of boxes) if (other !== id) expect(boxesTooClose(boxes.get(id)!, box, TIDY_GAP), `${id} / ${other}`).toBe(false);
    }
  });

  it('selects the team with the selection: it goes to the centre of the selection', () => {
    const input = inputOf(SAMPLE, { arrange: ['s-social', 's-legal', 's-brand', 's-compliance'] });
    const { boxes, result } = boxesAfter(input);
    expect(result.hubId).toBe('s-social');
    expect(result.moves).toHaveLength(4);
    const chosen = input.nodes.filter((n) => input.arrange!.includes(n.id));
    const left = Math.min(...chosen.map((n) => n.x));
    const right = Math.max(...chosen.map((n) => n.x + n.width));
    expect(centreOf(boxes.get('s-social')!).x).toBeCloseTo((left + right) / 2, -0.5);
  });

  it('ignores relationships to stakeholders that are not there and loops, and makes room for the larger label of a repeated pair', () => {
    const input = inputOf(STAR);
    const wide = { width: 300, height: 28 };
    const links: TidyLink[] = [
      ...input.links,
      { source: 's-social', target: 's-missing', status: 'problematic', label: { width: 100, height: 28 } },
      { source: 's-pr', target: 's-pr', status: 'neutral', label: null },
      // A second relationship between the team and PR: one line on the map, and room kept for the wider label.
      { source: 's-pr', target: 's-social', status: 'strained', label: wide },
    ];
    const result = tidyLayout({ ...input, links });
    expect(result.moves).toHaveLength(5);
    const kept = input.links.map((l) => (l.target === 's-pr' ? { ...l, label: wide } : l));
    const positions = new Map(result.moves.map((m) => [m.id, m.position]));
    const labels = labelBoxes(input.nodes, kept, positions);
    for (const label of labels) {
      for (const n of input.nodes) expect(boxesTooClose(label, { ...positions.get(n.id)!, width: n.width, height: n.height }, LABEL_CLEARANCE)).toBe(false);
    }
  });

  it('copes with no stakeholders, one, and boxes not measured yet (0 x 0)', () => {
    expect(tidyLayout({ nodes: [], links: [] }).moves).toEqual([]);
    const one: TidyNode = { id: 'a', kind: 'department', x: 5, y: 5, width: 200, height: 60 };
    expect(tidyLayout({ nodes: [one], links: [] }).moves).toHaveLength(1);
    const unmeasured = tidyLayout({ nodes: [{ ...one, width: 0, height: 0 }, { ...one, id: 'b', width: 0, height: 0 }], links: [] });
    for (const m of unmeasured.moves) expect(Number.isFinite(m.position.x) && Number.isFinite(m.position.y)).toBe(true);
  });

  it('keeps a map of 400 stakeholders piled on one point free of overlapping boxes', () => {
    const random = seededRandom(400);
    const kinds: StakeholderKind[] = ['department', 'department', 'external'];
    const nodes: TidyNode[] = Array.from({ length: 400 }, (_, i) => ({
      id: `s-${i}`,
      kind: i === 0 ? 'team' : kinds[i % 3]!,
      x: 0,
      y: 0,
      width: 170 + Math.round(random() * 70),
      height: 60,
    }));
    const links: TidyLink[] = nodes.slice(1).map((n, i) => ({ source: i % 2 === 0 ? 's-0' : `s-${Math.floor(random() * 400)}`, target: n.id, status: i % 4 === 0 ? 'problematic' : 'neutral', label: { width: 120, height: 28 } }));
    const { boxes } = boxesAfter({ nodes, links });
    const list = [...boxes.values()].sort((a, b) => a.x - b.x);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.x < list[i]!.x + list[i]!.width + TIDY_GAP; j++) expect(boxesTooClose(list[i]!, list[j]!, TIDY_GAP)).toBe(false);
    }
  });
});
