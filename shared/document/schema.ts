import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  DEFAULT_CATEGORIES,
  FORMAT_ID,
  RELATIONSHIP_STATUSES,
  SOLUTION_STATUSES,
  STAKEHOLDER_KINDS,
} from './format';

/*
 * Zod schema of format version 1. Every object is "loose": properties this version does not know are kept,
 * so a file edited by another tool loses nothing when we save it. Fields a hand-written file may reasonably
 * leave out (notes, owner, label ...) get their empty default; identity and structure are required.
 */

const id = z.string().min(1, { message: 'a non-empty id' });
const rating = z.int().min(1).max(5).optional();
const point = z.looseObject({ x: z.number(), y: z.number() });

export const stakeholderSchema = z.looseObject({
  id,
  name: z.string(),
  kind: z.enum(STAKEHOLDER_KINDS),
  position: point,
  influence: rating,
  interest: rating,
  owner: z.string().default(''),
  notes: z.string().default(''),
  color: z.string().nullable().default(null),
});

export const relationshipSchema = z.looseObject({
  id,
  source: id,
  target: id,
  status: z.enum(RELATIONSHIP_STATUSES).default('neutral'),
  label: z.string().default(''),
  notes: z.string().default(''),
});

export const attachmentSchema = z.looseObject({
  type: z.enum(ATTACHMENT_TYPES),
  id,
});

export const painPointSchema = z.looseObject({
  id,
  title: z.string(),
  description: z.string().default(''),
  categoryId: z.string().default(''),
  quotes: z.array(z.string()).default([]),
  attachedTo: z.array(attachmentSchema).default([]),
  votes: z.int().min(0).default(0),
});

export const solutionSchema = z.looseObject({
  id,
  title: z.string(),
  description: z.string().default(''),
  addresses: z.array(id).default([]),
  status: z.enum(SOLUTION_STATUSES).default('idea'),
  owner: z.string().default(''),
  impact: rating,
  effort: rating,
});

export const categorySchema = z.looseObject({
  id,
  name: z.string(),
  color: z.string(),
});

export const viewportSchema = z.looseObject({
  x: z.number(),
  y: z.number(),
  zoom: z.number().positive(),
});

const isoDate = z.iso.datetime({ offset: true });

export const workspaceSchema = z.looseObject({
  format: z.literal(FORMAT_ID),
  version: z.int().min(1),
  title: z.string().default('Untitled workspace'),
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
