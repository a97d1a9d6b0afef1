import { CURRENT_VERSION, FORMAT_ID } from './format';
import type { WorkspaceDocument } from './schema';

/*
 * Deterministic output so workspaces diff well in version control: 2-space indent, a fixed key order
 * (known keys in the order of the format description, then unknown keys sorted), trailing newline.
 * Transient editor state (React Flow's `selected`, `measured`, `dragging`) never lives in the document,
 * so it cannot reach the file.
 */

type Json = Record<string, unknown>;

const KEY_ORDER = {
  workspace: ['format', 'version', 'title', 'createdAt', 'updatedAt', 'stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'viewport'],
  stakeholder: ['id', 'name', 'kind', 'position', 'influence', 'interest', 'owner', 'notes', 'color'],
  relationship: ['id', 'source', 'target', 'status', 'label', 'notes'],
  painPoint: ['id', 'title', 'description', 'categoryId', 'quotes', 'attachedTo', 'votes'],
  attachment: ['type', 'id'],
  solution: ['id', 'title', 'description', 'addresses', 'status', 'owner', 'impact', 'effort'],
  category: ['id', 'name', 'color'],
  point: ['x', 'y'],
  viewport: ['x', 'y', 'zoom'],
} as const;

/** Copies `value` with known keys first in `order`, then unknown keys sorted; undefined values are left out. */
function ordered(value: Json, order: readonly string[], nested: Record<string, (v: unknown) => unknown> = {}): Json {
  const known = new Set(order);
  const keys = [...order.filter((k) => Object.hasOwn(value, k)), ...Object.keys(value).filter((k) => !known.has(k)).sort()];
  // Object.fromEntries defines own properties, so a key such as "__proto__" stays plain data.
  return Object.fromEntries(
    keys.filter((k) => value[k] !== undefined).map((k) => [k, nested[k] ? nested[k](value[k]) : value[k]]),
  );
}

const list = (order: readonly string[], nested?: Record<string, (v: unknown) => unknown>) => (items: unknown) =>
  (items as Json[]).map((item) => ordered(item, order, nested));

/** The document as the plain object that is written to disk, always in the current format version. */
export function toFileObject(doc: WorkspaceDocument): Json {
  return ordered({ ...doc, format: FORMAT_ID, version: CURRENT_VERSION }, KEY_ORDER.workspace, {
    stakeholders: list(KEY_ORDER.stakeholder, { position: (p) => ordered(p as Json, KEY_ORDER.point) }),
    relationships: list(KEY_ORDER.relationship),
    painPoints: list(KEY_ORDER.painPoint, { attachedTo: list(KEY_ORDER.attachment) }),
    solutions: list(KEY_ORDER.solution),
    categories: list(KEY_ORDER.category),
    viewport: (v) => ordered(v as Json, KEY_ORDER.viewport),
  });
}

/** Serializes a workspace to the exact text of a `.stakemap` file. Same document, same bytes. */
export function serializeWorkspace(doc: WorkspaceDocument): string {
  return `${JSON.stringify(toFileObject(doc), null, 2)}\n`;
}
