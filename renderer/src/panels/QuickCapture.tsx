import '../styles/quick-capture.css';
import { MessageSquarePlus } from 'lucide-react';
import { useId, useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { categoryChoices, listCategoryChoices, parseCapture } from '@shared/domain/quick-capture';
import { captureAttachments, captureLine, captureTargetText, defaultCaptureCategoryName, QUICK_CAPTURE_FIELD_ID } from '../commands/quick-capture-commands';
import { selectDocument, useCollection, useEditor } from '../store/editor-store';

/** How many submitted lines Up arrow can bring back. */
const RECALL_LIMIT = 50;

/**
 * The quick capture bar above the map and the board: one field where the facilitator types "Title > quote
 * #category" and Enter, as fast as the room calls pain points out. The field clears and keeps the keyboard for the
 * next one; what the line will be attached to, and in which category, shows beside it before Enter. A line that
 * cannot be read stays in the field with the reason under it: nothing typed is lost.
 */
export function QuickCapture({ hidden = false }: { readonly hidden?: boolean }) {
  const hintId = useId();
  const targetId = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Lines added, oldest first, for Up arrow; `at` is where in them Up/Down are, null while typing anew.
  const recall = useRef<{ lines: string[]; at: number | null; draft: string }>({ lines: [], at: null, draft: '' });
  // Where the keyboard was before the field, so Escape can give it back.
  const cameFrom = useRef<HTMLElement | null>(null);

  const categories = useCollection('categories');
  // A string: the bar re-renders only when the words change, not on every change of the selection or document.
  const target = useEditor((s) => {
    const doc = selectDocument(s);
    return doc ? captureTargetText(doc, captureAttachments(s.selection)) : '';
  });
  const defaultCategory = useEditor((s) => {
    const doc = selectDocument(s);
    return doc ? defaultCaptureCategoryName(doc) : null;
  });

  const parsed = categories && text.trim() !== '' ? parseCapture(text, categories) : null;
  const typedCategory = parsed?.ok && parsed.value.categoryId !== undefined ? categories?.find((c) => c.id === parsed.value.categoryId) : undefined;
  const categoryName = typedCategory ? typedCategory.name.trim() || 'Unnamed category' : defaultCategory;
  const targetText = `To ${target}${categoryName ? ` · ${categoryName}` : ''}`;
  const numbers = categories ? listCategoryChoices(categoryChoices(categories)) : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = captureLine(text);
    if (!outcome.ok) {
      setError(outcome.message);
      return;
    }
    const lines = [...recall.current.lines, text].slice(-RECALL_LIMIT);
    recall.current = { lines, at: null, draft: '' };
    setText('');
    setError(null);
  };

  const change = (value: string) => {
    setText(value);
    recall.current.at = null;
    if (error) setError(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // Leaves the field without adding; what was typed stays for later (and is selected when C comes back).
      event.preventDefault();
      leave(event.currentTarget);
      return;
    }
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.shiftKey) {
      const r = recall.current;
      if (r.lines.length === 0) return;
      event.preventDefault();
      if (event.key === 'ArrowUp') {
        if (r.at === null) r.draft = text;
        r.at = r.at === null ? r.lines.length - 1 : Math.max(0, r.at - 1);
      } else {
        if (r.at === null) return;
        r.at = r.at + 1 >= r.lines.length ? null : r.at + 1;
      }
      setText(r.at === null ? r.draft : (r.lines[r.at] ?? ''));
      if (error) setError(null);
    }
  };

  const leave = (field: HTMLInputElement) => {
    const back = cameFrom.current;
    if (back?.isConnected && back.closest('[inert]') === null) back.focus();
    else focusView();
    if (document.activeElement === field) field.blur();
  };

  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.form?.contains(from)) cameFrom.current = from;
  };

  const describedBy = [targetId, error ? errorId : hintId].join(' ');
  return (
    <form className={`quick-capture${error ? ' has-error' : ''}`} aria-label="Quick capture" hidden={hidden} onSubmit={submit} autoComplete="off">
      <label className="quick-capture__label" htmlFor={QUICK_CAPTURE_FIELD_ID}>
        <MessageSquarePlus size={17} aria-hidden="true" />
        <span className="quick-capture__label-text">Capture pain point</span>
        <kbd aria-hidden="true">C</kbd>
      </label>
      <div className="quick-capture__field">
        <input
          id={QUICK_CAPTURE_FIELD_ID}
          type="text"
          className="quick-capture__input"
          value={text}
          placeholder="Title > quote #category"
          spellCheck
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          // Typed text has its own undo; with the field empty, Ctrl/Cmd+Z takes back the last pain point added.
          data-native-undo={text === '' ? undefined : ''}
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        />
        {/* Shown under the field while it has the keyboard: the syntax, and the numbers of the categories. */}
        <p id={hintId} className="quick-capture__hint">
          Title, then optionally <kbd>&gt;</kbd> and a quote, and <kbd>#</kbd> and a category by name or number ({numbers}). <kbd>Enter</kbd> adds it,{' '}
          <kbd>Esc</kbd> leaves, <kbd>↑</kbd> brings back the last one.
        </p>
        {/* Always on the page, so screen readers announce the message as it appears. */}
        <p id={errorId} className="quick-capture__error" role="alert">
          {error}
        </p>
      </div>
      <span id={targetId} className="quick-capture__target" title={targetText}>
        {targetText}
      </span>
    </form>
  );
}

/** Focus for the view under the bar when the element it came from is gone: a selected stakeholder, or the first card. */
function focusView(): void {
  const view = useEditor.getState().view;
  const candidates =
    view === 'board'
      ? ['.board-card']
      : ['.react-flow__node.selected', '.react-flow__edge.selected', '.react-flow__node'];
  for (const selector of candidates) {
    const el = document.querySelector<HTMLElement>(`#main-view ${selector}`);
    if (el) {
      el.focus();
      return;
    }
  }
}
