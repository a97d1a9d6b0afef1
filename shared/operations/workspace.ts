import { CURRENT_VERSION, DEFAULT_CATEGORIES, DEFAULT_STAGES, DEFAULT_VOTING_BUDGET, FORMAT_ID } from '../document/format';
import type { Viewport, WorkspaceDocument } from '../document/schema';

/** A new, empty workspace with the default categories and the default workshop agenda (shown), no participants, no snapshots. */
export function createWorkspace(title: string, now: Date): WorkspaceDocument {
  const stamp = now.toISOString();
  return {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    title,
    createdAt: stamp,
    updatedAt: stamp,
    stakeholders: [],
    relationships: [],
    painPoints: [],
    solutions: [],
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    viewport: { x: 0, y: 0, zoom: 1 },
    agenda: { visible: true, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) },
    participants: [],
    voting: { budget: DEFAULT_VOTING_BUDGET, hideResults: false, revealed: false },
    ballots: [],
    snapshots: [],
  };
}

/** Renames the workspace. Returns the same document when nothing changes. */
export function setWorkspaceTitle(doc: WorkspaceDocument, title: string): WorkspaceDocument {
  return doc.title === title ? doc : { ...doc, title };
}

/**
 * Records the viewport (pan and zoom) so the workspace reopens where it was left. A viewport that could not be
 * read back (a coordinate that is not finite, a zoom that is not above 0) is ignored.
 */
export function setViewport(doc: WorkspaceDocument, viewport: Viewport): WorkspaceDocument {
  if (!Number.isFinite(viewport.x) || !Number.isFinite(viewport.y) || !Number.isFinite(viewport.zoom) || viewport.zoom <= 0) return doc;
  const v = doc.viewport;
  if (v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return doc;
  return { ...doc, viewport: { ...v, x: viewport.x, y: viewport.y, zoom: viewport.zoom } };
}

/** Stamps the time of the latest change; `createdAt` is filled in for files that had none. */
export function markUpdated(doc: WorkspaceDocument, now: Date): WorkspaceDocument {
  const stamp = now.toISOString();
  return { ...doc, createdAt: doc.createdAt ?? stamp, updatedAt: stamp };
}
