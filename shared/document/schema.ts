import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  DEFAULT_CATEGORIES,
  FORMAT_ID,
  MAX_COORDINATE,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  RELATIONSHIP_STATUSES,
  SOLUTION_STATUSES,
  STAKEHOLDER_KINDS,
} from './format';

/*
 * Zod schema of format version 1. Every object is "loose": properties this version does not know are kept,
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

export const relationshipSchema = z.looseObject({
  id,
  source: id,
  target: id,
  status: z.enum(RELATIONSHIP_STATUSES).default('neutral'),
  label: shortText.default(''),
  notes: longText.default(''),
});

export const attachmentSchema = z.looseObject({
  type: z.enum(ATTACHMENT_TYPES),
  id,
});

export const painPointSchema = z.looseObject({
  id,
  title: shortText,
  description: longText.default(''),
  categoryId: shortText.default(''),
  quotes: z.array(longText).default([]),
  attachedTo: z.array(attachmentSchema).default([]),
  votes: z.int().min(0).default(0),
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

/** An ISO 8601 date and time with an offset, as `createdAt` and `updatedAt` hold. */
export const isoDateSchema = z.iso.datetime({ offset: true });
const isoDate = isoDateSchema;

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
});

export type WorkspaceDocument = z.output<typeof workspaceSchema>;
export type Stakeholder = z.output<typeof stakeholderSchema>;
export type Relationship = z.output<typeof relationshipSchema>;
export type PainPoint = z.output<typeof painPointSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type Solution = z.output<typeof solutionSchema>;
export type Category = z.output<typeof categorySchema>;
export type Viewport = z.output<typeof viewportSchema>;
export type Position = Stakeholder['position'];
