import { useEffect, useState } from 'react';
import { useUi } from '../store/editor-store';

/** A short status line ("Saved to …") that fades after a few seconds; screen readers hear it politely. */
export function Notice() {
  const notice = useUi((s) => s.notice);
  // The id of the last notice that faded: a new notice is visible until its own timer ends.
  const [fadedId, setFadedId] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setFadedId(notice.id), 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  const visible = notice !== null && notice.id !== fadedId;
  return (
    <div className={`notice${visible ? ' is-visible' : ''}`} role="status" aria-live="polite">
      {visible ? notice.text : ''}
    </div>
  );
}
