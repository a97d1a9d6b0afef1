import type { Rect } from './geometry';

/*
 * Fitting the map to the window when parts of the window are covered: the filter bar, the legend and the
 * minimap float over the map's corners. React Flow's fitView pads all sides alike, so a stakeholder could end
 * up under the legend. Here each overlay is kept clear by giving up a band of the window along one of the
 * window edges it touches (the legend in the bottom-left corner: a band at the bottom, or one on the left);
 * every combination is tried and the one that shows the map largest wins.
 */

/** React Flow's viewport: a map point p is drawn at p * zoom + (x, y) in the pane. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitOptions {
  /** Free space kept around the map and between it and each overlay, in screen pixels. */
  readonly margin: number;
  readonly minZoom: number;
  readonly maxZoom: number;
}

type Side = 'top' | 'bottom' | 'left' | 'right';
const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];
/** An overlay this close to a window edge counts as sitting on it. */
const EDGE_TOUCH = 32;

/**
 * The viewport that shows all of `content` (map units) as large as possible inside `pane` (screen pixels, origin at
 * the pane's top-left) without any of it under an overlay (`overlays`, pane pixels).
 */
export function fitAvoidingOverlays(content: Rect, pane: { readonly width: number; readonly height: number }, overlays: readonly Rect[], options: FitOptions): Viewport {
  const visible = overlays.filter((o) => o.width > 0 && o.height > 0);
  const choices = visible.map((o) => sidesTouched(o, pane));
  let best: { viewport: Viewport; offCentre: number } | null = null;
  for (const combination of combinations(choices)) {
    const inner = innerArea(pane, visible, combination, options.margin);
    if (inner.width <= 0 || inner.height <= 0) continue;
    const viewport = fitInto(content, inner, options);
    const offCentre = Math.hypot(inner.x + inner.width / 2 - pane.width / 2, inner.y + inner.height / 2 - pane.height / 2);
    if (!best || viewport.zoom > best.viewport.zoom + 1e-9 || (Math.abs(viewport.zoom - best.viewport.zoom) <= 1e-9 && offCentre < best.offCentre)) {
      best = { viewport, offCentre };
    }
  }
  // Overlays covering the whole window leave nowhere clear: fit to the window as a whole.
  return best?.viewport ?? fitInto(content, { x: options.margin, y: options.margin, width: pane.width - 2 * options.margin, height: pane.height - 2 * options.margin }, options);
}

/** The window edges an overlay sits on; one floating in the middle can be cleared from any side. */
function sidesTouched(overlay: Rect, pane: { readonly width: number; readonly height: number }): Side[] {
  const touched = SIDES.filter((side) => {
    switch (side) {
      case 'top':
        return overlay.y <= EDGE_TOUCH;
      case 'bottom':
        return overlay.y + overlay.height >= pane.height - EDGE_TOUCH;
      case 'left':
        return overlay.x <= EDGE_TOUCH;
      case 'right':
        return overlay.x + overlay.width >= pane.width - EDGE_TOUCH;
    }
  });
  return touched.length > 0 ? touched : [...SIDES];
}

function* combinations(choices: readonly Side[][]): Generator<Side[]> {
  if (choices.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = choices;
  for (const tail of combinations(rest)) for (const side of first ?? []) yield [side, ...tail];
}

/** The part of the pane left once each overlay's band is given up along its chosen side. */
function innerArea(pane: { readonly width: number; readonly height: number }, overlays: readonly Rect[], sides: readonly Side[], margin: number): Rect {
  let top = margin;
  let bottom = pane.height - margin;
  let left = margin;
  let right = pane.width - margin;
  overlays.forEach((o, i) => {
    switch (sides[i]) {
      case 'top':
        top = Math.max(top, o.y + o.height + margin);
        break;
      case 'bottom':
        bottom = Math.min(bottom, o.y - margin);
        break;
      case 'left':
        left = Math.max(left, o.x + o.width + margin);
        break;
      case 'right':
        right = Math.min(right, o.x - margin);
        break;
      default:
        break;
    }
  });
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The content as large as fits in `area` (within the zoom limits), centred in it. */
function fitInto(content: Rect, area: Rect, options: FitOptions): Viewport {
  const width = Math.max(content.width, 1);
  const height = Math.max(content.height, 1);
  const zoom = clamp(Math.min(area.width / width, area.height / height), options.minZoom, options.maxZoom);
  return {
    x: area.x + area.width / 2 - (content.x + content.width / 2) * zoom,
    y: area.y + area.height / 2 - (content.y + content.height / 2) * zoom,
    zoom,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
