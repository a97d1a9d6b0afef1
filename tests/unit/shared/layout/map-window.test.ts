import { describe, expect, it } from 'vitest';
import {
  isLargeMap,
  LARGE_MAP_STAKEHOLDERS,
  mapWindow,
  OVERVIEW_BELOW_ZOOM,
  screenArea,
  showsOverview,
  windowAreaFor,
  windowCovers,
  type WindowEdge,
  type WindowNode,
} from '../../../../shared/layout/map-window';

/* Which part of a large map is given to React Flow (shared/layout/map-window.ts). */

const node = (id: string, x: number, y: number): WindowNode => ({ id, box: { x, y, width: 200, height: 60 } });
const edge = (id: string, source: string, target: string): WindowEdge => ({ id, source, target });
const AREA = { x: 0, y: 0, width: 1000, height: 1000 };

describe('large maps', () => {
  it('are those over LARGE_MAP_STAKEHOLDERS; only they show the overview, and only below the reading zoom', () => {
    expect(isLargeMap(LARGE_MAP_STAKEHOLDERS)).toBe(false);
    expect(isLargeMap(LARGE_MAP_STAKEHOLDERS + 1)).toBe(true);
    expect(showsOverview(100, 0.05)).toBe(false);
    expect(showsOverview(10_000, OVERVIEW_BELOW_ZOOM)).toBe(false);
    expect(showsOverview(10_000, OVERVIEW_BELOW_ZOOM - 0.01)).toBe(true);
  });
});

describe('screenArea and windowAreaFor', () => {
  it('turn the viewport into the map area on screen, and grow it by half its size on every side', () => {
    // Panned 100 px right and 50 down at zoom 2: the screen's corner is map point (-50, -25).
    const screen = screenArea({ x: 100, y: 50, zoom: 2 }, { width: 800, height: 600 });
    expect(screen).toEqual({ x: -50, y: -25, width: 400, height: 300 });
    expect(windowAreaFor(screen)).toEqual({ x: -250, y: -175, width: 800, height: 600 });
  });

  it('a window covers the screen until a pan or zoom takes the screen past its edge', () => {
    const screen = screenArea({ x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 });
    const area = windowAreaFor(screen);
    expect(windowCovers(area, screen)).toBe(true);
    expect(windowCovers(area, screenArea({ x: -350, y: 0, zoom: 1 }, { width: 800, height: 600 }))).toBe(true);
    expect(windowCovers(area, screenArea({ x: -450, y: 0, zoom: 1 }, { width: 800, height: 600 }))).toBe(false);
    // Zooming out to half widens the screen to 1600 x 1200: past the window's 1600 x 1200 once off-centre.
    expect(windowCovers(area, screenArea({ x: 0, y: 0, zoom: 0.5 }, { width: 800, height: 600 }))).toBe(false);
  });
});

describe('mapWindow', () => {
  it('holds the stakeholders whose boxes meet the area, not those outside it', () => {
    const w = mapWindow([node('in', 100, 100), node('edge', 950, 990), node('out', 2000, 2000), node('left', -500, 0)], [], AREA);
    expect([...w.nodeIds].sort()).toEqual(['edge', 'in']);
    expect(w.edgeIds.size).toBe(0);
  });

  it('holds a relationship with one end inside, and brings its other end along so React Flow can draw it', () => {
    const w = mapWindow([node('in', 100, 100), node('far', 5000, 5000)], [edge('r', 'in', 'far')], AREA);
    expect([...w.edgeIds]).toEqual(['r']);
    expect([...w.nodeIds].sort()).toEqual(['far', 'in']);
  });

  it('holds a relationship that only passes through the area, both ends outside', () => {
    const w = mapWindow([node('west', -3000, 400), node('east', 3000, 400), node('north', 400, -3000), node('northeast', 3000, -3000)], [edge('across', 'west', 'east'), edge('above', 'north', 'northeast')], AREA);
    expect([...w.edgeIds]).toEqual(['across']);
    expect([...w.nodeIds].sort()).toEqual(['east', 'west']);
  });

  it('always holds what is kept (the selection, a stakeholder being renamed), wherever it is', () => {
    const w = mapWindow([node('in', 100, 100), node('selected', 9000, 9000)], [], AREA, new Set(['selected']));
    expect([...w.nodeIds].sort()).toEqual(['in', 'selected']);
  });

  it('skips a relationship to a stakeholder that is not on the map', () => {
    const w = mapWindow([node('in', 100, 100)], [edge('dangling', 'in', 'missing')], AREA);
    expect(w.edgeIds.size).toBe(0);
  });

  it('on a grid of 10,000 the window holds a few hundred at most', () => {
    const nodes: WindowNode[] = [];
    const edges: WindowEdge[] = [];
    for (let i = 0; i < 10_000; i++) {
      nodes.push(node(`s-${i}`, (i % 100) * 300, Math.floor(i / 100) * 150));
      if (i % 100 !== 0) edges.push(edge(`r-${i}`, `s-${i - 1}`, `s-${i}`));
    }
    const area = windowAreaFor(screenArea({ x: 0, y: 0, zoom: 1 }, { width: 1280, height: 720 }));
    const w = mapWindow(nodes, edges, area);
    expect(w.nodeIds.size).toBeGreaterThan(10);
    expect(w.nodeIds.size).toBeLessThan(200);
    for (const id of w.edgeIds) {
      const [, n] = id.split('-');
      expect(w.nodeIds.has(`s-${Number(n) - 1}`) && w.nodeIds.has(`s-${n}`)).toBe(true);
    }
  });
});
