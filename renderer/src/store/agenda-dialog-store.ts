import { create } from 'zustand';

/*
 * Whether the agenda dialog is open. Its own small store rather than a field of ui-store.ts, which other work
 * is changing at the same time; like the rest of the UI slice it is never saved and never an undo step.
 */

export const useAgendaDialog = create<{ readonly open: boolean }>()(() => ({ open: false }));

export function showAgendaDialog(open: boolean): void {
  useAgendaDialog.setState({ open });
}
