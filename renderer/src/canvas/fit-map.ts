import type { ReactFlowInstance } from '@xyflow/react';
import { fitAvoidingOverlays } from '@shared/layout/fit-viewport';
import { boundsOf, type Rect } from '@shared/layout/geometry';
import { useEditor } from '../store/editor-store';
import { flowInstance } from './flow-instance';
import { currentLabelBoxes, nodeBoxes } from './label-layout';

/*
 * Fit, as Fit, Focus on the map and opening a file do it: the whole map as large as it goes without any
 * stakeholder or label under what floats over the map (the filter bar, the legend, the minimap). Each of those
 * marks itself with data-map-overlay, so a new overlay only has to say so to be avoided.
 */

/** Screen pixels kept clear around the map and between it and an overlay. */
const FIT_MARGIN = 14;
export const FIT_MAX_ZOOM = 1.25;
export const FIT_MIN_ZOOM = 0.1;

/** What floats over the map: our panels say so; React Flow's minimap and attribution take no attributes. */
export const OVERLAY_SELECTOR = '[data-map-overlay], .react-flow__minimap, .react-flow__attribution';

/** The boxes of the overlays on the pane, in pane pixels. */
export function overlayBoxes(pane: Element): Rect[] {
  const origin = pane.getBoundingClientRect();
  return [...pane.querySelectorAll(OVERLAY_SELECTOR)].map((element) => {
    const r = element.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
}

/** Fits the map to the window, clear of the overlays. Does nothing before the stakeholders are measured. */
export function fitMap(options: { duration?: number; maxZoom?: number; instance?: Pick<ReactFlowInstance, 'setViewport'> } = {}): boolean {
  const instance = options.instance ?? flowInstance();
  const pane = document.querySelector('.react-flow');
  if (!instance || !pane) return false;
  const boxes = [...nodeBoxes(useEditor.getState().nodes).values()];
  const content = boundsOf([...boxes, ...currentLabelBoxes()]);
  if (!content) return false;
  const { width, height } = pane.getBoundingClientRect();
  const viewport = fitAvoidingOverlays(content, { width, height }, overlayBoxes(pane), {
    margin: FIT_MARGIN,
    minZoom: FIT_MIN_ZOOM,
    maxZoom: Math.min(options.maxZoom ?? FIT_MAX_ZOOM, FIT_MAX_ZOOM),
  });
  void instance.setViewport(viewport, { duration: options.duration ?? 0 });
  return true;
}
