import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  DEFAULT_CATEGORIES,
  DEFAULT_STAGES,
  DEFAULT_VOTING_BUDGET,
  FORMAT_ID,
  MAX_STAGE_MINUTES,
  MAX_VOTING_BUDGET,
  MAX_COORDINATE,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  RELATIONSHIP_STATUSES,
  SOLUTION_STATUSES,
  STAGE_VIEWS,
  STAKEHOLDER_KINDS,
} from './format';

/*
 * Zod schema of format version 4 (docs/format.md describes it; docs/stakemap.schema.json is generated from it). Every object is "loose": properties this version does not know are kept,
 * so a file edited by another tool loses nothing when we save it. Fields a hand-written file may reasonably
 * leave out (notes, owner, label ...) get their empty default; identity and structure are required.
 * Text and numbers are bounded (see format.ts) so that a hostile or damaged file cannot stall the editor.
 */

const id = z.string().min(1, { message: 'a non-empty id' }).max(MAX_SHORT_TEXT);
/** One-line text drawn on the map or in lists (names, titles, labels, owners). */
const shortText = z.string().max(MAX_SHORT_TEXT);
/** Long-form text (notes, descriptions, quotes). */
const longText = z.string().max(MAX_LONG_TEXT);
const rating = z.int().min(1).max(5).optional();
/** z.number() already refuses Infinity (JSON has none, but 1e999 parses to it); the bound keeps map bounds finite. */
const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const point = z.looseObject({ x: coordinate, y: coordinate });

export const stakeholderSchema = z.looseObject({
  id,
  name: shortText,
  kind: z.enum(STAKEHOLDER_KINDS),
  position: point,
  influence: rating,
  interest: rating,
  owner: shortText.default(''),
  notes: longText.default(''),
  color: shortText.nullable().default(null),
  /**
   * Left where it is by Tidy layout. Optional and written only when true, so files without pinned stakeholders
   * stay byte for byte what they were, and older versions of the app keep it as an unknown property.
   */
  pinned: z.boolean().optional(),
});

/**
 * How the other side of a relationship (its target) sees it, when the room has asked them: their status and a
 * note in their words. A relationship's own `status` is how its source side sees it.
 */
export const otherSideSchema = z.looseObject({
  status: z.enum(RELATIONSHIP_STATUSES),
  notes: longText.default(''),
});

export const relationshipSchema = z.looseObject({
  id,
  source: id,
  target: id,
  status: z.enum(RELATIONSHIP_STATUSES).default('neutral'),
  label: shortText.default(''),
  notes: longText.default(''),
  /**
   * How the target side sees the relationship; null: not recorded (which is not the same as agreeing). New in
   * format version 3: the migration from version 2 gives every relationship null.
   */
  otherSide: otherSideSchema.nullable().default(null),
});

export const attachmentSchema = z.looseObject({
  type: z.enum(ATTACHMENT_TYPES),
  id,
});

/** A quote heard in the room, optionally with the department (stakeholder id) whose voice it was. */
export const quoteSchema = z.looseObject({
  text: longText,
  voice: id.nullable().default(null),
});

export const painPointSchema = z.looseObject({
  id,
  title: shortText,
  description: longText.default(''),
  categoryId: shortText.default(''),
  quotes: z.array(quoteSchema).default([]),
  attachedTo: z.array(attachmentSchema).default([]),
  /** Votes entered as a count (sticker dots in the room). The total adds the ballots (shared/domain/votes.ts). */
  tally: z.int().min(0).default(0),
  /** The stakeholder (department) whose voice the pain point came from; never a person. */
  voice: id.nullable().default(null),
});

export const solutionSchema = z.looseObject({
  id,
  title: shortText,
  description: longText.default(''),
  addresses: z.array(id).default([]),
  status: z.enum(SOLUTION_STATUSES).default('idea'),
  owner: shortText.default(''),
  impact: rating,
  effort: rating,
  /** A calendar date, "YYYY-MM-DD". */
  dueDate: z.iso.date().nullable().default(null),
});

export const categorySchema = z.looseObject({
  id,
  name: shortText,
  color: shortText,
});

export const viewportSchema = z.looseObject({
  x: z.number(),
  y: z.number(),
  zoom: z.number().positive(),
});

export const stageSchema = z.looseObject({
  id,
  title: shortText,
  goal: longText.default(''),
  minutes: z.int().min(1).max(MAX_STAGE_MINUTES),
  /** The view the stage opens. */
  view: z.enum(STAGE_VIEWS).default('map'),
  /** Whether the stage turns dot voting on. */
  voting: z.boolean().default(false),
});

export const agendaSchema = z.looseObject({
  visible: z.boolean().default(true),
  /** null: the first stage. */
  currentStageId: id.nullable().default(null),
  stages: z.array(stageSchema).default(() => DEFAULT_STAGES.map((s) => ({ ...s }))),
});

export const participantSchema = z.looseObject({
  id,
  /** A display name or an anonymous label such as "P3". */
  label: shortText,
  /** The stakeholder that is the participant's department. */
  departmentId: id.nullable().default(null),
});

export const votingSchema = z.looseObject({
  budget: z.int().min(1).max(MAX_VOTING_BUDGET).default(DEFAULT_VOTING_BUDGET),
  hideResults: z.boolean().default(false),
  revealed: z.boolean().default(false),
});

/** One dot: a participant's vote for a pain point. At most one per pair. */
export const ballotSchema = z.looseObject({
  participantId: id,
  painPointId: id,
});

/** An ISO 8601 date and time with an offset, as `createdAt` and `updatedAt` hold. */
export const isoDateSchema = z.iso.datetime({ offset: true });
const isoDate = isoDateSchema;

/**
 * The map as a snapshot keeps it: what "What changed" compares and Restore brings back. The agenda, participants
 * and voting settings are the room's, not the map's, so they are not kept; ballots are, as a pain point's votes.
 */
export const snapshotStateSchema = z.looseObject({
  stakeholders: z.array(stakeholderSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  painPoints: z.array(painPointSchema).default([]),
  solutions: z.array(solutionSchema).default([]),
  categories: z.array(categorySchema).default(() => DEFAULT_CATEGORIES.map((c) => ({ ...c }))),
  ballots: z.array(ballotSchema).default([]),
});

/**
 * A named, dated copy of the map's state, kept inside the workspace (format version 4). Stakemap writes its
 * `state` compactly, on one line (serialize.ts); any JSON layout of it reads the same.
 */
export const snapshotSchema = z.looseObject({
  id,
  name: shortText,
  takenAt: isoDateSchema,
  state: snapshotStateSchema,
});

export const workspaceSchema = z.looseObject({
  format: z.literal(FORMAT_ID),
  version: z.int().min(1),
  title: shortText.default('Untitled workspace'),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
  stakeholders: z.array(stakeholderSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  painPoints: z.array(painPointSchema).default([]),
  solutions: z.array(solutionSchema).default([]),
  categories: z.array(categorySchema).default(() => DEFAULT_CATEGORIES.map((c) => ({ ...c }))),
  viewport: viewportSchema.default({ x: 0, y: 0, zoom: 1 }),
  agenda: agendaSchema.default(() => ({ visible: true, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) })),
  participants: z.array(participantSchema).default([]),
  voting: votingSchema.default(() => ({ budget: DEFAULT_VOTING_BUDGET, hideResults: false, revealed: false })),
  ballots: z.array(ballotSchema).default([]),
  /**
   * Named copies of the map taken during the workshop, oldest first. History: nothing in them is checked against
   * the map as it is now. New in format version 4: the migration from version 3 gives every workspace an empty list.
   */
  snapshots: z.array(snapshotSchema).default([]),
});

export type WorkspaceDocument = z.output<typeof workspaceSchema>;
export type Stakeholder = z.output<typeof stakeholderSchema>;
export type Relationship = z.output<typeof relationshipSchema>;
export type OtherSide = z.output<typeof otherSideSchema>;
export type PainPoint = z.output<typeof painPointSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type Solution = z.output<typeof solutionSchema>;
export type Category = z.output<typeof categorySchema>;
export type Viewport = z.output<typeof viewportSchema>;
export type Position = Stakeholder['position'];
export type Quote = z.output<typeof quoteSchema>;
export type Stage = z.output<typeof stageSchema>;
export type Agenda = z.output<typeof agendaSchema>;
export type Participant = z.output<typeof participantSchema>;
export type Voting = z.output<typeof votingSchema>;
export type Ballot = z.output<typeof ballotSchema>;
export type Snapshot = z.output<typeof snapshotSchema>;
export type SnapshotState = z.output<typeof snapshotStateSchema>;
