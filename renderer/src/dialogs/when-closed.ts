import type { SyntheticEvent } from 'react';

/**
 * A `<dialog>`'s close handler that acts only if the dialog is still closed when the event arrives.
 * The browser fires `close` in a task queued by `close()`, so when a dialog is closed and at once opened
 * again (an export finishes and the next one is asked for straight away), the first close's event arrives
 * after the reopening, and a plain handler would set the dialog's state to closed and shut it under the user.
 */
export function whenClosed(handler: () => void) {
  return (event: SyntheticEvent<HTMLDialogElement>) => {
    if (!event.currentTarget.open) handler();
  };
}
