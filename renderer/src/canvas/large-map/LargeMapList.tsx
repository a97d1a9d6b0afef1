import { memo, useCallback, useState, type KeyboardEvent } from 'react';
import type { Stakeholder } from '@shared/document/schema';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { documentNow, setSelection, useEditor } from '../../store/editor-store';
import { useListFocus } from './list-focus';
import { zoomInOn } from './overview-pointer';

const NONE: readonly Stakeholder[] = [];
/** The gap between the list and the pane's right edge (styles/large-map.css), counted as covered too. */
const LIST_MARGIN = 14;
/** How far Page Up and Page Down move. */
const PAGE = 10;

/**
 * On a large map only part of the map (or none of it, in the overview) is made of elements, so Tab and a screen
 * reader could not reach the rest. This list reaches every stakeholder: Enter selects one (the inspector shows it)
 * and brings the map to it. Out of sight until it has focus, then shown over the map's top-right corner; the
 * overview rings the stakeholder in focus. Rebuilt only when the stakeholders change, never during a pan or drag.
 * One Tab stop, not ten thousand: the arrow keys, Home, End, Page Up and Page Down move within it (roving tabindex).
 */
export const LargeMapList = memo(function LargeMapList() {
  const stakeholders = useEditor((s) => documentNow(s)?.stakeholders ?? NONE);
  const go = useCallback((id: string, list: HTMLElement | null) => {
    setSelection({ stakeholderIds: [id] });
    // Centred in the part of the map the list leaves free.
    zoomInOn(id, list ? list.getBoundingClientRect().width + LIST_MARGIN : 0);
  }, []);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, stakeholders.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE, Home: -Infinity, End: Infinity };
    const by = step[event.key];
    if (by === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(stakeholders.length - 1, current + by));
    setActive(next);
    event.currentTarget.closest('ul')?.querySelectorAll('button')[next]?.focus();
  };
  return (
    <nav className="large-map-list" aria-label="Every stakeholder on this map">
      <h2 className="large-map-list__title">Stakeholders ({stakeholders.length.toLocaleString('en')})</h2>
      <p className="large-map-list__hint">Arrow keys move through the list; Enter shows one on the map and in the inspector.</p>
      <ul onBlur={() => useListFocus.setState({ focusedId: null })}>
        {stakeholders.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              tabIndex={i === current ? 0 : -1}
              onKeyDown={onKeyDown}
              onFocus={() => {
                setActive(i);
                useListFocus.setState({ focusedId: s.id });
              }}
              onClick={(event) => go(s.id, event.currentTarget.closest('nav'))}
            >
              {s.name || 'Unnamed stakeholder'} <span className="large-map-list__kind">({STAKEHOLDER_KIND_LABELS[s.kind]})</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
