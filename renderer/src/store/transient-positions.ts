import { useEditor } from './editor-store';

/*
 * Positions shown on the map without an edit: what an animation (Tidy layout) draws between the document's old
 * positions and the new ones it will commit as one edit at the end, so the steps in between never reach the undo
 * history. Like a drag in progress, these live only in React Flow's nodes: reconcileNodes keeps a node's on-screen
 * position for as long as its stakeholder is unchanged, and the edit (or an undo) replaces them with the document's.
 */

/**
 * Moves the given stakeholders' nodes on screen, in one store update (one React render per animation frame).
 * Nodes not named keep their objects, so React Flow and the memoized nodes skip them.
 */
export function showPositionsOnScreen(positions: ReadonlyMap<string, { readonly x: number; readonly y: number }>): void {
  if (positions.size === 0) return;
  useEditor.setState((s) => ({
    nodes: s.nodes.map((node) => {
      const at = positions.get(node.id);
      return !at || (at.x === node.position.x && at.y === node.position.y) ? node : { ...node, position: { x: at.x, y: at.y } };
    }),
  }));
}
