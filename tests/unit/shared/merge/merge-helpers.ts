import { expect } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import { workspaceSchema, type Category, type PainPoint, type Relationship, type Solution, type Stakeholder, type WorkspaceDocument } from '../../../../shared/document/schema';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { DEFAULT_STAKEHOLDER_BOX } from '../../../../shared/import/place-new-stakeholders';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { deepFreeze } from '../test-helpers';

export { painPoint, relationship, stakeholder } from '../operations/test-docs';

/** A frozen workspace with these items (and the default categories unless some are given). */
export function mapOf(parts: {
  readonly title?: string;
  readonly stakeholders?: Stakeholder[];
  readonly relationships?: Relationship[];
  readonly painPoints?: PainPoint[];
  readonly solutions?: Solution[];
  readonly categories?: Category[];
  readonly participants?: WorkspaceDocument['participants'];
  readonly ballots?: WorkspaceDocument['ballots'];
}): WorkspaceDocument {
  const base = createWorkspace(parts.title ?? 'Merge test', new Date('2026-11-22T10:00:00.000Z'));
  return deepFreeze({
    ...base,
    stakeholders: parts.stakeholders ?? [],
    relationships: parts.relationships ?? [],
    painPoints: parts.painPoints ?? [],
    solutions: parts.solutions ?? [],
    categories: parts.categories ?? base.categories,
    participants: parts.participants ?? [],
    ballots: parts.ballots ?? [],
  });
}

/**
 * Fails unless `doc` is a workspace the app can save and open again: the schema accepts it, and its serialized
 * text parses (which refuses duplicate ids) with no reference pointing nowhere.
 */
export function expectValidWorkspace(doc: WorkspaceDocument): void {
  const checked = workspaceSchema.safeParse(doc);
  expect(checked.success, checked.error?.message).toBe(true);
  const result = parseWorkspace(serializeWorkspace(doc));
  expect(result.ok, result.ok ? '' : JSON.stringify(result.error)).toBe(true);
  if (result.ok) expect(result.danglingReferences).toEqual([]);
  for (const collection of ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories'] as const) {
    const ids = doc[collection].map((item) => item.id);
    expect(new Set(ids).size, `${collection} ids are unique`).toBe(ids.length);
  }
}

/** The pairs of stakeholders whose boxes (the size the import's placement assumes) overlap, by name. */
export function overlappingBoxes(stakeholders: readonly Stakeholder[]): string[] {
  const { width, height } = DEFAULT_STAKEHOLDER_BOX;
  const found: string[] = [];
  for (let i = 0; i < stakeholders.length; i++) {
    for (let j = i + 1; j < stakeholders.length; j++) {
      const a = stakeholders[i]!.position;
      const b = stakeholders[j]!.position;
      if (a.x < b.x + width && b.x < a.x + width && a.y < b.y + height && b.y < a.y + height) {
        found.push(`${stakeholders[i]!.name} / ${stakeholders[j]!.name}`);
      }
    }
  }
  return found;
}

/** The stakeholder of `doc` with this name (exactly), or a failed test. */
export function byName(doc: WorkspaceDocument, name: string): Stakeholder {
  const found = doc.stakeholders.find((s) => s.name === name);
  if (!found) throw new Error(`no stakeholder named ${JSON.stringify(name)}`);
  return found;
}

/** The relationship of `doc` between two stakeholders (by id), in either direction, or a failed test. */
export function between(doc: WorkspaceDocument, a: string, b: string): Relationship {
  const found = doc.relationships.find((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  if (!found) throw new Error(`no relationship between ${a} and ${b}`);
  return found;
}
