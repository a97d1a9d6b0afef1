import '../styles/category-filter.css';
import { ChevronDown } from 'lucide-react';
import { useEffect, useId, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import type { Category } from '@shared/document/schema';

export interface CategoryFilterProps {
  readonly categories: readonly Category[];
  /** The categories chosen, in the order they were chosen; empty means every category. */
  readonly chosen: readonly string[];
  readonly onChange: (categoryIds: string[]) => void;
}

const shownName = (c: Category) => (c.name.trim() === '' ? 'Unnamed category' : c.name);

/**
 * The map filter's categories: a button that opens a list of checkboxes, one per category, so several can be
 * chosen at once ("Governance or Roles"). The button says what is chosen ("All categories", "Roles",
 * "3 categories"); the filter bar's summary names them all. A disclosure, not a menu: Tab and Space work in the
 * list as anywhere else, Escape closes it and gives the keyboard back to the button, and so does leaving it.
 */
export function CategoryFilter({ categories: all, chosen, onChange }: CategoryFilterProps) {
  // A file may repeat a category id; the first one counts, as on the board.
  const categories = all.filter((c, i) => all.findIndex((x) => x.id === c.id) === i);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const chosenSet = new Set(chosen);
  // A chosen category that was deleted meanwhile still filters (the summary says it is missing); it is counted.
  const chosenNames = categories.filter((c) => chosenSet.has(c.id)).map(shownName);
  const label = chosen.length === 0 ? 'All categories' : chosen.length === 1 && chosenNames.length === 1 ? chosenNames[0] : `${chosenSet.size} categories`;

  // A press anywhere else closes the list, as a select's list closes.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Handled here: the map's own Escape (clear the selection) is not what the user meant.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  const onBlur = (event: FocusEvent) => {
    if (open && !root.current?.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- Escape and focus leaving, for the button and its list together
    <div className="category-filter" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className={`category-filter__button${chosen.length > 0 ? ' is-chosen' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">Category filter: </span>
        <span className="category-filter__label">{label}</span>
        <ChevronDown size={15} aria-hidden="true" />
      </button>
      <div id={listId} className="category-filter__list" role="group" aria-label="Show items with pain points in" hidden={!open}>
        {categories.length === 0 && <p className="category-filter__empty">This workspace has no categories.</p>}
        {categories.map((c) => (
          <label key={c.id} className="category-filter__option" style={{ '--category-color': c.color } as CSSProperties}>
            <input type="checkbox" checked={chosenSet.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            <span className="category-filter__swatch" aria-hidden="true" />
            <span className="category-filter__name">{shownName(c)}</span>
          </label>
        ))}
        <button type="button" className="category-filter__all" disabled={chosen.length === 0} onClick={() => onChange([])}>
          All categories
        </button>
      </div>
    </div>
  );
}
