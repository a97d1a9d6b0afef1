import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modally while `open` holds and closed when it stops: the store says whether a dialog is open,
 * the element follows. Returns the ref to put on the dialog.
 */
export function useModal(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return dialog;
}
