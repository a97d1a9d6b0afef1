import type { Attachment, WorkspaceDocument } from '@shared/document/schema';
import { describeAttachment } from '@shared/domain/pain-point-index';
import { categoryChoices, describeCaptureProblem, parseCapture } from '@shared/domain/quick-capture';
import { createId, ID_PREFIX } from '@shared/operations/ids';
import { announce, documentNow, showView, useEditor, type Selection } from '../store/editor-store';
import { edit } from './edits';

/*
 * Quick capture: the facilitator types "Title > quote #category" and Enter, and the pain point is added to what
 * is selected on the map (or the whole workspace), as one undo step, without opening its editor, so the next one
 * can be typed at once. The line is read by shared/domain/quick-capture.ts.
 */

/** The id of the quick capture field (the C key and Map > Capture Pain Point focus it). */
export const QUICK_CAPTURE_FIELD_ID = 'quick-capture';

/** More items than this are counted ("to 5 items") rather than named: the announcement must stay short. */
const MAX_NAMED_TARGETS = 2;

/** What a capture line is attached to: the stakeholders and relationships selected on the map (none: workspace-wide). */
export function captureAttachments(selection: Selection = useEditor.getState().selection): Attachment[] {
  return [
    ...selection.stakeholderIds.map((id) => ({ type: 'stakeholder' as const, id })),
    ...selection.relationshipIds.map((id) => ({ type: 'relationship' as const, id })),
  ];
}

/** What a capture line would be attached to, in words: "Legal", "Legal, Brand", "4 items", "the whole workspace". */
export function captureTargetText(doc: WorkspaceDocument, attachments: readonly Attachment[]): string {
  if (attachments.length === 0) return 'the whole workspace';
  if (attachments.length > MAX_NAMED_TARGETS) return `${attachments.length} items`;
  return attachments.map((a) => describeAttachment(doc, a)).join(', ');
}

/** The category a capture line without "#" goes to: the workspace's first (painPoint.capture picks the same). */
export function defaultCaptureCategoryName(doc: WorkspaceDocument): string | null {
  const first = categoryChoices(doc.categories)[0];
  return first ? first.name.trim() || 'Unnamed category' : null;
}

export type CaptureOutcome = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string };

/**
 * Adds the pain point a capture line describes, attached to the map selection (none: workspace-wide), and says
 * what was added where ("Added “Slow sign-off” to Legal (Processes)"). Opens nothing and keeps the selection.
 * A line that cannot be read adds nothing and comes back with the message to show under the field.
 */
export function captureLine(text: string): CaptureOutcome {
  const doc = documentNow();
  if (!doc) return { ok: false, message: 'Open a workspace first.' };
  const parsed = parseCapture(text, doc.categories);
  if (!parsed.ok) return { ok: false, message: describeCaptureProblem(parsed.problem) };

  const { title, quote, categoryId } = parsed.value;
  const attachedTo = captureAttachments();
  const id = createId(ID_PREFIX.painPoint, new Set(doc.painPoints.map((p) => p.id)));
  const added = edit('painPoint.capture', {
    id,
    title,
    quotes: quote === undefined ? [] : [quote],
    ...(categoryId === undefined ? {} : { categoryId }),
    attachedTo,
  });
  if (!added) return { ok: false, message: 'The pain point could not be added: what it is attached to is gone. Select again and press Enter.' };

  const after = documentNow() ?? doc;
  const category = after.categories.find((c) => c.id === after.painPoints.find((p) => p.id === id)?.categoryId);
  const categoryText = category ? ` (${category.name.trim() || 'Unnamed category'})` : '';
  announce(`Added “${title}” to ${captureTargetText(after, attachedTo)}${categoryText}${quote === undefined ? '' : ', with a quote'}`);
  if (useEditor.getState().view === 'board') revealCard(id);
  return { ok: true, id };
}

/**
 * Puts the keyboard in the quick capture field (the C key, Map > Capture Pain Point). The field is on the map and
 * the board; from the solutions list the board comes up, where the new pain points will show.
 */
export function focusQuickCapture(): void {
  const state = useEditor.getState();
  if (!state.workspace) return;
  if (state.view === 'solutions') showView('board');
  const focus = () => {
    const field = document.getElementById(QUICK_CAPTURE_FIELD_ID);
    if (!(field instanceof HTMLInputElement)) return false;
    field.focus();
    field.select();
    return document.activeElement === field;
  };
  // Switching views shows the field in the next frame (hidden, it cannot take focus yet).
  if (!focus()) requestAnimationFrame(focus);
}

/** Scrolls the board to a card just added (it is at the bottom of its column), without taking focus. */
function revealCard(id: string): void {
  requestAnimationFrame(() => {
    document.querySelector(`[data-card="painPoint:${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
}
