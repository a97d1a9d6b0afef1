import { describe, expect, it } from 'vitest';
import { lineHitArea } from '@shared/layout/line-hit-area';

/** The corners of the path lineHitArea draws. */
function corners(d: string) {
  const numbers = d.replace(/[MLZ]/g, ' ').trim().split(/\s+/).map(Number);
  const points = [];
  for (let i = 0; i < numbers.length; i += 2) points.push({ x: numbers[i]!, y: numbers[i + 1]! });
  return points;
}

function boxOf(d: string) {
  const points = corners(d);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

describe('lineHitArea', () => {
  it('gives a level line an area: its length by twice the half-width', () => {
    const d = lineHitArea({ x: 10, y: 100 }, { x: 310, y: 100 }, 12);
    expect(d).toBe('M 10 112 L 310 112 L 310 88 L 10 88 Z');
    expect(boxOf(d)).toEqual({ width: 300, height: 24 });
  });

  it('gives an upright line an area too', () => {
    expect(boxOf(lineHitArea({ x: 50, y: 0 }, { x: 50, y: 200 }, 12))).toEqual({ width: 24, height: 200 });
  });

  it('follows a slanted line, at the half-width from it on both sides', () => {
    const [a, b, c, d] = corners(lineHitArea({ x: 0, y: 0 }, { x: 30, y: 40 }, 10));
    // Across the line (unit normal (-0.8, 0.6)) by 10 either side; along it from end to end.
    expect(a).toEqual({ x: -8, y: 6 });
    expect(b).toEqual({ x: 22, y: 46 });
    expect(c).toEqual({ x: 38, y: 34 });
    expect(d).toEqual({ x: 8, y: -6 });
  });

  it('gives a line of no length a square around its point', () => {
    expect(boxOf(lineHitArea({ x: 5, y: 5 }, { x: 5, y: 5 }, 12))).toEqual({ width: 24, height: 24 });
  });
});
