import * as Y from 'yjs';

/*
 * The host's rule for crash-resume: nothing leaves the host before it is on disk. Whatever a participant has been
 * told (their change acknowledged) or has seen (someone's change broadcast), a host killed at any moment and
 * started again from its state folder still has. Without it, a change that was broadcast but not yet saved would
 * come back after a restart inside another participant's sync, judged as that participant's change, and refused
 * if their role does not allow it.
 *
 * Two gates:
 *   - A participant's update is judged on a scratch copy first (update-check.ts); once accepted, the host's state
 *     with that update merged in is written (`writeWith`), and only then does Hocuspocus apply it and send the
 *     acknowledgement (its sync-status message goes out when the update is applied, so the acknowledgement
 *     always follows the write).
 *   - Broadcasts wait for the write. The Hocuspocus Document batches outgoing messages until its `flush()`; the
 *     server configures the batch window to be endless and this class flushes when the state on disk has caught
 *     up with the document. Changes made on the host itself (writeWorkspace with the host's origin) are thus
 *     written before any participant receives them.
 *
 * Writes are serialized and coalesced: a burst of changes costs one write for all of them (each write takes the
 * state as it is when it starts). Presence (awareness) goes through the same batch: it is flushed at once when
 * nothing is waiting to be written, and otherwise with the next write.
 */

/** The Hocuspocus Document, as far as this class needs it. */
export interface BatchedDocument extends Y.Doc {
  flush(): unknown;
}

export interface PersistBeforeBroadcastOptions {
  readonly document: BatchedDocument;
  readonly write: (state: Uint8Array) => Promise<void>;
  /** Told of a failed write; the next change (or `retry`) tries again. Nothing is broadcast meanwhile. */
  readonly onWriteFailed: (error: unknown) => void;
}

export class PersistBeforeBroadcast {
  /** Changes the document has had, and how many of them are on disk. */
  private changes = 0;
  private written = 0;
  /** Accepted updates not yet applied to the document, by the connection that sent them: merged into each write. */
  private readonly pendingUpdates = new Map<object, { readonly update: Uint8Array; onDisk: boolean }>();
  private writing: Promise<void> | null = null;
  private writeAgain = false;
  private flushScheduled = false;
  private stopped = false;

  constructor(private readonly options: PersistBeforeBroadcastOptions) {}

  /**
   * Writes the document's state with `update` (from `sender`, accepted, not applied yet) merged in. Resolves once
   * it is on disk; rejects if the write failed. Call `applied(sender)` after the update was applied or dropped.
   */
  async writeWith(sender: object, update: Uint8Array): Promise<void> {
    const pending = { update, onDisk: false };
    this.pendingUpdates.set(sender, pending);
    await this.writeSoon();
    if (!pending.onDisk) await this.writeSoon();
    if (!pending.onDisk) throw new Error('The session state could not be saved.');
  }

  /** The update `sender` had pending is in the document now, or was dropped: later writes take it from there. */
  applied(sender: object): void {
    this.pendingUpdates.delete(sender);
  }

  /**
   * The document changed (any origin). A participant's update that `writeWith` already wrote needs no other write:
   * pass its sender, and it is broadcast at once if nothing else is waiting.
   */
  changed(sender: object | null): void {
    const pending = sender === null ? undefined : this.pendingUpdates.get(sender);
    const everythingElseWritten = this.written === this.changes;
    this.changes += 1;
    if (pending?.onDisk && everythingElseWritten) {
      this.written = this.changes;
      this.scheduleFlush();
      return;
    }
    void this.writeSoon().catch(() => undefined);
  }

  /** Presence changed: it goes out now if nothing is waiting to be written, or with the next write otherwise. */
  presenceChanged(): void {
    if (this.written === this.changes) this.scheduleFlush();
  }

  /** Resolves when every change so far is on disk (or a write failed). */
  async settled(): Promise<void> {
    while (this.writing !== null) await this.writing.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Starts a write unless one is running; a running one is followed by another, which takes the newest state. */
  private writeSoon(): Promise<void> {
    if (this.writing !== null) {
      this.writeAgain = true;
      // The write after the running one: wait for the chain to end.
      return this.writing.then(() => this.writing ?? undefined);
    }
    this.writing = this.writeLoop().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async writeLoop(): Promise<void> {
    do {
      this.writeAgain = false;
      const target = this.changes;
      const included = [...this.pendingUpdates.values()];
      const state = included.length === 0 ? Y.encodeStateAsUpdate(this.options.document) : Y.mergeUpdates([Y.encodeStateAsUpdate(this.options.document), ...included.map((p) => p.update)]);
      try {
        await this.options.write(state);
      } catch (error) {
        this.options.onWriteFailed(error);
        throw error;
      }
      for (const pending of included) pending.onDisk = true;
      this.written = Math.max(this.written, target);
    } while (this.writeAgain || this.written < this.changes);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    // After the current turn: Hocuspocus applies an accepted update right after writeWith resolves.
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.stopped && this.written === this.changes) this.options.document.flush();
    });
  }
}
