import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const domNodeOf = (s: ReactFlowState) => s.domNode;

/**
 * React Flow's EdgeLabelRenderer, without its cost: that one's store selector runs
 * `domNode.querySelector('.react-flow__edgelabel-renderer')` on every store update, once per edge label, so
 * dragging a node on a map of 1,000 relationships ran a thousand DOM queries per mouse move (the largest item
 * in the drag profile, see bench/). Here each label subscribes to the pane's element, which never changes,
 * and looks the layer up once.
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const domNode = useStore(domNodeOf);
  const layer = useMemo(() => domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  return layer ? createPortal(children, layer) : null;
}
