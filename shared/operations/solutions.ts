import { SOLUTION_STATUSES, type SolutionStatus } from '../document/format';
import { solutionSchema, type Solution, type WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on candidate solutions: the room's ideas, each addressing one or more pain points, with a status,
 * an owner and optional impact and effort ratings. Every function returns the same document when nothing
 * changes or the change is refused, so the undo history records no empty steps.
 */

export interface NewSolution {
  readonly id: string;
  readonly title: string;
  readonly addresses?: readonly string[];
  readonly description?: string;
  readonly status?: SolutionStatus;
  readonly owner?: string;
  /** A calendar date, "YYYY-MM-DD". */
  readonly dueDate?: string | null;
}

/**
 * Adds a solution, by default an idea with no owner, no description and no ratings. Refuses (returns the same
 * document) a taken or empty id, a status the file format does not know, and an addressed pain point that does
 * not exist: each would make the file unopenable or a broken reference the next time it is opened. Repeated
 * pain points are kept once.
 */
export function addSolution(doc: WorkspaceDocument, input: NewSolution): WorkspaceDocument {
  if (input.id === '' || doc.solutions.some((s) => s.id === input.id)) return doc;
  if (input.status !== undefined && !isStatus(input.status)) return doc;
  if (input.dueDate !== undefined && !isDueDatePatch(input.dueDate)) return doc;
  const addresses = unique(input.addresses ?? []);
  const painPointIds = new Set(doc.painPoints.map((p) => p.id));
  if (!addresses.every((id) => painPointIds.has(id))) return doc;
  const solution: Solution = {
    id: input.id,
    title: input.title,
    description: input.description ?? '',
    addresses,
    status: input.status ?? 'idea',
    owner: input.owner ?? '',
    dueDate: input.dueDate ?? null,
  };
  return { ...doc, solutions: [...doc.solutions, solution] };
}

/** The fields of a solution the editor changes directly (what it addresses has its own operations). `null` clears a rating. */
export type SolutionPatch = {
  readonly title?: string;
  readonly description?: string;
  readonly status?: SolutionStatus;
  readonly owner?: string;
  readonly impact?: number | null;
  readonly effort?: number | null;
  /** A calendar date, "YYYY-MM-DD", or null for none. */
  readonly dueDate?: string | null;
};

/**
 * Changes some fields of one solution; `null` for impact or effort removes the rating. Returns the same document
 * when nothing changes, and refuses a rating that is not a whole number from 1 to 5 or an unknown status: saved,
 * either would make the file unopenable.
 */
export function updateSolution(doc: WorkspaceDocument, id: string, patch: SolutionPatch): WorkspaceDocument {
  if (!isRatingPatch(patch.impact) || !isRatingPatch(patch.effort)) return doc;
  if (patch.status !== undefined && !isStatus(patch.status)) return doc;
  if (patch.dueDate !== undefined && !isDueDatePatch(patch.dueDate)) return doc;
  // Only the editable fields: a caller passing a whole solution must not overwrite what it addresses this way.
  const { title, description, status, owner, impact, effort, dueDate } = patch;
  return withSolution(doc, id, (s) => patchRecord(s, { title, description, status, owner, impact, effort, dueDate }, ['impact', 'effort']));
}

/**
 * Links a solution to a pain point it addresses. Returns the same document when it already addresses it or the
 * solution is missing, and refuses a pain point that does not exist.
 */
export function addressPainPoint(doc: WorkspaceDocument, solutionId: string, painPointId: string): WorkspaceDocument {
  if (!doc.painPoints.some((p) => p.id === painPointId)) return doc;
  return withSolution(doc, solutionId, (s) => (s.addresses.includes(painPointId) ? s : { ...s, addresses: [...s.addresses, painPointId] }));
}

/**
 * Unlinks a solution from a pain point; the solution stays even with nothing left to address. Works for a pain
 * point that does not exist too, so the user can clean up a broken reference they were told about.
 */
export function unaddressPainPoint(doc: WorkspaceDocument, solutionId: string, painPointId: string): WorkspaceDocument {
  return withSolution(doc, solutionId, (s) =>
    s.addresses.includes(painPointId) ? { ...s, addresses: s.addresses.filter((id) => id !== painPointId) } : s,
  );
}

/**
 * Replaces the pain points a solution addresses (choosing them in a picker is one undo step). Repeats are kept
 * once. Refuses a newly added pain point that does not exist; one the solution already addressed may stay even
 * if it is missing, so passing the current list plus one is never refused because of an old broken reference.
 */
export function setSolutionAddresses(doc: WorkspaceDocument, solutionId: string, painPointIds: readonly string[]): WorkspaceDocument {
  const current = doc.solutions.find((s) => s.id === solutionId);
  if (!current) return doc;
  const next = unique(painPointIds);
  const existing = new Set(doc.painPoints.map((p) => p.id));
  if (!next.every((id) => existing.has(id) || current.addresses.includes(id))) return doc;
  const unchanged = next.length === current.addresses.length && next.every((id, i) => id === current.addresses[i]);
  return unchanged ? doc : withSolution(doc, solutionId, (s) => ({ ...s, addresses: next }));
}

/** Deletes a solution. The pain points it addressed stay; with no other live solution they show as unaddressed. */
export function deleteSolution(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  if (!doc.solutions.some((s) => s.id === id)) return doc;
  return { ...doc, solutions: doc.solutions.filter((s) => s.id !== id) };
}

/** Whether a due date is absent (null) or a real calendar date "YYYY-MM-DD" (no 2026-02-30): the schema's check. */
export function isDueDatePatch(value: string | null): boolean {
  return value === null || (typeof value === 'string' && solutionSchema.shape.dueDate.safeParse(value).success);
}

function withSolution(doc: WorkspaceDocument, id: string, update: (s: Solution) => Solution): WorkspaceDocument {
  const solutions = replaceById(doc.solutions, id, update);
  return solutions === doc.solutions ? doc : { ...doc, solutions };
}

function isRatingPatch(value: number | null | undefined): boolean {
  return value === undefined || value === null || (Number.isInteger(value) && value >= 1 && value <= 5);
}

function isStatus(value: string): value is SolutionStatus {
  return (SOLUTION_STATUSES as readonly string[]).includes(value);
}

/** A fresh array, first occurrence kept: the caller's array is never stored (it may be mutated later). */
function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
