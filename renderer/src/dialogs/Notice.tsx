import { useEffect, useState } from 'react';
import { useEditor, useUi } from '../store/editor-store';

/** A short status line ("Saved to …") that fades after a few seconds; screen readers hear it politely. */
export function Notice() {
  const notice = useUi((s) => s.notice);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!notice) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={`notice${visible ? ' is-visible' : ''}`} role="status" aria-live="polite">
      {visible ? notice?.text : ''}
    </div>
  );
}
