import { useStoreApi } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { create } from 'zustand';
import type { Rect } from '@shared/layout/geometry';
import { intersects } from '@shared/layout/geometry';
import { PART_MAX_STAKEHOLDERS, screenArea, showsOverview, windowAreaFor, windowCovers } from '@shared/layout/map-window';
import { useEditor } from '../../store/editor-store';
import { stakeholderBox } from './stakeholder-box';

/*
 * How a large map (shared/layout/map-window.ts) is drawn right now: as the overview, or by the part around the
 * screen. Changes only when the zoom crosses the overview threshold or a pan leaves the part drawn, so panning
 * within the part re-renders nothing.
 */

export interface LargeMapView {
  /** The workspace this was worked out for: a new one starts from nothing (its first frame draws no stakeholder). */
  readonly sessionId: number | null;
  readonly overview: boolean;
  /** The map area given to React Flow (map units), null before the first look at the screen. */
  readonly windowArea: Rect | null;
}

export const useLargeMapView = create<LargeMapView>()(() => ({ sessionId: null, overview: false, windowArea: null }));

function stakeholdersIn(area: Rect): number {
  let count = 0;
  for (const node of useEditor.getState().nodes) if (intersects(stakeholderBox(node), area)) count += 1;
  return count;
}

/** How long the zoom must be still before a part is drawn as elements again (see LargeMapTracker). */
const ZOOM_SETTLE_MS = 150;

/**
 * Inside <ReactFlow>: follows the viewport and the pane's size, and updates useLargeMapView when the drawing must
 * change. Before React Flow has measured its pane the window's size stands in (a window drawn too large for one
 * frame costs nothing; one too small would show an empty map). While the zoom is changing, a new part is not made
 * of elements: the overview stands in until the zoom has been still for a moment, as map viewers draw the coarse
 * level during a zoom and the detail when it ends. Otherwise every frame of a zoom gliding out (Fit, a wheel)
 * would make hundreds of elements that the next frame throws away.
 */
export function LargeMapTracker({ sessionId, stakeholders }: { sessionId: number; stakeholders: number }) {
  const store = useStoreApi();
  useLayoutEffect(() => {
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const look = (zooming: boolean) => {
      const { transform, width, height } = store.getState();
      const [x, y, zoom] = transform;
      const screen = screenArea({ x, y, zoom }, { width: width || window.innerWidth, height: height || window.innerHeight });
      const zoomedOut = showsOverview(stakeholders, zoom);
      const now = useLargeMapView.getState();
      const current = now.sessionId === sessionId ? now : null;
      if (current && !current.overview && !zoomedOut && current.windowArea && windowCovers(current.windowArea, screen)) return;
      if (current?.overview && (zoomedOut || zooming)) return;
      // A new part is due (or the overview may end). One too crowded to be elements is drawn as the overview too
      // (a dense cluster), and so is any while the zoom is still changing (above).
      const area = windowAreaFor(screen);
      const overview = zoomedOut || zooming || stakeholdersIn(area) > PART_MAX_STAKEHOLDERS;
      if (current?.overview && overview) return;
      useLargeMapView.setState({ sessionId, overview, windowArea: overview ? null : area });
    };
    look(false);
    const stop = store.subscribe((state, previous) => {
      if (state.transform === previous.transform && state.width === previous.width && state.height === previous.height) return;
      const zooming = state.transform[2] !== previous.transform[2];
      look(zooming);
      if (zooming) {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(() => look(false), ZOOM_SETTLE_MS);
      }
    });
    return () => {
      stop();
      clearTimeout(settleTimer);
    };
  }, [store, sessionId, stakeholders]);
  return null;
}
