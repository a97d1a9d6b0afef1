import { RELATIONSHIP_STATUSES, STAKEHOLDER_KINDS, type RelationshipStatus, type StakeholderKind } from '../document/format';
import { RELATIONSHIP_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '../document/vocabulary';
import { isBlankCell, textForCell, wordKey } from './cell-text';

/*
 * One cell read as a field's value: a kind, a status, a rating. Each reader says "empty" (undefined: the
 * field is left as it is), gives the value, or gives the reason it cannot, worded to follow "Row 7: ".
 */

export type CellReading<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly reason: string };

/**
 * The words accepted for each kind: the format's own word, the word the app shows (vocabulary.ts, which is what
 * stakeholdersCsv writes), and the everyday words a team's spreadsheet uses for them.
 */
const KIND_WORDS: Readonly<Record<StakeholderKind, readonly string[]>> = {
  team: ['our team', 'own team'],
  department: ['internal', 'internal department', 'dept', 'internal function'],
  external: ['outside', 'outside party', 'external party', 'third party', 'outside organisation', 'outside organization'],
};

const KIND_BY_WORD = wordTable(STAKEHOLDER_KINDS, STAKEHOLDER_KIND_LABELS, KIND_WORDS);
const STATUS_BY_WORD = wordTable(RELATIONSHIP_STATUSES, RELATIONSHIP_STATUS_LABELS, { healthy: [], neutral: [], strained: [], problematic: [] });

/** A stakeholder kind: "team", "Internal department", "outside party" …; case, accents, spaces and hyphens ignored. */
export function readKind(cell: string): CellReading<StakeholderKind> {
  if (isBlankCell(cell)) return { ok: true, value: undefined };
  const kind = KIND_BY_WORD.get(wordKey(cell));
  if (kind) return { ok: true, value: kind };
  const words = STAKEHOLDER_KINDS.map((k) => STAKEHOLDER_KIND_LABELS[k]).join(', ');
  return { ok: false, reason: `the kind ${textForCell(cell)} is not one of ${words} (or team, department, external)` };
}

/** A relationship status: "healthy", "Neutral", "STRAINED", "problematic". */
export function readStatus(cell: string): CellReading<RelationshipStatus> {
  if (isBlankCell(cell)) return { ok: true, value: undefined };
  const status = STATUS_BY_WORD.get(wordKey(cell));
  if (status) return { ok: true, value: status };
  const words = RELATIONSHIP_STATUSES.map((s) => RELATIONSHIP_STATUS_LABELS[s]).join(', ');
  return { ok: false, reason: `the status ${textForCell(cell)} is not one of ${words}` };
}

/**
 * A rating (influence, interest): a whole number from 1 to 5. "3.0" is accepted (a spreadsheet may show a whole
 * number so); "3.5", "0", "6" and "high" are not: a rating is a position on a 5-point scale, and rounding or
 * guessing would put a stakeholder somewhere the team did not.
 */
export function readRating(cell: string, fieldName: string): CellReading<number> {
  if (isBlankCell(cell)) return { ok: true, value: undefined };
  const match = /^([1-5])(?:\.0+)?$/.exec(cell.trim());
  if (match) return { ok: true, value: Number(match[1]) };
  return { ok: false, reason: `${fieldName} ${textForCell(cell)} is not a whole number from 1 to 5` };
}

function wordTable<Value extends string>(
  values: readonly Value[],
  labels: Readonly<Record<Value, string>>,
  extra: Readonly<Record<Value, readonly string[]>>,
): ReadonlyMap<string, Value> {
  const table = new Map<string, Value>();
  for (const value of values) for (const word of [value, labels[value], ...extra[value]]) table.set(wordKey(word), value);
  return table;
}
