import type { StakeholderKind } from '@shared/document/format';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { findFreeSpot, type MapObstacles } from '@shared/layout/free-spot';
import { boundsOf, inflate, intersects, type Point, type Rect } from '@shared/layout/geometry';
import { useEditor } from '../store/editor-store';
import { fitMap, overlayBoxes } from './fit-map';
import { flowInstance, viewportCentre } from './flow-instance';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';
import { currentLabelBoxes, relationshipLines } from './label-layout';
import { DEFAULT_NODE_SIZE, stakeholderBox } from './large-map/stakeholder-box';

/*
 * The map side of placing new stakeholders (the geometry is shared/layout/free-spot.ts): what is on the map now,
 * with the sizes React Flow measured; what to place around (the selection, else the team); and how big the new
 * box will be, measured from the same markup before it exists.
 */

export { DEFAULT_NODE_SIZE };

/**
 * Every stakeholder's box for placing around: as measured, or the usual size for one never drawn. On a large map
 * React Flow draws (and measures) only the part around the screen; a new stakeholder must still keep clear of the
 * rest, which it did not while only measured boxes counted.
 */
export function placementBoxes(nodes: readonly StakeholderFlowNode[]): Map<string, Rect> {
  return new Map(nodes.map((node) => [node.id, stakeholderBox(node)]));
}

/** Everything a new stakeholder must keep clear of, given the stakeholders' boxes and the labels drawn. */
export function placementObstacles(boxes: ReadonlyMap<string, Rect>, edges: readonly RelationshipFlowEdge[], labels: Rect[]): MapObstacles {
  const lines = [...relationshipLines(edges, boxes).values()].map(({ from, to }) => ({ from, to }));
  return { nodes: [...boxes.values()], labels, lines };
}

/**
 * The stakeholder placed last. Adding selects the new stakeholder; the next one added should still go around
 * the team (clicking Brand, Legal, Compliance in the palette builds a star, not a chain), so that selection does
 * not count as the user's choice of anchor. A stakeholder the user selects does.
 */
let lastPlacedId: string | null = null;

export function notePlaced(id: string): void {
  lastPlacedId = id;
}

/** What new stakeholders go around: the selected stakeholders, else the team, else nothing (the view's middle). */
function anchorBox(boxes: readonly Rect[], ids: ReadonlyMap<Rect, string>): Rect | null {
  const { nodes, selection } = useEditor.getState();
  const onlyLastPlaced = selection.stakeholderIds.length === 1 && selection.stakeholderIds[0] === lastPlacedId;
  const selected = new Set(onlyLastPlaced ? [] : selection.stakeholderIds);
  const chosen = boxes.filter((b) => selected.has(ids.get(b) ?? ''));
  if (chosen.length === 1) return chosen[0] ?? null;
  if (chosen.length > 1) return boundsOf(chosen);
  const team = nodes.find((n) => n.data.stakeholder.kind === 'team');
  return boxes.find((b) => ids.get(b) === team?.id) ?? null;
}

/**
 * The size a stakeholder named `name` will have on the map: the same markup as StakeholderNode, laid out
 * invisibly inside the map's viewport (so it gets the map's fonts and text size), measured, removed.
 */
export function measureStakeholderBox(name: string, kind: StakeholderKind): { width: number; height: number } {
  const viewport = document.querySelector('.react-flow__viewport');
  if (!viewport) return DEFAULT_NODE_SIZE;
  const probe = document.createElement('div');
  probe.className = `stakeholder-node kind-${kind}`;
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;pointer-events:none;';
  const icon = document.createElement('span');
  icon.className = 'stakeholder-node__icon has-mark';
  const text = document.createElement('span');
  text.className = 'stakeholder-node__text';
  const nameSpan = document.createElement('span');
  nameSpan.className = 'stakeholder-node__name';
  nameSpan.textContent = name || 'Unnamed stakeholder';
  const kindSpan = document.createElement('span');
  kindSpan.className = 'stakeholder-node__kind';
  kindSpan.textContent = STAKEHOLDER_KIND_LABELS[kind];
  text.append(nameSpan, kindSpan);
  probe.append(icon, text);
  viewport.append(probe);
  const size = { width: probe.offsetWidth, height: probe.offsetHeight };
  probe.remove();
  return size.width > 0 && size.height > 0 ? size : DEFAULT_NODE_SIZE;
}

/** Where a new stakeholder of `kind` and `size` goes: free space around the selection or the team. */
export function placeStakeholder(size: { width: number; height: number }, kind: StakeholderKind, near?: Point): Point {
  const { nodes, edges } = useEditor.getState();
  const boxes = placementBoxes(nodes);
  const map = placementObstacles(boxes, edges, currentLabelBoxes());
  // The anchor is one of the very box objects in `map.nodes` (or their bounds), so the search can tell it apart.
  const ids = new Map([...boxes].map(([id, box]) => [box, id]));
  const anchor = near ? null : anchorBox(map.nodes, ids);
  return findFreeSpot({ size, kind, anchor, centre: near ?? viewportCentre() }, map);
}

/**
 * Makes sure `box` (map units), just added, is seen: if it is outside the view or under an overlay (the filter
 * bar, the legend, the minimap), the whole map is fitted again, zooming out if it must but never in, so on a
 * projector everything the room has said so far stays on the screen.
 */
export function revealBox(box: Rect): void {
  const instance = flowInstance();
  const pane = document.querySelector('.react-flow');
  if (!instance || !pane) return;
  const { width, height } = pane.getBoundingClientRect();
  const { x, y, zoom } = instance.getViewport();
  const screen = { x: box.x * zoom + x, y: box.y * zoom + y, width: box.width * zoom, height: box.height * zoom };
  const inView = screen.x >= 0 && screen.y >= 0 && screen.x + screen.width <= width && screen.y + screen.height <= height;
  if (inView && !overlayBoxes(pane).some((overlay) => intersects(inflate(screen, 8), overlay))) return;
  // The new node is in the store but not measured yet: fit once it is, on the next frames.
  requestAnimationFrame(() => requestAnimationFrame(() => fitMap({ duration: 200, maxZoom: zoom })));
}
