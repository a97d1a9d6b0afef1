import { useReactFlow, useStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { MousePointer2 } from 'lucide-react';
import { memo, useEffect } from 'react';
import { useEditor } from '../store/editor-store';
import { sendPresence, useLiveSession, usePresence } from '../commands/live-session';
import { selectedByOthers } from './others-selections';

/*
 * Presence in a live session (issue 15, item 5): everyone else's pointer and selection on the map, in map
 * coordinates (so they sit on the same stakeholder whatever each person's pan and zoom), with their name and
 * colour, gone when they leave. This person's own pointer and selection go out a few times a second at most.
 */


/** How often this person's presence goes out at most. */
const SEND_EVERY_MS = 80;

/** Draws the others' pointers and sends this person's, while a session runs. Inside the ReactFlow element. */
export const PresenceLayer = memo(function PresenceLayer() {
  const live = useLiveSession((s) => s.status.state === 'live' || s.status.state === 'offline');
  const peers = usePresence((s) => s.peers);
  const flow = useReactFlow();
  const store = useStoreApi();
  // Pointers keep their size on screen whatever the zoom: they sit at a map point but are drawn at 1/zoom.
  const zoom = useStore((s) => s.transform[2]);

  useEffect(() => {
    if (!live) return;
    const pane = store.getState().domNode;
    if (!pane) return;
    let pointer: { x: number; y: number } | null = null;
    let dirty = false;
    const onMove = (event: PointerEvent) => {
      pointer = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      dirty = true;
    };
    const onLeave = () => {
      pointer = null;
      dirty = true;
    };
    let lastSelection = '';
    const timer = setInterval(() => {
      const selection = useEditor.getState().selection.stakeholderIds;
      const key = selection.join('\u0000');
      if (!dirty && key === lastSelection) return;
      dirty = false;
      lastSelection = key;
      sendPresence({ pointer, selection: [...selection] });
    }, SEND_EVERY_MS);
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    return () => {
      clearInterval(timer);
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
    };
  }, [live, flow, store]);

  if (!live || peers.length === 0) return null;
  return (
    <ViewportPortal>
      {peers.map((peer) =>
        peer.pointer ? (
          <div
            key={peer.clientId}
            className="presence-pointer"
            role="img"
            aria-label={`${peer.name}'s pointer`}
            style={{ transform: `translate(${peer.pointer.x}px, ${peer.pointer.y}px) scale(${1 / zoom})`, transformOrigin: '0 0', color: peer.color }}
          >
            <MousePointer2 size={22} aria-hidden="true" fill="currentColor" />
            <span className="presence-pointer__name" style={{ background: peer.color }}>
              {peer.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
});

/**
 * Who else has a stakeholder selected, as "names\u0001colour" ("" for nobody): a string, so a node re-renders only
 * when that changes, not at every pointer move.
 */
export function useSelectedByKey(stakeholderId: string): string {
  return usePresence((s) => {
    const by = selectedByOthers(s.peers, stakeholderId);
    return by === null ? '' : `${by.names}\u0001${by.color}`;
  });
}
