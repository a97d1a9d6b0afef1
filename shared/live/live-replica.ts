import * as Y from 'yjs';
import type { WorkspaceDocument } from '../document/schema';
import { readWorkspace, writeWorkspace } from './workspace-ydoc';

/*
 * One person's copy of the shared document in a live session: the Y.Doc their edits go into, what it reads as,
 * and their own undo. The app keeps the plain document as its model (architecture.md): an edit makes a new
 * document as it always has, and `commit` writes the difference into the shared document; a change that arrives
 * from someone else is read back as a new document (`onChange`). Undo and redo are Yjs's UndoManager tracking
 * only this person's origin, so Ctrl+Z takes back their own changes and never someone else's, even after other
 * people have changed the same items since.
 */

/** Where a change came from: this person's commit, their undo or redo, or someone else in the session. */
export type ChangeSource = 'mine' | 'undo' | 'someone-else';

export interface LiveReplicaOptions {
  /**
   * Consecutive local changes closer together than this become one undo step (typing a name). 0 keeps each
   * commit its own step, as the app's history does; the app merges typing itself with its coalesce keys.
   */
  readonly captureTimeout?: number;
}

export class LiveReplica {
  readonly ydoc: Y.Doc;
  /** The origin of this person's own transactions: what the undo manager tracks. */
  readonly origin = { kind: 'local-person' } as const;
  private readonly undoManager: Y.UndoManager;
  private current: WorkspaceDocument;
  private readonly listeners = new Set<(doc: WorkspaceDocument, source: ChangeSource) => void>();

  constructor(ydoc: Y.Doc, options: LiveReplicaOptions = {}) {
    this.ydoc = ydoc;
    this.current = readWorkspace(ydoc);
    // Every root type the binding writes: an undo step covers a change to any of them.
    const scope = [...ydoc.share.values()];
    this.undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout: options.captureTimeout ?? 0 });
    ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size === 0) return;
      // Root types created after the undo manager (a collection first used later) join its scope.
      for (const type of ydoc.share.values()) this.undoManager.addToScope(type);
      const next = readWorkspace(ydoc);
      if (next === this.current) return;
      this.current = next;
      const source: ChangeSource = transaction.origin === this.origin ? 'mine' : transaction.origin instanceof Y.UndoManager ? 'undo' : 'someone-else';
      for (const listener of this.listeners) listener(next, source);
    });
  }

  /** The document as this replica holds it now (valid, references settled). */
  get document(): WorkspaceDocument {
    return this.current;
  }

  /** Writes this person's new document into the shared one: one undo step (unless captureTimeout merges it). */
  commit(next: WorkspaceDocument): void {
    writeWorkspace(this.ydoc, next, this.origin);
  }

  /** Takes back this person's last change. Returns false when they have nothing left to undo. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  get canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  get canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Ends the current undo step, so the next commit starts a new one even within captureTimeout. */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  /** Hears every change of the document read: the person's own, their undo and redo, and everyone else's. */
  onChange(listener: (doc: WorkspaceDocument, source: ChangeSource) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.undoManager.destroy();
    this.listeners.clear();
  }
}
