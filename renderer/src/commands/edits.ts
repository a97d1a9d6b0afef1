import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  DEFAULT_CATEGORIES,
  RELATIONSHIP_STATUSES,
  MAX_STAGE_MINUTES,
  MAX_VOTING_BUDGET,
  SOLUTION_STATUSES,
  STAGE_VIEWS,
  STAKEHOLDER_KINDS,
} from '@shared/document/format';
import { fastValidate } from '@shared/document/fast-validate';
import { relationshipSchema, stakeholderSchema, workspaceSchema, type WorkspaceDocument } from '@shared/document/schema';
import { addStage, moveStage, nextStage, previousStage, removeStage, setAgendaVisible, setCurrentStage, updateStage } from '@shared/operations/agenda';
import { castBallot, setHideResults, setRevealed, setVotingBudget, withdrawBallot, type BallotRefusal } from '@shared/operations/ballots';
import { addCategory, deleteCategory, moveCategory, updateCategory } from '@shared/operations/categories';
import { addParticipant, removeParticipant, updateParticipant } from '@shared/operations/participants';
import { pasteFragment } from '@shared/operations/clipboard';
import { seededRandom } from '@shared/operations/seeded-random';
import { deleteItems } from '@shared/operations/delete-items';
import {
  addPainPoint,
  addQuote,
  attachPainPoint,
  deletePainPoint,
  detachPainPoint,
  moveQuote,
  removeQuote,
  setQuoteVoice,
  updatePainPoint,
  updateQuote,
  voteDown,
  voteUp,
} from '@shared/operations/pain-points';
import { connectStakeholders, setRelationshipStatus, updateOtherSide, updateRelationship } from '@shared/operations/relationships';
import { addressPainPoint, addSolution, deleteSolution, unaddressPainPoint, updateSolution } from '@shared/operations/solutions';
import { addStakeholder, moveStakeholders, updateStakeholder } from '@shared/operations/stakeholders';
import { applyMerge, planMerge, type MergeDecisions } from '@shared/merge/merge-plan';
import { deleteSnapshot, renameSnapshot, restoreSnapshot, takeSnapshot } from '@shared/operations/snapshots';
import { setWorkspaceTitle } from '@shared/operations/workspace';
import { commit, documentNow, type CommitOptions } from '../store/editor-store';

/*
 * Every change to the document is one of these edits: a name and JSON arguments (plain data, so an edit can be
 * logged, replayed in a test, or later sent to the other participants of a live session), run over a pure
 * operation from shared/operations. Arguments are checked with their schema before anything runs: an edit that
 * arrives from elsewhere is validated like a file. Components call `edit(name, args)`; they never commit to the
 * store themselves (eslint.config.js enforces it).
 *
 * Ids of what an edit creates are chosen by the caller and travel in the arguments (and a paste carries the seed
 * of its ids), so replaying an edit on the same document gives the same document.
 */

/** Why an edit was refused: the caller tells the user (see tryEdit). */
export type EditRefusal = BallotRefusal;

interface EditDefinition<Args> {
  readonly args: z.ZodType<Args>;
  /**
   * For an edit that can be refused for a reason the user must hear (a vote over budget): the reason, or null
   * when `apply` may run. Runs on the document as it is, just before the edit; a refused edit changes nothing.
   */
  refuse?(doc: WorkspaceDocument, args: Args): EditRefusal | null;
  /** The pure operation. Returning the same document means "nothing to do": no undo step is recorded. */
  apply(doc: WorkspaceDocument, args: Args): WorkspaceDocument;
  /** Consecutive edits with the same key (typing in one field) merge into one undo step. */
  coalesceKey?(args: Args): string | null;
  /** What to select or open once the edit is made, from the documents before and after it. */
  after?(args: Args, before: WorkspaceDocument, after: WorkspaceDocument): Pick<CommitOptions, 'select' | 'open'>;
}

const define = <Args>(definition: EditDefinition<Args>) => definition;

const id = z.string().min(1).max(10_000);
const text = z.string().max(1_000_000);
const point = z.object({ x: z.number().finite(), y: z.number().finite() });
const rating = z.number().int().min(1).max(5).nullable();
const attachment = z.object({ type: z.enum(ATTACHMENT_TYPES), id });
/** Which field a typed change belongs to: its edits merge into one undo step. */
const field = z.string().max(100).optional();
const fieldKey = (kind: string, args: { id: string; field?: string | undefined }) => (args.field ? `${kind}:${args.id}:${args.field}` : null);

const newIds = (before: readonly { id: string }[], after: readonly { id: string }[]) => {
  const old = new Set(before.map((item) => item.id));
  return after.filter((item) => !old.has(item.id)).map((item) => item.id);
};

/**
 * A workspace saved by another tool may list no categories; a pain point needs one, so the first default
 * category comes back with it (in the same undo step).
 */
function withSomeCategory(doc: WorkspaceDocument): WorkspaceDocument {
  const first = DEFAULT_CATEGORIES[0];
  return doc.categories.length > 0 || !first ? doc : addCategory(doc, { ...first });
}

/** The table of edits, by name. */
export const EDITS = {
  'workspace.setTitle': define({
    args: z.object({ title: z.string().max(10_000) }),
    apply: (doc, a) => setWorkspaceTitle(doc, a.title),
    coalesceKey: () => 'workspace:title',
  }),
  /** Replaces the whole document (Restore Previous Version), as one undo step. */
  'workspace.replace': define({
    // Checked as a file is, but passed on as it is: rebuilding it with zod would drop what parse keeps.
    args: z.object({
      document: z.custom<WorkspaceDocument>((value) => fastValidate(value) !== null || workspaceSchema.safeParse(value).success, {
        message: 'is not a valid workspace',
      }),
    }),
    apply: (_doc, a) => a.document,
  }),

  /** Keeps the map as it is now as a named, dated snapshot inside the workspace. */
  'snapshot.take': define({
    args: z.object({ id, name: z.string().max(10_000), takenAt: z.iso.datetime({ offset: true }) }),
    apply: (doc, a) => takeSnapshot(doc, a),
  }),
  'snapshot.rename': define({
    args: z.object({ id, name: z.string().max(10_000), field }),
    apply: (doc, a) => renameSnapshot(doc, a.id, a.name),
    coalesceKey: (a) => fieldKey('snapshot', a),
  }),
  'snapshot.delete': define({
    args: z.object({ id }),
    apply: (doc, a) => deleteSnapshot(doc, a.id),
  }),
  /** Brings the map back to a snapshot, as one undo step; the timeline is kept. */
  'snapshot.restore': define({
    args: z.object({ id }),
    apply: (doc, a) => restoreSnapshot(doc, a.id),
    after: () => ({ select: {} }),
  }),

  /**
   * File > Merge Workspace…: the incoming workspace merged in by the decisions made in the preview, as one undo
   * step. The plan is made again here, for the document as it is now (shared/merge/merge-plan.ts).
   */
  'workspace.merge': define({
    args: z.object({
      incoming: z.custom<WorkspaceDocument>((value) => fastValidate(value) !== null || workspaceSchema.safeParse(value).success, {
        message: 'is not a valid workspace',
      }),
      decisions: z.custom<MergeDecisions>((value) => typeof value === 'object' && value !== null, { message: 'are not merge decisions' }),
    }),
    apply: (doc, a) => applyMerge(doc, planMerge(doc, a.incoming, a.decisions)),
    after: () => ({ select: {} }),
  }),

  'stakeholder.add': define({
    args: z.object({ id, name: z.string().max(10_000), kind: z.enum(STAKEHOLDER_KINDS), position: point }),
    apply: (doc, a) => addStakeholder(doc, a),
    after: (a) => ({ select: { stakeholderIds: [a.id] } }),
  }),
  'stakeholder.update': define({
    args: z.object({
      id,
      patch: z
        .object({
          name: z.string().max(10_000),
          kind: z.enum(STAKEHOLDER_KINDS),
          owner: z.string().max(10_000),
          notes: text,
          color: z.string().max(10_000).nullable(),
          influence: rating,
          interest: rating,
          /** Tidy layout leaves a pinned stakeholder where it is. */
          pinned: z.boolean(),
        })
        .partial(),
      field,
    }),
    apply: (doc, a) => updateStakeholder(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('stakeholder', a),
  }),
  /** The end of a drag: every moved stakeholder at once, one undo step. */
  'stakeholder.move': define({
    args: z.object({ moves: z.array(z.object({ id, position: point })).max(100_000) }),
    apply: (doc, a) => moveStakeholders(doc, a.moves),
  }),

  'relationship.connect': define({
    args: z.object({ id, source: id, target: id }),
    apply: (doc, a) => connectStakeholders(doc, a),
    after: (a) => ({ select: { relationshipIds: [a.id] } }),
  }),
  'relationship.update': define({
    args: z.object({
      id,
      patch: z.object({ status: z.enum(RELATIONSHIP_STATUSES), label: z.string().max(10_000), notes: text }).partial(),
      field,
    }),
    apply: (doc, a) => updateRelationship(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('relationship', a),
  }),
  /** Records, changes or (otherSide null) forgets how the other side sees the relationship. */
  'relationship.otherSide': define({
    args: z.object({
      id,
      otherSide: z.object({ status: z.enum(RELATIONSHIP_STATUSES), notes: text }).partial().nullable(),
      field,
    }),
    apply: (doc, a) => updateOtherSide(doc, a.id, a.otherSide),
    coalesceKey: (a) => fieldKey('relationship-other-side', a),
  }),
  'relationship.setStatus': define({
    args: z.object({ ids: z.array(id).max(100_000), status: z.enum(RELATIONSHIP_STATUSES) }),
    apply: (doc, a) => setRelationshipStatus(doc, a.ids, a.status),
  }),

  /** Deletes stakeholders (with their relationships) and relationships; their pain points stay. */
  'items.delete': define({
    args: z.object({ stakeholderIds: z.array(id).max(100_000), relationshipIds: z.array(id).max(100_000) }),
    apply: (doc, a) => deleteItems(doc, a),
    after: () => ({ select: {} }),
  }),
  /** Pastes stakeholders copied from Stakemap, `offset` from where they were; `seed` makes their new ids. */
  'items.paste': define({
    args: z.object({
      stakeholders: z.array(stakeholderSchema).max(10_000),
      relationships: z.array(relationshipSchema).max(50_000),
      offset: point,
      seed: z.number().int(),
    }),
    apply: (doc, a) => pasteFragment(doc, { stakeholders: a.stakeholders, relationships: a.relationships }, a.offset, seededRandom(a.seed)).doc,
    after: (_a, before, after) => ({ select: { stakeholderIds: newIds(before.stakeholders, after.stakeholders) } }),
  }),

  'painPoint.add': define({
    args: z.object({ id, title: z.string().max(10_000), categoryId: z.string().max(10_000).optional(), attachedTo: z.array(attachment).max(100_000) }),
    apply: (doc, a) => {
      const withCategory = withSomeCategory(doc);
      const categoryId = a.categoryId ?? withCategory.categories[0]?.id ?? '';
      return addPainPoint(withCategory, { id: a.id, title: a.title, categoryId, attachedTo: a.attachedTo });
    },
    after: (a) => ({ open: { type: 'painPoint', id: a.id } }),
  }),
  /**
   * A pain point typed in the quick capture field, with its quote, as one undo step. Unlike painPoint.add it opens
   * nothing and leaves the selection as it is: the facilitator keeps typing the next one, attached to the same items.
   */
  'painPoint.capture': define({
    args: z.object({
      id,
      title: z.string().max(10_000),
      quotes: z.array(text).max(1_000),
      categoryId: z.string().max(10_000).optional(),
      attachedTo: z.array(attachment).max(100_000),
    }),
    apply: (doc, a) => {
      const withCategory = withSomeCategory(doc);
      const categoryId = a.categoryId ?? withCategory.categories[0]?.id ?? '';
      const added = addPainPoint(withCategory, { id: a.id, title: a.title, categoryId, attachedTo: a.attachedTo, quotes: a.quotes });
      // Refused (a taken id, a category or item that went away): no step at all, not a lone default category.
      return added === withCategory ? doc : added;
    },
  }),
  'painPoint.update': define({
    args: z.object({
      id,
      patch: z.object({ title: z.string().max(10_000), description: text, categoryId: z.string().max(10_000), voice: id.nullable() }).partial(),
      field,
    }),
    apply: (doc, a) => updatePainPoint(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('painPoint', a),
  }),
  'painPoint.voteUp': define({ args: z.object({ id }), apply: (doc, a) => voteUp(doc, a.id) }),
  'painPoint.voteDown': define({ args: z.object({ id }), apply: (doc, a) => voteDown(doc, a.id) }),
  'painPoint.addQuote': define({ args: z.object({ id, text, voice: id.nullable().optional() }), apply: (doc, a) => addQuote(doc, a.id, a.text, a.voice ?? null) }),
  'painPoint.updateQuote': define({
    args: z.object({ id, index: z.number().int().min(0), text }),
    apply: (doc, a) => updateQuote(doc, a.id, a.index, a.text),
    coalesceKey: (a) => `painPoint:${a.id}:quote:${a.index}`,
  }),
  'painPoint.setQuoteVoice': define({
    args: z.object({ id, index: z.number().int().min(0), voice: id.nullable() }),
    apply: (doc, a) => setQuoteVoice(doc, a.id, a.index, a.voice),
  }),
  'painPoint.moveQuote': define({
    args: z.object({ id, from: z.number().int().min(0), to: z.number().int().min(0) }),
    apply: (doc, a) => moveQuote(doc, a.id, a.from, a.to),
  }),
  'painPoint.removeQuote': define({ args: z.object({ id, index: z.number().int().min(0) }), apply: (doc, a) => removeQuote(doc, a.id, a.index) }),
  'painPoint.attach': define({ args: z.object({ id, attachment }), apply: (doc, a) => attachPainPoint(doc, a.id, a.attachment) }),
  'painPoint.detach': define({ args: z.object({ id, attachment }), apply: (doc, a) => detachPainPoint(doc, a.id, a.attachment) }),
  'painPoint.delete': define({ args: z.object({ id }), apply: (doc, a) => deletePainPoint(doc, a.id) }),

  'solution.add': define({
    args: z.object({ id, title: z.string().max(10_000), addresses: z.array(id).max(100_000) }),
    apply: (doc, a) => addSolution(doc, a),
    after: (a) => ({ open: { type: 'solution', id: a.id } }),
  }),
  'solution.update': define({
    args: z.object({
      id,
      patch: z
        .object({
          title: z.string().max(10_000),
          description: text,
          status: z.enum(SOLUTION_STATUSES),
          owner: z.string().max(10_000),
          impact: rating,
          effort: rating,
          dueDate: z.iso.date().nullable(),
        })
        .partial(),
      field,
    }),
    apply: (doc, a) => updateSolution(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('solution', a),
  }),
  'solution.address': define({ args: z.object({ id, painPointId: id }), apply: (doc, a) => addressPainPoint(doc, a.id, a.painPointId) }),
  'solution.unaddress': define({ args: z.object({ id, painPointId: id }), apply: (doc, a) => unaddressPainPoint(doc, a.id, a.painPointId) }),
  'solution.delete': define({ args: z.object({ id }), apply: (doc, a) => deleteSolution(doc, a.id) }),

  'category.add': define({
    args: z.object({ id, name: z.string().max(10_000), color: z.string().max(10_000) }),
    apply: (doc, a) => addCategory(doc, a),
  }),
  'category.update': define({
    args: z.object({ id, patch: z.object({ name: z.string().max(10_000), color: z.string().max(10_000) }).partial(), field }),
    apply: (doc, a) => updateCategory(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('category', a),
  }),
  'category.move': define({ args: z.object({ id, to: z.number().int().min(0) }), apply: (doc, a) => moveCategory(doc, a.id, a.to) }),
  /** Deletes a category; its pain points move to `reassignTo` in the same step (refused while in use without one). */
  'category.delete': define({ args: z.object({ id, reassignTo: id.nullable() }), apply: (doc, a) => deleteCategory(doc, a.id, a.reassignTo) }),

  'participant.add': define({
    args: z.object({ id, label: z.string().max(10_000), departmentId: id.nullable().optional() }),
    apply: (doc, a) => addParticipant(doc, a),
  }),
  'participant.update': define({
    args: z.object({ id, patch: z.object({ label: z.string().max(10_000), departmentId: id.nullable() }).partial(), field }),
    apply: (doc, a) => updateParticipant(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('participant', a),
  }),
  /** Removes a participant and the ballots they cast. */
  'participant.remove': define({ args: z.object({ id }), apply: (doc, a) => removeParticipant(doc, a.id) }),

  /** One of a participant's dots on a pain point; refused (with the reason) over budget, twice, or for what is gone. */
  'ballot.cast': define({
    args: z.object({ participantId: id, painPointId: id }),
    refuse: (doc, a) => {
      const result = castBallot(doc, a);
      return result.ok ? null : result.reason;
    },
    apply: (doc, a) => {
      const result = castBallot(doc, a);
      return result.ok ? result.doc : doc;
    },
  }),
  'ballot.withdraw': define({ args: z.object({ participantId: id, painPointId: id }), apply: (doc, a) => withdrawBallot(doc, a) }),
  /** The voting settings; a budget below what someone has cast is refused with the reason. */
  'voting.update': define({
    args: z.object({ budget: z.number().int().min(1).max(MAX_VOTING_BUDGET), hideResults: z.boolean(), revealed: z.boolean() }).partial(),
    refuse: (doc, a) => {
      if (a.budget === undefined) return null;
      const result = setVotingBudget(doc, a.budget);
      return result.ok ? null : result.reason;
    },
    apply: (doc, a) => {
      let next = doc;
      if (a.budget !== undefined) {
        const result = setVotingBudget(next, a.budget);
        if (!result.ok) return doc;
        next = result.doc;
      }
      if (a.hideResults !== undefined) next = setHideResults(next, a.hideResults);
      if (a.revealed !== undefined) next = setRevealed(next, a.revealed);
      return next;
    },
  }),

  'agenda.addStage': define({
    args: z.object({
      id,
      title: z.string().max(10_000),
      goal: text.optional(),
      minutes: z.number().int().min(1).max(MAX_STAGE_MINUTES),
      view: z.enum(STAGE_VIEWS).optional(),
      voting: z.boolean().optional(),
      index: z.number().int().min(0).optional(),
    }),
    apply: (doc, { index, ...stage }) => addStage(doc, stage, index),
  }),
  'agenda.updateStage': define({
    args: z.object({
      id,
      patch: z
        .object({ title: z.string().max(10_000), goal: text, minutes: z.number().int().min(1).max(MAX_STAGE_MINUTES), view: z.enum(STAGE_VIEWS), voting: z.boolean() })
        .partial(),
      field,
    }),
    apply: (doc, a) => updateStage(doc, a.id, a.patch),
    coalesceKey: (a) => fieldKey('stage', a),
  }),
  'agenda.moveStage': define({ args: z.object({ id, to: z.number().int().min(0) }), apply: (doc, a) => moveStage(doc, a.id, a.to) }),
  'agenda.removeStage': define({ args: z.object({ id }), apply: (doc, a) => removeStage(doc, a.id) }),
  /** Makes a stage current (null: the first). */
  'agenda.setCurrentStage': define({ args: z.object({ id: id.nullable() }), apply: (doc, a) => setCurrentStage(doc, a.id) }),
  'agenda.nextStage': define({ args: z.object({}), apply: (doc) => nextStage(doc) }),
  'agenda.previousStage': define({ args: z.object({}), apply: (doc) => previousStage(doc) }),
  'agenda.setVisible': define({ args: z.object({ visible: z.boolean() }), apply: (doc, a) => setAgendaVisible(doc, a.visible) }),
} as const;

export type EditName = keyof typeof EDITS;
type DefinitionOf<N extends EditName> = (typeof EDITS)[N];
export type EditArgs<N extends EditName> = DefinitionOf<N> extends EditDefinition<infer A> ? A : never;

/** An edit as plain data: what a log, a test or another participant would carry. */
export type EditCall = { [N in EditName]: { readonly name: N; readonly args: EditArgs<N> } }[EditName];

/** Thrown for an edit whose name is unknown or whose arguments do not match its schema. */
export class InvalidEditError extends Error {
  override name = 'InvalidEditError';
}

/**
 * Runs one edit on the open workspace as one undoable step. Returns true when the document changed (false for
 * an edit with nothing to do, or with no workspace open). Throws InvalidEditError for arguments that do not
 * match the edit's schema: that is a bug in the caller, or a hostile message.
 */
export function edit<N extends EditName>(name: N, args: EditArgs<N>): boolean {
  return runEdit({ name, args });
}

/** What tryEdit reports: whether the document changed, or why the edit was refused (nothing changed then). */
export type EditOutcome = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly reason: EditRefusal };

/**
 * Runs one edit like `edit`, and for an edit that can be refused (ballot.cast, voting.update with a budget) says
 * why it was: the caller words the reason for the user (describeBallotRefusal). A refused edit records no undo step.
 */
export function tryEdit<N extends EditName>(name: N, args: EditArgs<N>): EditOutcome {
  return runEditWithOutcome({ name, args });
}

/** Runs an edit given as plain data (see edit). */
export function runEdit(call: { readonly name: string; readonly args: unknown }): boolean {
  const outcome = runEditWithOutcome(call);
  return outcome.ok && outcome.changed;
}

function runEditWithOutcome(call: { readonly name: string; readonly args: unknown }): EditOutcome {
  if (!Object.hasOwn(EDITS, call.name)) throw new InvalidEditError(`There is no edit named ${JSON.stringify(call.name)}.`);
  const definition = EDITS[call.name as EditName] as unknown as EditDefinition<unknown>;
  const checked = definition.args.safeParse(call.args);
  if (!checked.success) throw new InvalidEditError(`The arguments of ${call.name} are not valid: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const args = checked.data;
  const doc = documentNow();
  const reason = doc && definition.refuse ? definition.refuse(doc, args) : null;
  if (reason) return { ok: false, reason };
  const changed = commit((doc) => definition.apply(doc, args), (before, after) => ({
    coalesceKey: definition.coalesceKey?.(args) ?? undefined,
    ...definition.after?.(args, before, after),
  }));
  return { ok: true, changed };
}
