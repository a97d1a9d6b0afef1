import { nameKey } from './cell-text';
import type { SheetRows } from './read-spreadsheet';

/*
 * Step 2: which column of a sheet holds which field, and which sheet holds what. Guessed from the header row
 * (row 1) with tolerant synonyms, then shown to the user, who may change any field's column; the mapping is
 * plain data (a column index or null per field) so the dialog can keep it in state and hand it to planImport.
 */

/** The stakeholder fields an import can fill, in the order a dialog lists them. */
export const STAKEHOLDER_FIELDS = ['name', 'kind', 'influence', 'interest', 'owner', 'notes'] as const;
export type StakeholderField = (typeof STAKEHOLDER_FIELDS)[number];

/**
 * The relationship fields an import can fill: its two ends (stakeholder names), its status and label (how the From
 * side sees it), and how the To side sees it, when the room asked them: their status and their note (a
 * relationship's `otherSide`).
 */
export const RELATIONSHIP_FIELDS = ['from', 'to', 'status', 'label', 'theirStatus', 'theirNote'] as const;
export type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];

/** For each field, the 0-based index of the column that holds it, or null when no column does (the field is left alone). */
export type ColumnMapping<Field extends string> = { readonly [F in Field]: number | null };
export type StakeholderColumns = ColumnMapping<StakeholderField>;
export type RelationshipColumns = ColumnMapping<RelationshipField>;

/** How the dialog names each field (also the headings stakeholdersCsv writes). */
export const STAKEHOLDER_FIELD_LABELS: Readonly<Record<StakeholderField, string>> = Object.freeze({
  name: 'Name',
  kind: 'Kind',
  influence: 'Influence',
  interest: 'Interest',
  owner: 'Owner',
  notes: 'Notes',
});

/** How the dialog names each field (also the headings relationshipsCsv writes). */
export const RELATIONSHIP_FIELD_LABELS: Readonly<Record<RelationshipField, string>> = Object.freeze({
  from: 'From',
  to: 'To',
  status: 'Status',
  label: 'Label',
  theirStatus: 'Their status',
  theirNote: 'Their note',
});

/** Header words that name each field, as headerKey writes them (lower case, letters and digits only). */
const STAKEHOLDER_SYNONYMS: Readonly<Record<StakeholderField, readonly string[]>> = {
  name: ['name', 'names', 'stakeholder', 'stakeholders', 'stakeholdername'],
  kind: ['kind', 'type', 'stakeholderkind', 'stakeholdertype'],
  influence: ['influence', 'power'],
  interest: ['interest'],
  owner: ['owner', 'owners', 'relationshipowner'],
  notes: ['notes', 'note', 'comments', 'comment'],
};

const RELATIONSHIP_SYNONYMS: Readonly<Record<RelationshipField, readonly string[]>> = {
  from: ['from', 'source', 'fromstakeholder'],
  to: ['to', 'target', 'tostakeholder'],
  status: ['status', 'relationshipstatus', 'health'],
  label: ['label', 'relationship', 'relationshiplabel'],
  theirStatus: ['theirstatus', 'theirview', 'otherside', 'othersidestatus', 'tostatus', 'targetstatus'],
  theirNote: ['theirnote', 'theirnotes', 'othersidenote', 'othersidenotes', 'tonote', 'targetnote'],
};

/**
 * The key a header is compared by: accents, case, spaces and punctuation ignored, and a note in brackets
 * dropped, so "Influence (1–5)", "INFLUENCE" and "influence:" all read "influence".
 */
export function headerKey(header: string): string {
  return nameKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The stakeholder columns a header row names; each column is given to one field at most. */
export function guessStakeholderColumns(header: readonly string[]): StakeholderColumns {
  return guessWith(header, STAKEHOLDER_FIELDS, STAKEHOLDER_SYNONYMS);
}

/** The relationship columns a header row names; each column is given to one field at most. */
export function guessRelationshipColumns(header: readonly string[]): RelationshipColumns {
  return guessWith(header, RELATIONSHIP_FIELDS, RELATIONSHIP_SYNONYMS);
}

/** What a sheet holds. */
export type SheetRole = 'stakeholders' | 'relationships';

export interface ColumnGuess {
  readonly stakeholders: StakeholderColumns;
  readonly relationships: RelationshipColumns;
  /** What the header looks like: relationships when it names both ends, stakeholders when it names a name column, else null. */
  readonly role: SheetRole | null;
}

/** Both guesses for one header row, and which one it looks like. */
export function guessColumns(header: readonly string[]): ColumnGuess {
  const stakeholders = guessStakeholderColumns(header);
  const relationships = guessRelationshipColumns(header);
  return { stakeholders, relationships, role: roleOf(stakeholders, relationships, '') };
}

/** A sheet chosen for one role, with its guessed mapping. */
export interface SheetChoice<Mapping> {
  /** Index of the sheet in the list read. */
  readonly sheetIndex: number;
  readonly sheetName: string;
  /** The sheet's rows, header row first (as readSpreadsheet gives them). */
  readonly rows: string[][];
  readonly mapping: Mapping;
}

export interface ImportSheets {
  readonly stakeholders: SheetChoice<StakeholderColumns> | null;
  readonly relationships: SheetChoice<RelationshipColumns> | null;
  /** Sheets that hold neither (or a second sheet of a role already taken): the dialog may offer them. */
  readonly otherSheets: readonly number[];
}

/**
 * Which sheet holds the stakeholders and which the relationships, from each sheet's header row, then its name
 * ("Relationships", "Stakeholders") when the header does not tell. The first sheet of each role wins. A single
 * CSV gives one of the two and null for the other.
 */
export function chooseImportSheets(sheets: readonly SheetRows[]): ImportSheets {
  let stakeholders: SheetChoice<StakeholderColumns> | null = null;
  let relationships: SheetChoice<RelationshipColumns> | null = null;
  const otherSheets: number[] = [];
  for (const [sheetIndex, sheet] of sheets.entries()) {
    const header = sheet.rows[0] ?? [];
    const guess = guessColumns(header);
    const role = roleOf(guess.stakeholders, guess.relationships, sheet.name);
    const base = { sheetIndex, sheetName: sheet.name, rows: sheet.rows };
    if (role === 'stakeholders' && !stakeholders) stakeholders = { ...base, mapping: guess.stakeholders };
    else if (role === 'relationships' && !relationships) relationships = { ...base, mapping: guess.relationships };
    else otherSheets.push(sheetIndex);
  }
  return { stakeholders, relationships, otherSheets };
}

/** A mapping with every field unset, for a dialog that starts from nothing. */
export function emptyMapping<Field extends string>(fields: readonly Field[]): ColumnMapping<Field> {
  return Object.fromEntries(fields.map((f) => [f, null])) as Record<Field, null>;
}

function roleOf(stakeholders: StakeholderColumns, relationships: RelationshipColumns, sheetName: string): SheetRole | null {
  const isRelationships = relationships.from !== null && relationships.to !== null;
  const isStakeholders = stakeholders.name !== null;
  const hint = headerKey(sheetName);
  const namedRelationships = hint.includes('relationship') || hint.includes('connection') || hint.includes('link');
  if (isRelationships && isStakeholders) {
    const difference = countMapped(relationships) - countMapped(stakeholders);
    if (difference !== 0) return difference > 0 ? 'relationships' : 'stakeholders';
    return namedRelationships ? 'relationships' : 'stakeholders';
  }
  if (isRelationships) return 'relationships';
  if (isStakeholders) return 'stakeholders';
  if (namedRelationships) return 'relationships';
  if (hint.includes('stakeholder')) return 'stakeholders';
  return null;
}

function countMapped(mapping: Readonly<Record<string, number | null>>): number {
  return Object.values(mapping).filter((v) => v !== null).length;
}

function guessWith<Field extends string>(
  header: readonly string[],
  fields: readonly Field[],
  synonyms: Readonly<Record<Field, readonly string[]>>,
): ColumnMapping<Field> {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const mapping = {} as Record<Field, number | null>;
  for (const field of fields) {
    const index = keys.findIndex((key, i) => !used.has(i) && synonyms[field].includes(key));
    mapping[field] = index < 0 ? null : index;
    if (index >= 0) used.add(index);
  }
  return mapping;
}
