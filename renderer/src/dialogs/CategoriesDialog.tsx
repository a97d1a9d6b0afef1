import '../styles/categories.css';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Category, PainPoint } from '@shared/document/schema';
import { nextCategoryColor } from '@shared/operations/categories';
import { createId, ID_PREFIX } from '@shared/operations/ids';
import { edit } from '../commands/edits';
import { announce, showCategories, useEditor, documentNow, selectDocument, useUi } from '../store/editor-store';
import { whenClosed } from './when-closed';

const NO_CATEGORIES: readonly Category[] = [];
const NO_PAIN_POINTS: readonly PainPoint[] = [];

function displayName(c: Category): string {
  return c.name.trim() === '' ? 'unnamed category' : c.name;
}

const plural = (n: number) => `${n} pain point${n === 1 ? '' : 's'}`;

/**
 * The value a colour input can show. It only takes `#rrggbb`; a file written by hand may say `#ABC` or `red`,
 * which would otherwise show as black and be overwritten on the first touch.
 */
export function colorInputValue(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return '#000000';
}

/**
 * The categories dialog: add, rename, recolour, reorder and delete the categories pain points are clustered
 * into. A native modal <dialog>, like MessageDialog: focus stays inside and Escape closes it. Every change is
 * one undo step (typing a name or dragging through the colour picker merges into one).
 */
export function CategoriesDialog() {
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  const open = useUi((s) => s.categoriesOpen) && hasWorkspace;
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // The dialog would focus the first colour input; the first name is what people come to change.
      el.querySelector<HTMLInputElement>('.category-row__name')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="categories-dialog" aria-labelledby="categories-title" onClose={whenClosed(() => showCategories(false))}>
      {/* Mounted only while open, so a half-finished deletion is forgotten when the dialog closes. */}
      {open && <CategoriesEditor />}
    </dialog>
  );
}

/** Which control to focus after the next render: React moves rows around, and a moved or deleted row loses focus. */
interface FocusRequest {
  readonly id: string;
  readonly control: 'name' | 'up' | 'down' | 'delete';
  readonly select?: boolean;
}

function CategoriesEditor() {
  const categories = useEditor((s) => selectDocument(s)?.categories ?? NO_CATEGORIES);
  const painPoints = useEditor((s) => selectDocument(s)?.painPoints ?? NO_PAIN_POINTS);
  const [pendingDelete, setPendingDelete] = useState<{ id: string; reassignTo: string } | null>(null);
  const controls = useRef(new Map<string, HTMLElement>());
  const focusRequest = useRef<FocusRequest | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const counts = new Map<string, number>();
  for (const p of painPoints) counts.set(p.categoryId, (counts.get(p.categoryId) ?? 0) + 1);

  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    const el = controls.current.get(`${request.id}:${request.control}`);
    if (el && !(el as HTMLButtonElement).disabled) {
      el.focus();
      if (request.select && el instanceof HTMLInputElement) el.select();
    } else {
      addButton.current?.focus();
    }
  });

  const refFor = (id: string, control: FocusRequest['control']) => (el: HTMLElement | null) => {
    const key = `${id}:${control}`;
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };

  const add = () => {
    const doc = documentNow();
    if (!doc) return;
    const id = createId(ID_PREFIX.category, new Set(doc.categories.map((c) => c.id)));
    if (edit('category.add', { id, name: 'New category', color: nextCategoryColor(doc) })) {
      // Selected, so typing replaces "New category" at once.
      focusRequest.current = { id, control: 'name', select: true };
      setPendingDelete(null);
      announce('Category added. Type its name.');
    }
  };

  const move = (category: Category, index: number, by: -1 | 1) => {
    if (edit('category.move', { id: category.id, to: index + by })) {
      const to = index + by;
      // Keep the user on the button they pressed; at either end it is disabled, so the other one takes over.
      const atEnd = by === -1 ? to === 0 : to === categories.length - 1;
      focusRequest.current = { id: category.id, control: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' };
      announce(`${displayName(category)} moved to position ${to + 1} of ${categories.length}`);
    }
  };

  const remove = (category: Category, index: number, reassignTo: string | null) => {
    if (!edit('category.delete', { id: category.id, reassignTo })) return;
    setPendingDelete(null);
    // Focus goes to the name of the row that took its place (or the one above at the end of the list): not to
    // its Delete button, where a second press of Enter would delete that one too.
    const neighbour = categories[index + 1] ?? categories[index - 1];
    if (neighbour) focusRequest.current = { id: neighbour.id, control: 'name' };
    const target = reassignTo ? categories.find((c) => c.id === reassignTo) : undefined;
    const used = counts.get(category.id) ?? 0;
    announce(
      used > 0 && target
        ? `Deleted ${displayName(category)}; ${plural(used)} moved to ${displayName(target)}. Undo brings it back.`
        : `Deleted ${displayName(category)}. Undo brings it back.`,
    );
  };

  const askDelete = (category: Category, index: number) => {
    const used = counts.get(category.id) ?? 0;
    if (used === 0) {
      remove(category, index, null);
      return;
    }
    const firstOther = categories.find((c) => c.id !== category.id);
    if (firstOther) setPendingDelete({ id: category.id, reassignTo: firstOther.id });
  };

  const cancelDelete = (id: string) => {
    setPendingDelete(null);
    focusRequest.current = { id, control: 'delete' };
  };

  return (
    <>
      <h2 id="categories-title" className="categories-dialog__title">
        Categories
      </h2>
      <p className="categories-dialog__intro">The board shows one column per category, in this order. Colours mark pain points on the map.</p>
      <ol className="category-list">
        {categories.map((category, index) => {
          const name = displayName(category);
          const used = counts.get(category.id) ?? 0;
          const last = categories.length <= 1;
          const others = categories.filter((c) => c.id !== category.id);
          // The chosen target may have gone meanwhile (an undo with Ctrl+Z): fall back to the first other one.
          const pending =
            pendingDelete?.id === category.id
              ? { reassignTo: others.some((c) => c.id === pendingDelete.reassignTo) ? pendingDelete.reassignTo : (others[0]?.id ?? '') }
              : null;
          return (
            <li key={category.id} className={`category-row${pending ? ' is-deleting' : ''}`}>
              <div className="category-row__main">
                <input
                  type="color"
                  className="category-row__color"
                  aria-label={`Colour of ${name}`}
                  title="Change colour"
                  value={colorInputValue(category.color)}
                  onChange={(e) => edit('category.update', { id: category.id, patch: { color: e.target.value }, field: 'color' })}
                />
                <input
                  ref={refFor(category.id, 'name')}
                  className="category-row__name"
                  aria-label={`Name of ${name}`}
                  value={category.name}
                  onChange={(e) => edit('category.update', { id: category.id, patch: { name: e.target.value }, field: 'name' })}
                />
                <span className="category-row__count">{used === 0 ? 'Unused' : plural(used)}</span>
                <div className="category-row__actions">
                  <button
                    ref={refFor(category.id, 'up')}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => move(category, index, -1)}
                  >
                    <ArrowUp size={17} aria-hidden="true" />
                  </button>
                  <button
                    ref={refFor(category.id, 'down')}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} down`}
                    title="Move down"
                    disabled={index === categories.length - 1}
                    onClick={() => move(category, index, 1)}
                  >
                    <ArrowDown size={17} aria-hidden="true" />
                  </button>
                  <button
                    ref={refFor(category.id, 'delete')}
                    type="button"
                    className="icon-button category-row__delete"
                    aria-label={`Delete ${name}`}
                    // A disabled button shows no tooltip in every browser, but the title still explains it where it can.
                    title={last ? 'A workspace needs at least one category: add another before deleting this one' : `Delete ${name}`}
                    disabled={last}
                    aria-expanded={used > 0 ? pending !== null : undefined}
                    onClick={() => (pending ? cancelDelete(category.id) : askDelete(category, index))}
                  >
                    <Trash2 size={17} aria-hidden="true" />
                  </button>
                </div>
              </div>
              {pending && (
                <div className="category-row__confirm" role="group" aria-label={`Delete ${name}`}>
                  <p>
                    {plural(used)} use{used === 1 ? 's' : ''} {name}. Move them to:
                  </p>
                  <div className="category-row__confirm-controls">
                    <select
                      aria-label="Move its pain points to"
                      value={pending.reassignTo}
                      // eslint-disable-next-line jsx-a11y/no-autofocus -- appears in answer to Delete: the question it asks needs the focus
                      autoFocus
                      onChange={(e) => setPendingDelete({ id: category.id, reassignTo: e.target.value })}
                      onKeyDown={(e) => {
                        // Escape cancels the deletion, not the whole dialog.
                        if (e.key === 'Escape') {
                          e.preventDefault();
                          e.stopPropagation();
                          cancelDelete(category.id);
                        }
                      }}
                    >
                      {others.map((c) => (
                        <option key={c.id} value={c.id}>
                          {displayName(c)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="button button--danger-solid" onClick={() => remove(category, index, pending.reassignTo)}>
                      Delete and move
                    </button>
                    <button type="button" className="button" onClick={() => cancelDelete(category.id)}>
                      Cancel
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="categories-dialog__actions">
        <button ref={addButton} type="button" className="button" onClick={add}>
          <Plus size={16} aria-hidden="true" /> Add category
        </button>
        <button type="button" className="button button--primary" onClick={() => showCategories(false)}>
          Done
        </button>
      </div>
    </>
  );
}
