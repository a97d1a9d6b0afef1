import { MAX_SHORT_TEXT } from '@shared/document/format';
import { useEffect, useRef, type RefObject } from 'react';
import { edit } from '../commands/edits';
import { endRename } from '../store/editor-store';
import { takeRenameTypeahead } from '../store/rename-typeahead';

/** Ends a rename once: keeps the typed name (unless empty or unchanged) or restores the old one. */
function finishRename(field: { input: RefObject<HTMLInputElement | null>; finished: RefObject<boolean> }, id: string, name: string, keep: boolean): void {
  if (field.finished.current) return;
  field.finished.current = true;
  const value = field.input.current?.value.trim() ?? '';
  if (keep && value !== '' && value !== name) edit('stakeholder.update', { id, patch: { name: value } });
  endRename();
}

/**
 * Rename in place: Enter or leaving the field keeps the name, Escape restores it. The text is committed once,
 * as one undo step, and an empty name is refused (the old name stays).
 */
export function RenameField({ id, name }: { id: string; name: string }) {
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  const field = { input, finished };

  useEffect(() => {
    // A node that was just added is hidden by React Flow until it has been measured, and hidden fields cannot
    // take focus: try again on the next frames until it shows.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const el = input.current;
      if (!el) return;
      el.focus();
      el.select();
      if (document.activeElement !== el) {
        if (tries++ < 30) frame = requestAnimationFrame(focus);
        return;
      }
      // Keys typed before the field could take focus replace the name, as they would have in the field.
      const typed = takeRenameTypeahead();
      if (typed.text) el.value = typed.text;
      if (typed.ended) finishRename({ input, finished }, id, name, typed.ended === 'keep');
    };
    focus();
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus once, when the field appears; the name it started from is the one to compare with
  }, []);

  return (
    <input
      maxLength={MAX_SHORT_TEXT}
      ref={input}
      className="stakeholder-node__rename nodrag nopan"
      aria-label={`Rename ${name}`}
      defaultValue={name}
      // The browser's own undo applies while typing here; the app's undo applies once the name is committed.
      data-native-undo=""
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finishRename(field, id, name, true);
        if (event.key === 'Escape') finishRename(field, id, name, false);
      }}
      onBlur={() => finishRename(field, id, name, true)}
    />
  );
}
