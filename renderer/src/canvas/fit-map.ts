import type { ReactFlowInstance } from '@xyflow/react';
import { fitAvoidingOverlays } from '@shared/layout/fit-viewport';
import { boundsOf, type Rect } from '@shared/layout/geometry';
import { isLargeMap } from '@shared/layout/map-window';
import { useEditor } from '../store/editor-store';
import { flowInstance } from './flow-instance';
import { currentLabelBoxes } from './label-layout';
import { stakeholderBox } from './large-map/stakeholder-box';

/*
 * Fit, as Fit, Focus on the map and opening a file do it: the whole map as large as it goes without any
 * stakeholder or label under what floats over the map (the filter bar, the legend, the minimap). Each of those
 * marks itself with data-map-overlay, so a new overlay only has to say so to be avoided.
 */

/** Screen pixels kept clear around the map and between it and an overlay. */
const FIT_MARGIN = 14;
export const FIT_MAX_ZOOM = 1.25;
export const FIT_MIN_ZOOM = 0.1;
/** A large map zooms out further: its overview is one canvas, and 10,000 stakeholders need about 0.03 to fit. */
export const LARGE_MAP_MIN_ZOOM = 0.02;
export const minZoomFor = (stakeholders: number) => (isLargeMap(stakeholders) ? LARGE_MAP_MIN_ZOOM : FIT_MIN_ZOOM);

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
export function fitMap(options: FitOptions = {}): boolean {
  return fitMapSettled(options) !== null;
}

type FitOptions = { duration?: number; maxZoom?: number; instance?: Pick<ReactFlowInstance, 'setViewport'> };

/**
 * fitMap, with a promise that resolves once the map has stopped moving (at once without a duration), so that a
 * command can say it is done when it is: "Tidied 10 stakeholders" after the glide AND the fit, not between them
 * (someone who starts dragging on hearing it would grab a map still sliding). Null when there was nothing to fit.
 * A glide the user interrupts (a pan, a zoom) never reports its end, so the promise gives up waiting a moment after
 * the glide should have ended.
 */
export function fitMapSettled(options: FitOptions = {}): Promise<void> | null {
  const instance = options.instance ?? flowInstance();
  const pane = document.querySelector('.react-flow');
  if (!instance || !pane) return null;
  // Every stakeholder, measured or not: a large map draws only part of itself as elements (large-map/).
  const boxes = useEditor.getState().nodes.map(stakeholderBox);
  const content = boundsOf([...boxes, ...currentLabelBoxes()]);
  if (!content) return null;
  const { width, height } = pane.getBoundingClientRect();
  const viewport = fitAvoidingOverlays(content, { width, height }, overlayBoxes(pane), {
    margin: FIT_MARGIN,
    minZoom: minZoomFor(boxes.length),
    maxZoom: Math.min(options.maxZoom ?? FIT_MAX_ZOOM, FIT_MAX_ZOOM),
  });
  const duration = options.duration ?? 0;
  const ended = instance.setViewport(viewport, { duration }).then(() => undefined);
  const interrupted = new Promise<void>((resolve) => setTimeout(resolve, duration + 250));
  return Promise.race([ended, interrupted]);
}
