import type { DocumentState } from '../shared/host/channels';

/*
 * What the native menu shows of the open document: whether its agenda is shown (the check on View > Show
 * Agenda). The renderer reports it with the document state (window:document-state); the menu is rebuilt only
 * when it changes, not on every keystroke that marks the document unsaved.
 */

export interface DocumentMenuState {
  /** Whether the open workspace shows its agenda; false on the start view and before the first report. */
  agendaVisible(): boolean;
  /** Takes the renderer's latest report. */
  update(state: DocumentState): void;
  /** Calls `listener` after a report that changes what the menu shows; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** The menu's view of the document, empty until the renderer first reports. */
export function createDocumentMenuState(): DocumentMenuState {
  let agendaVisible = false;
  const listeners = new Set<() => void>();
  return {
    agendaVisible: () => agendaVisible,
    update(state) {
      const next = state.agendaVisible ?? false;
      if (next === agendaVisible) return;
      agendaVisible = next;
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
