import type { ReactFlowInstance } from '@xyflow/react';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';

/*
 * Commands (menu items, shortcuts) need the canvas's viewport: where its centre is, zoom and fit. The canvas
 * registers its React Flow instance here when it mounts, so commands need not live inside React.
 */

type Instance = ReactFlowInstance<StakeholderFlowNode, RelationshipFlowEdge>;
let instance: Instance | null = null;

/** A command given while the canvas had no instance yet (a map just opening), run once it has one. */
let waiting: { readonly run: (instance: Instance) => void; readonly until: number } | null = null;
/** How long such a command waits: a map that takes longer to appear has been looked at anew by then. */
const WAIT_MS = 3_000;

export function registerFlowInstance(next: Instance | null): void {
  instance = next;
  if (next === null || waiting === null) return;
  const { run, until } = waiting;
  waiting = null;
  if (performance.now() <= until) run(next);
}

/**
 * Runs `command` with the canvas's instance: now, or as soon as the canvas that is mounting has one. React Flow hands
 * its instance over a moment after the first nodes are painted, and a Fit pressed in that moment used to do
 * nothing. Only the last command given meanwhile runs.
 */
export function withFlowInstance(command: (instance: Instance) => void): void {
  if (instance) command(instance);
  else waiting = { run: command, until: performance.now() + WAIT_MS };
}

export function flowInstance(): Instance | null {
  return instance;
}

/** Where new stakeholders appear: the middle of what the user is looking at, in map coordinates. */
export function viewportCentre(): { x: number; y: number } {
  const pane = document.querySelector('.react-flow');
  if (!instance || !pane) return { x: 0, y: 0 };
  const rect = pane.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
