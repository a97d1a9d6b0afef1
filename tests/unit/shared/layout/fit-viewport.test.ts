import { describe, expect, it } from 'vitest';
import { fitAvoidingOverlays, type Viewport } from '@shared/layout/fit-viewport';
import { intersects, type Rect } from '@shared/layout/geometry';

const options = { margin: 16, minZoom: 0.1, maxZoom: 2 };
const onScreen = (r: Rect, v: Viewport): Rect => ({ x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, width: r.width * v.zoom, height: r.height * v.zoom });

describe('fit avoiding overlays', () => {
  const pane = { width: 1280, height: 600 };
  const filterBar = { x: 10, y: 10, width: 640, height: 44 };
  const legend = { x: 10, y: 390, width: 300, height: 200 };
  const minimap = { x: 1060, y: 440, width: 210, height: 150 };

  it('fits to the whole pane when nothing covers it', () => {
    const v = fitAvoidingOverlays({ x: 0, y: 0, width: 1000, height: 500 }, pane, [], options);
    expect(v.zoom).toBeCloseTo(Math.min(1248 / 1000, 568 / 500));
  });

  it('leaves every stakeholder outside every overlay, for wide and tall maps', () => {
    const nodes: Rect[] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) nodes.push({ x: i * 400, y: j * 200, width: 200, height: 60 });
    for (const content of [{ x: 0, y: 0, width: 1800, height: 860 }, { x: 0, y: 0, width: 600, height: 1400 }]) {
      const inside = nodes.filter((n) => n.x + n.width <= content.width && n.y + n.height <= content.height);
      const v = fitAvoidingOverlays(content, pane, [filterBar, legend, minimap], options);
      for (const n of inside) for (const o of [filterBar, legend, minimap]) expect(intersects(onScreen(n, v), o)).toBe(false);
      const corners = onScreen(content, v);
      expect(corners.x).toBeGreaterThanOrEqual(0);
      expect(corners.x + corners.width).toBeLessThanOrEqual(pane.width + 1e-6);
    }
  });

  it('clears a corner overlay along the side that costs least', () => {
    // A tall map: giving up the bottom band would shrink it; a left band costs nothing.
    const tall = fitAvoidingOverlays({ x: 0, y: 0, width: 300, height: 1000 }, pane, [legend], options);
    const clearOfBottom = (600 - 16 - 216) / 1000;
    expect(tall.zoom).toBeGreaterThan(clearOfBottom);
    expect(tall.zoom).toBeCloseTo((600 - 32) / 1000);
  });

  it('respects the zoom limits', () => {
    expect(fitAvoidingOverlays({ x: 0, y: 0, width: 10, height: 10 }, pane, [legend], options).zoom).toBe(2);
  });
});
