import { describe, expect, it } from 'vitest';
import { borderPointTowards, floatingEdgeEnds } from '../../../../renderer/src/canvas/floating-edge-geometry';
import { findFreeSpot } from '../../../../renderer/src/canvas/placement';

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

describe('placement of new stakeholders', () => {
  const size = { width: 200, height: 64 };
  it('uses the centre when it is free', () => {
    expect(findFreeSpot({ x: 100, y: 32 }, [], size)).toEqual({ x: 0, y: 0 });
  });
  it('never places a new node on top of existing ones', () => {
    const occupied: { x: number; y: number; width: number; height: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const spot = findFreeSpot({ x: 0, y: 0 }, occupied, size);
      for (const b of occupied) {
        const overlaps = spot.x < b.x + b.width && b.x < spot.x + size.width && spot.y < b.y + b.height && b.y < spot.y + size.height;
        expect(overlaps).toBe(false);
      }
      occupied.push({ ...spot, ...size });
    }
  });
});
