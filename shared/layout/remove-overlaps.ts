import { boxesTooClose, type Box } from './box-geometry';
import { SpatialGrid } from './spatial-grid';

/**
 * Boxes being laid out, by index: top-left corner (changed in place), size, and how readily each moves: 0 never
 * (a pinned stakeholder, one outside the selection); of two close boxes the more mobile one moves, equals share.
 */
export interface LayoutBoxes {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly width: Float64Array;
  readonly height: Float64Array;
  readonly mobility: Float64Array;
}

const boxAt = (b: LayoutBoxes, i: number): Box => ({ x: b.x[i]!, y: b.y[i]!, width: b.width[i]!, height: b.height[i]! });

/** Indices by left edge (ties by index): the order sweep and prune walks. */
function byLeftEdge(boxes: LayoutBoxes): Int32Array {
  const order = new Int32Array(boxes.x.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => boxes.x[a]! - boxes.x[b]! || a - b);
}

/**
 * Pushes apart every pair of boxes closer than `gap` of which at least one may move, along the axis where they
 * overlap least (the smallest move). One sweep visits each close pair once (sweep and
 * prune along x). Returns how many pairs it pushed; `whole` rounds every move up to whole pixels, so positions
 * stay integers. (Pushed by the more mobile box, see LayoutBoxes.)
 */
export function separateOnce(boxes: LayoutBoxes, gap: number, whole = false): number {
  const n = boxes.x.length;
  const order = byLeftEdge(boxes);
  let pushed = 0;
  for (let oi = 0; oi < n; oi++) {
    const a = order[oi]!;
    for (let oj = oi + 1; oj < n; oj++) {
      const b = order[oj]!;
      if (boxes.x[b]! >= boxes.x[a]! + boxes.width[a]! + gap) break;
      if (pushApart(boxes, a, b, gap, whole)) pushed += 1;
    }
  }
  return pushed;
}

function pushApart(boxes: LayoutBoxes, a: number, b: number, gap: number, whole: boolean): boolean {
  const ma = boxes.mobility[a]!;
  const mb = boxes.mobility[b]!;
  if (ma + mb === 0) return false;
  const { x, y, width, height } = boxes;
  const dx = x[b]! + width[b]! / 2 - (x[a]! + width[a]! / 2);
  const dy = y[b]! + height[b]! / 2 - (y[a]! + height[a]! / 2);
  const px = (width[a]! + width[b]!) / 2 + gap - Math.abs(dx);
  const py = (height[a]! + height[b]!) / 2 + gap - Math.abs(dy);
  if (px <= 0 || py <= 0) return false;
  // Ties (boxes on one spot) go by index, so the same input always gives the same output.
  const useX = px <= py;
  const d = useX ? dx : dy;
  const sign = d > 0 ? 1 : d < 0 ? -1 : b > a ? 1 : -1;
  const p = useX ? px : py;
  // The more mobile box makes the whole move; equals share it.
  const shareB = mb > ma ? 1 : mb < ma ? 0 : 0.5;
  const moveB = whole ? Math.ceil(p * shareB) : p * shareB;
  const moveA = whole ? Math.ceil(p - moveB) : p - moveB;
  const axis = useX ? x : y;
  axis[b] = axis[b]! + sign * moveB;
  axis[a] = axis[a]! - sign * moveA;
  return true;
}

/** Indices of the movable boxes closer than `gap` to some other box (a pair of two immovable ones does not count). */
export function crowdedBoxes(boxes: LayoutBoxes, gap: number): number[] {
  const n = boxes.x.length;
  const order = byLeftEdge(boxes);
  const crowded = new Set<number>();
  for (let oi = 0; oi < n; oi++) {
    const a = order[oi]!;
    for (let oj = oi + 1; oj < n; oj++) {
      const b = order[oj]!;
      if (boxes.x[b]! >= boxes.x[a]! + boxes.width[a]! + gap) break;
      if (boxes.mobility[a]! + boxes.mobility[b]! === 0) continue;
      if (!boxesTooClose(boxAt(boxes, a), boxAt(boxes, b), gap)) continue;
      if (boxes.mobility[a]! > 0) crowded.add(a);
      if (boxes.mobility[b]! > 0) crowded.add(b);
    }
  }
  return [...crowded].sort((p, q) => p - q);
}

/**
 * Leaves no two boxes closer than `gap` (unless both are immovable), with whole-pixel positions: sweeps of
 * pushing apart, then, for whatever a crowded map still has, each remaining box is moved to the free spot nearest
 * to it, searched in rings. That last step always succeeds, so this is the guarantee the layout ends with.
 */
export function removeOverlaps(boxes: LayoutBoxes, gap: number, maxSweeps = 60): void {
  for (let i = 0; i < boxes.x.length; i++) {
    if (boxes.mobility[i]! === 0) continue;
    boxes.x[i] = Math.round(boxes.x[i]!);
    boxes.y[i] = Math.round(boxes.y[i]!);
  }
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    if (separateOnce(boxes, gap, true) === 0) return;
  }
  placeInFreeSpots(boxes, gap, crowdedBoxes(boxes, gap));
}

/** Moves each of `crowded` (in order) to the free spot nearest to where it is, among everything already placed. */
function placeInFreeSpots(boxes: LayoutBoxes, gap: number, crowded: readonly number[]): void {
  if (crowded.length === 0) return;
  const n = boxes.x.length;
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, boxes.width[i]!, boxes.height[i]!);
  const grid = new SpatialGrid(largest + gap);
  const waiting = new Set(crowded);
  for (let i = 0; i < n; i++) if (!waiting.has(i)) grid.insert(i, boxAt(boxes, i));
  const step = Math.max(4, Math.round(gap / 2));
  for (const i of crowded) {
    const at = { x: boxes.x[i]!, y: boxes.y[i]!, width: boxes.width[i]!, height: boxes.height[i]! };
    const isFree = (box: Box) => grid.near(box, gap).every((j) => !boxesTooClose(box, boxAt(boxes, j), gap));
    let placed: Box = at;
    // Square rings of candidates, each tried nearest first. A free spot exists beyond all the boxes, so this ends.
    for (let ring = 0; !isFree(placed); ring++) {
      const candidates: Box[] = [];
      for (let k = -ring; k <= ring; k++) {
        for (const [dx, dy] of [[k, -ring], [k, ring], [-ring, k], [ring, k]] as const) {
          if (Math.abs(dx) !== ring && Math.abs(dy) !== ring) continue;
          candidates.push({ ...at, x: at.x + dx * step, y: at.y + dy * step });
        }
      }
      candidates.sort((p, q) => Math.hypot(p.x - at.x, p.y - at.y) - Math.hypot(q.x - at.x, q.y - at.y) || p.x - q.x || p.y - q.y);
      placed = candidates.find(isFree) ?? placed;
      if (ring > 100_000) throw new Error('removeOverlaps: no free spot found');
    }
    boxes.x[i] = placed.x;
    boxes.y[i] = placed.y;
    grid.insert(i, placed);
  }
}
