/**
 * Keys typed between "start renaming" and the rename field taking focus. A stakeholder added with N is hidden by
 * React Flow until it has been measured, so its field can take focus a few frames late; a fast typist's first
 * letters (and an N among them, which would add another stakeholder) must land in the name, not run shortcuts.
 */
let pending = '';
let ended: 'keep' | 'cancel' | null = null;

/**
 * Takes a window keydown while a rename is waiting for its field. Returns true when the key was held for the
 * field (the caller then stops it), false when it is not a key that types or ends a name.
 */
export function holdRenameKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (ended) return true; // after Enter or Escape, nothing more goes into this name
  if (event.key === 'Enter') ended = 'keep';
  else if (event.key === 'Escape') ended = 'cancel';
  else if (event.key === 'Backspace') pending = pending.slice(0, -1);
  else if (event.key.length === 1) pending += event.key;
  else return false;
  return true;
}

/** What was typed ahead, and whether Enter or Escape ended it; clears the buffer. */
export function takeRenameTypeahead(): { text: string; ended: 'keep' | 'cancel' | null } {
  const taken = { text: pending, ended };
  pending = '';
  ended = null;
  return taken;
}
