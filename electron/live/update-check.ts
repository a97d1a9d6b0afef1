import * as Y from 'yjs';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { readWorkspace } from '../../shared/live/workspace-ydoc';
import { findShapeProblemIn } from './binding-shape';
import { changeAllowed, type ChangeContext, type Role } from '../../shared/live/roles';

/*
 * The host's verdict on one Yjs update from a participant, decided before the update touches the shared document:
 * the update is applied to a copy of the host's state, and the copy is what gets judged.
 *
 *   unchanged    the host has all of it already (a reconnect's sync, a viewer's empty sync): let it through
 *   incomplete   it builds on changes the host does not have yet (an update that overtook the one before it, lost
 *                when the network dropped): not applied; the host asks the sender for what is missing (a sync
 *                step 1), and the sender's answer brings the whole of it. Yjs would otherwise keep such an update
 *                pending and apply it later, when some other update fills the gap, and it would be judged as part
 *                of that other update, against that sender's role (a forged delete of items the host will create
 *                later would wait for them). Nothing pending is ever let into the host's state, so every change
 *                is judged once, as the change of whoever sent it
 *   refused      it cannot be read or applied, it would make the state hold something the binding does not write
 *                (binding-shape.ts), grow the state past the limit, or change what the sender's role does not
 *                allow (roles.ts)
 *   accepted     everything else
 *
 * The copy is kept rather than made for each update (for a state of 150 KB, 400 records, making a copy costs 10 ms
 * and judging on it 18 ms; judging on the kept copy, with the shape checked only where the update touched, 4 ms,
 * applying it to the host included): the judge follows every
 * change of the host's document, an accepted update stays in the copy (the host applies the same update next,
 * which the copy then already has), and a copy that took an update it should not keep is made again from the
 * host's state. So the copy holds the host's state plus the updates accepted and not yet applied, which is what
 * the next update will be applied after.
 */

export type UpdateVerdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'accepted'; readonly before: WorkspaceDocument; readonly after: WorkspaceDocument };

export interface UpdateToCheck {
  readonly update: Uint8Array;
  readonly role: Role;
  readonly context?: ChangeContext;
}

export interface UpdateCheckLimits {
  /** Largest the shared state may grow to, in bytes of its encoded form (estimated between copies). */
  readonly maxStateBytes: number;
}

const FROM_HOST = Symbol('host');
const FROM_PARTICIPANT = Symbol('participant');

export class UpdateJudge {
  private copy = new Y.Doc();
  /** The copy as it reads, until it changes. */
  private read: WorkspaceDocument | null = null;
  /** The encoded size of the copy's state when it was made, plus every change since: an upper bound. */
  private stateBytes = 0;

  constructor(
    private readonly host: Y.Doc,
    private readonly limits: UpdateCheckLimits,
  ) {
    this.remake();
    host.on('update', this.followHost);
  }

  judge(incoming: UpdateToCheck): UpdateVerdict {
    const { update, role } = incoming;
    try {
      // Against the host, not the copy: an update the copy has but the host has not applied yet (sent again on a
      // second connection) must still be written before it is acknowledged, as an accepted one.
      if (Y.snapshotContainsUpdate(Y.snapshot(this.host), update)) return { kind: 'unchanged' };
    } catch {
      return refuse('The change could not be read (it is not a Yjs update).');
    }
    if (role === 'viewer') return refuse('A viewer can follow the map but not change it.');
    if (this.stateBytes + update.byteLength > this.limits.maxStateBytes) {
      return refuse(`The change would make the shared document larger than ${Math.round(this.limits.maxStateBytes / (1024 * 1024))} MiB.`);
    }

    const before = this.document();
    const changed: Y.Transaction['changed'] = new Map();
    const collect = (transaction: Y.Transaction) => {
      if (transaction.origin !== FROM_PARTICIPANT) return;
      for (const [type, keys] of transaction.changed) changed.set(type, new Set([...(changed.get(type) ?? []), ...keys]));
    };
    this.copy.on('afterTransaction', collect);
    try {
      Y.applyUpdate(this.copy, update, FROM_PARTICIPANT);
    } catch {
      this.remake();
      return refuse('The change could not be applied to the shared document.');
    } finally {
      this.copy.off('afterTransaction', collect);
    }
    const verdict = this.verdictOnCopy(before, incoming, changed);
    if (verdict.kind === 'accepted') {
      this.read = verdict.after;
      this.stateBytes += update.byteLength;
    } else {
      this.remake();
    }
    return verdict;
  }

  /** An update judge() accepted was not applied to the host after all (it could not be saved): the copy drops it. */
  forgetAccepted(): void {
    this.remake();
  }

  destroy(): void {
    this.host.off('update', this.followHost);
    this.copy.destroy();
  }

  private verdictOnCopy(before: WorkspaceDocument, incoming: UpdateToCheck, changed: Y.Transaction['changed']): UpdateVerdict {
    if (this.copy.store.pendingStructs !== null || this.copy.store.pendingDs !== null) return { kind: 'incomplete' };
    const problem = findShapeProblemIn(this.copy, changed);
    if (problem !== null) return refuse(`The change would put ${problem} into the shared document.`);
    const after = readWorkspace(this.copy);
    const verdict = changeAllowed(incoming.role, before, after, incoming.context);
    return verdict.ok ? { kind: 'accepted', before, after } : refuse(verdict.reason);
  }

  private document(): WorkspaceDocument {
    this.read ??= readWorkspace(this.copy);
    return this.read;
  }

  private readonly followHost = (update: Uint8Array) => {
    const before = this.read;
    let grew = false;
    const noteChange = () => {
      grew = true;
    };
    this.copy.on('update', noteChange);
    Y.applyUpdate(this.copy, update, FROM_HOST);
    this.copy.off('update', noteChange);
    if (grew) {
      this.stateBytes += update.byteLength;
      this.read = null;
    } else {
      // An accepted update arriving at the host: the copy had it already.
      this.read = before;
    }
  };

  private remake(): void {
    const state = Y.encodeStateAsUpdate(this.host);
    this.copy.destroy();
    this.copy = new Y.Doc();
    Y.applyUpdate(this.copy, state, FROM_HOST);
    this.stateBytes = state.byteLength;
    this.read = null;
  }
}

function refuse(reason: string): UpdateVerdict {
  return { kind: 'refused', reason };
}
