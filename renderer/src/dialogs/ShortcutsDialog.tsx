import '../styles/shortcuts.css';
import { Keyboard } from 'lucide-react';
import { Fragment, useEffect, useRef, useState } from 'react';
import { shortcutSheet, type SheetEntry } from '@shared/host/keymap';
import { IS_MAC } from '../commands/shortcuts';
import { whenClosed } from './when-closed';

export interface ShortcutsDialogProps {
  /**
   * The user closed the sheet (Escape or the Close button): stop rendering it. Focus then goes back to where it
   * was when the sheet opened.
   */
  readonly onClose: () => void;
  /**
   * Whether to name the Mac's keys (Cmd, Option). Defaults to IS_MAC, the same test the key handling uses, so the
   * sheet names the keys that work.
   */
  readonly isMac?: boolean;
}

/**
 * The keyboard-shortcuts help sheet (Help > Keyboard Shortcuts, or ? on the map): every shortcut of the keymap
 * (shared/host/keymap.ts), grouped as the menus are. A native modal <dialog>, like MessageDialog: focus stays
 * inside, Escape closes it. Opens when rendered; render it only while it is shown.
 */
export function ShortcutsDialog({ onClose, isMac = IS_MAC }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Taken at the first render, before showModal moves focus into the dialog.
  const [returnFocusTo] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => {
      // Runs after the dialog left the page, when what was behind it can take focus again. Closing the dialog
      // may already have put focus back (Chromium does); only a focus left on nothing is moved.
      const active = document.activeElement;
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected && (active === null || active === document.body)) {
        returnFocusTo.focus();
      }
    };
  }, [returnFocusTo]);

  const sections = shortcutSheet(isMac);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={whenClosed(onClose)}>
      <h2 id="shortcuts-title" className="message-dialog__title">
        <Keyboard size={22} aria-hidden="true" /> Keyboard shortcuts
      </h2>
      {/*
        Scrolls on its own in a small window, so the title and Close stay in view. Focusable, so the keys scroll it:
        the first focusable element, it is where showModal puts focus.
      */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable to scroll by keyboard */}
      <div className="shortcuts-dialog__groups" role="region" aria-label="All keyboard shortcuts" tabIndex={0}>
        {sections.map(({ group, entries }) => (
          <section key={group} className="shortcuts-dialog__group" aria-labelledby={`shortcuts-group-${group}`}>
            <h3 id={`shortcuts-group-${group}`}>{group}</h3>
            <table className="shortcuts-dialog__table" aria-labelledby={`shortcuts-group-${group}`}>
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.command}>
                    <th scope="row">{entry.action}</th>
                    <td>
                      <Keys entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="message-dialog__actions">
        <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** Each combination as nested <kbd> (the HTML way to write "press these together"), joined by "or". */
function Keys({ entry }: { entry: SheetEntry }) {
  const ways = [
    ...entry.keys.map((names) => (
      <kbd key={names.join('+')} className="key-combo">
        {names.map((name, index) => (
          <Fragment key={name}>
            {index > 0 && '+'}
            <kbd>{name}</kbd>
          </Fragment>
        ))}
      </kbd>
    )),
    ...(entry.alternative ? [<span key="alternative">{entry.alternative}</span>] : []),
  ];
  return ways.map((way, index) => (
    <Fragment key={index}>
      {index > 0 && ' or '}
      {way}
    </Fragment>
  ));
}
