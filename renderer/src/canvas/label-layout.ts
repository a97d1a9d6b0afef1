import { create } from 'zustand';
import { floatingEnds } from '@shared/layout/floating-ends';
import { rectAround, type Point, type Rect } from '@shared/layout/geometry';
import { LABEL_PRIORITY, labelCentre, MIDPOINT, placeLabels, type LabelPlacement, type LabelRequest } from '@shared/layout/label-placement';
import { useEditor } from '../store/editor-store';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';

/*
 * Where the relationship labels sit on the map (shared/layout/label-placement.ts decides). Each label's size is
 * measured by one ResizeObserver; the placements are recomputed when a stakeholder was moved, resized, added or
 * removed, or a label changed size, but never during a drag: while a stakeholder is dragged its labels keep
 * their place along their lines (a fraction of the way and a step to the side), so they follow it for free,
 * and they find their best spots again when it is dropped.
 */

interface LabelLayoutState {
  readonly placements: ReadonlyMap<string, LabelPlacement>;
}

export const useLabelLayout = create<LabelLayoutState>()(() => ({ placements: new Map() }));

/** A label's placement, or the midpoint of its line before the first layout. */
export function useLabelPlacement(id: string): LabelPlacement {
  return useLabelLayout((s) => s.placements.get(id) ?? MIDPOINT);
}


const sizes = new Map<string, { width: number; height: number }>();
const elements = new Map<string, Element>();
let observer: ResizeObserver | null = null;
let scheduled = 0;

function labelObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.labelId;
      const box = entry.borderBoxSize[0];
      if (!id || !box) continue;
      // Layout sizes, in map units: the viewport's zoom is a transform and does not change them.
      const size = { width: box.inlineSize, height: box.blockSize };
      const before = sizes.get(id);
      if (!before || before.width !== size.width || before.height !== size.height) {
        sizes.set(id, size);
        changed = true;
      }
    }
    if (changed) scheduleLabelLayout();
  });
  return observer;
}

/** Ref callback of a label element: measured while it is on the map. */
export function observeLabel(id: string, element: HTMLElement | null): void {
  const previous = elements.get(id);
  if (previous && previous !== element) {
    labelObserver().unobserve(previous);
    elements.delete(id);
    sizes.delete(id);
  }
  if (element && previous !== element) {
    element.dataset.labelId = id;
    elements.set(id, element);
    labelObserver().observe(element);
  }
  if (!element) scheduleLabelLayout();
}

/** Lays the labels out again on the next frame (once, however many changes came in). */
export function scheduleLabelLayout(): void {
  if (scheduled) return;
  scheduled = requestAnimationFrame(() => {
    scheduled = 0;
    layOutLabels();
  });
}

/** Each stakeholder's box on the map, with the size React Flow measured (unmeasured ones are left out). */
export function nodeBoxes(nodes: readonly StakeholderFlowNode[]): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const n of nodes) {
    const width = n.measured?.width;
    const height = n.measured?.height;
    if (width && height) boxes.set(n.id, { x: n.position.x, y: n.position.y, width, height });
  }
  return boxes;
}

/** Every relationship line drawn between two measured stakeholders, border to border. */
export function relationshipLines(edges: readonly RelationshipFlowEdge[], boxes: ReadonlyMap<string, Rect>): Map<string, { from: Point; to: Point; edge: RelationshipFlowEdge }> {
  const lines = new Map<string, { from: Point; to: Point; edge: RelationshipFlowEdge }>();
  for (const edge of edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (source && target) lines.set(edge.id, { ...floatingEnds(source, target), edge });
  }
  return lines;
}

/** The labels' boxes where they are drawn now, in map units. */
export function currentLabelBoxes(): Rect[] {
  const { nodes, edges } = useEditor.getState();
  const lines = relationshipLines(edges, nodeBoxes(nodes));
  const { placements } = useLabelLayout.getState();
  const boxes: Rect[] = [];
  for (const [id, size] of sizes) {
    const line = lines.get(id);
    if (line) boxes.push(rectAround(labelCentre(line.from, line.to, placements.get(id) ?? MIDPOINT), size));
  }
  return boxes;
}

let lastGeometry: { nodes: readonly StakeholderFlowNode[]; edges: readonly RelationshipFlowEdge[] } | null = null;

function layOutLabels(): void {
  const { nodes, edges } = useEditor.getState();
  if (nodes.some((n) => n.dragging)) return;
  const boxes = nodeBoxes(nodes);
  const lines = relationshipLines(edges, boxes);
  const requests: LabelRequest[] = [];
  for (const [id, size] of sizes) {
    const line = lines.get(id);
    if (!line) continue;
    const status = line.edge.data?.relationship.status ?? 'neutral';
    requests.push({ id, from: line.from, to: line.to, width: size.width, height: size.height, priority: LABEL_PRIORITY[status] });
  }
  const next = placeLabels(requests, [...boxes.values()]);
  // Unchanged placements keep their objects, so only labels that move re-render.
  const previous = useLabelLayout.getState().placements;
  let changed = previous.size !== next.size;
  const merged = new Map<string, LabelPlacement>();
  for (const [id, placement] of next) {
    const before = previous.get(id);
    if (before && before.t === placement.t && before.offset === placement.offset) merged.set(id, before);
    else {
      merged.set(id, placement);
      changed = true;
    }
  }
  if (changed) useLabelLayout.setState({ placements: merged });
}

/**
 * Whether the map's geometry (stakeholder boxes, which relationships exist) changed since the last look. Label
 * sizes are not part of it: the ResizeObserver schedules a layout itself.
 */
function geometryChanged(nodes: readonly StakeholderFlowNode[], edges: readonly RelationshipFlowEdge[]): boolean {
  const last = lastGeometry;
  lastGeometry = { nodes, edges };
  if (!last || last.nodes.length !== nodes.length || last.edges.length !== edges.length) return true;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    const b = last.nodes[i]!;
    if (a === b) continue;
    if (a.id !== b.id || a.position !== b.position || a.measured?.width !== b.measured?.width || a.measured?.height !== b.measured?.height) return true;
    if (a.dragging !== b.dragging) return true;
  }
  for (let i = 0; i < edges.length; i++) {
    const a = edges[i]!;
    const b = last.edges[i]!;
    if (a !== b && (a.id !== b.id || a.source !== b.source || a.target !== b.target || a.data?.relationship.status !== b.data?.relationship.status)) return true;
  }
  return false;
}

/**
 * Keeps the labels laid out while the map is on screen. Selecting, hovering or renaming without a size change
 * costs one pass over the nodes array to see that nothing moved.
 */
export function startLabelLayout(): () => void {
  lastGeometry = null;
  scheduleLabelLayout();
  const unsubscribe = useEditor.subscribe((state, before) => {
    if (state.nodes === before.nodes && state.edges === before.edges) return;
    if (geometryChanged(state.nodes, state.edges)) scheduleLabelLayout();
  });
  return () => {
    unsubscribe();
    if (scheduled) cancelAnimationFrame(scheduled);
    scheduled = 0;
  };
}
