import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { dismissMessage, useUi } from '../store/editor-store';
import { whenClosed } from './when-closed';

const TONE_ICON = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/**
 * The app's one modal message: errors and warnings are alert dialogs (announced at once), information is a
 * plain dialog. A native <dialog> gives focus trapping and Escape for free.
 */
export function MessageDialog() {
  const message = useUi((s) => s.message);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (message && !el.open) el.showModal();
    if (!message && el.open) el.close();
  }, [message]);

  const Icon = message ? TONE_ICON[message.tone] : Info;
  return (
    <dialog
      ref={dialog}
      className={`message-dialog tone-${message?.tone ?? 'info'}`}
      role={message?.tone === 'info' ? 'dialog' : 'alertdialog'}
      aria-labelledby="message-title"
      aria-describedby="message-summary"
      onClose={whenClosed(dismissMessage)}
    >
      {message && (
        <>
          <h2 id="message-title" className="message-dialog__title">
            <Icon size={22} aria-hidden="true" /> {message.title}
          </h2>
          <p id="message-summary">{message.summary}</p>
          {message.details && message.details.length > 0 && (
            <ul className="message-dialog__details">
              {message.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div className="message-dialog__actions">
            {message.actions?.map((action) => (
              <button
                key={action.label}
                type="button"
                className="button"
                onClick={() => {
                  dismissMessage();
                  action.run();
                }}
              >
                {action.label}
              </button>
            ))}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal <dialog> must put focus inside it; autofocus names the control that gets it (HTML's dialog focusing steps) */}
            <button type="button" className="button button--primary" autoFocus onClick={dismissMessage}>
              OK
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
