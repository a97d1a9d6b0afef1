import { forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { RelationshipStatus, StakeholderKind } from '../document/format';
import { seededRandom } from '../operations/seeded-random';
import { boxesTooClose, labelBoxBetween, segmentCrossesBox, type Box, type Point } from './box-geometry';
import { floatingEnds } from './floating-ends';
import { boundsOf, centreOf } from './geometry';
import { removeOverlaps, type LayoutBoxes } from './remove-overlaps';
import { boxesInTheWay, settleLabels } from './settle-labels';
import { SpatialGrid } from './spatial-grid';

/*
 * Tidy layout: the team in the centre, internal departments on an inner ring, external parties on an outer one,
 * problematic and strained relationships short (they are what the room talks about), and no box or label on
 * another. Pure: sizes come in (the renderer passes what React Flow measured), positions go out.
 *
 * Why d3-force and not elkjs: ELK's "radial" algorithm puts nodes on rings by their graph distance from a root
 * (a spanning tree), so it cannot put departments and externals on rings by kind, has no notion of a fixed
 * (pinned) node or of obstacles, and ships as a 1.5 MB transpiled-Java bundle. d3-force (small, plain ES modules,
 * in Node and in Chromium alike) lets us say exactly what we want: a radial force per kind, link forces whose
 * length and strength follow the relationship's status, fixed nodes, and our own rectangle collision. It is seeded
 * and run synchronously for a fixed number of ticks, so the same map always gets the same layout. Force layouts
 * only ever get close to "no overlap", so deterministic passes finish the job (remove-overlaps.ts ends with a
 * guarantee), after pushing labels off boxes and boxes off lines.
 */

/** A stakeholder as the layout sees it: its box on the map (top-left corner, measured size) and its kind. */
export interface TidyNode {
  readonly id: string;
  readonly kind: StakeholderKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Pinned stakeholders stay exactly where they are (and others keep clear of them). */
  readonly pinned?: boolean;
}

/** A relationship: its two ends, its status and the size of its label (null when the line has none). */
export interface TidyLink {
  readonly source: string;
  readonly target: string;
  readonly status: RelationshipStatus;
  readonly label?: { readonly width: number; readonly height: number } | null;
}

export interface TidyInput {
  readonly nodes: readonly TidyNode[];
  readonly links: readonly TidyLink[];
  /** The stakeholders to arrange (a selection); the others stay put and are kept clear of. All when absent. */
  readonly arrange?: readonly string[] | null;
}

export interface TidyResult {
  /** New top-left positions (whole pixels) of every stakeholder the layout arranged (in scope and not pinned). */
  readonly moves: ReadonlyArray<{ readonly id: string; readonly position: Point }>;
  /** The team at the centre, if one was in scope. */
  readonly hubId: string | null;
  /** Where the rings are centred. */
  readonly centre: Point;
}

/** Least distance between two stakeholder boxes: the connection dots (10 px, centred on the borders) stay far apart. */
export const TIDY_GAP = 32;
/** Least distance between a relationship's label and any stakeholder box (clear of its dots and badges too). */
export const LABEL_CLEARANCE = 10;
/** Least distance between two labels. */
const LABEL_GAP = 4;
/** How far a line keeps off the boxes it does not connect. */
const LINE_CLEARANCE = 6;
/**
 * Ticks of the simulation: 300 (d3's default cooling) up to 200 stakeholders, fewer on larger maps, where each
 * tick costs more and the rings already hold nearly everyone where they end up.
 */
const ticksFor = (n: number) => (n <= 200 ? 300 : Math.max(80, Math.round((300 * 200) / n)));
/**
 * Rings are ellipses this much wider than high: stakeholder boxes are wide, and so are the screens and projectors
 * the map is shown on. Ring maths happens in a space squeezed by these factors, where the ellipse is a circle.
 */
const ASPECT = { x: 1.3, y: 0.77 } as const;
const SEED = 0x7157;
const CLEARANCE_ROUNDS = 12;

/** Mobility (see LayoutBoxes): the team at the centre moves only off a box that cannot move at all. */
const FIXED = 0;
const HUB = 0.5;
const FREE = 1;

/** Link force by status: problematic and strained relationships pulled short and hard, others left loose. */
const LINK_SHAPE: Record<RelationshipStatus, { stretch: number; strength: number }> = {
  problematic: { stretch: 0.9, strength: 0.5 },
  strained: { stretch: 1, strength: 0.35 },
  healthy: { stretch: 1.35, strength: 0.06 },
  neutral: { stretch: 1.45, strength: 0.04 },
};

/** How far inside its ring a stakeholder sits, by the status of its relationship with the team. */
const SPOKE_PULL: Record<RelationshipStatus, number> = { problematic: 0.62, strained: 0.8, healthy: 1, neutral: 1 };

interface SimNode extends SimulationNodeDatum {
  readonly i: number;
}
interface SimLink extends SimulationLinkDatum<SimNode> {
  readonly distance: number;
  readonly strength: number;
}
interface Link {
  readonly s: number;
  readonly t: number;
  readonly status: RelationshipStatus;
  readonly label: { readonly width: number; readonly height: number } | null;
}

const STATUS_RANK: Record<RelationshipStatus, number> = { healthy: 0, neutral: 1, strained: 2, problematic: 3 };

/**
 * Arranges a map: see the top of this file. Deterministic (same input, same output), and guarantees that no
 * arranged box ends closer than TIDY_GAP to another box (two pinned or unselected boxes the user left on each
 * other stay as they are); labels are kept LABEL_CLEARANCE off boxes as far as the fixed boxes allow.
 */
export function tidyLayout(input: TidyInput): TidyResult {
  const nodes = input.nodes;
  const n = nodes.length;
  const indexOf = new Map(nodes.map((node, i) => [node.id, i]));
  const scope = new Set<number>();
  for (const id of input.arrange ?? nodes.map((node) => node.id)) {
    const i = indexOf.get(id);
    if (i !== undefined) scope.add(i);
  }
  const links = mergeLinks(input.links, indexOf);
  const scopeLinks = links.filter((l) => scope.has(l.s) && scope.has(l.t));

  const boxes: LayoutBoxes = {
    x: Float64Array.from(nodes, (node) => node.x),
    y: Float64Array.from(nodes, (node) => node.y),
    width: Float64Array.from(nodes, (node) => Math.max(1, node.width)),
    height: Float64Array.from(nodes, (node) => Math.max(1, node.height)),
    mobility: Float64Array.from(nodes, (node, i) => (scope.has(i) && !node.pinned ? FREE : FIXED)),
  };
  // How far a box reaches from its centre, on average over all directions (2/π of its half width plus half height).
  const extent = Float64Array.from(nodes, (_, i) => averageReach(boxes.width[i]!, boxes.height[i]!));

  const hub = pickHub(nodes, scope, scopeLinks);
  const scopeBox = boundsOf([...scope].map((i) => boxOf(boxes, i)));
  const centre = hub !== null && nodes[hub]!.pinned ? centreOf(boxOf(boxes, hub)) : scopeBox ? centreOf(scopeBox) : { x: 0, y: 0 };
  if (hub !== null && !nodes[hub]!.pinned) {
    boxes.x[hub] = Math.round(centre.x - boxes.width[hub]! / 2);
    boxes.y[hub] = Math.round(centre.y - boxes.height[hub]! / 2);
    boxes.mobility[hub] = HUB;
  }
  const movable = [...scope].filter((i) => boxes.mobility[i] === FREE).sort((a, b) => a - b);
  if (movable.length === 0 && (hub === null || boxes.mobility[hub] === FIXED)) return { moves: [], hubId: hub === null ? null : nodes[hub]!.id, centre };

  const ringRadius = placeOnRings({ nodes, boxes, movable, hub, centre, links: scopeLinks });
  simulate({ boxes, extent, scope, hub, centre, links: scopeLinks, ringRadius, n });
  clearLabelsAndLines(boxes, links);

  const moves = [...scope]
    .sort((a, b) => a - b)
    .filter((i) => boxes.mobility[i]! > FIXED)
    .map((i) => ({ id: nodes[i]!.id, position: { x: boxes.x[i]!, y: boxes.y[i]! } }));
  return { moves, hubId: hub === null ? null : nodes[hub]!.id, centre };
}

/** One link per pair of stakeholders (the worst status, the largest label), without links to missing ones or loops. */
function mergeLinks(input: readonly TidyLink[], indexOf: ReadonlyMap<string, number>): Link[] {
  const byPair = new Map<string, Link>();
  for (const link of input) {
    const s = indexOf.get(link.source);
    const t = indexOf.get(link.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? `${s},${t}` : `${t},${s}`;
    const label = link.label && link.label.width > 0 && link.label.height > 0 ? link.label : null;
    const existing = byPair.get(key);
    if (!existing) {
      byPair.set(key, { s, t, status: link.status, label });
      continue;
    }
    const status = STATUS_RANK[link.status] > STATUS_RANK[existing.status] ? link.status : existing.status;
    const bigger = !existing.label || (label && label.width * label.height > existing.label.width * existing.label.height) ? label : existing.label;
    byPair.set(key, { ...existing, status, label: bigger ?? existing.label });
  }
  return [...byPair.values()];
}

/** The team at the centre: the most connected team in scope (the first on a tie), or none. */
function pickHub(nodes: readonly TidyNode[], scope: ReadonlySet<number>, links: readonly Link[]): number | null {
  const degree = new Map<number, number>();
  for (const l of links) {
    degree.set(l.s, (degree.get(l.s) ?? 0) + 1);
    degree.set(l.t, (degree.get(l.t) ?? 0) + 1);
  }
  let hub: number | null = null;
  for (const i of [...scope].sort((a, b) => a - b)) {
    if (nodes[i]!.kind !== 'team') continue;
    if (hub === null || (degree.get(i) ?? 0) > (degree.get(hub) ?? 0)) hub = i;
  }
  return hub;
}

const boxOf = (b: LayoutBoxes, i: number): Box => ({ x: b.x[i]!, y: b.y[i]!, width: b.width[i]!, height: b.height[i]! });

/** How far a box of this size reaches from its centre, on average over all directions. */
const averageReach = (width: number, height: number) => ((width + height) / 2) * (2 / Math.PI);
/** The length of line a label takes up, clearances included, on average over all directions (scaled by `sx`, `sy`). */
const labelExtent = (label: Link['label'], sx = 1, sy = 1) => (label ? 2 * averageReach(label.width / sx, label.height / sy) : 0) + 2 * LABEL_CLEARANCE;

/** The median length of line the labels of `members`' relationships take up (0 when they have none). */
function typicalLabel(links: readonly Link[], members: readonly number[], sx: number, sy: number): number {
  const set = new Set(members);
  const lengths = links
    .filter((l) => l.label && (set.has(l.s) || set.has(l.t)))
    .map((l) => labelExtent(l.label, sx, sy))
    .sort((a, b) => a - b);
  return lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length / 2)]!;
}

/**
 * Puts every movable stakeholder on its ring (departments and other teams inside, externals outside), in an
 * order that keeps connected stakeholders side by side, and returns each one's ring radius (for the radial force).
 * A ring is as large as its members and the labels on the lines to the centre need; a kind with more members
 * than one comfortable ring holds gets a band of rings instead of one huge circle.
 */
function placeOnRings(p: {
  nodes: readonly TidyNode[];
  boxes: LayoutBoxes;
  movable: readonly number[];
  hub: number | null;
  centre: Point;
  links: readonly Link[];
}): Map<number, number> {
  const { nodes, boxes, movable, hub, centre, links } = p;
  const members = movable.filter((i) => i !== hub);
  const inner = members.filter((i) => nodes[i]!.kind !== 'external');
  const outer = members.filter((i) => nodes[i]!.kind === 'external');
  // Sizes in the squeezed space where the rings are circles.
  const reachOf = (i: number) => averageReach(boxes.width[i]! / ASPECT.x, boxes.height[i]! / ASPECT.y);
  const spokeLabel = new Map<number, number>();
  const hubStatus = new Map<number, RelationshipStatus>();
  for (const l of links) {
    if (hub === null || (l.s !== hub && l.t !== hub)) continue;
    spokeLabel.set(l.s === hub ? l.t : l.s, labelExtent(l.label, ASPECT.x, ASPECT.y));
    hubStatus.set(l.s === hub ? l.t : l.s, l.status);
  }

  const bands: Array<{ radii: number[]; members: number[] }> = [];
  let reach = hub === null ? 0 : reachOf(hub);
  let around: 'team' | 'ring' = 'team';
  for (const group of [inner, outer]) {
    if (group.length === 0) continue;
    const maxReach = Math.max(...group.map(reachOf));
    const footprint = group.reduce((sum, i) => sum + 2 * reachOf(i) + TIDY_GAP, 0) / group.length;
    // Rings in a band carry lines between each other too: room for a typical label between two rings.
    const bandLabel = typicalLabel(links, group, ASPECT.x, ASPECT.y);
    const spokes = group.map((i) => spokeLabel.get(i) ?? 0);
    const longestSpoke = Math.max(0, ...spokes);
    // Clear of what is inside, with room for a label on the lines in between: around the team, the lines to the
    // centre (their labels sit half way out, and the circle there must have room for them all); around the
    // inner ring, the lines between the two rings (the outer ring's lines to the centre have their labels about
    // where the inner ring is, and the finishing passes sort those out).
    const between = around === 'team' ? longestSpoke : bandLabel;
    const first = Math.max(reach + maxReach + Math.max(between, TIDY_GAP), group.length > 1 ? maxReach + TIDY_GAP : 0);
    const labelRoom = around === 'team' ? spokes.reduce((sum, s) => sum + s + LABEL_GAP, 0) / Math.PI - reach : 0;
    const single = Math.max(first, labelRoom, (group.length * footprint) / (2 * Math.PI));
    // A band: rings one box (and a label) apart, from the first outwards, until they hold everyone. Taken when
    // it ends nearer the centre than one ring holding everyone would be: on large maps.
    const band: number[] = [];
    const step = 2 * maxReach + TIDY_GAP + bandLabel;
    let capacity = 0;
    for (let r = Math.max(first, labelRoom / 2); capacity < group.length; r += step) {
      band.push(r);
      capacity += Math.max(1, Math.floor((2 * Math.PI * r) / (footprint + bandLabel)));
    }
    const radii = band.length > 1 && band.at(-1)! < single ? band : [single];
    bands.push({ radii, members: group });
    reach = radii.at(-1)! + maxReach;
    around = 'ring';
  }

  // Angles as the map has them now (so a tidied map still looks like itself); stakeholders piled on one spot keep
  // their order in the document.
  const angle = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const c = centreOf(boxOf(boxes, i));
    angle[i] = Math.atan2((c.y - centre.y) / ASPECT.y, (c.x - centre.x) / ASPECT.x);
  }
  const neighbours = new Map<number, number[]>();
  for (const l of links) {
    if (l.s === hub || l.t === hub) continue;
    neighbours.set(l.s, [...(neighbours.get(l.s) ?? []), l.t]);
    neighbours.set(l.t, [...(neighbours.get(l.t) ?? []), l.s]);
  }

  const rings: number[][] = [];
  const ringRadii: number[] = [];
  const outerRing: boolean[] = [];
  for (const band of bands) {
    const ordered = [...band.members].sort((a, b) => angle[a]! - angle[b]! || a - b);
    const capacities = band.radii.map((r) => 2 * Math.PI * r);
    const total = capacities.reduce((a, b) => a + b, 0);
    const share = band.radii.map(() => [] as number[]);
    // Spread the angle order over the band's rings in proportion to their size, so each ring goes all the way round.
    ordered.forEach((i, k) => {
      let best = 0;
      let bestDeficit = -Infinity;
      capacities.forEach((c, r) => {
        const deficit = ((k + 1) * c) / total - share[r]!.length;
        if (deficit > bestDeficit + 1e-9) {
          best = r;
          bestDeficit = deficit;
        }
      });
      share[best]!.push(i);
    });
    share.forEach((ring, r) => {
      if (ring.length === 0) return;
      rings.push(ring);
      ringRadii.push(band.radii[r]!);
      outerRing.push(band.members === outer);
    });
  }

  const slot = (r: number, desired: (i: number) => number) => {
    const order = [...rings[r]!].sort((a, b) => desired(a) - desired(b) || a - b);
    const k = order.length;
    // Outside parties on a ring with room to spare: each as near where it wants to be (by the departments it
    // deals with) as the room its neighbours need allows, rather than spread evenly round the map. The team's own
    // ring is spread evenly all round it.
    const needs = order.map((i) => (2 * reachOf(i) + TIDY_GAP) / ringRadii[r]!);
    if (outerRing[r] && needs.reduce((a, b) => a + b, 0) < 1.6 * Math.PI) {
      const at = order.map(desired);
      for (let pass = 0; pass < 200; pass++) {
        let pushed = false;
        for (let j = 0; j < k && k > 1; j++) {
          const next = (j + 1) % k;
          const gap = at[next]! - at[j]! + (next === 0 ? 2 * Math.PI : 0);
          const need = (needs[j]! + needs[next]!) / 2;
          if (gap >= need - 1e-9) continue;
          at[j] = at[j]! - (need - gap) / 2;
          at[next] = at[next]! + (need - gap) / 2;
          pushed = true;
        }
        if (!pushed) break;
      }
      order.forEach((i, j) => {
        angle[i] = at[j]!;
      });
      return;
    }
    // A full ring: evenly spaced slots, turned to sit as close as they can to where each member wants to be.
    let sx = 0;
    let sy = 0;
    order.forEach((i, j) => {
      const d = desired(i) - (2 * Math.PI * j) / k;
      sx += Math.cos(d);
      sy += Math.sin(d);
    });
    const offset = sx === 0 && sy === 0 ? 0 : Math.atan2(sy, sx);
    order.forEach((i, j) => {
      angle[i] = offset + (2 * Math.PI * j) / k;
    });
  };
  rings.forEach((_, r) => slot(r, (i) => angle[i]!));
  // A few rounds of "sit by your neighbours" (the circular mean of their angles) untangle crossing lines.
  for (let round = 0; round < 6; round++) {
    const desired = new Float64Array(angle);
    for (const ring of rings) {
      for (const i of ring) {
        let sx = 0.5 * Math.cos(angle[i]!);
        let sy = 0.5 * Math.sin(angle[i]!);
        for (const j of neighbours.get(i) ?? []) {
          sx += Math.cos(angle[j]!);
          sy += Math.sin(angle[j]!);
        }
        desired[i] = Math.atan2(sy, sx);
      }
    }
    rings.forEach((_, r) => slot(r, (i) => desired[i]!));
  }

  // Problematic and strained relationships with the team are drawn short: those stakeholders sit inside their
  // ring, as close as their label allows (the finishing passes make room where a label needs more).
  const hubReach = hub === null ? 0 : reachOf(hub);
  const result = new Map<number, number>();
  rings.forEach((ring, r) => {
    for (const i of ring) {
      const status = hubStatus.get(i);
      const pull = status === undefined ? 1 : SPOKE_PULL[status];
      const closest = hubReach + reachOf(i) + (spokeLabel.get(i) ?? 0) + TIDY_GAP / 2;
      const ringRadius = pull === 1 ? ringRadii[r]! : Math.min(ringRadii[r]!, Math.max(closest, ringRadii[r]! * pull));
      result.set(i, ringRadius);
      boxes.x[i] = centre.x + ASPECT.x * ringRadius * Math.cos(angle[i]!) - boxes.width[i]! / 2;
      boxes.y[i] = centre.y + ASPECT.y * ringRadius * Math.sin(angle[i]!) - boxes.height[i]! / 2;
    }
  });
  return result;
}

/** The force simulation: seeded, synchronous, a fixed number of ticks. Moves only the movable boxes. */
function simulate(p: {
  boxes: LayoutBoxes;
  extent: Float64Array;
  scope: ReadonlySet<number>;
  hub: number | null;
  centre: Point;
  links: readonly Link[];
  ringRadius: ReadonlyMap<number, number>;
  n: number;
}): void {
  const { boxes, extent, scope, centre, links, ringRadius, n } = p;
  const simNodes: SimNode[] = Array.from({ length: n }, (_, i) => {
    const x = boxes.x[i]! + boxes.width[i]! / 2;
    const y = boxes.y[i]! + boxes.height[i]! / 2;
    return boxes.mobility[i] === FREE ? { i, x, y } : { i, x, y, fx: x, fy: y };
  });
  const simLinks: SimLink[] = links.map((l) => {
    const shape = LINK_SHAPE[l.status];
    return {
      source: l.s,
      target: l.t,
      distance: (extent[l.s]! + extent[l.t]! + labelExtent(l.label)) * shape.stretch,
      strength: shape.strength,
    };
  });
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, boxes.width[i]!, boxes.height[i]!);

  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(seededRandom(SEED))
    .stop()
    .force(
      'link',
      forceLink<SimNode, SimLink>(simLinks)
        .id((d) => d.i)
        .distance((l) => l.distance)
        .strength((l) => l.strength),
    )
    .force('ring', ellipticalRings(ringRadius, centre, 0.6))
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength((d) => (scope.has(d.i) ? -extent[d.i]! * 2 : 0))
        .distanceMax(largest * 3),
    )
    .force('collide', rectangleCollision(boxes, largest));
  const ticks = ticksFor(n);
  // Cool from 1 to d3's alphaMin in exactly `ticks` steps, as the default does in 300.
  simulation.alphaDecay(1 - Math.pow(simulation.alphaMin(), 1 / ticks));
  simulation.tick(ticks);
 

  for (const node of simNodes) {
    if (boxes.mobility[node.i] !== FREE) continue;
    boxes.x[node.i] = node.x! - boxes.width[node.i]! / 2;
    boxes.y[node.i] = node.y! - boxes.height[node.i]! / 2;
  }
}

/**
 * d3's forceRadial, on the elliptical rings: each ring member is pulled towards its ring, measured in the squeezed
 * space where the ring is a circle (see ASPECT).
 */
function ellipticalRings(ringRadius: ReadonlyMap<number, number>, centre: Point, strength: number) {
  let simNodes: SimNode[] = [];
  const force = (alpha: number) => {
    for (const d of simNodes) {
      const target = ringRadius.get(d.i);
      if (target === undefined || d.fx != null) continue;
      const u = (d.x! - centre.x) / ASPECT.x || 1e-6;
      const v = (d.y! - centre.y) / ASPECT.y;
      const r = Math.hypot(u, v);
      const k = ((target - r) * strength * alpha) / r;
      d.vx! += u * k * ASPECT.x;
      d.vy! += v * k * ASPECT.y;
    }
  };
  force.initialize = (nodes: SimNode[]) => {
    simNodes = nodes;
  };
  return force;
}

/**
 * d3's own collision force knows only circles, and stakeholder boxes are three times as wide as they are high:
 * circles would space the map out vertically for nothing. This one pushes apart boxes closer than TIDY_GAP along
 * the axis of least overlap, through their velocities as d3's forces do.
 */
function rectangleCollision(boxes: LayoutBoxes, largest: number) {
  let simNodes: SimNode[] = [];
  const force = () => {
    const grid = new SpatialGrid(largest + TIDY_GAP);
    const boxAt = (d: SimNode): Box => ({
      x: d.x! + d.vx! - boxes.width[d.i]! / 2,
      y: d.y! + d.vy! - boxes.height[d.i]! / 2,
      width: boxes.width[d.i]!,
      height: boxes.height[d.i]!,
    });
    simNodes.forEach((d, k) => grid.insert(k, boxAt(d)));
    simNodes.forEach((a, ka) => {
      for (const kb of grid.near(boxAt(a), TIDY_GAP)) {
        if (kb <= ka) continue;
        const b = simNodes[kb]!;
        const ma = a.fx == null ? 1 : 0;
        const mb = b.fx == null ? 1 : 0;
        if (ma + mb === 0) continue;
        const dx = b.x! + b.vx! - (a.x! + a.vx!);
        const dy = b.y! + b.vy! - (a.y! + a.vy!);
        const px = (boxes.width[a.i]! + boxes.width[b.i]!) / 2 + TIDY_GAP - Math.abs(dx);
        const py = (boxes.height[a.i]! + boxes.height[b.i]!) / 2 + TIDY_GAP - Math.abs(dy);
        if (px <= 0 || py <= 0) continue;
        const useX = px <= py;
        const d = useX ? dx : dy;
        const sign = d > 0 ? 1 : d < 0 ? -1 : 1;
        const push = (useX ? px : py) * 0.5;
        const share = ma + mb;
        if (useX) {
          a.vx! -= (sign * push * ma) / share;
          b.vx! += (sign * push * mb) / share;
        } else {
          a.vy! -= (sign * push * ma) / share;
          b.vy! += (sign * push * mb) / share;
        }
      }
    });
  };
  force.initialize = (nodes: SimNode[]) => {
    simNodes = nodes;
  };
  return force;
}

/**
 * The finishing passes: boxes apart, then labels off boxes, boxes off the lines they do not belong to, and labels
 * off each other, round after round until nothing needs to move (or the rounds run out, when what is still in the
 * way is moved to a spot where it fits). Each round starts by removing overlaps, and so does the end: no two
 * boxes overlap whatever the labels needed.
 */
function clearLabelsAndLines(boxes: LayoutBoxes, links: readonly Link[]): void {
  for (let round = 0; round < CLEARANCE_ROUNDS; round++) {
    removeOverlaps(boxes, TIDY_GAP);
    // Lines matter less than labels: the last rounds leave them be, so that labels settle even on a dense map.
    const moved = clearOnce(boxes, links, round < CLEARANCE_ROUNDS / 2);
    if (moved === 0) return;
  }
  // Not settled: what is still in a label's way moves to the nearest spot where everything fits (settle-labels.ts).
  const rules = { gap: TIDY_GAP, labelClearance: LABEL_CLEARANCE, labelGap: LABEL_GAP };
  removeOverlaps(boxes, TIDY_GAP);
  settleLabels(boxes, links, boxesInTheWay(boxes, links, rules), rules);
  removeOverlaps(boxes, TIDY_GAP);
}

/** One pass of the label (and, with `lines`, line) rules; returns how many things it had to move. */
function clearOnce(boxes: LayoutBoxes, links: readonly Link[], lines: boolean): number {
  const n = boxes.x.length;
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, boxes.width[i]!, boxes.height[i]!);
  for (const l of links) if (l.label) largest = Math.max(largest, l.label.width, l.label.height);
  const grid = new SpatialGrid(largest + TIDY_GAP);
  for (let i = 0; i < n; i++) grid.insert(i, boxOf(boxes, i));
  const free = (i: number) => boxes.mobility[i] === FREE;
  // Whole pixels, rounded away from where the box was: positions stay integers, and a move is never undone by
  // the rounding of the next overlap pass.
  const whole = (d: number) => Math.sign(d) * Math.ceil(Math.abs(d));
  const move = (i: number, dx: number, dy: number) => {
    boxes.x[i] = Math.round(boxes.x[i]!) + whole(dx);
    boxes.y[i] = Math.round(boxes.y[i]!) + whole(dy);
  };
  let moved = 0;

  const labels: Array<{ link: Link; box: Box }> = [];
  for (const link of links) {
    const a = boxOf(boxes, link.s);
    const b = boxOf(boxes, link.t);
    const { from, to } = floatingEnds(a, b);

    // Problematic and strained lines stay visible: a box the line does not connect steps aside, to the side it is
    // on. (Every line on a large map cannot keep clear of every box; these are the ones the room looks for.)
    const span: Box = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) };
    for (const k of lines && (link.status === 'problematic' || link.status === 'strained') ? grid.near(span, LINE_CLEARANCE) : []) {
      if (k === link.s || k === link.t || !free(k)) continue;
      const box = boxOf(boxes, k);
      if (!segmentCrossesBox(from, to, box, LINE_CLEARANCE)) continue;
      const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const nx = -(to.y - from.y) / length;
      const ny = (to.x - from.x) / length;
      const c = centreOf(box);
      const side = (c.x - from.x) * nx + (c.y - from.y) * ny;
      const sign = side > 0 ? 1 : side < 0 ? -1 : k % 2 === 0 ? 1 : -1;
      // How far the grown box reaches across the line (as segmentCrossesBox grows it), beyond where its centre is.
      const need = Math.abs(nx) * (box.width / 2 + LINE_CLEARANCE) + Math.abs(ny) * (box.height / 2 + LINE_CLEARANCE) + 1 - Math.abs(side);
      if (need <= 0) continue;
      move(k, sign * nx * need, sign * ny * need);
      moved += 1;
    }

    if (!link.label) continue;
    const label = labelBoxBetween(a, b, link.label);
    labels.push({ link, box: label });
    for (const k of grid.near(label, LABEL_CLEARANCE)) {
      const box = boxOf(boxes, k);
      if (!boxesTooClose(label, box, LABEL_CLEARANCE)) continue;
      const px = (label.width + box.width) / 2 + LABEL_CLEARANCE - Math.abs(centreOf(box).x - centreOf(label).x);
      const py = (label.height + box.height) / 2 + LABEL_CLEARANCE - Math.abs(centreOf(box).y - centreOf(label).y);
      if (k === link.s || k === link.t) {
        // The two ends are too close for their label: move them apart along the line (the label moves half as far).
        const ca = centreOf(a);
        const cb = centreOf(b);
        let ux = cb.x - ca.x;
        let uy = cb.y - ca.y;
        const length = Math.hypot(ux, uy);
        if (length === 0) [ux, uy] = [1, 0];
        else [ux, uy] = [ux / length, uy / length];
        const along = Math.min(Math.abs(ux) > 1e-9 ? px / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-9 ? py / Math.abs(uy) : Infinity);
        const need = 2 * along + 2;
        // The more mobile end moves (the team at the centre only when the other end is pinned); equals share.
        const ms = boxes.mobility[link.s]!;
        const mt = boxes.mobility[link.t]!;
        if (ms + mt === 0) continue;
        const shareS = ms === mt ? need / 2 : ms > mt ? need : 0;
        const shareT = need - shareS;
        move(link.s, -ux * shareS, -uy * shareS);
        move(link.t, ux * shareT, uy * shareT);
        moved += 1;
        break;
      }
      // Another box under the label: it steps off, straight away from the label's centre (sideways pushes only
      // shuffle a crowded spot), or else one end moves so the label does.
      const cb = centreOf(box);
      const cl = centreOf(label);
      let ux = cb.x - cl.x;
      let uy = cb.y - cl.y;
      const length = Math.hypot(ux, uy);
      if (length === 0) [ux, uy] = [0, k % 2 === 0 ? 1 : -1];
      else [ux, uy] = [ux / length, uy / length];
      const amount = Math.min(Math.abs(ux) > 1e-9 ? px / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-9 ? py / Math.abs(uy) : Infinity) + 1;
      if (free(k)) move(k, ux * amount, uy * amount);
      else if (free(link.t) || free(link.s)) move(free(link.t) ? link.t : link.s, -ux * 2 * amount, -uy * 2 * amount);
      else continue;
      moved += 1;
    }
  }

  // Labels off each other: the ends of the later line move, so its label does.
  const labelGrid = new SpatialGrid(largest + TIDY_GAP);
  labels.forEach((entry, k) => labelGrid.insert(k, entry.box));
  labels.forEach((entry, k) => {
    for (const j of labelGrid.near(entry.box, LABEL_GAP)) {
      if (j <= k) continue;
      const other = labels[j]!;
      if (!boxesTooClose(entry.box, other.box, LABEL_GAP)) continue;
      const shared = new Set([entry.link.s, entry.link.t]);
      const ends = [other.link.s, other.link.t].filter((i) => free(i) && !shared.has(i));
      if (ends.length === 0) continue;
      const px = (entry.box.width + other.box.width) / 2 + LABEL_GAP - Math.abs(centreOf(other.box).x - centreOf(entry.box).x);
      const py = (entry.box.height + other.box.height) / 2 + LABEL_GAP - Math.abs(centreOf(other.box).y - centreOf(entry.box).y);
      const useX = px <= py;
      const d = useX ? centreOf(other.box).x - centreOf(entry.box).x : centreOf(other.box).y - centreOf(entry.box).y;
      const sign = d > 0 ? 1 : d < 0 ? -1 : 1;
      // Moving one end moves the label half as far; moving both moves it as far.
      const amount = ((useX ? px : py) + 1) * (ends.length === 1 ? 2 : 1);
      for (const i of ends) move(i, useX ? sign * amount : 0, useX ? 0 : sign * amount);
      moved += 1;
    }
  });
  return moved;
}

/** The label box of every relationship that has one, as the layout placed them (for tests and callers that check). */
export function labelBoxes(nodes: readonly TidyNode[], links: readonly TidyLink[], positions: ReadonlyMap<string, Point>): Box[] {
  const boxes = new Map(
    nodes.map((node) => {
      const at = positions.get(node.id) ?? node;
      return [node.id, { x: at.x, y: at.y, width: node.width, height: node.height }];
    }),
  );
  const result: Box[] = [];
  for (const link of links) {
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!a || !b || link.source === link.target || !link.label) continue;
    result.push(labelBoxBetween(a, b, link.label));
  }
  return result;
}
