import { MAX_LONG_TEXT, type RelationshipStatus } from '../document/format';
import type { Attachment, Category, PainPoint, Quote, Relationship, Solution, Stakeholder, WorkspaceDocument } from '../document/schema';
import { nameKey } from '../import/cell-text';
import { patchRecord } from '../operations/collections';
import { sameAttachment } from '../operations/pain-points';
import { suggestDuplicatePainPoints, type DuplicateSuggestion } from './duplicate-pain-points';
import { freshIds } from './fresh-ids';
import { matchStakeholders, type AliasSuggestion, type StakeholderAlias } from './match-stakeholders';
import { placeIncomingGroup } from './place-incoming-group';

/*
 * Merging a breakout group's map (the incoming workspace) into this one (the current workspace): issue 19, item 3.
 * planMerge works out everything the merge would do without changing anything, so the dialog can show a preview
 * ("9 stakeholders matched, 6 new, 1 conflict, 2 duplicate pain points merged") and ask the questions only the
 * user can answer; applyMerge then makes exactly that plan real as ONE new document, one undo step.
 *
 * The current map is the one true copy: whatever both maps say differently, ours is kept unless the user chose
 * theirs (a stakeholder's kind, ratings and owner; a relationship's status), and longer texts are never lost but
 * appended (theirs after ours, when it says something ours does not). Nothing on the current map is removed or
 * moved. What the incoming map adds keeps its content, its unknown properties and, where this map does not use
 * them, its ids.
 *
 * - Stakeholders: matched by name or confirmed alias (match-stakeholders.ts). A matched one is ours, with the
 *   fields the user chose to take from theirs and their notes appended; the others are added, placed as a block
 *   beside this map in the other room's layout (place-incoming-group.ts).
 * - Relationships: after matching, two relationships between the same two stakeholders, in either direction, are
 *   one relationship (the map has at most one per pair, see connectStakeholders). Ours stays, with its label (or
 *   theirs, when ours has none), their notes appended, and their record of the other side's view when ours has none
 *   and both were drawn in the same direction (drawn the other way, their "other side" is our own side). When the
 *   statuses differ it is a conflict the user decides: keep ours (the default) or take theirs.
 * - Pain points: the pairs the user confirmed as duplicates (duplicate-pain-points.ts suggests them) become ours,
 *   with their quotes added where ours do not already say the same, their tally added to ours, their attachments
 *   added, their description appended; every other one is added. Attachments, voices and quotes' voices follow
 *   their stakeholders and relationships to the ids they have on the merged map.
 * - Categories: matched by name (case, accents and spacing ignored); one this map does not have is added.
 * - Solutions: all added, addressing the merged map's pain points (ours, where a duplicate was merged into ours).
 * - NOT merged: the other map's participants and ballots. They are the other room's voting: its people, its
 *   budget of dots, its "one per participant and pain point"; none of them was in this room and their ballots
 *   would count against budgets that are not this room's. The numbers are in the plan (`notMerged`) so the
 *   preview can say so. A pain point's tally (dots counted on paper) is content and is merged. Everything else of
 *   the current document (agenda, voting settings, snapshots, title, viewport) is this room's and stays untouched;
 *   the incoming map's are not merged.
 *
 * The other map may hold references that point nowhere (a file opens with them, see references.ts). The merged
 * map must have none, so each is left out and listed in the plan: a relationship to a missing stakeholder,
 * an attachment, voice or solution's address to a missing item. A relationship whose two ends became the same
 * stakeholder (two boxes of the other map matched to one of ours) is left out too; a pain point attached to it
 * is attached to that stakeholder instead.
 */

/** The fields of a matched stakeholder where both maps may say something different, and the user chooses. */
export const STAKEHOLDER_MERGE_FIELDS = ['kind', 'influence', 'interest', 'owner'] as const;
export type StakeholderMergeField = (typeof STAKEHOLDER_MERGE_FIELDS)[number];

/** Which map's value a difference keeps: ours (the current map's, the default) or theirs (the incoming map's). */
export type MergeChoice = 'ours' | 'theirs';

/** A pain point of the incoming map the user confirmed as a duplicate of a current one: [incoming id, current id]. */
export type DuplicatePair = readonly [incomingPainPointId: string, currentPainPointId: string];

/** What the user decided in the merge dialog. Every part is optional: no decisions is a merge by the defaults. */
export interface MergeDecisions {
  /** Confirmed aliases beyond the matches by name; an incoming stakeholder's alias wins over its name. */
  readonly aliases?: readonly StakeholderAlias[];
  /** Confirmed duplicate pain points. A pair naming a missing pain point is ignored; of two for one incoming pain point, the first. */
  readonly duplicates?: readonly DuplicatePair[];
  /** The status of each conflicting relationship, by its `key` (relationshipKey); a conflict not listed keeps ours. */
  readonly statusChoices?: Readonly<Record<string, MergeChoice>>;
  /** For matched stakeholders, by incoming stakeholder id: the fields that take the incoming value instead of ours. */
  readonly takeIncomingFields?: readonly (readonly [incomingStakeholderId: string, fields: readonly StakeholderMergeField[]])[];
}

/** A value of a StakeholderMergeField: a kind or an owner (text), a rating, or null for a rating that is not set. */
export type StakeholderFieldValue = string | number | null;

/** One field where a matched stakeholder differs between the maps. */
export interface FieldDifference {
  readonly field: StakeholderMergeField;
  readonly ours: StakeholderFieldValue;
  readonly theirs: StakeholderFieldValue;
  /** What the merged map has: ours unless takeIncomingFields says theirs. */
  readonly kept: MergeChoice;
}

export interface MatchedStakeholder {
  readonly incomingId: string;
  readonly currentId: string;
  readonly by: 'name' | 'alias';
  /** The name on the current map (it is kept) and the name on the incoming one. */
  readonly name: string;
  readonly incomingName: string;
  /** Only the fields that differ; empty when the maps agree. */
  readonly differences: readonly FieldDifference[];
  /** Whether the incoming notes were appended to ours. */
  readonly notesAppended: boolean;
}

/** An item the merge adds, as it will be on the merged map (its id may differ from the incoming one, see renamedIds). */
export interface Added<T> {
  readonly incomingId: string;
  readonly item: T;
}

/** Two relationships with different statuses that become one: the user keeps ours or takes theirs. */
export interface StatusConflict {
  /** The key statusChoices uses: relationshipKey of the two stakeholders on the merged map. */
  readonly key: string;
  readonly relationshipId: string;
  readonly incomingId: string;
  /** The names of its ends on the current map, in our relationship's direction. */
  readonly sourceName: string;
  readonly targetName: string;
  readonly ours: RelationshipStatus;
  readonly theirs: RelationshipStatus;
  readonly choice: MergeChoice;
}

/** An incoming relationship that is one of ours (or, rarely, one the same merge adds) after matching. */
export interface UnitedRelationship {
  readonly incomingId: string;
  /** The relationship it became part of, on the merged map. */
  readonly relationshipId: string;
  /** Drawn the other way round on the incoming map. */
  readonly reversed: boolean;
  readonly conflict: boolean;
  readonly notesAppended: boolean;
}

/** An incoming relationship that is not on the merged map, and why. */
export interface LeftOutRelationship {
  readonly incomingId: string;
  /** `same-stakeholder`: both ends matched one stakeholder; `missing-end`: an end is not on the incoming map. */
  readonly reason: 'same-stakeholder' | 'missing-end';
}

export interface MergedPainPoint {
  readonly incomingId: string;
  readonly currentId: string;
  /** The title on the current map (it is kept) and the one on the incoming map. */
  readonly title: string;
  readonly incomingTitle: string;
  readonly quotesAdded: number;
  readonly votesAdded: number;
  readonly attachmentsAdded: number;
}

export interface MappedCategory {
  readonly incomingId: string;
  readonly currentId: string;
}

/** An id of the incoming map that this map already uses, and the id its item has on the merged map. */
export interface RenamedId {
  readonly collection: 'stakeholders' | 'relationships' | 'painPoints' | 'solutions' | 'categories';
  readonly from: string;
  readonly to: string;
}

/** A reference of the incoming map that pointed nowhere there, left out of the merged map. */
export interface DroppedReference {
  readonly collection: 'painPoints' | 'solutions';
  /** The incoming item's id. */
  readonly incomingId: string;
  /** `attachedTo`, `voice`, `quotes[1].voice`, `addresses`. */
  readonly field: string;
  readonly missingId: string;
}

export interface MergeCounts {
  readonly stakeholdersMatched: number;
  readonly stakeholdersAdded: number;
  /** Differing fields of matched stakeholders, and how many of them take the incoming value. */
  readonly fieldDifferences: number;
  readonly fieldsTakenFromIncoming: number;
  readonly relationshipsUnited: number;
  readonly relationshipsAdded: number;
  readonly relationshipsLeftOut: number;
  readonly statusConflicts: number;
  readonly painPointsMerged: number;
  readonly painPointsAdded: number;
  readonly categoriesMapped: number;
  readonly categoriesAdded: number;
  readonly solutionsAdded: number;
  readonly idsRenamed: number;
  readonly referencesDropped: number;
  readonly participantsNotMerged: number;
  readonly ballotsNotMerged: number;
  /** Items of the current map changed plus items added: 0 means the merge would change nothing. */
  readonly changes: number;
}

export interface MergePlan {
  /** The current document the plan was made for, the incoming one and the decisions, so applyMerge can check and redo it. */
  readonly madeFor: WorkspaceDocument;
  readonly incoming: WorkspaceDocument;
  readonly decisions: MergeDecisions;
  readonly stakeholders: { readonly matched: readonly MatchedStakeholder[]; readonly added: readonly Added<Stakeholder>[] };
  readonly relationships: {
    readonly united: readonly UnitedRelationship[];
    readonly added: readonly Added<Relationship>[];
    readonly conflicts: readonly StatusConflict[];
    readonly leftOut: readonly LeftOutRelationship[];
  };
  readonly painPoints: { readonly merged: readonly MergedPainPoint[]; readonly added: readonly Added<PainPoint>[] };
  readonly categories: { readonly mapped: readonly MappedCategory[]; readonly added: readonly Added<Category>[] };
  readonly solutions: { readonly added: readonly Added<Solution>[] };
  /** What the user may want to confirm next: likely aliases of the unmatched stakeholders, likely duplicates not yet confirmed. */
  readonly suggestions: { readonly aliases: readonly AliasSuggestion[]; readonly duplicates: readonly DuplicateSuggestion[] };
  readonly renamedIds: readonly RenamedId[];
  readonly droppedReferences: readonly DroppedReference[];
  readonly notMerged: { readonly participants: number; readonly ballots: number };
  /** The current map's items as the merge changes them (only those it changes), for applyMerge. */
  readonly updated: {
    readonly stakeholders: readonly Stakeholder[];
    readonly relationships: readonly Relationship[];
    readonly painPoints: readonly PainPoint[];
  };
  readonly counts: MergeCounts;
}

/** The key of the relationship between two stakeholders, the same in either direction (statusChoices uses it). */
export function relationshipKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a]);
}

/**
 * The decisions the dialog starts from: the duplicates that are certain (the same title) confirmed, nothing else.
 * Matches by name need no decision; every other suggestion waits for the user.
 */
export function initialMergeDecisions(current: WorkspaceDocument, incoming: WorkspaceDocument): MergeDecisions {
  const duplicates = suggestDuplicatePainPoints(current.painPoints, incoming.painPoints)
    .filter((d) => d.certain)
    .map((d): DuplicatePair => [d.incomingId, d.currentId]);
  return { aliases: [], duplicates, statusChoices: {} };
}

/** What an incoming relationship id became: a relationship on the merged map, the stakeholder its ends became, or nothing. */
type RelationshipFate = { readonly to: 'relationship'; readonly id: string } | { readonly to: 'stakeholder'; readonly id: string } | { readonly to: 'nothing' };

/**
 * Works out what merging `incoming` into `current` would do, by `decisions`. Pure: nothing passed in is changed.
 */
export function planMerge(current: WorkspaceDocument, incoming: WorkspaceDocument, decisions: MergeDecisions = {}): MergePlan {
  const renamedIds: RenamedId[] = [];
  const droppedReferences: DroppedReference[] = [];
  const allocate = (collection: RenamedId['collection'], ours: readonly { id: string }[], theirs: readonly { id: string }[]) => {
    const next = freshIds(
      ours.map((i) => i.id),
      theirs.map((i) => i.id),
    );
    return (id: string): string => {
      const given = next(id);
      if (given !== id) renamedIds.push({ collection, from: id, to: given });
      return given;
    };
  };

  // Stakeholders.
  const matching = matchStakeholders(current.stakeholders, incoming.stakeholders, decisions.aliases ?? []);
  const currentStakeholders = new Map(current.stakeholders.map((s) => [s.id, s]));
  const incomingStakeholders = new Map<string, Stakeholder>();
  for (const s of incoming.stakeholders) if (!incomingStakeholders.has(s.id)) incomingStakeholders.set(s.id, s);
  const takeFields = new Map<string, ReadonlySet<StakeholderMergeField>>();
  for (const [id, fields] of decisions.takeIncomingFields ?? []) if (!takeFields.has(id)) takeFields.set(id, new Set(fields));

  const stakeholderIdOf = new Map<string, string>(matching.currentIdOf);
  const updatedStakeholders = new Map<string, Stakeholder>();
  const matched: MatchedStakeholder[] = matching.matches.map((match) => {
    const ours = currentStakeholders.get(match.currentId)!;
    const theirs = incomingStakeholders.get(match.incomingId)!;
    const take = takeFields.get(match.incomingId) ?? new Set<StakeholderMergeField>();
    const differences = STAKEHOLDER_MERGE_FIELDS.flatMap((field): FieldDifference[] => {
      const a = fieldValue(ours, field);
      const b = fieldValue(theirs, field);
      const same = field === 'owner' ? String(a).trim() === String(b).trim() : a === b;
      return same ? [] : [{ field, ours: a, theirs: b, kept: take.has(field) ? 'theirs' : 'ours' }];
    });
    const before = updatedStakeholders.get(ours.id) ?? ours;
    const patch: Record<string, unknown> = {};
    for (const d of differences) if (d.kept === 'theirs') patch[d.field] = d.theirs;
    const notes = appendText(before.notes, theirs.notes);
    if (notes !== before.notes) patch.notes = notes;
    const after = patchRecord(before, patch, ['influence', 'interest']);
    if (after !== before) updatedStakeholders.set(ours.id, after);
    return {
      incomingId: match.incomingId,
      currentId: match.currentId,
      by: match.by,
      name: ours.name,
      incomingName: theirs.name,
      differences,
      notesAppended: notes !== before.notes,
    };
  });

  const stakeholderId = allocate('stakeholders', current.stakeholders, incoming.stakeholders);
  const newcomers = matching.unmatched.map((id) => incomingStakeholders.get(id)!);
  const positions = placeIncomingGroup(current.stakeholders, newcomers.map((s) => s.position));
  const addedStakeholders = newcomers.map((s, i): Added<Stakeholder> => {
    const id = stakeholderId(s.id);
    stakeholderIdOf.set(s.id, id);
    return { incomingId: s.id, item: { ...s, id, position: { ...s.position, x: positions[i]!.x, y: positions[i]!.y } } };
  });

  // Categories: by name; one whose name this map does not have is added.
  const categoryIdOf = new Map<string, string>();
  const currentCategoryByName = new Map<string, string>();
  for (const c of current.categories) if (!currentCategoryByName.has(nameKey(c.name))) currentCategoryByName.set(nameKey(c.name), c.id);
  const categoryId = allocate('categories', current.categories, incoming.categories);
  const mappedCategories: MappedCategory[] = [];
  const addedCategories: Added<Category>[] = [];
  for (const c of incoming.categories) {
    if (categoryIdOf.has(c.id)) continue;
    const ours = currentCategoryByName.get(nameKey(c.name));
    if (ours !== undefined) {
      categoryIdOf.set(c.id, ours);
      mappedCategories.push({ incomingId: c.id, currentId: ours });
    } else {
      const id = categoryId(c.id);
      categoryIdOf.set(c.id, id);
      addedCategories.push({ incomingId: c.id, item: { ...c, id } });
    }
  }

  // Relationships: one per pair of stakeholders on the merged map.
  const currentRelationships = new Map(current.relationships.map((r) => [r.id, r]));
  const relationshipAt = new Map<string, string>();
  for (const r of current.relationships) {
    const key = relationshipKey(r.source, r.target);
    if (!relationshipAt.has(key)) relationshipAt.set(key, r.id);
  }
  const relationshipId = allocate('relationships', current.relationships, incoming.relationships);
  const fateOf = new Map<string, RelationshipFate>();
  const updatedRelationships = new Map<string, Relationship>();
  const addedRelationships: Added<Relationship>[] = [];
  const addedRelationshipIndex = new Map<string, number>();
  const united: UnitedRelationship[] = [];
  const conflicts: StatusConflict[] = [];
  const leftOut: LeftOutRelationship[] = [];
  const choices = decisions.statusChoices ?? {};
  for (const r of incoming.relationships) {
    if (fateOf.has(r.id)) continue;
    const source = stakeholderIdOf.get(r.source);
    const target = stakeholderIdOf.get(r.target);
    if (source === undefined || target === undefined) {
      fateOf.set(r.id, { to: 'nothing' });
      leftOut.push({ incomingId: r.id, reason: 'missing-end' });
      continue;
    }
    if (source === target) {
      fateOf.set(r.id, { to: 'stakeholder', id: source });
      leftOut.push({ incomingId: r.id, reason: 'same-stakeholder' });
      continue;
    }
    const key = relationshipKey(source, target);
    const existingId = relationshipAt.get(key);
    if (existingId === undefined) {
      const id = relationshipId(r.id);
      relationshipAt.set(key, id);
      fateOf.set(r.id, { to: 'relationship', id });
      addedRelationshipIndex.set(id, addedRelationships.length);
      addedRelationships.push({ incomingId: r.id, item: { ...r, id, source, target } });
      continue;
    }
    fateOf.set(r.id, { to: 'relationship', id: existingId });
    const original = currentRelationships.get(existingId);
    const addedIndex = addedRelationshipIndex.get(existingId);
    // Ours, as far as the merge has changed it (or, for a pair the incoming map drew twice, the one it added first).
    const before = original ? (updatedRelationships.get(existingId) ?? original) : addedRelationships[addedIndex!]!.item;
    const reversed = before.source !== source;
    // A conflict is between the two maps: the incoming map's second line for one pair keeps the first one's status.
    const conflict = original !== undefined && r.status !== original.status;
    const choice: MergeChoice = conflict && Object.hasOwn(choices, key) && choices[key] === 'theirs' ? 'theirs' : 'ours';
    if (conflict && original) {
      conflicts.push({
        key,
        relationshipId: existingId,
        incomingId: r.id,
        sourceName: currentStakeholders.get(original.source)?.name ?? original.source,
        targetName: currentStakeholders.get(original.target)?.name ?? original.target,
        ours: original.status,
        theirs: r.status,
        choice,
      });
    }
    const notes = appendText(before.notes, r.notes);
    const after = patchRecord(before, {
      status: choice === 'theirs' ? r.status : undefined,
      label: before.label.trim() === '' && r.label.trim() !== '' ? r.label : undefined,
      notes,
      otherSide: before.otherSide === null && !reversed && r.otherSide !== null ? r.otherSide : undefined,
    });
    if (original) {
      if (after !== before) updatedRelationships.set(existingId, after);
    } else {
      addedRelationships[addedIndex!] = { incomingId: addedRelationships[addedIndex!]!.incomingId, item: after };
    }
    united.push({ incomingId: r.id, relationshipId: existingId, reversed, conflict, notesAppended: notes !== before.notes });
  }

  // Pain points.
  const currentPainPoints = new Map(current.painPoints.map((p) => [p.id, p]));
  const incomingPainPointIds = new Set(incoming.painPoints.map((p) => p.id));
  const duplicateOf = new Map<string, string>();
  for (const [incomingId, currentId] of decisions.duplicates ?? []) {
    if (incomingPainPointIds.has(incomingId) && currentPainPoints.has(currentId) && !duplicateOf.has(incomingId)) duplicateOf.set(incomingId, currentId);
  }
  const remap = {
    stakeholder: (id: string) => stakeholderIdOf.get(id),
    attachment: (a: Attachment): Attachment | undefined => {
      if (a.type === 'stakeholder') {
        const id = stakeholderIdOf.get(a.id);
        return id === undefined ? undefined : { ...a, id };
      }
      const fate = fateOf.get(a.id) ?? { to: 'nothing' };
      if (fate.to === 'relationship') return { ...a, id: fate.id };
      if (fate.to === 'stakeholder') return { type: 'stakeholder', id: fate.id };
      return undefined;
    },
  };
  const painPointIdOf = new Map<string, string>();
  const painPointId = allocate('painPoints', current.painPoints, incoming.painPoints);
  const updatedPainPoints = new Map<string, PainPoint>();
  const mergedPainPoints: MergedPainPoint[] = [];
  const addedPainPoints: Added<PainPoint>[] = [];
  for (const p of incoming.painPoints) {
    if (painPointIdOf.has(p.id)) continue;
    const drop = (field: string, missingId: string) => droppedReferences.push({ collection: 'painPoints', incomingId: p.id, field, missingId });
    const attachedTo = uniqueAttachments(
      p.attachedTo.flatMap((a) => {
        const mapped = remap.attachment(a);
        if (!mapped) drop('attachedTo', a.id);
        return mapped ? [mapped] : [];
      }),
    );
    const voiceOf = (voice: string | null, field: string): string | null => {
      if (voice === null) return null;
      const id = remap.stakeholder(voice);
      if (id === undefined) drop(field, voice);
      return id ?? null;
    };
    const voice = voiceOf(p.voice, 'voice');
    const quotes = p.quotes.map((q, i): Quote => ({ ...q, voice: voiceOf(q.voice, `quotes[${i}].voice`) }));

    const duplicateId = duplicateOf.get(p.id);
    if (duplicateId !== undefined) {
      painPointIdOf.set(p.id, duplicateId);
      const original = currentPainPoints.get(duplicateId)!;
      const before = updatedPainPoints.get(duplicateId) ?? original;
      const said = new Set(before.quotes.map((q) => nameKey(q.text)));
      const newQuotes = quotes.filter((q) => {
        const key = nameKey(q.text);
        if (said.has(key)) return false;
        said.add(key);
        return true;
      });
      const newAttachments = attachedTo.filter((a) => !before.attachedTo.some((b) => sameAttachment(a, b)));
      const after = patchRecord(before, {
        description: appendText(before.description, p.description),
        quotes: newQuotes.length > 0 ? [...before.quotes, ...newQuotes] : undefined,
        attachedTo: newAttachments.length > 0 ? [...before.attachedTo, ...newAttachments] : undefined,
        tally: before.tally + p.tally,
        voice: before.voice === null && voice !== null ? voice : undefined,
      });
      if (after !== before) updatedPainPoints.set(duplicateId, after);
      mergedPainPoints.push({
        incomingId: p.id,
        currentId: duplicateId,
        title: original.title,
        incomingTitle: p.title,
        quotesAdded: newQuotes.length,
        votesAdded: p.tally,
        attachmentsAdded: newAttachments.length,
      });
      continue;
    }
    const id = painPointId(p.id);
    painPointIdOf.set(p.id, id);
    // A category the incoming map does not have (or none, '') is kept as it was written.
    const category = categoryIdOf.get(p.categoryId) ?? p.categoryId;
    addedPainPoints.push({ incomingId: p.id, item: { ...p, id, categoryId: category, quotes, attachedTo, voice } });
  }

  // Solutions: all added, addressing the merged map's pain points.
  const solutionId = allocate('solutions', current.solutions, incoming.solutions);
  const seenSolutions = new Set<string>();
  const addedSolutions = incoming.solutions.flatMap((s): Added<Solution>[] => {
    if (seenSolutions.has(s.id)) return [];
    seenSolutions.add(s.id);
    const addresses: string[] = [];
    for (const a of s.addresses) {
      const id = painPointIdOf.get(a);
      if (id === undefined) droppedReferences.push({ collection: 'solutions', incomingId: s.id, field: 'addresses', missingId: a });
      else if (!addresses.includes(id)) addresses.push(id);
    }
    return [{ incomingId: s.id, item: { ...s, id: solutionId(s.id), addresses } }];
  });

  const updated = {
    stakeholders: [...updatedStakeholders.values()],
    relationships: [...updatedRelationships.values()],
    painPoints: [...updatedPainPoints.values()],
  };
  const added = addedStakeholders.length + addedRelationships.length + addedPainPoints.length + addedCategories.length + addedSolutions.length;
  const fieldDifferences = matched.flatMap((m) => m.differences);
  const confirmed = new Set(duplicateOf.keys());
  return {
    madeFor: current,
    incoming,
    decisions,
    stakeholders: { matched, added: addedStakeholders },
    relationships: { united, added: addedRelationships, conflicts, leftOut },
    painPoints: { merged: mergedPainPoints, added: addedPainPoints },
    categories: { mapped: mappedCategories, added: addedCategories },
    solutions: { added: addedSolutions },
    suggestions: {
      aliases: matching.suggestions,
      duplicates: suggestDuplicatePainPoints(current.painPoints, incoming.painPoints).filter((d) => !confirmed.has(d.incomingId)),
    },
    renamedIds,
    droppedReferences,
    notMerged: { participants: incoming.participants.length, ballots: incoming.ballots.length },
    updated,
    counts: {
      stakeholdersMatched: matched.length,
      stakeholdersAdded: addedStakeholders.length,
      fieldDifferences: fieldDifferences.length,
      fieldsTakenFromIncoming: fieldDifferences.filter((d) => d.kept === 'theirs').length,
      relationshipsUnited: united.length,
      relationshipsAdded: addedRelationships.length,
      relationshipsLeftOut: leftOut.length,
      statusConflicts: conflicts.length,
      painPointsMerged: mergedPainPoints.length,
      painPointsAdded: addedPainPoints.length,
      categoriesMapped: mappedCategories.length,
      categoriesAdded: addedCategories.length,
      solutionsAdded: addedSolutions.length,
      idsRenamed: renamedIds.length,
      referencesDropped: droppedReferences.length,
      participantsNotMerged: incoming.participants.length,
      ballotsNotMerged: incoming.ballots.length,
      changes: updated.stakeholders.length + updated.relationships.length + updated.painPoints.length + added,
    },
  };
}

/**
 * The merged document: `current` with the plan's changes, as one new document, so the app commits it as ONE undo
 * step. Untouched items are the very same objects; a plan that changes nothing gives back `current` itself. A plan
 * made for another document (the map changed while the dialog was open) is made again for `current` first, with
 * the same incoming map and decisions, so a stale plan can never leave a broken reference.
 */
export function applyMerge(current: WorkspaceDocument, plan: MergePlan): WorkspaceDocument {
  if (plan.madeFor !== current) return applyMerge(current, planMerge(current, plan.incoming, plan.decisions));
  if (plan.counts.changes === 0) return current;
  const withChanges = <T extends { id: string }>(items: readonly T[], changed: readonly T[], added: readonly Added<T>[]): T[] => {
    if (changed.length === 0 && added.length === 0) return items as T[];
    const byId = new Map(changed.map((item) => [item.id, item]));
    return [...items.map((item) => byId.get(item.id) ?? item), ...added.map((a) => a.item)];
  };
  return {
    ...current,
    stakeholders: withChanges(current.stakeholders, plan.updated.stakeholders, plan.stakeholders.added),
    relationships: withChanges(current.relationships, plan.updated.relationships, plan.relationships.added),
    painPoints: withChanges(current.painPoints, plan.updated.painPoints, plan.painPoints.added),
    categories: withChanges(current.categories, [], plan.categories.added),
    solutions: withChanges(current.solutions, [], plan.solutions.added),
  };
}

/** A field of a stakeholder as the merge compares it: a rating that is not set is null. */
function fieldValue(s: Stakeholder, field: StakeholderMergeField): StakeholderFieldValue {
  if (field === 'influence' || field === 'interest') return s[field] ?? null;
  return s[field];
}

/**
 * Ours, with theirs appended after a blank line when it says something ours does not (blank, or already in ours:
 * nothing is appended). Theirs alone when ours is blank. Ours alone if both would not fit the format's bound.
 */
function appendText(ours: string, theirs: string): string {
  const added = theirs.trim();
  if (added === '' || ours.includes(added)) return ours;
  if (ours.trim() === '') return theirs;
  const both = `${ours}\n\n${added}`;
  return both.length <= MAX_LONG_TEXT ? both : ours;
}

/** The attachments without repeats, the first of each kept. */
function uniqueAttachments(attachments: readonly Attachment[]): Attachment[] {
  const unique: Attachment[] = [];
  for (const a of attachments) if (!unique.some((b) => sameAttachment(a, b))) unique.push(a);
  return unique;
}
