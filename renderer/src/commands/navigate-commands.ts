import type { Attachment } from '@shared/document/schema';
import type { SearchResult } from '@shared/domain/search';
import { flowInstance } from '../canvas/flow-instance';
import { openItem, setSelection, showView, useEditor, documentNow } from '../store/editor-store';

/*
 * Taking the user to things: a search result, what a pain point is attached to. The map pans (and zooms out
 * if needed) so they are in view; the board and the solutions list scroll their card into view.
 */

const PAN = { duration: 250, padding: 0.35, maxZoom: 1.1 } as const;

/** Brings stakeholders and relationships into view on the map (a relationship brings both its ends). */
export function revealOnMap(attachments: readonly Attachment[]): void {
  const doc = documentNow();
  const instance = flowInstance();
  if (!doc || !instance || attachments.length === 0) return;
  const ids = new Set<string>();
  for (const a of attachments) {
    if (a.type === 'stakeholder') ids.add(a.id);
    const relationship = a.type === 'relationship' ? doc.relationships.find((r) => r.id === a.id) : undefined;
    if (relationship) {
      ids.add(relationship.source);
      ids.add(relationship.target);
    }
  }
  const nodes = [...ids].map((id) => ({ id }));
  if (nodes.length > 0) void instance.fitView({ nodes, ...PAN });
}

/** Scrolls the board or list card of an item into view once it is rendered. */
function revealCard(type: 'painPoint' | 'solution', id: string): void {
  requestAnimationFrame(() => {
    document.querySelector(`[data-card="${type}:${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
}

/** Goes to what a search result names: selects it on the map, or opens it in the inspector. */
export function goToSearchResult(result: SearchResult): void {
  const state = useEditor.getState();
  const doc = documentNow(state);
  if (!doc) return;
  switch (result.type) {
    case 'stakeholder':
    case 'relationship': {
      const attachment: Attachment = { type: result.type === 'stakeholder' ? 'stakeholder' : 'relationship', id: result.id };
      if (state.view !== 'map') showView('map');
      setSelection(attachment.type === 'stakeholder' ? { stakeholderIds: [result.id] } : { relationshipIds: [result.id] });
      // After the view switch the canvas needs a frame to mount and measure.
      requestAnimationFrame(() => revealOnMap([attachment]));
      return;
    }
    case 'painPoint': {
      openItem({ type: 'painPoint', id: result.id });
      const painPoint = doc.painPoints.find((p) => p.id === result.id);
      if (state.view === 'map' && painPoint) revealOnMap(painPoint.attachedTo);
      if (state.view === 'board') revealCard('painPoint', result.id);
      return;
    }
    case 'solution': {
      openItem({ type: 'solution', id: result.id });
      if (state.view === 'solutions') revealCard('solution', result.id);
      return;
    }
    default: {
      const unreachable: never = result.type;
      return unreachable;
    }
  }
}

/**
 * Closes the open pain point or solution: the inspector shows the workspace again. Closed from inside the editor
 * (`focusInspector`), focus goes to the inspector's heading, since the element that had it is gone; closed from
 * the map (a click on it, Escape there), focus stays on the map.
 */
export function closeOpenItem(options: { focusInspector?: boolean } = {}): void {
  if (!useEditor.getState().openItem) return;
  openItem(null);
  if (options.focusInspector) requestAnimationFrame(() => document.getElementById('inspector-heading')?.focus());
}

/** A click on the empty map (React Flow's onPaneClick). */
export function closeOpenItemFromMap(): void {
  closeOpenItem();
}
