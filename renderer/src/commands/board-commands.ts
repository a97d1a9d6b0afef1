import { categoryChoices } from '@shared/domain/quick-capture';
import { announce, documentNow } from '../store/editor-store';
import { edit } from './edits';
import { painPointTitle } from '../views/board-columns';

/*
 * Keyboard commands of the pain point board. Alt+Left and Alt+Right (shared/host/keymap.ts) move the focused card
 * to the column before or after its own, the keyboard's way of dragging it, and the keyboard goes with the card.
 */

/** The attribute every board card carries: `painPoint:<id>`. */
const CARD_PREFIX = 'painPoint:';

/** The pain point of the board card that has the keyboard (or contains what has it), or null. */
/**
 * The card just moved, until it has the keyboard again in its new column (a frame later): a second Alt+Arrow
 * pressed meanwhile moves it on, rather than finding no focused card and being lost.
 */
let movingCardId: string | null = null;

function focusedCardId(): string | null {
  const card = document.activeElement?.closest<HTMLElement>('[data-card]');
  const value = card?.dataset.card;
  if (value?.startsWith(CARD_PREFIX)) return value.slice(CARD_PREFIX.length);
  return movingCardId;
}

/**
 * Moves the focused card one column left (-1) or right (1), as one undo step, keeps the keyboard on it in its new
 * column and says where it went. Columns are the categories in the board's order; a card whose category no longer
 * exists sits in the "Uncategorised" column after the last one, so Left takes it to the last category. At either
 * end nothing moves, and the user is told why.
 */
export function moveFocusedCard(step: -1 | 1): void {
  const id = focusedCardId();
  const doc = documentNow();
  if (id === null || !doc) return;
  const painPoint = doc.painPoints.find((p) => p.id === id);
  if (!painPoint) return;
  const columns = categoryChoices(doc.categories);
  const at = columns.findIndex((c) => c.id === painPoint.categoryId);
  const from = at === -1 ? columns.length : at;
  const target = columns[from + step];
  const title = painPointTitle(painPoint);
  if (!target) {
    announce(`“${title}” is already in the ${step < 0 ? 'first' : 'last'} category.`);
    return;
  }
  if (!edit('painPoint.update', { id, patch: { categoryId: target.id } })) return;
  announce(`Moved “${title}” to ${target.name.trim() || 'Unnamed category'} (${target.number} of ${columns.length})`);
  // The card is drawn anew in its new column (the old element is gone): focus it there once it is.
  movingCardId = id;
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-card="${CARD_PREFIX}${CSS.escape(id)}"]`);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (movingCardId === id) movingCardId = null;
  });
}
