import { describe, expect, it } from 'vitest';
import type { RelationshipStatus } from '../../../../shared/document/format';
import type { Relationship, Stakeholder, WorkspaceDocument } from '../../../../shared/document/schema';
import { bridgesAndBottlenecks, RELATIONSHIP_DISTANCE, topBottleneck, type BottleneckEntry } from '../../../../shared/domain/bottlenecks';
import { deepFreeze } from '../test-helpers';
import { relationship, stakeholder } from '../operations/test-docs';

type Graph = Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>;

/** A stakeholder whose name is its id with a capital first letter (`brand` is `Brand`), unless named. */
const node = (id: string, name = id.charAt(0).toUpperCase() + id.slice(1)): Stakeholder => stakeholder(id, { name });

/** Edges written `a-b` (neutral) or `a-b:problematic`; relationship ids are r1, r2 ... in order. */
function edges(...specs: string[]): Relationship[] {
  return specs.map((spec, i) => {
    const [ends = '', status = 'neutral'] = spec.split(':');
    const [source = '', target = ''] = ends.split('-');
    return relationship(`r${i + 1}`, source, target, { status: status as RelationshipStatus });
  });
}

/** A frozen document (so a mutation of the input throws) with these stakeholder ids and edges. */
function graph(ids: string[], ...specs: string[]): Graph {
  return deepFreeze({ stakeholders: ids.map((id) => node(id)), relationships: edges(...specs) });
}

const byId = (entries: BottleneckEntry[]): Map<string, BottleneckEntry> => new Map(entries.map((e) => [e.id, e]));

/** The entry for one stakeholder; fails the test if it is not listed. */
function entry(entries: BottleneckEntry[], id: string): BottleneckEntry {
  const found = byId(entries).get(id);
  if (!found) throw new Error(`${id} is not listed`);
  return found;
}

const routes = (entries: BottleneckEntry[]): Record<string, number> => Object.fromEntries(entries.map((e) => [e.id, e.routesThrough]));

describe('RELATIONSHIP_DISTANCE', () => {
  it('makes strained and problematic relationships longer routes than healthy and neutral ones', () => {
    expect(RELATIONSHIP_DISTANCE).toEqual({ healthy: 1, neutral: 1, strained: 2, problematic: 3 });
  });
});

describe('bridgesAndBottlenecks on small maps with known answers', () => {
  it('a star: every route between two leaves passes through the centre, none through a leaf', () => {
    const entries = bridgesAndBottlenecks(graph(['hub', 'l1', 'l2', 'l3', 'l4'], 'hub-l1', 'hub-l2', 'hub-l3', 'hub-l4'));
    expect(entries.map((e) => e.id)).toEqual(['hub', 'l1', 'l2', 'l3', 'l4']);
    expect(entries[0]).toEqual({
      id: 'hub',
      name: 'Hub',
      degree: 4,
      routesThrough: 6,
      routesTotal: 6,
      share: 1,
      explanation: '6 of the 6 routes between other stakeholders pass through Hub; connected to 4.',
    });
    for (const leaf of entries.slice(1)) {
      expect(leaf).toMatchObject({ degree: 1, routesThrough: 0, routesTotal: 6, share: 0 });
      expect(leaf.explanation).toBe(`No route between others passes through ${leaf.name}; connected to 1.`);
    }
  });

  it('a path a-b-c-d: the two inner stakeholders carry two routes each', () => {
    const entries = bridgesAndBottlenecks(graph(['a', 'b', 'c', 'd'], 'a-b', 'b-c', 'c-d'));
    expect(routes(entries)).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    expect(entries.map((e) => e.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(entry(entries, 'b')).toMatchObject({ degree: 2, routesTotal: 3, share: 2 / 3 });
    expect(entry(entries, 'b').explanation).toBe('2 of the 3 routes between other stakeholders pass through B; connected to 2.');
  });

  it('two triangles joined through a bridge stakeholder: the bridge carries every route from one side to the other', () => {
    const doc = graph(
      ['a1', 'a2', 'a3', 'm', 'b1', 'b2', 'b3'],
      'a1-a2',
      'a2-a3',
      'a3-a1',
      'b1-b2',
      'b2-b3',
      'b3-b1',
      'a1-m',
      'm-b1',
    );
    const entries = bridgesAndBottlenecks(doc);
    // m: 3 × 3 pairs across. a1: a2 and a3 to m, b1, b2, b3 (2 × 4). Inside a triangle everyone is next door.
    expect(routes(entries)).toEqual({ m: 9, a1: 8, b1: 8, a2: 0, a3: 0, b2: 0, b3: 0 });
    expect(entries.map((e) => e.id)).toEqual(['m', 'a1', 'b1', 'a2', 'a3', 'b2', 'b3']);
    expect(entry(entries, 'm')).toMatchObject({ degree: 2, routesTotal: 15, share: 9 / 15 });
    expect(entry(entries, 'a1')).toMatchObject({ degree: 3, routesTotal: 15 });
    expect(entry(entries, 'm').explanation).toBe('9 of the 15 routes between other stakeholders pass through M; connected to 2.');
  });

  it('a problematic relationship (3) loses to a detour through two healthy ones (2), so the detour carries the route', () => {
    const entries = bridgesAndBottlenecks(graph(['x', 'm', 'y'], 'x-y:problematic', 'x-m:healthy', 'm-y:healthy'));
    expect(routes(entries)).toEqual({ x: 0, m: 1, y: 0 });
    expect(entries[0]).toMatchObject({ id: 'm', routesTotal: 1, share: 1 });
    expect(entries[0]?.explanation).toBe('The only route between other stakeholders passes through M; connected to 2.');
  });

  it('a healthy or neutral direct relationship is shorter than the detour, so nothing passes through the middle', () => {
    for (const status of ['healthy', 'neutral'] as const) {
      const entries = bridgesAndBottlenecks(graph(['x', 'm', 'y'], `x-y:${status}`, 'x-m:healthy', 'm-y:healthy'));
      expect(routes(entries)).toEqual({ x: 0, m: 0, y: 0 });
    }
  });

  it('a strained relationship (2) ties with a detour through two healthy ones, so the route is shared', () => {
    const entries = bridgesAndBottlenecks(graph(['x', 'm', 'y'], 'x-y:strained', 'x-m:healthy', 'm-y:neutral'));
    expect(routes(entries)).toEqual({ x: 0, m: 0.5, y: 0 });
    expect(entry(entries, 'm').explanation).toBe('0.5 of the only route between other stakeholders passes through M; connected to 2.');
  });

  it('a problematic relationship ties with a detour through three healthy ones', () => {
    // x–y: direct (3) or x-m-n-y (3), half each. m also carries x–n (2 against 4 round the other way).
    const entries = bridgesAndBottlenecks(graph(['x', 'm', 'n', 'y'], 'x-y:problematic', 'x-m', 'm-n', 'n-y'));
    expect(routes(entries)).toEqual({ x: 0, m: 1.5, n: 1.5, y: 0 });
    expect(entry(entries, 'm').explanation).toBe('2 of the 3 routes between other stakeholders pass through M; connected to 2.');
  });

  it('equally short routes split a pair between them (a square: opposite corners have two routes)', () => {
    const entries = bridgesAndBottlenecks(graph(['a', 'b', 'c', 'd'], 'a-b', 'b-c', 'c-d', 'd-a'));
    expect(routes(entries)).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
    expect(entry(entries, 'a')).toMatchObject({ routesTotal: 3, share: 0.5 / 3 });
    expect(entry(entries, 'a').explanation).toBe('0.5 of the 3 routes between other stakeholders pass through A; connected to 2.');
  });

  it('disconnected parts: only pairs that are connected at all count as routes, and unconnected stakeholders are left out', () => {
    const entries = bridgesAndBottlenecks(graph(['a', 'b', 'c', 'd', 'e', 'alone'], 'a-b', 'b-c', 'd-e'));
    expect(entries.map((e) => e.id)).toEqual(['b', 'a', 'c', 'd', 'e']);
    // Connected pairs: a–b, a–c, b–c and d–e. Those without b: a–c and d–e. Those without d: the three of a-b-c.
    expect(entry(entries, 'b')).toMatchObject({ routesThrough: 1, routesTotal: 2, share: 0.5 });
    expect(entry(entries, 'a')).toMatchObject({ routesThrough: 0, routesTotal: 2, share: 0 });
    expect(entry(entries, 'd')).toMatchObject({ routesThrough: 0, routesTotal: 3, share: 0 });
    expect(entry(entries, 'b').explanation).toBe('1 of the 2 routes between other stakeholders passes through B; connected to 2.');
  });

  it('a pair on its own: no other stakeholders to route between, so the share is 0', () => {
    const entries = bridgesAndBottlenecks(graph(['a', 'b'], 'a-b'));
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entry(entries, 'a')).toMatchObject({ degree: 1, routesThrough: 0, routesTotal: 0, share: 0 });
    expect(entry(entries, 'a').explanation).toBe('No route between others passes through A; connected to 1.');
  });

  it('ignores relationships with a missing end and self-loops', () => {
    const doc = graph(['a', 'b', 'c', 'lonely'], 'a-b', 'b-c', 'b-ghost', 'ghost-c', 'b-b', 'lonely-lonely', 'lonely-nobody');
    const entries = bridgesAndBottlenecks(doc);
    expect(entries.map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(entry(entries, 'b')).toMatchObject({ degree: 2, routesThrough: 1, routesTotal: 1 });
    expect(entry(entries, 'c')).toMatchObject({ degree: 1, routesThrough: 0, routesTotal: 1 });
  });

  it('counts parallel relationships between the same two stakeholders once', () => {
    const entries = bridgesAndBottlenecks(graph(['a', 'b', 'c'], 'a-b', 'b-a:problematic', 'a-b:healthy', 'b-c'));
    expect(entry(entries, 'a')).toMatchObject({ degree: 1, routesThrough: 0 });
    expect(entry(entries, 'b')).toMatchObject({ degree: 2, routesThrough: 1, routesTotal: 1 });
    expect(entry(entries, 'b').explanation).toBe('The only route between other stakeholders passes through B; connected to 2.');
  });

  it('parallel relationships count at the shortest distance among them, in either order', () => {
    // With x–y at 1 the detour through m (2) carries nothing; taking the problematic one (3) would give m the route.
    for (const pair of [['x-y:problematic', 'y-x:healthy'], ['x-y:healthy', 'y-x:problematic']]) {
      const entries = bridgesAndBottlenecks(graph(['x', 'm', 'y'], ...pair, 'x-m', 'm-y'));
      expect(routes(entries)).toEqual({ x: 0, m: 0, y: 0 });
      expect(entry(entries, 'x').degree).toBe(2);
    }
  });

  it('lists a repeated stakeholder id once, under its first name', () => {
    const doc = deepFreeze({ stakeholders: [node('a'), node('b', 'First'), node('b', 'Second'), node('c')], relationships: edges('a-b', 'b-c') });
    const entries = bridgesAndBottlenecks(doc);
    expect(entries.map((e) => [e.id, e.name])).toEqual([['b', 'First'], ['a', 'A'], ['c', 'C']]);
    expect(entry(entries, 'b')).toMatchObject({ routesThrough: 1, routesTotal: 1 });
  });
});

describe('bridgesAndBottlenecks ranking', () => {
  it('ties on routes go to the stakeholder connected to more, whatever its name', () => {
    const doc = deepFreeze({
      stakeholders: [node('x', 'Zulu'), node('y', 'Yankee'), node('z', 'X-ray'), node('p', 'Alpha'), node('q', 'Bravo')],
      relationships: edges('x-y', 'y-z', 'z-x', 'p-q'),
    });
    expect(bridgesAndBottlenecks(doc).map((e) => e.name)).toEqual(['X-ray', 'Yankee', 'Zulu', 'Alpha', 'Bravo']);
  });

  it('then by name, ignoring case and accents, then by code units, then by id', () => {
    const doc = deepFreeze({
      stakeholders: [node('s1', 'brand'), node('s4', 'Apple'), node('s3', 'apple'), node('s2', 'Apple'), node('s5', 'Zed'), node('s6', 'Équipe')],
      relationships: edges('s1-s2', 's3-s4', 's5-s6'),
    });
    expect(bridgesAndBottlenecks(doc).map((e) => `${e.name} ${e.id}`)).toEqual(['Apple s2', 'Apple s4', 'apple s3', 'brand s1', 'Équipe s6', 'Zed s5']);
  });

  it('does not depend on the order of stakeholders and relationships in the document', () => {
    const ids = ['a1', 'a2', 'a3', 'm', 'b1', 'b2', 'b3', 'c', 'd'];
    const specs = ['a1-a2', 'a2-a3', 'a3-a1', 'b1-b2', 'b2-b3', 'b3-b1', 'a1-m:strained', 'm-b1', 'c-d', 'c-a2:problematic'];
    const forward = bridgesAndBottlenecks(graph(ids, ...specs));
    const backward = bridgesAndBottlenecks(graph([...ids].reverse(), ...[...specs].reverse()));
    expect(backward).toEqual(forward);
  });
});

describe('bridgesAndBottlenecks explanations', () => {
  it('shows a share below 0.1 of a route as "less than 0.1", never as 0', () => {
    // s and t are joined through 25 middles: each middle carries 1/25 of the s–t route and nothing else.
    const middles = Array.from({ length: 25 }, (_, i) => `m${i + 1}`);
    const entries = bridgesAndBottlenecks(graph(['s', 't', ...middles], ...middles.flatMap((m) => [`s-${m}`, `${m}-t`])));
    expect(entry(entries, 'm1').routesThrough).toBeCloseTo(1 / 25, 12);
    expect(entry(entries, 'm1').explanation).toBe('less than 0.1 of the 325 routes between other stakeholders pass through M1; connected to 2.');
    // s carries half of each pair of middles (through s or through t): 300 / 2.
    expect(entry(entries, 's')).toMatchObject({ routesThrough: 150, degree: 25 });
  });

  it('names an unnamed stakeholder as such', () => {
    const doc = deepFreeze({ stakeholders: [node('a'), node('b', '  '), node('c')], relationships: edges('a-b', 'b-c') });
    const top = topBottleneck(doc);
    expect(top?.name).toBe('  ');
    expect(top?.explanation).toBe('The only route between other stakeholders passes through Unnamed stakeholder; connected to 2.');
  });
});

describe('topBottleneck', () => {
  it('is the first of the list', () => {
    expect(topBottleneck(graph(['hub', 'l1', 'l2', 'l3'], 'hub-l1', 'hub-l2', 'hub-l3'))?.id).toBe('hub');
  });

  it('is null when no stakeholder has a relationship', () => {
    expect(topBottleneck(graph([]))).toBeNull();
    expect(topBottleneck(graph(['a', 'b'], 'a-a', 'a-ghost'))).toBeNull();
  });
});

describe('bridgesAndBottlenecks on a large map', () => {
  /** A connected map of n stakeholders (a random tree plus extra relationships), the same on every run. */
  function largeMap(n: number, relationships: number): Graph {
    let seed = 12345;
    // Park and Miller's generator (products stay below 2^53), so the map is random-looking but fixed.
    const next = (below: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % below;
    };
    const statuses: RelationshipStatus[] = ['healthy', 'neutral', 'strained', 'problematic'];
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const specs: string[] = [];
    for (let i = 1; i < n; i++) specs.push(`s${i}-s${next(i)}:${statuses[next(4)]}`);
    while (specs.length < relationships) specs.push(`s${next(n)}-s${next(n)}:${statuses[next(4)]}`);
    return graph(ids, ...specs);
  }

  it('ranks 1,000 stakeholders with 1,200 relationships', () => {
    const entries = bridgesAndBottlenecks(largeMap(1000, 1200));
    expect(entries).toHaveLength(1000);
    // Connected, so every pair of the 999 others is a route: 999 × 998 / 2.
    expect(entries[0]?.routesTotal).toBe(498_501);
    expect(entries[0]?.explanation).toMatch(/ of the 498,501 routes between other stakeholders pass(es)? through S\d+; connected to \d+\.$/);
  });
});
