/*
 * Plain 2D geometry for laying out the map: boxes (top-left corner and size, in map units), points and segments.
 * Pure functions, no DOM, so placement, label layout and fitting can be tested without a browser.
 */

/** A point on the map. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box: top-left corner and size. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** `rect` grown by `margin` on every side (shrunk if negative). */
export function inflate(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Whether two boxes share any area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The area two boxes share (0 when apart). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** The box of `size` centred on `centre`. */
export function rectAround(centre: Point, size: { readonly width: number; readonly height: number }): Rect {
  return { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height };
}

/** The smallest box holding all `rects`, or null for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Whether the segment from `a` to `b` passes through the inside of `rect` (Liang–Barsky clipping). */
export function segmentCrossesRect(a: Point, b: Point, rect: Rect): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: ReadonlyArray<readonly [number, number]> = [
    [-dx, a.x - rect.x],
    [dx, rect.x + rect.width - a.x],
    [-dy, a.y - rect.y],
    [dy, rect.y + rect.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t1 - t0 > 1e-9;
}

/**
 * A uniform grid of boxes for "what is near here" questions, so laying out thousands of labels asks about a few
 * neighbours each instead of every box on the map.
 */
export class RectGrid<T extends Rect = Rect> {
  private readonly cells = new Map<string, T[]>();
  /** Boxes too large to list by cell (a huge label on a small grid): checked on every question. */
  private readonly large: T[] = [];

  constructor(private readonly cellSize = 160) {}

  add(rect: T): void {
    const keys = this.keysOf(rect);
    if (!keys) {
      this.large.push(rect);
      return;
    }
    for (const key of keys) {
      const cell = this.cells.get(key);
      if (cell) cell.push(rect);
      else this.cells.set(key, [rect]);
    }
  }

  /** Every stored box that intersects `rect` (each once). */
  hits(rect: Rect): T[] {
    const found = new Set<T>();
    for (const candidate of this.candidates(rect)) if (intersects(candidate, rect)) found.add(candidate);
    return [...found];
  }

  /** Whether any stored box (other than those `ignore` accepts) intersects `rect`. */
  anyHit(rect: Rect, ignore?: (candidate: T) => boolean): boolean {
    for (const candidate of this.candidates(rect)) if (intersects(candidate, rect) && !ignore?.(candidate)) return true;
    return false;
  }

  private *candidates(rect: Rect): Generator<T> {
    yield* this.large;
    const keys = this.keysOf(rect);
    if (!keys) {
      for (const cell of this.cells.values()) yield* cell;
      return;
    }
    for (const key of keys) yield* this.cells.get(key) ?? [];
  }

  /** The cells `rect` covers, or null when that would be more than a few thousand. */
  private keysOf(rect: Rect): string[] | null {
    const size = this.cellSize;
    const x0 = Math.floor(rect.x / size);
    const x1 = Math.floor((rect.x + rect.width) / size);
    const y0 = Math.floor(rect.y / size);
    const y1 = Math.floor((rect.y + rect.height) / size);
    if (!Number.isFinite(x0 + x1 + y0 + y1) || (x1 - x0 + 1) * (y1 - y0 + 1) > 4_096) return null;
    const keys: string[] = [];
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) keys.push(`${gx},${gy}`);
    return keys;
  }
}
