import { describe, expect, it } from 'vitest';
import { segmentPath, splitLine } from '../../../../shared/layout/split-line';

describe('split line (two sides that see a relationship differently)', () => {
  it('cuts a level line at its middle, each half from its own end, with upright bars at the cut', () => {
    const split = splitLine({ x: 0, y: 0 }, { x: 100, y: 0 }, 8, 14);
    expect(split.ours).toEqual({ from: { x: 0, y: 0 }, to: { x: 46, y: 0 } });
    expect(split.theirs).toEqual({ from: { x: 54, y: 0 }, to: { x: 100, y: 0 } });
    expect(split.bars[0]).toEqual({ from: { x: 46, y: 7 }, to: { x: 46, y: -7 } });
    expect(split.bars[1]).toEqual({ from: { x: 54, y: 7 }, to: { x: 54, y: -7 } });
  });

  it('puts the bars across an upright line', () => {
    const split = splitLine({ x: 10, y: 0 }, { x: 10, y: 50 }, 10, 20);
    expect(split.ours.to).toEqual({ x: 10, y: 20 });
    expect(split.theirs.from).toEqual({ x: 10, y: 30 });
    expect(split.bars[0].from.y).toBe(20);
    expect(Math.abs(split.bars[0].from.x - split.bars[0].to.x)).toBe(20);
  });

  it('keeps most of a very short line drawn, and survives a line of no length', () => {
    const short = splitLine({ x: 0, y: 0 }, { x: 6, y: 0 }, 8);
    expect(short.ours.to.x).toBe(2);
    expect(short.theirs.from.x).toBe(4);
    const point = splitLine({ x: 5, y: 5 }, { x: 5, y: 5 });
    expect(point.ours.to).toEqual({ x: 5, y: 5 });
    expect(Number.isFinite(point.bars[0].from.y)).toBe(true);
  });

  it('writes a segment as an SVG path', () => {
    expect(segmentPath({ from: { x: 1, y: 2 }, to: { x: 3, y: 4 } })).toBe('M 1 2 L 3 4');
  });
});
