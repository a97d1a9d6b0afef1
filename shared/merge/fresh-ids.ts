import { MAX_SHORT_TEXT } from '../document/format';

/*
 * Ids for the items a merge adds. Both maps made their ids the same way (`s-legal` in a sample, `s-7f3a9c2e` when
 * added by hand, the same template in every breakout room), so the other map's ids clash with ours more often than
 * chance says. An item keeps its own id when this map does not use it, so a merged map still diffs against the
 * breakout file; a clashing one gets the first free suffix (`s-legal-2`, `s-legal-3` ...). Unlike createId
 * (shared/operations/ids.ts) this is deterministic: the preview the user checked and the map they get name the
 * same items, and tests can spell the ids out.
 */

/**
 * An allocator of ids for one collection: `keep(id)` gives `id` back when it is free, else the first free
 * `id-N` (N from 2). Ids of `current` are never given; neither are the other map's own ids (`incoming`), so an
 * item renamed to `s-legal-2` cannot take the id another incoming item still has.
 */
export function freshIds(current: Iterable<string>, incoming: Iterable<string>): (id: string) => string {
  const ours = new Set(current);
  const reserved = new Set([...ours, ...incoming]);
  const given = new Set<string>();
  return (id) => {
    if (!ours.has(id) && !given.has(id)) {
      given.add(id);
      return id;
    }
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      // A fresh id stays within the format's bound for ids, however long the clashing one was.
      const candidate = `${id.slice(0, MAX_SHORT_TEXT - suffix.length)}${suffix}`;
      if (reserved.has(candidate) || given.has(candidate)) continue;
      given.add(candidate);
      reserved.add(candidate);
      return candidate;
    }
  };
}
