import { create } from 'zustand';

/*
 * Whether the participants dialog is open (View > Participants…, and the board's voting bar). Like the rest of
 * the UI slice it is never saved and never an undo step.
 */

export const useParticipantsDialog = create<{ readonly open: boolean }>()(() => ({ open: false }));

export function showParticipantsDialog(open: boolean): void {
  useParticipantsDialog.setState({ open });
}
