import { describe, expect, it } from 'vitest';
import { borderPointTowards, floatingEdgeEnds } from '../../../../renderer/src/canvas/floating-edge-geometry';

describe('floating edge geometry', () => {
  const a = { x: 0, y: 0, width: 200, height: 60 };
  it('leaves a node on the side facing its partner', () => {
    expect(borderPointTowards(a, { x: 500, y: 0, width: 200, height: 60 })).toEqual({ x: 200, y: 30 });
    expect(borderPointTowards(a, { x: -500, y: 0, width: 200, height: 60 })).toEqual({ x: 0, y: 30 });
    expect(borderPointTowards(a, { x: 0, y: 400, width: 200, height: 60 })).toEqual({ x: 100, y: 60 });
  });
  it('gives both ends on the borders', () => {
    const ends = floatingEdgeEnds(a, { x: 0, y: -300, width: 200, height: 60 });
    expect(ends).toEqual({ sourceX: 100, sourceY: 0, targetX: 100, targetY: -240 });
  });
  it('copes with unmeasured nodes', () => {
    expect(borderPointTowards({ x: 10, y: 10, width: 0, height: 0 }, a)).toEqual({ x: 10, y: 10 });
  });
});
