import { centreOf, contains, intersects, segmentCrossesRect, type Rect } from './geometry';

/*
 * Large maps are drawn in two levels of detail (renderer/src/canvas/large-map/):
 * - zoomed in far enough to read, only the part of the map on screen (plus a margin) is given to React Flow, so
 *   a pan or a drag costs what the screen shows, not what the map holds;
 * - zoomed out beyond reading, no stakeholder is a DOM element: one canvas draws the overview.
 * This file is the pure part: which stakeholders and relationships the screen needs. No DOM, so it is tested
 * without a browser.
 */

/**
 * Maps with more stakeholders than this are drawn by parts (above). Workshop maps (15–100) never are. At 1,000,
 * drawing by parts opens in 0.4x the bare React Flow page's time and drags in half its frame time (bench, 3 runs);
 * drawn whole it was 1.6x and 2x.
 */
export const LARGE_MAP_STAKEHOLDERS = 500;
/**
 * Below this zoom a large map is drawn as the overview. At 0.3 a stakeholder's name (19 px) is under 6 px high:
 * no longer read, only seen.
 */
export const OVERVIEW_BELOW_ZOOM = 0.3;
/**
 * A part holding more stakeholders than this is drawn as the overview whatever the zoom: as elements, each costs
 * about a millisecond to make and a share of every frame (bench, 10,000 stakeholders).
 */
export const PART_MAX_STAKEHOLDERS = 600;
/** How much of the screen's size is added on every side, so a short pan needs no new part. */
export const WINDOW_OVERSCAN = 0.5;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface WindowNode {
  readonly id: string;
  readonly box: Rect;
}

export interface WindowEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface MapWindow {
  /** The map area (map units) the window holds: the screen's area grown by WINDOW_OVERSCAN. */
  readonly area: Rect;
  readonly nodeIds: ReadonlySet<string>;
  readonly edgeIds: ReadonlySet<string>;
}

export const isLargeMap = (stakeholders: number): boolean => stakeholders > LARGE_MAP_STAKEHOLDERS;

export const showsOverview = (stakeholders: number, zoom: number): boolean => isLargeMap(stakeholders) && zoom < OVERVIEW_BELOW_ZOOM;

/** The map area (map units) a screen of `size` pixels shows at `viewport`. */
export function screenArea(viewport: Viewport, size: { readonly width: number; readonly height: number }): Rect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: size.width / viewport.zoom, height: size.height / viewport.zoom };
}

/** Whether a window made for `area` still holds everything the screen shows now (else a new one is due). */
export function windowCovers(area: Rect, screen: Rect): boolean {
  return contains(area, screen);
}

/**
 * What to give React Flow for `area`: every stakeholder whose box meets it, every relationship whose line (centre
 * to centre) passes through it, and both ends of those relationships (React Flow draws a line only between two
 * nodes it has). `keep` (the selection, a stakeholder being dragged or renamed) is always in: the inspector, the
 * rename field and a drag follow their node wherever it goes.
 */
export function mapWindow(nodes: readonly WindowNode[], edges: readonly WindowEdge[], area: Rect, keep: ReadonlySet<string> = new Set()): MapWindow {
  const nodeIds = new Set<string>();
  const boxes = new Map<string, Rect>();
  for (const node of nodes) {
    boxes.set(node.id, node.box);
    if (keep.has(node.id) || intersects(node.box, area)) nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  const ends: string[] = [];
  for (const edge of edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) continue;
    const shown = nodeIds.has(edge.source) || nodeIds.has(edge.target) || segmentCrossesRect(centreOf(source), centreOf(target), area);
    if (!shown) continue;
    edgeIds.add(edge.id);
    ends.push(edge.source, edge.target);
  }
  for (const id of ends) nodeIds.add(id);
  return { area, nodeIds, edgeIds };
}

/** The area a new window holds: `screen` grown by `overscan` of its size on every side, for the next pans. */
export function windowAreaFor(screen: Rect, overscan = WINDOW_OVERSCAN): Rect {
  return {
    x: screen.x - screen.width * overscan,
    y: screen.y - screen.height * overscan,
    width: screen.width * (1 + 2 * overscan),
    height: screen.height * (1 + 2 * overscan),
  };
}
