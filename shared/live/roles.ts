import type { Ballot, WorkspaceDocument } from '../document/schema';
import { settleReferences } from './settle-references';

/*
 * Who may change what in a live session (issue 15, item 4), decided by the host's server for every update that
 * arrives, not only by what a participant's window offers:
 *
 *   facilitator  everything (the host; a co-facilitator the host promotes)
 *   editor       everything in the map, but not the session: the agenda and its current stage, the voting
 *                settings (budget, hidden results, reveal) and the participants list stay the facilitator's
 *   contributor  pain points (add them, change their text, category, quotes, voice and attachments) and their own
 *                dots; nothing else. Not deleting pain points: the document does not record who made one, so a
 *                contributor could otherwise delete everyone else's. Not the tally either: it is the count of the
 *                room's sticker dots the facilitator types in; a contributor's votes are ballots, within the budget
 *   viewer       nothing
 *
 * New participants join as contributors; the facilitator changes roles live.
 *
 * The check compares the document before and after the update, as every replica reads them (readWorkspace), so
 * it holds for whatever a tampered client sends. A permitted change can carry consequences into parts the role
 * may not touch: an editor deletes a stakeholder, and a participant's department lets go of it; a pain point goes,
 * and the dots on it with it. Those are the consequences of a permitted change, not changes of their own, so each
 * guarded part is compared with what it would be had the role's own changes happened and nothing else
 * (settleReferences applied to the guarded part as it was before).
 */

export const ROLES = ['facilitator', 'editor', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The role of someone who has just joined. */
export const JOINING_ROLE: Role = 'contributor';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type ChangeVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ChangeContext {
  /**
   * The participant record the sender votes as. When given, an editor's or contributor's change may add and
   * withdraw that participant's dots only; everyone else's stay as they were. The live server passes the
   * sender's clientId: a joiner votes as the participant record whose id is their clientId, which the
   * facilitator's app adds to the participants list when they join.
   */
  readonly voterId?: string;
  /**
   * The pain points the sender added in this session (the live server remembers them): a contributor may delete
   * those, so their own undo works, and no one else's.
   */
  readonly ownPainPointIds?: ReadonlySet<string>;
}

/** What an editor may not change: the session, which is the facilitator's. */
const SESSION_PARTS: readonly string[] = ['agenda', 'voting', 'participants'];

/** What a contributor may change: everything else in the document stays as it was. */
// `updatedAt` is the time of the last change, which every edit stamps: it follows whatever the contributor may change.
const CONTRIBUTOR_PARTS = new Set<string>(['painPoints', 'ballots', 'updatedAt']);

const OK: ChangeVerdict = { ok: true };

export function changeAllowed(role: Role, before: WorkspaceDocument, after: WorkspaceDocument, context: ChangeContext = {}): ChangeVerdict {
  switch (role) {
    case 'facilitator':
      return OK;
    case 'viewer':
      return sameJson(before, after) ? OK : refuse('A viewer can follow the map but not change it.');
    case 'editor': {
      const changed = changedGuardedPart(before, after, SESSION_PARTS);
      if (changed !== null) return refuse(`An editor cannot change ${describePart(changed)}: that is the facilitator's.`);
      return othersBallotsKept(before, after, context.voterId) ? OK : refuse("An editor can add or withdraw their own dots only, not other people's.");
    }
    case 'contributor': {
      const guarded = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !CONTRIBUTOR_PARTS.has(key));
      const changed = changedGuardedPart(before, after, guarded);
      if (changed !== null) return refuse(`A contributor can add and change pain points, quotes and their own dots, not ${describePart(changed)}.`);
      const afterIds = new Set(after.painPoints.map((p) => p.id));
      if (before.painPoints.some((p) => !afterIds.has(p.id) && !context.ownPainPointIds?.has(p.id))) {
        return refuse('A contributor can delete only the pain points they added: ask the facilitator.');
      }
      const tallyBefore = new Map(before.painPoints.map((p) => [p.id, p.tally]));
      if (after.painPoints.some((p) => p.tally !== (tallyBefore.get(p.id) ?? 0))) {
        return refuse("A contributor cannot change a pain point's tally (the room's counted dots): vote with your own dots instead.");
      }
      return othersBallotsKept(before, after, context.voterId) ? OK : refuse("A contributor can add or withdraw their own dots only, not other people's.");
    }
  }
}

/**
 * The first of `parts` the change touched beyond the consequences of what it changed elsewhere, or null: each is
 * compared with what it would be had it been left as it was before and only settled against the rest of `after`.
 */
function changedGuardedPart(before: WorkspaceDocument, after: WorkspaceDocument, parts: readonly string[]): string | null {
  const kept: Record<string, unknown> = { ...after };
  for (const part of parts) {
    if (part in before) kept[part] = before[part];
    else delete kept[part];
  }
  const expected = settleReferences(kept as WorkspaceDocument);
  return parts.find((part) => !sameJson(expected[part], after[part])) ?? null;
}

/** Whether everyone's dots but `voterId`'s are as they were, allowing for pain points or participants that went. */
function othersBallotsKept(before: WorkspaceDocument, after: WorkspaceDocument, voterId: string | undefined): boolean {
  if (voterId === undefined) return true;
  const isOthers = (ballot: Ballot) => ballot.participantId !== voterId;
  const expected = settleReferences({ ...after, ballots: [...before.ballots.filter(isOthers), ...after.ballots.filter((b) => !isOthers(b))] });
  const keys = (ballots: readonly Ballot[]) => new Set(ballots.filter(isOthers).map((b) => `${b.participantId}\u0000${b.painPointId}`));
  const want = keys(expected.ballots);
  const got = keys(after.ballots);
  return want.size === got.size && [...want].every((key) => got.has(key));
}

const PART_NAMES: Partial<Record<string, string>> = {
  stakeholders: 'stakeholders',
  relationships: 'relationships',
  solutions: 'solutions',
  categories: 'categories',
  participants: 'the participants list',
  agenda: 'the agenda or its current stage',
  voting: 'the voting settings',
  title: 'the title',
  viewport: 'the saved view of the map',
};

function describePart(part: string): string {
  return PART_NAMES[part] ?? `the document's "${part}"`;
}

function refuse(reason: string): ChangeVerdict {
  return { ok: false, reason };
}

/** Equality of two JSON values: key order does not matter, an undefined property is the same as a missing one. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((item, i) => sameJson(item, list[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return leftKeys.length === rightKeys.length && leftKeys.every((key) => sameJson(left[key], right[key]));
}
