import type { Snapshot, SnapshotState, WorkspaceDocument } from '../document/schema';
import { replaceById } from './collections';

/*
 * Snapshots: named, dated copies of the map's state kept inside the workspace (format version 4), so a workspace
 * reopened weeks later can say what changed. Kept in the file rather than in a sidecar: a workspace is mailed
 * and moved as one file, and its history must travel with it. Documents are immutable, so a snapshot shares the
 * records it copies with the document it was taken from; only the file writes them out (compactly, one line per
 * snapshot: serialize.ts).
 */

/** The map's state as a snapshot keeps it. */
export function mapStateOf(doc: WorkspaceDocument): SnapshotState {
  return {
    stakeholders: doc.stakeholders,
    relationships: doc.relationships,
    painPoints: doc.painPoints,
    solutions: doc.solutions,
    categories: doc.categories,
    ballots: doc.ballots,
  };
}

export interface NewSnapshot {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 with an offset. */
  readonly takenAt: string;
}

/** Keeps the map as it is now as a new snapshot, the newest (last). Refuses (same document) a taken id. */
export function takeSnapshot(doc: WorkspaceDocument, input: NewSnapshot): WorkspaceDocument {
  if (doc.snapshots.some((s) => s.id === input.id)) return doc;
  const snapshot: Snapshot = { id: input.id, name: input.name, takenAt: input.takenAt, state: mapStateOf(doc) };
  return { ...doc, snapshots: [...doc.snapshots, snapshot] };
}

export function renameSnapshot(doc: WorkspaceDocument, id: string, name: string): WorkspaceDocument {
  const snapshots = replaceById(doc.snapshots, id, (s) => (s.name === name ? s : { ...s, name }));
  return snapshots === doc.snapshots ? doc : { ...doc, snapshots };
}

export function deleteSnapshot(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  const snapshots = doc.snapshots.filter((s) => s.id !== id);
  return snapshots.length === doc.snapshots.length ? doc : { ...doc, snapshots };
}

/**
 * The workspace as it was when the snapshot was taken: its map state over the current document (title, agenda,
 * participants, voting and the snapshots themselves stay as they are now). Used to show a snapshot read-only and
 * to restore it. Ballots of participants who are no longer listed are left out: their votes cannot be shown.
 */
export function documentAtSnapshot(doc: WorkspaceDocument, snapshot: Snapshot): WorkspaceDocument {
  const participants = new Set(doc.participants.map((p) => p.id));
  const ballots = snapshot.state.ballots.filter((b) => participants.has(b.participantId));
  return { ...doc, ...snapshot.state, ballots: ballots.length === snapshot.state.ballots.length ? snapshot.state.ballots : ballots };
}

/**
 * Brings the map back to a snapshot (one undo step where it is committed). The snapshots are kept, so the
 * state restored from stays on the timeline, and so does everything after it. Returns the same document for an
 * unknown id.
 */
export function restoreSnapshot(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  const snapshot = doc.snapshots.find((s) => s.id === id);
  return snapshot ? documentAtSnapshot(doc, snapshot) : doc;
}

/** "Snapshot 3": the first free default name, counting the snapshots there are. */
export function defaultSnapshotName(doc: Pick<WorkspaceDocument, 'snapshots'>): string {
  const names = new Set(doc.snapshots.map((s) => s.name));
  for (let n = doc.snapshots.length + 1; ; n += 1) {
    const name = `Snapshot ${n}`;
    if (!names.has(name)) return name;
  }
}
