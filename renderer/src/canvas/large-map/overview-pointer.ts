import type React from 'react';
import { edit } from '../../commands/edits';
import { closeOpenItemFromMap } from '../../commands/navigate-commands';
import { setSelection, showContextMenu, useEditor } from '../../store/editor-store';
import { showPositionsOnScreen } from '../../store/transient-positions';
import { flowInstance } from '../flow-instance';
import { stakeholderAt } from './draw-overview';
import { stakeholderBox } from './stakeholder-box';

/*
 * The pointer on the overview (MapOverview.tsx), where stakeholders are pixels, not elements: a press on a
 * stakeholder selects it (Ctrl, Cmd or Shift adds or takes it away, as on the map), a drag moves it (or the whole
 * selection it belongs to) as one undo step, a double click zooms in on it, a right click opens its menu. A press
 * on the empty map is left to React Flow, which pans. Caught in the capture phase, before React Flow's pane sees
 * the press and pans instead.
 */

/** Pixels the pointer travels before a press becomes a drag. */
const DRAG_THRESHOLD = 3;
/** The zoom a double click brings a stakeholder to: its name and labels readable. */
const READING_ZOOM = 1;

const overviewCanvas = () => document.querySelector('canvas.map-overview');

/** Set by a press on a stakeholder, so the click that ends it does not reach the pane (which would clear the selection). */
let swallowNextClick = false;

function stakeholderUnder(event: { clientX: number; clientY: number }) {
  const instance = flowInstance();
  if (!instance) return null;
  const point = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
  const nodes = useEditor.getState().nodes;
  const boxes = (list: typeof nodes) => list.map((n) => ({ id: n.id, box: stakeholderBox(n) }));
  // The selection is drawn on top (draw-overview.ts), so it is what a press finds first.
  return stakeholderAt(boxes(nodes.filter((n) => n.selected)), point) ?? stakeholderAt(boxes(nodes), point);
}

export function overviewMouseDown(event: React.MouseEvent, locked: boolean): void {
  if (event.button !== 0) return;
  const hit = stakeholderUnder(event);
  if (!hit) return;
  event.stopPropagation();
  event.preventDefault();
  swallowNextClick = true;
  const state = useEditor.getState();
  const selected = state.selection.stakeholderIds;
  const adding = event.ctrlKey || event.metaKey || event.shiftKey;
  if (adding) {
    setSelection({ stakeholderIds: selected.includes(hit.id) ? selected.filter((id) => id !== hit.id) : [...selected, hit.id], relationshipIds: state.selection.relationshipIds });
    return;
  }
  if (!selected.includes(hit.id)) setSelection({ stakeholderIds: [hit.id] });
  if (locked) return;
  startDrag(event, useEditor.getState().selection.stakeholderIds);
}

function startDrag(event: React.MouseEvent, ids: readonly string[]): void {
  const zoom = flowInstance()?.getZoom() ?? 1;
  const start = { x: event.clientX, y: event.clientY };
  const from = new Map(useEditor.getState().nodes.filter((n) => ids.includes(n.id)).map((n) => [n.id, { ...n.position }]));
  let dragging = false;
  let last = new Map<string, { x: number; y: number }>();
  const move = (e: MouseEvent) => {
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    dragging = true;
    last = new Map([...from].map(([id, p]) => [id, { x: p.x + dx / zoom, y: p.y + dy / zoom }]));
    showPositionsOnScreen(last);
    // For tests and the benchmark, which cannot see pixels move: how far the drag has taken the selection.
    overviewCanvas()?.setAttribute('data-drag-offset', `${dx / zoom},${dy / zoom}`);
  };
  const up = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    overviewCanvas()?.removeAttribute('data-drag-offset');
    if (dragging && last.size > 0) edit('stakeholder.move', { moves: [...last].map(([id, position]) => ({ id, position })) });
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

export function overviewClick(event: React.MouseEvent): void {
  if (!swallowNextClick) return;
  swallowNextClick = false;
  event.stopPropagation();
}

/**
 * A click on the empty overview clears the selection, as on the map (where React Flow clears it: here it has no
 * nodes to clear), and puts away what the inspector had open.
 */
export function overviewPaneClick(): void {
  setSelection({});
  closeOpenItemFromMap();
}

export function overviewDoubleClick(event: React.MouseEvent): void {
  const hit = stakeholderUnder(event);
  if (!hit) return;
  event.stopPropagation();
  zoomInOn(hit.id);
}

export function overviewContextMenu(event: React.MouseEvent): void {
  const hit = stakeholderUnder(event);
  if (!hit) return;
  event.preventDefault();
  event.stopPropagation();
  if (!useEditor.getState().selection.stakeholderIds.includes(hit.id)) setSelection({ stakeholderIds: [hit.id] });
  showContextMenu({ target: { type: 'stakeholder', id: hit.id }, at: { x: event.clientX, y: event.clientY } });
}

/**
 * Centres the map on a stakeholder at a zoom where it can be read (from the overview, or the keyboard list).
 * `coveredRight`: screen pixels on the right that something covers (the list, while it has focus), so the
 * stakeholder is centred in what is left.
 */
export function zoomInOn(id: string, coveredRight = 0): void {
  const node = useEditor.getState().nodes.find((n) => n.id === id);
  const instance = flowInstance();
  if (!node || !instance) return;
  const box = stakeholderBox(node);
  const zoom = Math.max(READING_ZOOM, instance.getZoom());
  void instance.setCenter(box.x + box.width / 2 + coveredRight / 2 / zoom, box.y + box.height / 2, { zoom, duration: 200 });
}
