import { describe, expect, it } from 'vitest';
import { boundsOf, inflate, intersects, overlapArea, RectGrid, segmentCrossesRect } from '@shared/layout/geometry';

describe('geometry', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  it('tells overlapping boxes from touching and apart ones', () => {
    expect(intersects(a, { x: 99, y: 49, width: 10, height: 10 })).toBe(true);
    expect(intersects(a, { x: 100, y: 0, width: 10, height: 10 })).toBe(false);
    expect(intersects(a, { x: 0, y: 60, width: 10, height: 10 })).toBe(false);
    expect(overlapArea(a, { x: 90, y: 40, width: 20, height: 20 })).toBe(100);
    expect(inflate(a, 5)).toEqual({ x: -5, y: -5, width: 110, height: 60 });
    expect(boundsOf([a, { x: -10, y: 100, width: 5, height: 5 }])).toEqual({ x: -10, y: 0, width: 110, height: 105 });
    expect(boundsOf([])).toBeNull();
  });
  it('knows when a segment passes through a box', () => {
    expect(segmentCrossesRect({ x: -10, y: 25 }, { x: 200, y: 25 }, a)).toBe(true);
    expect(segmentCrossesRect({ x: -10, y: 60 }, { x: 200, y: 60 }, a)).toBe(false);
    expect(segmentCrossesRect({ x: 50, y: 25 }, { x: 60, y: 30 }, a)).toBe(true);
    expect(segmentCrossesRect({ x: 150, y: -100 }, { x: 150, y: 100 }, a)).toBe(false);
    expect(segmentCrossesRect({ x: -50, y: -50 }, { x: 150, y: 100 }, a)).toBe(true);
  });
  it('finds what is near with a grid, small and huge boxes alike', () => {
    const grid = new RectGrid(50);
    const boxes = Array.from({ length: 100 }, (_, i) => ({ x: (i % 10) * 100, y: Math.floor(i / 10) * 100, width: 40, height: 40 }));
    for (const b of boxes) grid.add(b);
    const huge = { x: -1e7, y: -1e7, width: 10, height: 10 };
    grid.add(huge);
    const probe = { x: 130, y: 130, width: 100, height: 100 };
    expect(new Set(grid.hits(probe))).toEqual(new Set(boxes.filter((b) => intersects(b, probe))));
    expect(grid.anyHit({ x: 45, y: 45, width: 10, height: 10 })).toBe(false);
    expect(grid.anyHit({ x: -1e7, y: -1e7, width: 1e8, height: 1e8 })).toBe(true);
    expect(grid.anyHit(probe, () => true)).toBe(false);
  });
});
