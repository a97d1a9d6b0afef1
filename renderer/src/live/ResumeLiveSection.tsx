import { Radio, Trash2 } from 'lucide-react';
import { discardResumableSession, resumeSession, useLiveSession } from '../commands/live-session';

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A live session this computer was hosting when Stakemap stopped (a crash, a power cut): resume it on the same join
 * code, with every change it had acknowledged, or discard it. Participants' apps keep trying to reconnect meanwhile.
 */
export function ResumeLiveSection() {
  const session = useLiveSession((s) => s.resumable);
  if (!session) return null;
  return (
    <section className="recovery" aria-labelledby="resume-live-heading">
      <h2 id="resume-live-heading">
        <Radio size={20} aria-hidden="true" /> Live session that stopped
      </h2>
      <p className="hint">
        Stakemap stopped while you were hosting a live session of “{session.displayName}” (started {TIME.format(new Date(session.startedAt))}). Resume it to
        carry on: participants reconnect by themselves with the code they have, and every change the session had received is there.
      </p>
      <p className="hint">
        Join code: <code>{session.joinCode}</code>
        {session.filePath ? ` · saves to ${session.filePath}` : ' · a map never saved to a file'}
      </p>
      <div className="recovery__actions">
        <button type="button" className="button button--primary" onClick={() => void resumeSession()}>
          <Radio size={16} aria-hidden="true" /> Resume live session
        </button>
        <button type="button" className="button" onClick={() => void discardResumableSession()}>
          <Trash2 size={16} aria-hidden="true" /> Discard live session
        </button>
      </div>
    </section>
  );
}
