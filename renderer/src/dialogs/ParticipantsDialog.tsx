import '../styles/participants-dialog.css';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Participant, Stakeholder } from '@shared/document/schema';
import { ballotsCastBy } from '@shared/domain/votes';
import { createId } from '@shared/operations/ids';
import { edit } from '../commands/edits';
import { IS_MAC, commandForKey, isTextField } from '../commands/shortcuts';
import { VoiceSelect } from '../panels/VoiceSelect';
import { announce, documentNow, redo, selectDocument, undo, useEditor, useUi } from '../store/editor-store';
import { showParticipantsDialog, useParticipantsDialog } from '../store/participants-dialog-store';
import { whenClosed } from './when-closed';

const NO_PARTICIPANTS: readonly Participant[] = [];
const NO_STAKEHOLDERS: readonly Stakeholder[] = [];

/** The prefix of participant ids, as in the sample workshop ("pt-1"). */
const PARTICIPANT_ID_PREFIX = 'pt';

function displayLabel(participant: Participant): string {
  return participant.label.trim() === '' ? 'unnamed participant' : participant.label;
}

const votes = (n: number) => `${n} vote${n === 1 ? '' : 's'}`;

/** The first anonymous label "P1", "P2" … that no participant has yet. */
export function nextAnonymousLabel(participants: readonly Participant[]): string {
  const taken = new Set(participants.map((p) => p.label.trim()));
  let n = 1;
  while (taken.has(`P${n}`)) n += 1;
  return `P${n}`;
}

/**
 * The participants dialog: who is in the room, by name or by an anonymous label ("P3"), with their department and
 * the votes cast for them on the board. A native modal <dialog> like AgendaDialog: focus stays inside, Escape
 * closes it, and every change is one undo step (typing a name merges into one); Ctrl+Z and Ctrl+Shift+Z work in it.
 */
export function ParticipantsDialog() {
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  const open = useParticipantsDialog((s) => s.open) && hasWorkspace;
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // The dialog would focus its first control; the first name is what people come to change (or Add, if none).
      (el.querySelector<HTMLElement>('.participant-row__label') ?? el.querySelector<HTMLElement>('.participants-dialog__add'))?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  return (
    // The window's shortcuts stand aside while a dialog is open (use-app-events.ts), but undo and redo belong
    // here: a participant removed by mistake comes back with Ctrl+Z without leaving the dialog.
    <dialog ref={dialog} className="participants-dialog" aria-labelledby="participants-title" onClose={whenClosed(() => showParticipantsDialog(false))} onKeyDown={undoKeys}>
      {open && <ParticipantsEditor />}
    </dialog>
  );
}

function undoKeys(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.defaultPrevented || event.nativeEvent.isComposing) return;
  const command = commandForKey(event, { isMac: IS_MAC, inTextField: isTextField(event.target) });
  if (command !== 'edit.undo' && command !== 'edit.redo') return;
  event.preventDefault();
  const dialog = event.currentTarget;
  if (command === 'edit.undo') undo();
  else redo();
  // Undoing an add takes away the row being typed in: the keyboard stays in the dialog, on Add participant.
  requestAnimationFrame(() => {
    if (dialog.open && !dialog.contains(document.activeElement)) dialog.querySelector<HTMLElement>('.participants-dialog__add')?.focus();
  });
}

/** Which control to focus after the next render: a removed row takes the keyboard with it otherwise. */
interface FocusRequest {
  readonly id: string;
  readonly select?: boolean;
}

function ParticipantsEditor() {
  const participants = useEditor((s) => selectDocument(s)?.participants ?? NO_PARTICIPANTS);
  const stakeholders = useEditor((s) => selectDocument(s)?.stakeholders ?? NO_STAKEHOLDERS);
  const budget = useEditor((s) => selectDocument(s)?.voting.budget ?? 0);
  const ballots = useEditor((s) => selectDocument(s)?.ballots);
  const labelFields = useRef(new Map<string, HTMLInputElement>());
  const focusRequest = useRef<FocusRequest | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    const el = labelFields.current.get(request.id);
    if (el) {
      el.focus();
      if (request.select) el.select();
    } else {
      addButton.current?.focus();
    }
  });

  const refFor = (id: string) => (el: HTMLInputElement | null) => {
    if (el) labelFields.current.set(id, el);
    else labelFields.current.delete(id);
  };

  const add = () => {
    const doc = documentNow();
    if (!doc) return;
    const id = createId(PARTICIPANT_ID_PREFIX, new Set(doc.participants.map((p) => p.id)));
    const label = nextAnonymousLabel(doc.participants);
    if (edit('participant.add', { id, label, departmentId: null })) {
      focusRequest.current = { id, select: true };
      announce(`${label} added. Type their name, or keep the label.`);
    }
  };

  const remove = (participant: Participant, index: number) => {
    const doc = documentNow();
    const cast = doc ? ballotsCastBy(doc, participant.id) : 0;
    if (!edit('participant.remove', { id: participant.id })) return;
    // The row that took its place, not its Remove button: a second Enter would remove that one too.
    const neighbour = participants[index + 1] ?? participants[index - 1];
    // With nobody left, Add participant (the request finds no field and falls back to it).
    focusRequest.current = { id: neighbour?.id ?? '' };
    const name = displayLabel(participant);
    announce(cast > 0 ? `Removed ${name} and the ${votes(cast)} cast for them. Undo brings them back.` : `Removed ${name}. Undo brings them back.`);
  };

  const count = participants.length;
  return (
    <>
      <h2 id="participants-title" className="participants-dialog__title">
        Participants
      </h2>
      <p className="participants-dialog__intro">
        Everyone in the room who votes. Names are optional: an anonymous label like “P3” is fine, and names never appear in
        safe-to-share exports.{' '}
        {count > 0 && (
          <>
            {count} participant{count === 1 ? '' : 's'}, {votes(budget)} each.
          </>
        )}
      </p>
      {count === 0 ? (
        <p className="participants-dialog__empty">No participants yet. Add one for each person in the room; votes are cast for them on the board.</p>
      ) : (
        <>
          {/* Column headings for the eye; each control names its own participant for screen readers. */}
          <div className="participant-columns" aria-hidden="true">
            <span>Name or label</span>
            <span>Department</span>
            <span>Votes</span>
          </div>
          <ul className="participant-list">
            {participants.map((participant, index) => {
              const name = displayLabel(participant);
              const cast = ballots ? ballotsCastBy({ ballots }, participant.id) : 0;
              return (
                <li key={participant.id} className="participant-row">
                  <LabelField participant={participant} name={name} inputRef={refFor(participant.id)} />
                  <VoiceSelect
                    className="participant-row__department"
                    aria-label={`Department of ${name}`}
                    value={participant.departmentId}
                    stakeholders={stakeholders}
                    onChange={(departmentId) => edit('participant.update', { id: participant.id, patch: { departmentId } })}
                  />
                  <span className={`participant-row__votes${cast >= budget && budget > 0 ? ' is-spent' : ''}`}>
                    {cast} of {votes(budget)} cast
                  </span>
                  <button
                    type="button"
                    className="icon-button participant-row__remove"
                    aria-label={`Remove ${name}`}
                    title={cast > 0 ? `Remove ${name} and their ${votes(cast)}` : `Remove ${name}`}
                    onClick={() => remove(participant, index)}
                  >
                    <Trash2 size={17} aria-hidden="true" />
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <DialogStatus />
      <div className="participants-dialog__actions">
        <button ref={addButton} type="button" className="button participants-dialog__add" onClick={add}>
          <Plus size={16} aria-hidden="true" /> Add participant
        </button>
        <button type="button" className="button button--primary" onClick={() => showParticipantsDialog(false)}>
          Close
        </button>
      </div>
    </>
  );
}

/**
 * A participant's name or label, edited in place. An emptied field is not committed (the row would have nothing
 * to be called by): it keeps the empty draft while typing and shows the saved label again on blur.
 */
function LabelField({ participant, name, inputRef }: { participant: Participant; name: string; inputRef: (el: HTMLInputElement | null) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      ref={inputRef}
      className="participant-row__label"
      aria-label={`Name or label of ${name}`}
      placeholder="Name or label"
      spellCheck={false}
      autoComplete="off"
      value={draft ?? participant.label}
      onChange={(e) => {
        const label = e.target.value;
        if (label.trim() === '') {
          setDraft(label);
          return;
        }
        setDraft(null);
        edit('participant.update', { id: participant.id, patch: { label }, field: 'label' });
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/**
 * The notice of the last change made in the dialog ("Removed P3 …"), repeated inside it for screen readers: while a
 * modal dialog is open the rest of the page is inert, so the window's status line (Notice.tsx) is seen but not heard.
 */
function DialogStatus() {
  const notice = useUi((s) => s.notice);
  // Only what is said while the dialog is open; older notices belong to the window.
  const [since] = useState(() => useUi.getState().notice?.id ?? 0);
  const [fadedId, setFadedId] = useState<number | null>(null);
  const current = notice && notice.id > since ? notice : null;
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setFadedId(current.id), 6000);
    return () => clearTimeout(timer);
  }, [current]);
  const text = current && current.id !== fadedId ? current.text : '';
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
