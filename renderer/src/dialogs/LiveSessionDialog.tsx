import '../styles/live-session.css';
import { Copy, Radio } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { create } from 'zustand';
import { LIVE_ROLES, LIVE_ROLE_WORDS, type LiveRole } from '@shared/live/live-protocol';
import { endSession, joinSession, setPeerRole, startHosting, useLiveSession } from '../commands/live-session';
import { announce, useEditor } from '../store/editor-store';
import { whenClosed } from './when-closed';

/*
 * Session > Start Live Session… and Session > Join Live Session…: one native modal dialog with two faces. The host
 * chooses the network and starts; then the dialog shows the join code, everyone in the session with their role
 * (changeable at once), and "End session". A participant types the code and their name and joins.
 */

export const useLiveDialog = create<{ readonly open: 'host' | 'join' | null }>()(() => ({ open: null }));

export function showLiveDialog(open: 'host' | 'join' | null): void {
  useLiveDialog.setState({ open });
}

export function LiveSessionDialog() {
  const open = useLiveDialog((s) => s.open);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="live-dialog" aria-labelledby="live-dialog-title" onClose={whenClosed(() => showLiveDialog(null))}>
      {open === 'host' && <HostPanel />}
      {open === 'join' && <JoinPanel />}
    </dialog>
  );
}

/** The running session's buttons: end it (host) or leave it (participant), and close the dialog. */
function SessionActions({ endLabel, endedMessage }: { endLabel: string; endedMessage: string }) {
  return (
    <div className="live-dialog__actions">
      <button type="button" className="button button--danger-solid" onClick={() => void endSession().then(() => announce(endedMessage))}>
        {endLabel}
      </button>
      <button type="button" className="button button--primary" onClick={() => showLiveDialog(null)}>
        Close
      </button>
    </div>
  );
}

function HostPanel() {
  const status = useLiveSession((s) => s.status);
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  const [name, setName] = useState('Facilitator');
  const [bind, setBind] = useState<'lan' | 'loopback'>('lan');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await startHosting(name.trim() || 'Facilitator', bind);
    setBusy(false);
    if (problem) setError(problem);
    else announce('Live session started. Participants join with the code.');
  };

  if (status.state === 'live' && status.side === 'host') {
    return (
      <>
        <h2 id="live-dialog-title" className="live-dialog__title">
          <Radio size={20} aria-hidden="true" /> Live session
        </h2>
        <p className="live-dialog__intro">Participants choose Session › Join Live Session… in their Stakemap and type this code. Your file stays the one true copy.</p>
        <div className="live-dialog__code-row">
          <output className="live-dialog__code" aria-label="Join code">
            {status.joinCode}
          </output>
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(status.joinCode ?? '').then(
                () => announce('Join code copied.'),
                () => announce('Could not copy: select the code and copy it by hand.'),
              );
            }}
          >
            <Copy size={16} aria-hidden="true" /> Copy join code
          </button>
        </div>
        <h3 className="live-dialog__heading">In this session ({status.peers.length})</h3>
        <ul className="live-dialog__peers" aria-label="People in this session">
          {status.peers.map((peer) => (
            <li key={peer.clientId} className="live-dialog__peer">
              <span className="live-dialog__peer-name">{peer.name}</span>
              {peer.role === 'facilitator' ? (
                <span className="live-dialog__peer-role">Facilitator (you)</span>
              ) : (
                <label className="live-dialog__peer-role">
                  <span className="visually-hidden">Role of {peer.name}</span>
                  <select value={peer.role} aria-label={`Role of ${peer.name}`} onChange={(e) => setPeerRole(peer, e.target.value as LiveRole)}>
                    {LIVE_ROLES.filter((r) => r !== 'facilitator').map((role) => (
                      <option key={role} value={role}>
                        {LIVE_ROLE_WORDS[role].label}: {LIVE_ROLE_WORDS[role].can}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          ))}
        </ul>
        <SessionActions endLabel="End session" endedMessage="Live session ended. The map is yours alone again." />
      </>
    );
  }

  return (
    <form onSubmit={(e) => void start(e)}>
      <h2 id="live-dialog-title" className="live-dialog__title">
        <Radio size={20} aria-hidden="true" /> Start a live session
      </h2>
      <p className="live-dialog__intro">People in the room join this map from their own Stakemap, add pain points, quotes and votes, and see it change live.</p>
      {!hasWorkspace && <p className="live-dialog__error">Open a workspace first.</p>}
      <label className="field">
        <span className="field__label">Your name</span>
        <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset className="field">
        <legend className="field__label">Who can join</legend>
        <label className="choice">
          <input type="radio" name="live-bind" checked={bind === 'lan'} onChange={() => setBind('lan')} /> People on this network (the room’s Wi-Fi)
        </label>
        <label className="choice">
          <input type="radio" name="live-bind" checked={bind === 'loopback'} onChange={() => setBind('loopback')} /> Only this computer (to try it out)
        </label>
      </fieldset>
      {error && (
        <p className="live-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="live-dialog__actions">
        <button type="button" className="button" onClick={() => showLiveDialog(null)}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy || !hasWorkspace}>
          Start live session
        </button>
      </div>
    </form>
  );
}

function JoinPanel() {
  const status = useLiveSession((s) => s.status);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '' || name.trim() === '') {
      setError('Type the join code the facilitator shows, and your name (or a label such as P3).');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await joinSession(code.trim(), name.trim());
    setBusy(false);
    if (problem) setError(problem);
    else {
      showLiveDialog(null);
      announce('Joined the live session.');
    }
  };

  if ((status.state === 'live' || status.state === 'offline') && status.side === 'participant') {
    return (
      <>
        <h2 id="live-dialog-title" className="live-dialog__title">
          <Radio size={20} aria-hidden="true" /> Live session
        </h2>
        {status.state === 'offline' ? (
          <p className="live-dialog__error">{status.message}</p>
        ) : (
          <>
            <p className="live-dialog__intro">
              You are in as {LIVE_ROLE_WORDS[status.role].label.toLowerCase()}: {LIVE_ROLE_WORDS[status.role].can}.
            </p>
            <h3 className="live-dialog__heading">In this session ({status.peers.length})</h3>
            <ul className="live-dialog__peers" aria-label="People in this session">
              {status.peers.map((peer) => (
                <li key={peer.clientId} className="live-dialog__peer">
                  <span className="live-dialog__peer-name">{peer.name}</span>
                  <span className="live-dialog__peer-role">{LIVE_ROLE_WORDS[peer.role].label}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <SessionActions endLabel="Leave session" endedMessage="You left the session. Your copy stays open; Save As keeps it." />
      </>
    );
  }

  return (
    <form onSubmit={(e) => void join(e)}>
      <h2 id="live-dialog-title" className="live-dialog__title">
        <Radio size={20} aria-hidden="true" /> Join a live session
      </h2>
      <p className="live-dialog__intro">The facilitator’s map opens here and changes live. When you leave, you keep a copy you can save.</p>
      <label className="field">
        <span className="field__label">Join code</span>
        <input value={code} autoComplete="off" spellCheck={false} placeholder="192.168.1.20:41234-ABCD-EFGH-…" onChange={(e) => setCode(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Your name</span>
        <input value={name} maxLength={80} placeholder="A name, or a label such as P3" onChange={(e) => setName(e.target.value)} />
      </label>
      {error && (
        <p className="live-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="live-dialog__actions">
        <button type="button" className="button" onClick={() => showLiveDialog(null)}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Join
        </button>
      </div>
    </form>
  );
}
