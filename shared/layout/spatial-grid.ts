import type { Box } from './box-geometry';

/**
 * A uniform grid of boxes, for finding which boxes may touch a given one without comparing every pair: on a map
 * of 1,000 stakeholders a full comparison is half a million pairs per pass, the grid a few thousand. Items are
 * numbered by the caller; `near` answers each item once, in increasing order (so the layout stays deterministic).
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  /** Per item, the query in which it was last answered (so an item in several cells is answered once). */
  private readonly seen: number[] = [];
  private query = 0;

  constructor(private readonly cellSize: number) {}

  /** Adds item `index` with its box grown by `margin` on every side. */
  insert(index: number, box: Box, margin = 0): void {
    const [x0, x1, y0, y1] = this.span(box, margin);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = cellKey(gx, gy);
        const cell = this.cells.get(key);
        if (cell) cell.push(index);
        else this.cells.set(key, [index]);
      }
    }
    this.seen[index] = 0;
  }

  /** The items whose cells `box` (grown by `margin`) reaches, in increasing order. */
  near(box: Box, margin = 0): number[] {
    this.query += 1;
    const found: number[] = [];
    const [x0, x1, y0, y1] = this.span(box, margin);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const cell = this.cells.get(cellKey(gx, gy));
        if (!cell) continue;
        for (const index of cell) {
          if (this.seen[index] === this.query) continue;
          this.seen[index] = this.query;
          found.push(index);
        }
      }
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }

  private span(box: Box, margin: number): [number, number, number, number] {
    const size = this.cellSize;
    return [
      Math.floor((box.x - margin) / size),
      Math.floor((box.x + box.width + margin) / size),
      Math.floor((box.y - margin) / size),
      Math.floor((box.y + box.height + margin) / size),
    ];
  }
}

/**
 * One number per cell (a Map with number keys is several times faster than one with "x,y" strings). Two cells
 * could share a key only more than 2^21 cells apart, and then merely answer a few more candidates: every caller
 * checks the boxes it gets.
 */
const cellKey = (gx: number, gy: number) => gx * 4_194_304 + gy;
