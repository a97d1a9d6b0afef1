/** Prefixes used for generated ids, one per collection, so ids read well in a diff. */
export const ID_PREFIX = { stakeholder: 's', relationship: 'r', painPoint: 'p', solution: 'x', category: 'c' } as const;

/**
 * Creates a fresh id such as `s-7f3a9c2e`, unique within `taken`. Randomness comes from `random` so tests can
 * make it deterministic.
 */
export function createId(prefix: string, taken: ReadonlySet<string> = new Set(), random: () => number = Math.random): string {
  for (;;) {
    const candidate = `${prefix}-${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
}
