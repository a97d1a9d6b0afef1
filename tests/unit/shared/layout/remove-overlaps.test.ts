import { describe, expect, it } from 'vitest';
import { boxesTooClose } from '../../../../shared/layout/box-geometry';
import { crowdedBoxes, removeOverlaps, type LayoutBoxes } from '../../../../shared/layout/remove-overlaps';
import { seededRandom } from '../../../../shared/operations/seeded-random';

/** `count` boxes in a square of `spread` px, every `fixedEvery`th one immovable. */
function pile(count: number, spread: number, seed: number, fixedEvery = 0): LayoutBoxes {
  const random = seededRandom(seed);
  return {
    x: Float64Array.from({ length: count }, () => Math.round(random() * spread)),
    y: Float64Array.from({ length: count }, () => Math.round(random() * spread)),
    width: Float64Array.from({ length: count }, () => 120 + Math.round(random() * 120)),
    height: Float64Array.from({ length: count }, () => 50 + Math.round(random() * 30)),
    mobility: Float64Array.from({ length: count }, (_, i) => (fixedEvery > 0 && i % fixedEvery === 0 ? 0 : 1)),
  };
}

const box = (b: LayoutBoxes, i: number) => ({ x: b.x[i]!, y: b.y[i]!, width: b.width[i]!, height: b.height[i]! });

function closePairs(b: LayoutBoxes, gap: number): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < b.x.length; i++) {
    for (let j = i + 1; j < b.x.length; j++) {
      if (b.mobility[i] === 0 && b.mobility[j] === 0) continue;
      if (boxesTooClose(box(b, i), box(b, j), gap)) pairs.push(`${i}/${j}`);
    }
  }
  return pairs;
}

describe('removeOverlaps', () => {
  it.each([
    ['40 boxes on one point', () => pile(40, 0, 1)],
    ['120 boxes in a 200 px square', () => pile(120, 200, 2)],
    ['120 boxes in a 200 px square, every fifth immovable', () => pile(120, 200, 3, 5)],
    ['300 boxes in a 600 px square, every third immovable', () => pile(300, 600, 4, 3)],
  ])('leaves no movable box within the gap of another: %s', (_, make) => {
    const boxes = make();
    const fixedBefore = Array.from(boxes.mobility, (m, i) => (m === 0 ? box(boxes, i) : null));
    expect(crowdedBoxes(boxes, 32).length).toBeGreaterThan(0);
    removeOverlaps(boxes, 32);
    expect(closePairs(boxes, 32)).toEqual([]);
    expect(crowdedBoxes(boxes, 32)).toEqual([]);
    // Immovable boxes stay exactly where they were; movable ones end on whole pixels.
    fixedBefore.forEach((before, i) => {
      if (before) expect(box(boxes, i)).toEqual(before);
      else expect(Number.isInteger(boxes.x[i]) && Number.isInteger(boxes.y[i])).toBe(true);
    });
  });

  it('moves the more mobile box of a pair, and leaves two immovable boxes on each other as they are', () => {
    const boxes: LayoutBoxes = {
      x: Float64Array.from([0, 10, 500, 505]),
      y: Float64Array.from([0, 0, 0, 0]),
      width: Float64Array.from([100, 100, 100, 100]),
      height: Float64Array.from([50, 50, 50, 50]),
      mobility: Float64Array.from([0.5, 1, 0, 0]),
    };
    removeOverlaps(boxes, 20);
    expect(boxes.x[0]).toBe(0);
    expect(boxesTooClose(box(boxes, 0), box(boxes, 1), 20)).toBe(false);
    expect([boxes.x[2], boxes.x[3]]).toEqual([500, 505]);
  });
});
