import { serializeWorkspace } from '@shared/document/serialize';
import { host } from '../host';
import { currentDocument, isDirty, useEditor } from '../store/editor-store';
import { displayName } from './document-name';

/*
 * Recovery drafts: a few seconds after any unsaved change, the workspace is written (atomically, by main) to
 * the app's own data folder. A draft is removed when the workspace is saved or its changes are discarded on
 * purpose; what is left at the next start was cut off by a crash or a power cut, and is offered back.
 */

/** How long after the last change a draft is written: long enough not to write on every key press. */
export const DRAFT_DELAY_MS = 3000;

interface DraftSession {
  /** The workspace session (editor-store sessionId) this draft belongs to. */
  readonly sessionId: number;
  readonly draftId: string;
  /** Whether a draft file may exist for it (written, or adopted from a restored draft). */
  written: boolean;
  /** The revision last written, so an unchanged workspace is not written again. */
  writtenRevision: number | null;
}

let session: DraftSession | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** A restored draft keeps its id, so it stays on disk until the restored work is saved or discarded. */
let adoptNext: string | null = null;

export function adoptRestoredDraft(draftId: string | null): void {
  adoptNext = draftId;
}

function newDraftId(): string {
  return crypto.randomUUID();
}

function discard(draft: DraftSession | null): void {
  if (draft?.written) void host().discardRecoveryDraft(draft.draftId);
}

/** Writes the draft of the open workspace now (if it has unsaved changes). */
export async function writeDraftNow(): Promise<void> {
  const state = useEditor.getState();
  const ws = state.workspace;
  const doc = currentDocument(state);
  if (!ws || !doc || !session || session.sessionId !== ws.sessionId || !isDirty(ws)) return;
  const revision = ws.history.present.revision;
  if (session.written && session.writtenRevision === revision) return;
  const draft = session;
  draft.written = true;
  draft.writtenRevision = revision;
  try {
    await host().saveRecoveryDraft({ draftId: draft.draftId, filePath: ws.filePath, displayName: displayName(state), content: serializeWorkspace(doc) });
  } catch {
    // A draft that cannot be written must not disturb the user's work; the next change tries again.
    draft.writtenRevision = null;
  }
}

/**
 * The workspace's changes were discarded on purpose (Don't Save on close or quit): its draft goes too, so the
 * next start does not offer work the user chose to throw away.
 */
export async function discardCurrentDraft(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const draft = session;
  if (draft?.written) {
    draft.written = false;
    await host().discardRecoveryDraft(draft.draftId);
  }
}

/** Follows the store: schedules drafts while there are unsaved changes, removes them once there are none. */
export function startRecoveryDrafts(): () => void {
  const onChange = () => {
    const ws = useEditor.getState().workspace;
    if (!ws) {
      // Closed: it was saved or discarded on purpose (closing asks first).
      discard(session);
      session = null;
      return;
    }
    if (!session || session.sessionId !== ws.sessionId) {
      // Another workspace replaced this one, after the same question: the old draft is not needed.
      discard(session);
      const adopted = adoptNext;
      adoptNext = null;
      session = { sessionId: ws.sessionId, draftId: adopted ?? newDraftId(), written: adopted !== null, writtenRevision: null };
    }
    if (!isDirty(ws)) {
      if (timer) clearTimeout(timer);
      timer = null;
      if (session.written) {
        session.written = false;
        void host().discardRecoveryDraft(session.draftId);
      }
      return;
    }
    if (session.written && session.writtenRevision === ws.history.present.revision) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void writeDraftNow();
    }, DRAFT_DELAY_MS);
  };
  onChange();
  const unsubscribe = useEditor.subscribe((state, previous) => {
    if (state.workspace !== previous.workspace) onChange();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
