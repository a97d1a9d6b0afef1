import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isLargeMap, mapWindow } from '@shared/layout/map-window';
import { documentNow, useEditor } from '../../store/editor-store';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../../store/flow-elements';
import { DEFAULT_NODE_SIZE } from '../placement';
import { useLargeMapView } from './large-map-view';

const NOTHING = { nodes: [] as StakeholderFlowNode[], edges: [] as RelationshipFlowEdge[] };

/**
 * What React Flow is given: everything on a workshop-size map; on a large one, the part around the screen (with
 * the selection, a dragged and a renamed stakeholder wherever they are), or nothing while the overview draws it.
 * Which stakeholders are in the part is worked out again only when the part moves, the document changes or the
 * selection does, not on each frame of a drag (the dragged stakeholders are selected, so they stay in).
 */
export function useShownElements(nodes: StakeholderFlowNode[], edges: RelationshipFlowEdge[], sessionId: number | undefined, renamingId: string | null) {
  const large = isLargeMap(nodes.length);
  const view = useLargeMapView(useShallow((s) => (s.sessionId === sessionId ? { overview: s.overview, windowArea: s.windowArea } : { overview: false, windowArea: null })));
  const doc = useEditor((s) => (large ? documentNow(s) : null));
  const selection = useEditor((s) => s.selection.stakeholderIds);
  const membership = useMemo(() => {
    if (!doc || view.overview || !view.windowArea) return null;
    const measured = new Map(useEditor.getState().nodes.map((n) => [n.id, n.measured]));
    const boxes = doc.stakeholders.map((s) => {
      const size = measured.get(s.id);
      return { id: s.id, box: { x: s.position.x, y: s.position.y, width: size?.width ?? DEFAULT_NODE_SIZE.width, height: size?.height ?? DEFAULT_NODE_SIZE.height } };
    });
    const keep = new Set(selection);
    if (renamingId) keep.add(renamingId);
    return mapWindow(boxes, doc.relationships, view.windowArea, keep);
  }, [doc, view.overview, view.windowArea, selection, renamingId]);
  const shown = useMemo(() => {
    if (!large) return { nodes, edges };
    if (!membership) return NOTHING;
    return { nodes: nodes.filter((n) => membership.nodeIds.has(n.id)), edges: edges.filter((e) => membership.edgeIds.has(e.id)) };
  }, [large, nodes, edges, membership]);
  return { ...shown, large, overview: large && view.overview };
}
