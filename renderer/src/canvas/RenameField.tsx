import { MAX_SHORT_TEXT } from '@shared/document/format';
import { useEffect, useRef } from 'react';
import { edit } from '../commands/edits';
import { endRename } from '../store/editor-store';

/**
 * Rename in place: Enter or leaving the field keeps the name, Escape restores it. The text is committed once,
 * as one undo step, and an empty name is refused (the old name stays).
 */
export function RenameField({ id, name }: { id: string; name: string }) {
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

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
      if (document.activeElement !== el && tries++ < 30) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);

  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const value = input.current?.value.trim() ?? '';
    if (keep && value !== '' && value !== name) edit('stakeholder.update', { id, patch: { name: value } });
    endRename();
  };

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
        if (event.key === 'Enter') finish(true);
        if (event.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
