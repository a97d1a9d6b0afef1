import type { StakeholderKind } from '../document/format';
import { floatingEnds } from './floating-ends';
import { centreOf, inflate, intersects, rectAround, RectGrid, segmentCrossesRect, type Point, type Rect } from './geometry';

/*
 * Where a new stakeholder goes. A facilitator adding "Brand, Legal, Compliance, PR" while the room talks should
 * get a readable star around the team without touching the mouse: each one lands in free space around the
 * team (or around what is selected), internal departments on a nearer ring than outside parties, spread to
 * the side with the most room, and placed so that neither its box, its connection dots, nor the line and label
 * of its future relationship with the team sit on anything already there.
 */

/** What is on the map already, in map units. */
export interface MapObstacles {
  /** Stakeholder boxes, with the sizes React Flow measured. */
  readonly nodes: readonly Rect[];
  /** Relationship label boxes where they are drawn. */
  readonly labels: readonly Rect[];
  /** Relationship lines, border to border. */
  readonly lines: ReadonlyArray<{ readonly from: Point; readonly to: Point }>;
}

export interface PlacementRequest {
  /** The new box's size. */
  readonly size: { readonly width: number; readonly height: number };
  readonly kind: StakeholderKind;
  /** What to place it around: the team or the selection. Null: around `centre`. */
  readonly anchor: Rect | null;
  /** Where to look when there is no anchor (the middle of the view). */
  readonly centre: Point;
  /** The size of the label the relationship with the anchor will probably get. */
  readonly futureLabel?: { readonly width: number; readonly height: number };
}

/**
 * Clear space kept around a stakeholder: its connection dots stick out 6 units from its border, and two
 * stakeholders' dots must never lie on each other (a drag from one would connect the other).
 */
export const NODE_CLEARANCE = 28;
/** Gap between the anchor and a new stakeholder of each kind, border to border: outside parties further out. */
export const RING_GAP: Readonly<Record<StakeholderKind, number>> = { team: 150, department: 150, external: 290 };
const RING_STEP = 90;
const RING_COUNT = 14;
const DIRECTIONS = 24;
/** A relationship label as wide as the map lets one grow (max-width in styles/app.css) before it wraps. */
const DEFAULT_FUTURE_LABEL = { width: 230, height: 34 };

/** The top-left corner for the new stakeholder. */
export function findFreeSpot(request: PlacementRequest, obstacles: MapObstacles): Point {
  const nodes = new RectGrid<Rect>();
  for (const n of obstacles.nodes) nodes.add(n);
  const labels = new RectGrid<Rect>();
  for (const l of obstacles.labels) labels.add(l);
  const context = { request, obstacles, nodes, labels };
  // Strict first (nothing crossed at all), then letting the new box sit across an existing line, which hides
  // less than sitting on a box or a label.
  for (const strict of [true, false]) {
    const spot = request.anchor ? searchAroundAnchor(context, request.anchor, strict) : searchAroundPoint(context, strict);
    if (spot) return roundPoint(spot);
  }
  // A map so full that no ring has room: beside everything.
  const right = Math.max(...obstacles.nodes.map((n) => n.x + n.width), request.centre.x);
  return roundPoint({ x: right + RING_GAP[request.kind], y: request.centre.y - request.size.height / 2 });
}

interface SearchContext {
  readonly request: PlacementRequest;
  readonly obstacles: MapObstacles;
  readonly nodes: RectGrid<Rect>;
  readonly labels: RectGrid<Rect>;
}

function searchAroundAnchor(context: SearchContext, anchor: Rect, strict: boolean): Point | null {
  const { request } = context;
  const label = request.futureLabel ?? DEFAULT_FUTURE_LABEL;
  const centre = centreOf(anchor);
  const directions = directionsByRoom(centre, context.obstacles.nodes, anchor);
  for (let ring = 0; ring < RING_COUNT; ring++) {
    for (const angle of directions) {
      const dx = Math.cos(angle);
      const dy = Math.sin(angle);
      // Room for the future relationship's label between the two, whichever way the line runs.
      const gap = Math.max(RING_GAP[request.kind], 2 * reach(label, dx, dy) + 24) + ring * RING_STEP;
      // Centre distance that leaves `gap` between the two borders along this direction.
      const distance = reach(anchor, dx, dy) + reach(request.size, dx, dy) + gap;
      const box = rectAround({ x: centre.x + dx * distance, y: centre.y + dy * distance }, request.size);
      if (isFree(context, box, strict) && futureRelationshipIsClear(context, anchor, box)) return { x: box.x, y: box.y };
    }
  }
  return null;
}

function searchAroundPoint(context: SearchContext, strict: boolean): Point | null {
  const { request } = context;
  const { width, height } = request.size;
  const stepX = width + NODE_CLEARANCE + 12;
  const stepY = height + NODE_CLEARANCE + 12;
  for (let ring = 0; ring < RING_COUNT * 2; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const box = rectAround({ x: request.centre.x + dx * stepX, y: request.centre.y + dy * stepY }, request.size);
        if (isFree(context, box, strict)) return { x: box.x, y: box.y };
      }
    }
  }
  return null;
}

/** Nothing under the box, its clearance (connection dots) or, if strict, a line through it. */
function isFree(context: SearchContext, box: Rect, strict: boolean): boolean {
  if (context.nodes.anyHit(inflate(box, NODE_CLEARANCE))) return false;
  if (context.labels.anyHit(inflate(box, 6))) return false;
  if (strict) {
    const around = inflate(box, 6);
    for (const line of context.obstacles.lines) if (segmentCrossesRect(line.from, line.to, around)) return false;
  }
  return true;
}

/** The line from the anchor to the new box crosses no other stakeholder, and its label has room at its middle. */
function futureRelationshipIsClear(context: SearchContext, anchor: Rect, box: Rect): boolean {
  const ends = floatingEnds(anchor, box);
  for (const node of context.obstacles.nodes) {
    if (node === anchor || intersects(node, anchor)) continue;
    if (segmentCrossesRect(ends.from, ends.to, inflate(node, 4))) return false;
  }
  const label = rectAround({ x: (ends.from.x + ends.to.x) / 2, y: (ends.from.y + ends.to.y) / 2 }, context.request.futureLabel ?? DEFAULT_FUTURE_LABEL);
  if (context.nodes.anyHit(inflate(label, 8))) return false;
  if (intersects(inflate(label, 8), box) || intersects(inflate(label, 8), anchor)) return false;
  return !context.labels.anyHit(inflate(label, 4));
}

/** How far a box reaches from its centre in direction (dx, dy), to its border. */
function reach(size: { readonly width: number; readonly height: number }, dx: number, dy: number): number {
  const tx = dx === 0 ? Infinity : size.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : size.height / 2 / Math.abs(dy);
  return Math.min(tx, ty);
}

/**
 * The directions around `centre` to try, the emptiest first: those farthest (in angle) from the stakeholders
 * already around it, so a star fills evenly instead of growing along one side. Ties go to the sides (screens
 * are wider than tall), then clockwise from the right.
 */
function directionsByRoom(centre: Point, nodes: readonly Rect[], anchor: Rect): number[] {
  const around: number[] = [];
  const radius = 900;
  for (const node of nodes) {
    if (node === anchor) continue;
    const c = centreOf(node);
    const d = Math.hypot(c.x - centre.x, c.y - centre.y);
    if (d > 0 && d < radius) around.push(Math.atan2(c.y - centre.y, c.x - centre.x));
  }
  const candidates = Array.from({ length: DIRECTIONS }, (_, i) => (i * 2 * Math.PI) / DIRECTIONS);
  const room = (angle: number) => (around.length === 0 ? Math.PI : Math.min(...around.map((a) => angularDistance(a, angle))));
  const scored = candidates.map((angle, index) => ({ angle, index, room: room(angle), wide: Math.abs(Math.cos(angle)) }));
  scored.sort((a, b) => b.room - a.room || b.wide - a.wide || a.index - b.index);
  return scored.map((s) => s.angle);
}

function angularDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  // Rounded so that directions equally far from their neighbours tie exactly and the tie-breaks decide.
  return Math.round(Math.min(d, 2 * Math.PI - d) * 1e6) / 1e6;
}

function roundPoint(p: Point): Point {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
