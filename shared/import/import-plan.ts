import { MAX_LONG_TEXT, MAX_SHORT_TEXT, type RelationshipStatus, type StakeholderKind } from '../document/format';
import type { OtherSide, Position, Relationship, Stakeholder, WorkspaceDocument } from '../document/schema';
import { columnLetter, isBlankCell, nameKey, textForCell } from './cell-text';
import type { ImportSheets, RelationshipColumns, SheetRole, StakeholderColumns } from './column-mapping';
import { readKind, readRating, readStatus } from './field-values';
import { placeNewStakeholders } from './place-new-stakeholders';

/*
 * Step 3: what importing the sheets would do to the map, worked out without changing it, so the dialog can show a
 * preview ("12 new, 3 updated, 2 rows with errors") and applyImport can then do exactly that.
 *
 * Stakeholders are matched to the map by name, ignoring case, accents and extra spaces: "legal " in the sheet is
 * "Légal" on the map. A match is an update, never a duplicate, and changes only the fields the sheet fills in
 * (a mapped column with a non-empty cell): an empty cell leaves the map's value alone. The name itself is the
 * key and is not rewritten. Relationships are matched by their two ends in either order (the map has at most
 * one relationship per pair): an existing one gets its status and label updated, a new one is added.
 *
 * Every row is checked on its own. A row with a problem is skipped and reported with its spreadsheet row number
 * (the header is row 1, so the first data row is row 2) and the reason in plain words; every good row is still
 * imported. Blank rows are skipped silently.
 */

/** One sheet to import: its rows (header row first, as readSpreadsheet gives them) and which column holds which field. */
export interface SheetInput<Mapping> {
  readonly rows: readonly (readonly string[])[];
  readonly mapping: Mapping;
}

export interface ImportInput {
  readonly stakeholders?: SheetInput<StakeholderColumns>;
  readonly relationships?: SheetInput<RelationshipColumns>;
}

/** The input for the sheets chooseImportSheets picked, with their guessed (or since edited) mappings. */
export function importInputFor(sheets: ImportSheets): ImportInput {
  return {
    ...(sheets.stakeholders ? { stakeholders: { rows: sheets.stakeholders.rows, mapping: sheets.stakeholders.mapping } } : {}),
    ...(sheets.relationships ? { relationships: { rows: sheets.relationships.rows, mapping: sheets.relationships.mapping } } : {}),
  };
}

/** A row that is not imported, and why. */
export interface ImportRowError {
  readonly sheet: SheetRole;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  readonly row: number;
  /** What is wrong, as a clause ("the name is empty; influence “9” is not a whole number from 1 to 5"). */
  readonly reason: string;
  /** The whole sentence for a list of errors: "Stakeholders, row 7: the name is empty." */
  readonly message: string;
}

/** A stakeholder the import adds. */
export interface PlannedStakeholder {
  readonly row: number;
  readonly name: string;
  readonly kind: StakeholderKind;
  /** Top-left corner, clear of the stakeholders on the map and of the other additions. */
  readonly position: Position;
  /** null: not rated. */
  readonly influence: number | null;
  readonly interest: number | null;
  readonly owner: string;
  readonly notes: string;
}

/** The fields an import may change on a stakeholder that is already on the map. A rating of null is "not rated". */
export interface StakeholderImportFields {
  readonly kind: StakeholderKind;
  readonly influence: number | null;
  readonly interest: number | null;
  readonly owner: string;
  readonly notes: string;
}
export type StakeholderImportField = keyof StakeholderImportFields;

/** A stakeholder on the map that the import changes. `before` and `after` hold exactly the `changed` fields. */
export interface PlannedStakeholderUpdate {
  readonly row: number;
  readonly id: string;
  /** The name on the map (kept as it is). */
  readonly name: string;
  readonly changed: readonly StakeholderImportField[];
  readonly before: Partial<StakeholderImportFields>;
  readonly after: Partial<StakeholderImportFields>;
}

/** One end of a new relationship: a stakeholder already on the map, or one the import adds (an index into `additions`). */
export type PlannedEnd =
  | { readonly on: 'map'; readonly id: string; readonly name: string }
  | { readonly on: 'import'; readonly additionIndex: number; readonly name: string };

/** A relationship the import adds. */
export interface PlannedRelationship {
  readonly row: number;
  readonly from: PlannedEnd;
  readonly to: PlannedEnd;
  readonly status: RelationshipStatus;
  readonly label: string;
  /** How the To side sees it (Their status, Their note); null when the sheet does not say. */
  readonly otherSide: OtherSide | null;
}

/** The fields an import may change on a relationship that is already on the map. */
export interface RelationshipImportFields {
  readonly status: RelationshipStatus;
  readonly label: string;
  /** How its target side sees it (`otherSide.status`); null (in `before`): never recorded. */
  readonly theirStatus: RelationshipStatus | null;
  /** The target side's note (`otherSide.notes`). */
  readonly theirNote: string;
}
export type RelationshipImportField = keyof RelationshipImportFields;

/** A relationship on the map that the import changes. `before` and `after` hold exactly the `changed` fields. */
export interface PlannedRelationshipUpdate {
  readonly row: number;
  readonly id: string;
  /** The names of its ends on the map, in the relationship's own direction. */
  readonly sourceName: string;
  readonly targetName: string;
  readonly changed: readonly RelationshipImportField[];
  readonly before: Partial<RelationshipImportFields>;
  readonly after: Partial<RelationshipImportFields>;
}

export interface ImportCounts {
  readonly stakeholdersAdded: number;
  readonly stakeholdersUpdated: number;
  /** Rows that match a stakeholder on the map and change nothing. */
  readonly stakeholdersUnchanged: number;
  readonly relationshipsAdded: number;
  readonly relationshipsUpdated: number;
  readonly relationshipsUnchanged: number;
  /** Rows skipped because of an error (the length of `errors`). */
  readonly rowsWithErrors: number;
  readonly blankRows: number;
  /** Additions and updates together: 0 means importing would change nothing. */
  readonly changes: number;
}

export interface ImportPlan {
  readonly additions: readonly PlannedStakeholder[];
  readonly updates: readonly PlannedStakeholderUpdate[];
  readonly relationshipAdditions: readonly PlannedRelationship[];
  readonly relationshipUpdates: readonly PlannedRelationshipUpdate[];
  /** Stakeholder rows first, then relationship rows, each in row order. */
  readonly errors: readonly ImportRowError[];
  readonly counts: ImportCounts;
}

const SHEET_TITLE: Readonly<Record<SheetRole, string>> = { stakeholders: 'Stakeholders', relationships: 'Relationships' };

/**
 * Works out what importing `input` into `doc` would do. Pure: `doc` and `input` are not changed. Either sheet may
 * be left out (a CSV of only stakeholders, or only relationships between stakeholders already on the map).
 */
export function planImport(doc: WorkspaceDocument, input: ImportInput): ImportPlan {
  const errors: ImportRowError[] = [];
  const report = (sheet: SheetRole, row: number, reasons: readonly string[]) => {
    const reason = reasons.join('; ');
    errors.push({ sheet, row, reason, message: `${SHEET_TITLE[sheet]}, row ${row}: ${reason}.` });
  };
  const onMap = indexByName(doc.stakeholders);
  const stakeholders = input.stakeholders ? planStakeholders(input.stakeholders, onMap, report) : emptyStakeholderPlan();
  const positions = placeNewStakeholders(doc, stakeholders.additions.map((a) => a.kind));
  const additions = stakeholders.additions.map((a, i): PlannedStakeholder => ({ ...a, position: positions[i]! }));
  const relationships = input.relationships
    ? planRelationships(doc, input.relationships, { onMap, inSheet: stakeholders.inSheet, sheetGiven: input.stakeholders !== undefined }, report)
    : { additions: [], updates: [], unchanged: 0, blankRows: 0 };

  const counts: ImportCounts = {
    stakeholdersAdded: additions.length,
    stakeholdersUpdated: stakeholders.updates.length,
    stakeholdersUnchanged: stakeholders.unchanged,
    relationshipsAdded: relationships.additions.length,
    relationshipsUpdated: relationships.updates.length,
    relationshipsUnchanged: relationships.unchanged,
    rowsWithErrors: errors.length,
    blankRows: stakeholders.blankRows + relationships.blankRows,
    changes: additions.length + stakeholders.updates.length + relationships.additions.length + relationships.updates.length,
  };
  return {
    additions,
    updates: stakeholders.updates,
    relationshipAdditions: relationships.additions,
    relationshipUpdates: relationships.updates,
    errors,
    counts,
  };
}

type Report = (sheet: SheetRole, row: number, reasons: readonly string[]) => void;

/** What a name in the stakeholders sheet turned out to be, for the relationship rows that name it. */
type SheetName = { readonly end: PlannedEnd } | { readonly erroredRow: number };

interface StakeholderSheetPlan {
  readonly additions: Array<Omit<PlannedStakeholder, 'position'>>;
  readonly updates: PlannedStakeholderUpdate[];
  readonly unchanged: number;
  readonly blankRows: number;
  /** Every name in the sheet (by nameKey): the stakeholder it became, or the row whose error kept it out. */
  readonly inSheet: ReadonlyMap<string, SheetName>;
}

function emptyStakeholderPlan(): StakeholderSheetPlan {
  return { additions: [], updates: [], unchanged: 0, blankRows: 0, inSheet: new Map() };
}

function planStakeholders(sheet: SheetInput<StakeholderColumns>, onMap: ReadonlyMap<string, readonly Stakeholder[]>, report: Report): StakeholderSheetPlan {
  const additions: Array<Omit<PlannedStakeholder, 'position'>> = [];
  const updates: PlannedStakeholderUpdate[] = [];
  const inSheet = new Map<string, SheetName>();
  let unchanged = 0;
  let blankRows = 0;
  const { mapping } = sheet;
  if (mapping.name === null) {
    if (sheet.rows.length > 1) report('stakeholders', 1, ['no column is chosen for the name, so no stakeholder in this sheet can be imported (choose the column that holds the names)']);
    return emptyStakeholderPlan();
  }
  /** Where each name was first seen in the sheet. */
  const firstRow = new Map<string, number>();

  for (const { row, cell, problems } of dataRows(sheet.rows, () => blankRows++)) {
    const name = cell(mapping.name).trim();
    const key = nameKey(name);
    if (name === '') problems.push('the name is empty');
    else if (isTooLongForShortText(name)) problems.push(`the name is longer than ${count(MAX_SHORT_TEXT)} characters`);
    const earlier = key === '' ? undefined : firstRow.get(key);
    if (earlier !== undefined) problems.push(`${textForCell(name)} is already on row ${earlier}; a stakeholder can appear only once`);
    else if (key !== '') firstRow.set(key, row);

    const kind = readKind(cell(mapping.kind));
    const influence = readRating(cell(mapping.influence), 'influence');
    const interest = readRating(cell(mapping.interest), 'interest');
    for (const reading of [kind, influence, interest]) if (!reading.ok) problems.push(reading.reason);
    const owner = cell(mapping.owner).trim();
    if (isTooLongForShortText(owner)) problems.push(`the owner is longer than ${count(MAX_SHORT_TEXT)} characters`);
    const notes = isBlankCell(cell(mapping.notes)) ? '' : cell(mapping.notes);

    const matches = key === '' ? [] : (onMap.get(key) ?? []);
    if (matches.length > 1) {
      problems.push(`${matches.length} stakeholders on the map are named ${textForCell(name)}, so this row cannot tell which one to update (rename one of them first)`);
    }
    if (problems.length > 0 || !kind.ok || !influence.ok || !interest.ok) {
      report('stakeholders', row, problems);
      if (key !== '' && earlier === undefined) inSheet.set(key, { erroredRow: row });
      continue;
    }

    const existing = matches[0];
    if (existing) {
      inSheet.set(key, { end: { on: 'map', id: existing.id, name: existing.name } });
      const fields: Partial<StakeholderImportFields> = {
        ...(kind.value !== undefined ? { kind: kind.value } : {}),
        ...(influence.value !== undefined ? { influence: influence.value } : {}),
        ...(interest.value !== undefined ? { interest: interest.value } : {}),
        ...(owner !== '' ? { owner } : {}),
        ...(notes !== '' ? { notes } : {}),
      };
      const update = stakeholderChanges(existing, fields, row);
      if (update) updates.push(update);
      else unchanged++;
    } else {
      inSheet.set(key, { end: { on: 'import', additionIndex: additions.length, name } });
      additions.push({
        row,
        name,
        kind: kind.value ?? 'department',
        influence: influence.value ?? null,
        interest: interest.value ?? null,
        owner,
        notes,
      });
    }
  }
  return { additions, updates, unchanged, blankRows, inSheet };
}

/** The update that sets `fields` on `stakeholder`, or null when they are what it has already. */
function stakeholderChanges(stakeholder: Stakeholder, fields: Partial<StakeholderImportFields>, row: number): PlannedStakeholderUpdate | null {
  const current: StakeholderImportFields = {
    kind: stakeholder.kind,
    influence: stakeholder.influence ?? null,
    interest: stakeholder.interest ?? null,
    owner: stakeholder.owner,
    notes: stakeholder.notes,
  };
  const changed: StakeholderImportField[] = [];
  const before: Writable<Partial<StakeholderImportFields>> = {};
  const after: Writable<Partial<StakeholderImportFields>> = {};
  // Generic in the field, so that each field's before and after keep that field's type.
  const compare = <F extends StakeholderImportField>(field: F) => {
    const value = fields[field];
    if (value === undefined) return;
    // An owner is compared without the spaces around it, so " Ana" on the map and "Ana" in the sheet are the same.
    const same = field === 'owner' ? current.owner.trim() === value : current[field] === value;
    if (same) return;
    changed.push(field);
    before[field] = current[field];
    after[field] = value;
  };
  for (const field of ['kind', 'influence', 'interest', 'owner', 'notes'] as const) compare(field);
  if (changed.length === 0) return null;
  return { row, id: stakeholder.id, name: stakeholder.name, changed, before, after };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

interface NameLookup {
  readonly onMap: ReadonlyMap<string, readonly Stakeholder[]>;
  readonly inSheet: ReadonlyMap<string, SheetName>;
  /** Whether a stakeholders sheet was imported too (for the wording of "not found"). */
  readonly sheetGiven: boolean;
}

function planRelationships(
  doc: WorkspaceDocument,
  sheet: SheetInput<RelationshipColumns>,
  names: NameLookup,
  report: Report,
): { additions: PlannedRelationship[]; updates: PlannedRelationshipUpdate[]; unchanged: number; blankRows: number } {
  const additions: PlannedRelationship[] = [];
  const updates: PlannedRelationshipUpdate[] = [];
  let unchanged = 0;
  let blankRows = 0;
  const { mapping } = sheet;
  if (mapping.from === null || mapping.to === null) {
    const missing = [mapping.from === null ? 'From' : null, mapping.to === null ? 'To' : null].filter((w) => w !== null).join(' and ');
    if (sheet.rows.length > 1) report('relationships', 1, [`no column is chosen for ${missing}, so no relationship in this sheet can be imported (choose the columns that name the two stakeholders)`]);
    return { additions, updates, unchanged, blankRows };
  }
  const existingByPair = new Map<string, Relationship>();
  for (const r of doc.relationships) {
    const pair = pairKey(`map:${r.source}`, `map:${r.target}`);
    if (!existingByPair.has(pair)) existingByPair.set(pair, r);
  }
  const nameById = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  /** The row where each pair was first seen in the sheet. */
  const firstRow = new Map<string, number>();

  for (const { row, cell, problems } of dataRows(sheet.rows, () => blankRows++)) {
    const from = resolveEnd(cell(mapping.from), 'From', names);
    const to = resolveEnd(cell(mapping.to), 'To', names);
    if (!from.ok) problems.push(from.reason);
    if (!to.ok) problems.push(to.reason);
    const status = readStatus(cell(mapping.status));
    if (!status.ok) problems.push(status.reason);
    const label = cell(mapping.label).trim();
    if (isTooLongForShortText(label)) problems.push(`the label is longer than ${count(MAX_SHORT_TEXT)} characters`);
    const theirReading = readStatus(cell(mapping.theirStatus));
    if (!theirReading.ok) problems.push(`their ${theirReading.reason.replace(/^the /, '')}`);
    const theirStatus = theirReading.ok ? theirReading.value : undefined;
    const theirNote = isBlankCell(cell(mapping.theirNote)) ? '' : cell(mapping.theirNote);

    let pair: string | null = null;
    if (from.ok && to.ok) {
      pair = pairKey(endKey(from.end), endKey(to.end));
      if (endKey(from.end) === endKey(to.end)) problems.push(`it connects ${textForCell(from.end.name)} to itself`);
      else if (firstRow.has(pair)) problems.push(`it repeats the relationship between ${textForCell(from.end.name)} and ${textForCell(to.end.name)} from row ${firstRow.get(pair)}`);
      else firstRow.set(pair, row);
    }
    const existing = pair === null ? undefined : existingByPair.get(pair);
    if (from.ok && to.ok && (theirStatus !== undefined || theirNote !== '')) {
      // Status is how From sees it and Their status how To sees it: on a relationship the map has the other way
      // round, the two would land on each other's side. Matching in either order stays for rows without them.
      if (existing && from.end.on === 'map' && existing.source !== from.end.id) {
        problems.push(
          `the map has this relationship the other way round (${textForCell(to.end.name)} to ${textForCell(from.end.name)}), so its status and their status would swap sides: put ${textForCell(to.end.name)} in From and ${textForCell(from.end.name)} in To`,
        );
      } else if (theirStatus === undefined && (existing?.otherSide ?? null) === null) {
        problems.push(`their note is given without their status (how ${textForCell(to.end.name)} sees it)`);
      }
    }
    if (problems.length > 0 || !from.ok || !to.ok || !status.ok || pair === null) {
      report('relationships', row, problems);
      continue;
    }

    if (existing) {
      const update = relationshipChanges(existing, { status: status.value, label, theirStatus, theirNote }, row, nameById);
      if (update) updates.push(update);
      else unchanged++;
    } else {
      const otherSide = theirStatus === undefined ? null : { status: theirStatus, notes: theirNote };
      additions.push({ row, from: from.end, to: to.end, status: status.value ?? 'neutral', label, otherSide });
    }
  }
  return { additions, updates, unchanged, blankRows };
}

/**
 * The update that sets a non-empty status, label, their status and their note on `relationship`, or null when
 * they are what it has already.
 */
function relationshipChanges(
  relationship: Relationship,
  fields: { readonly status: RelationshipStatus | undefined; readonly label: string; readonly theirStatus: RelationshipStatus | undefined; readonly theirNote: string },
  row: number,
  nameById: ReadonlyMap<string, string>,
): PlannedRelationshipUpdate | null {
  const changed: RelationshipImportField[] = [];
  const before: Writable<Partial<RelationshipImportFields>> = {};
  const after: Writable<Partial<RelationshipImportFields>> = {};
  if (fields.status !== undefined && fields.status !== relationship.status) {
    changed.push('status');
    before.status = relationship.status;
    after.status = fields.status;
  }
  if (fields.label !== '' && fields.label !== relationship.label.trim()) {
    changed.push('label');
    before.label = relationship.label;
    after.label = fields.label;
  }
  const recorded = relationship.otherSide;
  if (fields.theirStatus !== undefined && fields.theirStatus !== recorded?.status) {
    changed.push('theirStatus');
    before.theirStatus = recorded?.status ?? null;
    after.theirStatus = fields.theirStatus;
  }
  if (fields.theirNote !== '' && fields.theirNote !== (recorded?.notes ?? '')) {
    changed.push('theirNote');
    before.theirNote = recorded?.notes ?? '';
    after.theirNote = fields.theirNote;
  }
  if (changed.length === 0) return null;
  return {
    row,
    id: relationship.id,
    sourceName: nameById.get(relationship.source) ?? relationship.source,
    targetName: nameById.get(relationship.target) ?? relationship.target,
    changed,
    before,
    after,
  };
}

/** The stakeholder a relationship row names: one from the stakeholders sheet first, else one on the map. */
function resolveEnd(cell: string, column: 'From' | 'To', names: NameLookup): { ok: true; end: PlannedEnd } | { ok: false; reason: string } {
  const name = cell.trim();
  if (name === '') return { ok: false, reason: `the ${column} stakeholder is empty` };
  const key = nameKey(name);
  const fromSheet = names.inSheet.get(key);
  if (fromSheet && 'end' in fromSheet) return { ok: true, end: fromSheet.end };
  const onMap = names.onMap.get(key) ?? [];
  if (onMap.length === 1) return { ok: true, end: { on: 'map', id: onMap[0]!.id, name: onMap[0]!.name } };
  if (onMap.length > 1) return { ok: false, reason: `${onMap.length} stakeholders on the map are named ${textForCell(name)}, so the ${column} end is ambiguous (rename one of them first)` };
  if (fromSheet) return { ok: false, reason: `${textForCell(name)} is on row ${fromSheet.erroredRow} of the stakeholders sheet, which has an error` };
  const where = names.sheetGiven ? 'neither on the map nor in the stakeholders sheet' : 'not on the map';
  return { ok: false, reason: `the ${column} stakeholder ${textForCell(name)} is ${where}` };
}

/** The reasons for the cells of a row too long to keep (MAX_LONG_TEXT), whichever field they map to. */
/**
 * The data rows of a sheet (after its header), each with its spreadsheet row number, a reader of the cell in a
 * mapped column ('' for an unmapped one) and the problems of the whole row so far (cells too long). Blank rows are
 * skipped and counted through `onBlank`.
 */
function* dataRows(rows: readonly (readonly string[])[], onBlank: () => void) {
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (cells.every(isBlankCell)) {
      onBlank();
      continue;
    }
    const cell = (column: number | null) => (column === null ? '' : (cells[column] ?? ''));
    yield { row: index + 1, cell, problems: tooLongCells(cells) };
  }
}

function tooLongCells(cells: readonly string[]): string[] {
  const problems: string[] = [];
  cells.forEach((c, i) => {
    if (c.length > MAX_LONG_TEXT) problems.push(`the cell in column ${columnLetter(i)} is longer than ${count(MAX_LONG_TEXT)} characters, the most Stakemap keeps`);
  });
  return problems;
}

/** Too long for a name, owner or label, and not already reported as a cell too long to keep at all (tooLongCells). */
function isTooLongForShortText(text: string): boolean {
  return text.length > MAX_SHORT_TEXT && text.length <= MAX_LONG_TEXT;
}

/** The stakeholders on the map by nameKey (a list: two may share a name). */
function indexByName(stakeholders: readonly Stakeholder[]): Map<string, Stakeholder[]> {
  const index = new Map<string, Stakeholder[]>();
  for (const s of stakeholders) {
    const key = nameKey(s.name);
    const list = index.get(key);
    if (list) list.push(s);
    else index.set(key, [s]);
  }
  return index;
}

function endKey(end: PlannedEnd): string {
  return end.on === 'map' ? `map:${end.id}` : `import:${end.additionIndex}`;
}

/** The same key for (a, b) and (b, a): a relationship has no direction as far as matching goes. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
