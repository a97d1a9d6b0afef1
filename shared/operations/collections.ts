/** Replaces the item with `id` by `update(item)`; returns the same array when the item is missing or unchanged. */
export function replaceById<T extends { id: string }>(items: readonly T[], id: string, update: (item: T) => T): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return items as T[];
  const current = items[index] as T;
  const next = update(current);
  if (next === current) return items as T[];
  const copy = items.slice();
  copy[index] = next;
  return copy;
}

/**
 * Applies a patch to a record. `undefined` in the patch means "leave as is", `null` for one of `clearable`
 * removes the property (an optional rating that is no longer set). Returns the same object if nothing changed.
 */
export function patchRecord<T extends object>(item: T, patch: object, clearable: readonly string[] = []): T {
  let next: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = (item as Record<string, unknown>)[key];
    if (value === null && clearable.includes(key)) {
      if (!Object.hasOwn(item, key)) continue;
      next ??= { ...item } as Record<string, unknown>;
      delete next[key];
    } else if (!Object.is(current, value)) {
      next ??= { ...item } as Record<string, unknown>;
      next[key] = value;
    }
  }
  return (next as T | null) ?? item;
}
