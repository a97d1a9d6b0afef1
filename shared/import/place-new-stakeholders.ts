import type { StakeholderKind } from '../document/format';
import type { Position, WorkspaceDocument } from '../document/schema';
import { floatingEnds } from '../layout/floating-ends';
import { findFreeSpot, NODE_CLEARANCE } from '../layout/free-spot';
import { boundsOf, type Rect } from '../layout/geometry';

/*
 * Where imported stakeholders go on the map. The document does not store box sizes (the canvas measures them),
 * so every box, old and new, is taken to be the size of a stakeholder with a one-line name.
 *
 * A few new stakeholders are placed the way adding them by hand places them (shared/layout/free-spot.ts): in
 * free space around the team, outside parties on a farther ring, each one an obstacle for the next. Many are set
 * out in a block of rows beside the map instead: a star of hundreds would spiral far out and take a search over
 * the whole map for each one, while a block is instant, cannot touch anything, and Tidy layout arranges it after.
 */

/** The box assumed for a stakeholder: what the canvas uses when it cannot measure one (renderer/src/canvas/placement.ts). */
export const DEFAULT_STAKEHOLDER_BOX = { width: 220, height: 64 } as const;

/** Up to this many new stakeholders are placed around the team; more go into a block beside the map. */
export const MOST_PLACED_AROUND_TEAM = 24;

/** Space between boxes of the block, and between the block and the map. */
const BLOCK_GAP = { x: 60, y: 40 } as const;
export const BLOCK_MARGIN = 150;

/**
 * Top-left corners for new stakeholders of `kinds` (in that order), clear of the stakeholders already on `doc`'s
 * map (and their connection dots) and of each other.
 */
export function placeNewStakeholders(
  doc: WorkspaceDocument,
  kinds: readonly StakeholderKind[],
  size: { readonly width: number; readonly height: number } = DEFAULT_STAKEHOLDER_BOX,
): Position[] {
  const boxes = new Map(doc.stakeholders.map((s) => [s.id, { x: s.position.x, y: s.position.y, width: size.width, height: size.height }]));
  if (kinds.length > MOST_PLACED_AROUND_TEAM) return placeInBlock([...boxes.values()], kinds.length, size);

  const nodes: Rect[] = [...boxes.values()];
  const lines = doc.relationships.flatMap((r) => {
    const from = boxes.get(r.source);
    const to = boxes.get(r.target);
    return from && to ? [floatingEnds(from, to)] : [];
  });
  const team = doc.stakeholders.find((s) => s.kind === 'team');
  // The anchor must be the very object in `nodes`, so the search can tell it from the other boxes.
  const anchor = (team && boxes.get(team.id)) ?? null;
  const bounds = boundsOf(nodes);
  const centre = bounds ? { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 } : { x: 0, y: 0 };
  return kinds.map((kind) => {
    const spot = findFreeSpot({ size, kind, anchor, centre }, { nodes, labels: [], lines });
    nodes.push({ x: spot.x, y: spot.y, width: size.width, height: size.height });
    return { x: spot.x, y: spot.y };
  });
}

/** A block of rows, about square, to the right of everything on the map (at the origin on an empty map). */
function placeInBlock(existing: readonly Rect[], count: number, size: { readonly width: number; readonly height: number }): Position[] {
  const bounds = boundsOf(existing);
  const left = bounds ? bounds.x + bounds.width + NODE_CLEARANCE + BLOCK_MARGIN : 0;
  const top = bounds ? bounds.y : 0;
  const columns = Math.ceil(Math.sqrt(count));
  const stepX = size.width + BLOCK_GAP.x;
  const stepY = size.height + BLOCK_GAP.y;
  return Array.from({ length: count }, (_, i) => ({ x: Math.round(left + (i % columns) * stepX), y: Math.round(top + Math.floor(i / columns) * stepY) }));
}
