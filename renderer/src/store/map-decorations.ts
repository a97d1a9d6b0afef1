import type { WorkspaceDocument } from '@shared/document/schema';
import { isFilterActive, visibleItems, type MapFilter } from '@shared/domain/map-filter';
import { attachmentKey, painPointsByAttachment } from '@shared/domain/pain-point-index';
import { unaddressedPainPointIds } from '@shared/domain/unaddressed';

/** The pain point badge of one stakeholder or relationship. */
export interface BadgeSummary {
  readonly count: number;
  /** Colours of the categories of its pain points, each once, in category order. */
  readonly colors: readonly string[];
  /** How many of its pain points no live solution addresses. */
  readonly unaddressed: number;
}

/** What the map shows on an item besides the item itself. */
export interface ItemDecoration {
  readonly badge: BadgeSummary | null;
  /** Filtered out: drawn faintly, never hidden or removed. */
  readonly dimmed: boolean;
  /** Attached to the open pain point (or to a pain point the open solution addresses). */
  readonly highlighted: boolean;
}

export interface MapDecorations {
  readonly stakeholders: ReadonlyMap<string, ItemDecoration>;
  readonly relationships: ReadonlyMap<string, ItemDecoration>;
}

/** The pain point or solution open in the inspector. */
export interface OpenItem {
  readonly type: 'painPoint' | 'solution';
  readonly id: string;
}

/** Most items carry no decoration; they share this object, so comparing them is free. */
export const PLAIN: ItemDecoration = Object.freeze({ badge: null, dimmed: false, highlighted: false });

/** Works out badges, dimming and highlights for a document, as mapDecorations does, remembering the last answer. */
export type DecorationsMemo = (doc: WorkspaceDocument, filter: MapFilter, openItem: OpenItem | null) => MapDecorations;

/**
 * A memoized mapDecorations: it answers from its last result while the inputs it reads are the same objects
 * (most changes, a rename or a move, touch none of them). Each user keeps its own memo (the store keeps the
 * map's), so drawing an export never evicts what the map remembered.
 */
export function createDecorationsMemo(): DecorationsMemo {
  let last: { inputs: unknown[]; result: MapDecorations } | null = null;
  return (doc, filter, openItem) => {
    const inputs = [doc.stakeholders, doc.relationships, doc.painPoints, doc.solutions, doc.categories, filter, openItem?.type, openItem?.id];
    if (last && inputs.every((value, i) => value === last!.inputs[i])) return last.result;
    const result = computeDecorations(doc, filter, openItem);
    last = { inputs, result };
    return result;
  };
}

/**
 * Works out badges, dimming and highlights for every item on the map. Only items that differ from PLAIN get an
 * entry. Not memoized: see createDecorationsMemo.
 */
export function mapDecorations(doc: WorkspaceDocument, filter: MapFilter, openItem: OpenItem | null): MapDecorations {
  return computeDecorations(doc, filter, openItem);
}

function computeDecorations(doc: WorkspaceDocument, filter: MapFilter, openItem: OpenItem | null): MapDecorations {
  const byAttachment = painPointsByAttachment(doc);
  const unaddressed = unaddressedPainPointIds(doc);
  const categoryOrder = new Map(doc.categories.map((c, i) => [c.id, i]));
  const categoryColor = new Map(doc.categories.map((c) => [c.id, c.color]));
  const visible = isFilterActive(filter) ? visibleItems(doc, filter) : null;
  const highlighted = highlightedKeys(doc, openItem);

  const decorate = (type: 'stakeholder' | 'relationship', id: string): ItemDecoration => {
    const key = attachmentKey({ type, id });
    const painPoints = byAttachment.get(key);
    const dimmed = visible !== null && !(type === 'stakeholder' ? visible.stakeholderIds : visible.relationshipIds).has(id);
    const isHighlighted = highlighted.has(key);
    if (!painPoints && !dimmed && !isHighlighted) return PLAIN;
    let badge: BadgeSummary | null = null;
    if (painPoints) {
      const categories = [...new Set(painPoints.map((p) => p.categoryId))]
        .filter((c) => categoryColor.has(c))
        .sort((a, b) => (categoryOrder.get(a) ?? 0) - (categoryOrder.get(b) ?? 0));
      badge = {
        count: painPoints.length,
        colors: categories.map((c) => categoryColor.get(c) as string),
        unaddressed: painPoints.filter((p) => unaddressed.has(p.id)).length,
      };
    }
    return { badge, dimmed, highlighted: isHighlighted };
  };

  const stakeholders = new Map<string, ItemDecoration>();
  for (const s of doc.stakeholders) {
    const decoration = decorate('stakeholder', s.id);
    if (decoration !== PLAIN) stakeholders.set(s.id, decoration);
  }
  const relationships = new Map<string, ItemDecoration>();
  for (const r of doc.relationships) {
    const decoration = decorate('relationship', r.id);
    if (decoration !== PLAIN) relationships.set(r.id, decoration);
  }
  return { stakeholders, relationships };
}

function highlightedKeys(doc: WorkspaceDocument, openItem: OpenItem | null): Set<string> {
  const keys = new Set<string>();
  if (!openItem) return keys;
  const painPointIds =
    openItem.type === 'painPoint' ? [openItem.id] : (doc.solutions.find((s) => s.id === openItem.id)?.addresses ?? []);
  for (const id of painPointIds) {
    const painPoint = doc.painPoints.find((p) => p.id === id);
    for (const a of painPoint?.attachedTo ?? []) keys.add(attachmentKey(a));
  }
  return keys;
}

/** Whether two decorations draw the same thing (so a node whose decoration did not change keeps its object). */
export function sameDecoration(a: ItemDecoration, b: ItemDecoration): boolean {
  if (a === b) return true;
  if (a.dimmed !== b.dimmed || a.highlighted !== b.highlighted) return false;
  if (a.badge === b.badge) return true;
  if (!a.badge || !b.badge) return false;
  return (
    a.badge.count === b.badge.count &&
    a.badge.unaddressed === b.badge.unaddressed &&
    a.badge.colors.length === b.badge.colors.length &&
    a.badge.colors.every((c, i) => c === b.badge!.colors[i])
  );
}
