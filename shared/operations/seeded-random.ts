/**
 * mulberry32: a tiny, fast, well-distributed 32-bit generator giving numbers in [0, 1), the same sequence from the
 * same seed on every engine. For what must replay exactly: the ids a pasted copy gets (an edit is plain data), and
 * generated workspaces in tests and benchmarks. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
