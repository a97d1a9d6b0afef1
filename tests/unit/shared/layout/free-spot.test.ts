import { describe, expect, it } from 'vitest';
import { findFreeSpot, NODE_CLEARANCE, type MapObstacles } from '@shared/layout/free-spot';
import { floatingEnds } from '@shared/layout/floating-ends';
import { centreOf, inflate, intersects, rectAround, segmentCrossesRect, type Rect } from '@shared/layout/geometry';
import { labelCentre, placeLabels } from '@shared/layout/label-placement';

const LABEL = { width: 190, height: 30 };

/** Adds stakeholders one by one around the team, as the palette does, connecting each to it. */
function buildStar(kinds: ReadonlyArray<'department' | 'external'>, size = { width: 210, height: 64 }) {
  const team: Rect = { x: 0, y: 0, width: 250, height: 74 };
  const nodes: Rect[] = [team];
  const lines: { from: { x: number; y: number }; to: { x: number; y: number } }[] = [];
  let labels: Rect[] = [];
  for (const kind of kinds) {
    const obstacles: MapObstacles = { nodes, labels, lines };
    const spot = findFreeSpot({ size, kind, anchor: team, centre: { x: 0, y: 0 }, futureLabel: LABEL }, obstacles);
    const box = { ...spot, ...size };
    nodes.push(box);
    lines.push(floatingEnds(team, box));
    const requests = lines.map((l, i) => ({ id: `r${i}`, ...l, ...LABEL, priority: 0 }));
    const placements = placeLabels(requests, nodes);
    labels = requests.map((r) => rectAround(labelCentre(r.from, r.to, placements.get(r.id)!), r));
  }
  return { team, nodes, lines, labels };
}

describe('placement of new stakeholders', () => {
  it('builds the five-stakeholder star with nothing on anything', () => {
    const { nodes, labels, lines } = buildStar(['department', 'department', 'department', 'department']);
    nodes.forEach((a, i) =>
      nodes.forEach((b, j) => {
        // Clearance for the connection dots: no two stakeholders' dots can touch.
        if (i < j) expect(intersects(inflate(a, NODE_CLEARANCE / 2 - 0.5), inflate(b, NODE_CLEARANCE / 2 - 0.5)), `stakeholders ${i} ${j}`).toBe(false);
      }),
    );
    labels.forEach((l, i) => {
      for (const n of nodes) expect(intersects(l, n), `label ${i} on a stakeholder`).toBe(false);
      labels.forEach((m, j) => i < j && expect(intersects(l, m), `labels ${i} ${j}`).toBe(false));
    });
    // Each line runs from the team to its own stakeholder without passing through another one.
    lines.forEach((line, i) => nodes.forEach((n, j) => j !== 0 && j !== i + 1 && expect(segmentCrossesRect(line.from, line.to, n)).toBe(false)));
  });

  it('puts internal departments nearer the team than outside parties', () => {
    const { lines } = buildStar(['department', 'external', 'department', 'external', 'department', 'external']);
    // Nearer as a reader sees it: a shorter line between the two borders.
    const length = (i: number) => Math.hypot(lines[i]!.to.x - lines[i]!.from.x, lines[i]!.to.y - lines[i]!.from.y);
    const departments = [0, 2, 4].map(length);
    const externals = [1, 3, 5].map(length);
    expect(Math.max(...departments)).toBeLessThan(Math.min(...externals));
  });

  it('spreads around the team rather than along one side', () => {
    const { team, nodes } = buildStar(['department', 'department', 'department', 'department']);
    const c = centreOf(team);
    const sides = new Set(nodes.slice(1).map((n) => `${Math.sign(Math.round(centreOf(n).x - c.x))},${Math.sign(Math.round(centreOf(n).y - c.y))}`));
    expect(sides.size).toBe(4);
  });

  it('without an anchor, takes the free spot nearest the centre of the view', () => {
    const size = { width: 200, height: 60 };
    const first = findFreeSpot({ size, kind: 'department', anchor: null, centre: { x: 100, y: 30 } }, { nodes: [], labels: [], lines: [] });
    expect(first).toEqual({ x: 0, y: 0 });
    const taken = [{ ...first, ...size }];
    const second = findFreeSpot({ size, kind: 'department', anchor: null, centre: { x: 100, y: 30 } }, { nodes: taken, labels: [], lines: [] });
    expect(intersects(inflate({ ...second, ...size }, NODE_CLEARANCE - 1), taken[0]!)).toBe(false);
  });

  it('finds room on a crowded map, and is deterministic', () => {
    const nodes: Rect[] = [];
    for (let i = 0; i < 15; i++) for (let j = 0; j < 15; j++) nodes.push({ x: i * 260, y: j * 120, width: 220, height: 64 });
    const anchor = nodes[112]!;
    const request = { size: { width: 230, height: 64 }, kind: 'external' as const, anchor, centre: { x: 0, y: 0 } };
    const spot = findFreeSpot(request, { nodes, labels: [], lines: [] });
    for (const n of nodes) expect(intersects(inflate({ ...spot, ...request.size }, NODE_CLEARANCE - 1), n)).toBe(false);
    expect(findFreeSpot(request, { nodes, labels: [], lines: [] })).toEqual(spot);
  });
});
