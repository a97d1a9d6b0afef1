import { Lightbulb, MessageSquareWarning, Search, Spline, Users, type LucideIcon } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchWorkspace, type SearchResult, type SearchResultType } from '@shared/domain/search';
import { goToSearchResult } from '../commands/navigate-commands';
import { useDocument } from '../store/editor-store';

const TYPE_INFO: Record<SearchResultType, { label: string; Icon: LucideIcon }> = {
  stakeholder: { label: 'Stakeholder', Icon: Users },
  relationship: { label: 'Relationship', Icon: Spline },
  painPoint: { label: 'Pain point', Icon: MessageSquareWarning },
  solution: { label: 'Solution', Icon: Lightbulb },
};

const MAX_RESULTS = 12;

/**
 * Finds stakeholders, relationships, pain points (their quotes too) and solutions, and takes you to the one
 * chosen. A combobox: arrows move through the results, Enter goes, Escape closes.
 */
let lastPointer = { x: NaN, y: NaN };

/** Whether the pointer is somewhere else than at the last mouse event on the results. */
function pointerMoved(event: { clientX: number; clientY: number }): boolean {
  const moved = event.clientX !== lastPointer.x || event.clientY !== lastPointer.y;
  const first = Number.isNaN(lastPointer.x);
  lastPointer = { x: event.clientX, y: event.clientY };
  return moved && !first;
}

export function SearchBox() {
  const doc = useDocument();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Searching thousands of items on every key press must not make typing lag.
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(() => (doc && deferredQuery.trim() ? searchWorkspace(doc, deferredQuery, MAX_RESULTS) : []), [doc, deferredQuery]);
  const listId = useId();
  const showList = open && query.trim() !== '';

  const go = (result: SearchResult | undefined) => {
    if (!result) return;
    setOpen(false);
    goToSearchResult(result);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (results.length === 0 ? 0 : (i + step + results.length) % results.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[active] ?? results[0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (showList) setOpen(false);
      else {
        setQuery('');
        event.currentTarget.blur();
      }
    }
  };

  return (
    <div className="search-box">
      <Search size={16} aria-hidden="true" className="search-box__icon" />
      <input
        id="workspace-search"
        type="search"
        role="combobox"
        aria-label="Search the workspace"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        // The key in the tooltip, not the placeholder: the field narrows at 1024 px and would cut it mid-word.
        placeholder="Search"
        title="Search the workspace (Ctrl+F)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // A click on a result lands before the blur closes the list (results use onMouseDown).
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" aria-label="Search results" className="search-box__results">
          {results.length === 0 && deferredQuery === query && (
            <li className="search-box__empty" role="presentation">
              Nothing matches “{query.trim()}”
            </li>
          )}
          {results.map((result, i) => {
            const { label, Icon } = TYPE_INFO[result.type];
            return (
              <li
                key={`${result.type}:${result.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search-box__result"
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(result);
                }}
                // Only a pointer that really moves picks a result: Chromium also sends mouse events when the list
                // appears under a resting pointer, which would change the result Enter takes while the user types.
                onMouseMove={(e) => {
                  if (pointerMoved(e)) setActive(i);
                }}
              >
                <Icon size={16} aria-hidden="true" className="search-box__type-icon" />
                <span className="search-box__text">
                  <span className="search-box__title">{result.title || 'Untitled'}</span>
                  <span className="search-box__snippet">
                    {label}
                    {result.field !== 'title' && result.field !== 'name' ? ` · ${result.field}: ${result.snippet}` : ''}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
