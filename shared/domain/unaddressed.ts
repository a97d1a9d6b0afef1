import type { Solution, WorkspaceDocument } from '../document/schema';

/*
 * Which pain points still lack a candidate solution. The product rule: pain points that no live solution (one
 * not dropped) addresses are marked as unaddressed. A dropped solution is kept in the file as a record of what
 * the room rejected, but it no longer counts as an answer to anything.
 */

/** Whether a solution still counts as addressing its pain points: every status but `dropped`. */
export function isLiveSolution(s: Solution): boolean {
  return s.status !== 'dropped';
}

/** Every solution that addresses a pain point, dropped ones included (the inspector lists them), in document order. */
export function solutionsAddressing(doc: WorkspaceDocument, painPointId: string): Solution[] {
  return doc.solutions.filter((s) => s.addresses.includes(painPointId));
}

/**
 * The solutions addressing each pain point, dropped ones included, in document order, keyed by pain point id
 * (pain points no solution addresses have no entry). One pass over the solutions, for lists that show every pain
 * point with its solutions, where calling solutionsAddressing for each would be quadratic.
 */
export function solutionsByPainPoint(doc: WorkspaceDocument): Map<string, Solution[]> {
  const result = new Map<string, Solution[]>();
  for (const s of doc.solutions) {
    // A file written by another tool may repeat an id in `addresses`; the solution is still listed once.
    for (const painPointId of new Set(s.addresses)) {
      const list = result.get(painPointId);
      if (list) list.push(s);
      else result.set(painPointId, [s]);
    }
  }
  return result;
}

/** Ids of the pain points that no live solution addresses. */
export function unaddressedPainPointIds(doc: WorkspaceDocument): Set<string> {
  const addressed = new Set<string>();
  for (const s of doc.solutions) {
    if (isLiveSolution(s)) for (const id of s.addresses) addressed.add(id);
  }
  const result = new Set<string>();
  for (const p of doc.painPoints) if (!addressed.has(p.id)) result.add(p.id);
  return result;
}
