import { Lock, Radio, WifiOff } from 'lucide-react';
import { useEditor } from '../store/editor-store';
import { showLiveDialog } from '../dialogs/LiveSessionDialog';
import { useLiveSession } from '../commands/live-session';

/** The live session's mark under the title: who is here, or that the connection dropped; opens the session dialog. */
export function LiveMark() {
  const status = useLiveSession((s) => s.status);
  const readOnly = useEditor((s) => s.workspace?.readOnly ?? null);
  if (readOnly && status.state !== 'live') {
    return (
      <span className="live-mark is-read-only" title={readOnly}>
        <Lock size={13} aria-hidden="true" /> Read-only copy
      </span>
    );
  }
  if (status.state !== 'live' && status.state !== 'offline' && status.state !== 'connecting') return null;
  const side = status.side;
  const text =
    status.state === 'live' ? `Live · ${status.peers.length} ${status.peers.length === 1 ? 'person' : 'people'}` : status.state === 'offline' ? 'Offline — reconnecting' : 'Connecting…';
  return (
    <button type="button" className={`live-mark${status.state === 'offline' ? ' is-offline' : ''}`} onClick={() => showLiveDialog(side === 'host' ? 'host' : 'join')} title="Live session">
      {status.state === 'offline' ? <WifiOff size={13} aria-hidden="true" /> : <Radio size={13} aria-hidden="true" />} {text}
    </button>
  );
}
