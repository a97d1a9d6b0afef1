/** Small statistics helpers for the benchmark (linear interpolation between closest ranks, like numpy's default). */

export function percentile(values: readonly number[], p: number): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (sorted.length === 1) return sorted[0]!;
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);

/** Frame-time figures of one recording: rAF deltas in ms. */
export function frameStats(deltas: readonly number[]) {
  return {
    frames: deltas.length,
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    max: deltas.length ? Math.max(...deltas) : null,
    /** Share of frames that took longer than 33 ms (below 30 fps). */
    over33: deltas.length ? deltas.filter((d) => d > 33.4).length / deltas.length : null,
  };
}

export interface Summary {
  readonly n: number;
  readonly median: number | null;
  readonly p95: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly values: readonly (number | null)[];
}

export function summarize(values: readonly (number | null | undefined)[]): Summary {
  const clean = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return {
    n: clean.length,
    median: median(clean),
    p95: percentile(clean, 95),
    min: clean.length ? Math.min(...clean) : null,
    max: clean.length ? Math.max(...clean) : null,
    values: values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? round(v) : null)),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
