import type { Position, Stakeholder } from '../document/schema';
import { BLOCK_MARGIN, DEFAULT_STAKEHOLDER_BOX } from '../import/place-new-stakeholders';
import { NODE_CLEARANCE } from '../layout/free-spot';
import { boundsOf, type Rect } from '../layout/geometry';
import { removeOverlaps, type LayoutBoxes } from '../layout/remove-overlaps';

/*
 * Where the stakeholders a merge adds go. A breakout group drew them in an arrangement that means something to
 * the people who were in that room (the agencies together on the left, the regulators below), so the group is
 * moved as ONE block, keeping its own layout, to free space beside this map: to the right of everything, top
 * edges aligned, exactly where the spreadsheet import puts a block of new stakeholders (place-new-stakeholders.ts).
 * Moved there, the group cannot touch the map. Boxes the other room itself drew on top of each other are pushed
 * apart first, by Tidy layout's own overlap removal (remove-overlaps.ts), so the block that is moved is already
 * clear; the same helper then runs once more with the map's boxes fixed, so nothing already on the map moves.
 *
 * Like the import, every box is taken to be the canvas's default stakeholder box: the document stores no sizes.
 */

/**
 * Top-left corners for a group of new stakeholders that stood at `group` on their own map, in the same order:
 * the group translated beside `current`'s stakeholders, whole pixels, no box closer than NODE_CLEARANCE to any
 * other. On an empty map the group stays where it was (rounded, and pushed apart where its boxes overlapped).
 */
export function placeIncomingGroup(
  current: readonly Pick<Stakeholder, 'position'>[],
  group: readonly Position[],
  size: { readonly width: number; readonly height: number } = DEFAULT_STAKEHOLDER_BOX,
): Position[] {
  if (group.length === 0) return [];
  // First the group on its own: boxes the other room piled up are pushed apart around where they were.
  const own = layoutBoxes([], group, size);
  removeOverlaps(own, NODE_CLEARANCE);
  const separated = group.map((_, i) => ({ x: own.x[i]!, y: own.y[i]! }));

  // Then the whole group beside the map, where it cannot touch it.
  const boxAt = (p: Position): Rect => ({ x: p.x, y: p.y, width: size.width, height: size.height });
  const mapBounds = boundsOf(current.map((s) => boxAt(s.position)));
  const groupBounds = boundsOf(separated.map(boxAt))!;
  const dx = mapBounds ? Math.round(mapBounds.x + mapBounds.width + NODE_CLEARANCE + BLOCK_MARGIN - groupBounds.x) : 0;
  const dy = mapBounds ? Math.round(mapBounds.y - groupBounds.y) : 0;
  const moved = separated.map((p) => ({ x: p.x + dx, y: p.y + dy }));

  // A last pass with the map's boxes fixed: nothing to do, unless the map's own positions are far beyond any
  // drawn map's; it is what guarantees that no new box lands on one of ours whatever the input.
  const all = layoutBoxes(current.map((s) => s.position), moved, size);
  removeOverlaps(all, NODE_CLEARANCE);
  return moved.map((_, j) => ({ x: all.x[current.length + j]!, y: all.y[current.length + j]! }));
}

/** Boxes for removeOverlaps: `fixed` ones first (never moved), then `mobile` ones. */
function layoutBoxes(fixed: readonly Position[], mobile: readonly Position[], size: { readonly width: number; readonly height: number }): LayoutBoxes {
  const count = fixed.length + mobile.length;
  const boxes: LayoutBoxes = {
    x: new Float64Array(count),
    y: new Float64Array(count),
    width: new Float64Array(count).fill(size.width),
    height: new Float64Array(count).fill(size.height),
    mobility: new Float64Array(count),
  };
  [...fixed, ...mobile].forEach((p, i) => {
    boxes.x[i] = p.x;
    boxes.y[i] = p.y;
    if (i >= fixed.length) boxes.mobility[i] = 1;
  });
  return boxes;
}
