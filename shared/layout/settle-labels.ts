import { boxesTooClose, labelBoxBetween, type Box } from './box-geometry';
import type { LayoutBoxes } from './remove-overlaps';
import { SpatialGrid } from './spatial-grid';

/*
 * The last resort of Tidy layout for labels, when pushing boxes about has not settled (a crowded spot where every
 * push makes room for one label by taking it from another): each stakeholder still in the way of a label, or whose
 * lines' labels still sit on something, moves to the nearest spot where its box keeps clear of every box and
 * label and its own labels keep clear of every box and label too. Searched in rings around where it is, up to a
 * limit; a stakeholder with no such spot near stays where it is.
 */

/** A relationship line between boxes `s` and `t`, with its label's size (null: no label). */
export interface LabelledLink {
  readonly s: number;
  readonly t: number;
  readonly label: { readonly width: number; readonly height: number } | null;
}

export interface SettleRules {
  /** Least distance between two boxes. */
  readonly gap: number;
  /** Least distance between a label and a box. */
  readonly labelClearance: number;
  /** Least distance between two labels. */
  readonly labelGap: number;
}

const boxAt = (b: LayoutBoxes, i: number): Box => ({ x: b.x[i]!, y: b.y[i]!, width: b.width[i]!, height: b.height[i]! });

/** The label conflicts left: for each, the box that should move (a movable one), in a stable order. */
export function boxesInTheWay(boxes: LayoutBoxes, links: readonly LabelledLink[], rules: SettleRules): number[] {
  const n = boxes.x.length;
  const free = (i: number) => boxes.mobility[i] === 1;
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, boxes.width[i]!, boxes.height[i]!);
  for (const l of links) if (l.label) largest = Math.max(largest, l.label.width, l.label.height);
  const grid = new SpatialGrid(largest + rules.gap);
  for (let i = 0; i < n; i++) grid.insert(i, boxAt(boxes, i));
  const labelled = links.filter((l) => l.label);
  const labels = labelled.map((l) => labelBoxBetween(boxAt(boxes, l.s), boxAt(boxes, l.t), l.label!));
  const movers = new Set<number>();
  // The end that moves: a free one, or else one that moves only when it must (the team at the centre).
  const mobile = (i: number) => boxes.mobility[i]! > 0;
  const endOf = (l: LabelledLink) => (free(l.t) ? l.t : free(l.s) ? l.s : mobile(l.t) ? l.t : mobile(l.s) ? l.s : -1);
  labels.forEach((label, k) => {
    const link = labelled[k]!;
    for (const j of grid.near(label, rules.labelClearance)) {
      if (!boxesTooClose(label, boxAt(boxes, j), rules.labelClearance)) continue;
      const mover = j !== link.s && j !== link.t && free(j) ? j : endOf(link);
      if (mover >= 0) movers.add(mover);
    }
  });
  const labelGrid = new SpatialGrid(largest + rules.gap);
  labels.forEach((label, k) => labelGrid.insert(k, label));
  labels.forEach((label, k) => {
    for (const j of labelGrid.near(label, rules.labelGap)) {
      if (j <= k || !boxesTooClose(label, labels[j]!, rules.labelGap)) continue;
      const mover = endOf(labelled[j]!);
      if (mover >= 0) movers.add(mover);
    }
  });
  return [...movers].sort((a, b) => a - b);
}

/**
 * Moves each box of `movers` (in order) to the nearest spot, at most `maxRings` rings of `step` pixels away,
 * where it and its labels keep every rule; whole pixels. Returns how many moved.
 */
export function settleLabels(boxes: LayoutBoxes, links: readonly LabelledLink[], movers: readonly number[], rules: SettleRules, maxRings = 40): number {
  const n = boxes.x.length;
  const linksOf = new Map<number, LabelledLink[]>();
  for (const l of links) {
    linksOf.set(l.s, [...(linksOf.get(l.s) ?? []), l]);
    linksOf.set(l.t, [...(linksOf.get(l.t) ?? []), l]);
  }
  const step = Math.max(4, Math.round(rules.gap / 2));
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, boxes.width[i]!, boxes.height[i]!);
  for (const l of links) if (l.label) largest = Math.max(largest, l.label.width, l.label.height);
  const cell = largest + rules.gap;
  let moved = 0;
  for (const i of movers) {
    const own = linksOf.get(i) ?? [];
    const at = boxAt(boxes, i);
    // Everything else as it stands: the other boxes, and the labels of the lines that do not touch `i` (grids
    // rebuilt for each mover, since the one before may have moved).
    const boxGrid = new SpatialGrid(cell);
    for (let j = 0; j < n; j++) if (j !== i) boxGrid.insert(j, boxAt(boxes, j));
    const otherLabels = links.filter((l) => l.label && l.s !== i && l.t !== i).map((l) => labelBoxBetween(boxAt(boxes, l.s), boxAt(boxes, l.t), l.label!));
    const labelGrid = new SpatialGrid(cell);
    otherLabels.forEach((label, k) => labelGrid.insert(k, label));
    const clearOfBoxes = (box: Box, margin: number) => boxGrid.near(box, margin).every((j) => !boxesTooClose(box, boxAt(boxes, j), margin));
    const clearOfLabels = (box: Box, margin: number) => labelGrid.near(box, margin).every((k) => !boxesTooClose(box, otherLabels[k]!, margin));
    const fits = (box: Box): boolean => {
      if (!clearOfBoxes(box, rules.gap) || !clearOfLabels(box, rules.labelClearance)) return false;
      for (const l of own) {
        if (!l.label) continue;
        const other = boxAt(boxes, l.s === i ? l.t : l.s);
        const label = l.s === i ? labelBoxBetween(box, other, l.label) : labelBoxBetween(other, box, l.label);
        if (boxesTooClose(label, box, rules.labelClearance) || !clearOfBoxes(label, rules.labelClearance) || !clearOfLabels(label, rules.labelGap)) return false;
      }
      return true;
    };
    for (let ring = 1; ring <= maxRings; ring++) {
      const candidates: Box[] = [];
      for (let k = -ring; k <= ring; k++) {
        for (const [dx, dy] of [[k, -ring], [k, ring], [-ring, k], [ring, k]] as const) {
          if (Math.abs(k) === ring && (dx === -ring || dx === ring) && dy === k) continue; // corners once
          candidates.push({ ...at, x: Math.round(at.x) + dx * step, y: Math.round(at.y) + dy * step });
        }
      }
      candidates.sort((p, q) => Math.hypot(p.x - at.x, p.y - at.y) - Math.hypot(q.x - at.x, q.y - at.y) || p.x - q.x || p.y - q.y);
      const spot = candidates.find(fits);
      if (spot) {
        boxes.x[i] = spot.x;
        boxes.y[i] = spot.y;
        moved += 1;
        break;
      }
    }
  }
  return moved;
}
