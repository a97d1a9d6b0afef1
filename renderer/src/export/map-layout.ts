import type { Relationship, Stakeholder, WorkspaceDocument } from '@shared/document/schema';
import { DEFAULT_NODE_SIZE } from '../canvas/placement';
import { floatingEdgeEnds, type NodeBox } from '../canvas/floating-edge-geometry';

/** Room around the drawing for badges that stick out of nodes and for line labels near the edge. */
export const MAP_PADDING = 40;

export interface LaidOutNode {
  readonly stakeholder: Stakeholder;
  readonly box: NodeBox;
}

export interface LaidOutEdge {
  readonly relationship: Relationship;
  readonly from: { x: number; y: number };
  readonly to: { x: number; y: number };
}

/** Everything on the map in map coordinates shifted so the drawing starts at (MAP_PADDING, MAP_PADDING). */
export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
}

/**
 * Lays out the whole map for export: every stakeholder at its position with the size React Flow measured on
 * screen (so text wraps the same way), every relationship between node borders, and the bounds of it all.
 * Exports always show the whole map, whatever is scrolled into view.
 */
export function layoutMap(doc: WorkspaceDocument, sizes: ReadonlyMap<string, { width: number; height: number }>): MapLayout {
  if (doc.stakeholders.length === 0) return { width: 2 * MAP_PADDING + 400, height: 2 * MAP_PADDING + 120, nodes: [], edges: [] };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of doc.stakeholders) {
    const size = sizes.get(s.id) ?? DEFAULT_NODE_SIZE;
    minX = Math.min(minX, s.position.x);
    minY = Math.min(minY, s.position.y);
    maxX = Math.max(maxX, s.position.x + size.width);
    maxY = Math.max(maxY, s.position.y + size.height);
  }
  const dx = MAP_PADDING - minX;
  const dy = MAP_PADDING - minY;
  const nodes = doc.stakeholders.map((stakeholder) => {
    const size = sizes.get(stakeholder.id) ?? DEFAULT_NODE_SIZE;
    return { stakeholder, box: { x: stakeholder.position.x + dx, y: stakeholder.position.y + dy, width: size.width, height: size.height } };
  });
  const boxes = new Map(nodes.map((n) => [n.stakeholder.id, n.box]));
  const edges: LaidOutEdge[] = [];
  for (const relationship of doc.relationships) {
    const source = boxes.get(relationship.source);
    const target = boxes.get(relationship.target);
    if (!source || !target) continue;
    const ends = floatingEdgeEnds(source, target);
    const from = { x: ends.sourceX, y: ends.sourceY };
    const to = { x: ends.targetX, y: ends.targetY };
    edges.push({ relationship, from, to });
  }
  return { width: Math.ceil(maxX - minX + 2 * MAP_PADDING), height: Math.ceil(maxY - minY + 2 * MAP_PADDING), nodes, edges };
}

/** The sizes React Flow measured for the nodes on screen. */
export function measuredSizes(nodes: ReadonlyArray<{ id: string; measured?: { width?: number; height?: number } }>): Map<string, { width: number; height: number }> {
  const sizes = new Map<string, { width: number; height: number }>();
  for (const n of nodes) {
    if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
  }
  return sizes;
}
