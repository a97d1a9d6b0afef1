import type { WorkspaceDocument } from '../document/schema';
import { RELATIONSHIP_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '../document/vocabulary';
import { toCsv } from '../export/csv';
import { RELATIONSHIP_FIELD_LABELS, RELATIONSHIP_FIELDS, STAKEHOLDER_FIELD_LABELS, STAKEHOLDER_FIELDS } from './column-mapping';

/*
 * The map's stakeholders and relationships as the two CSV files the import reads: a team exports them, edits
 * them in a spreadsheet, and imports them back. Written with the export's CSV rules (shared/export/csv.ts: UTF-8
 * byte order mark, RFC 4180 quoting, CRLF rows, the formula guard), which the import reads back exactly: its
 * headings are the ones guessColumns recognises, kinds and statuses are the words the app shows, which the
 * import accepts, and relationships name their ends, as a person editing the sheet would.
 */

/** Column headings of stakeholdersCsv, in order: Name, Kind, Influence, Interest, Owner, Notes. */
export const STAKEHOLDER_SHEET_COLUMNS: readonly string[] = STAKEHOLDER_FIELDS.map((f) => STAKEHOLDER_FIELD_LABELS[f]);

/** Column headings of relationshipsCsv, in order: From, To, Status, Label, Their status, Their note. */
export const RELATIONSHIP_SHEET_COLUMNS: readonly string[] = RELATIONSHIP_FIELDS.map((f) => RELATIONSHIP_FIELD_LABELS[f]);

/** Every stakeholder, one row each in map order: Name, Kind ("Internal department"), Influence and Interest (empty when unrated), Owner, Notes. */
export function stakeholdersCsv(doc: WorkspaceDocument): string {
  const rows = doc.stakeholders.map((s) => [
    s.name,
    STAKEHOLDER_KIND_LABELS[s.kind],
    s.influence === undefined ? '' : String(s.influence),
    s.interest === undefined ? '' : String(s.interest),
    s.owner,
    s.notes,
  ]);
  return toCsv([[...STAKEHOLDER_SHEET_COLUMNS], ...rows]);
}

/**
 * Every relationship, one row each in map order: From and To (the names of its source and target), Status
 * ("Problematic"), Label, then how the To side sees it: Their status and Their note, both empty when that was
 * never recorded. A relationship whose end is missing from the map (a damaged file) is left out: the import could
 * not connect it anyway.
 */
export function relationshipsCsv(doc: WorkspaceDocument): string {
  const names = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  const rows = doc.relationships.flatMap((r) => {
    const from = names.get(r.source);
    const to = names.get(r.target);
    if (from === undefined || to === undefined) return [];
    const theirs = r.otherSide === null ? ['', ''] : [RELATIONSHIP_STATUS_LABELS[r.otherSide.status], r.otherSide.notes];
    return [[from, to, RELATIONSHIP_STATUS_LABELS[r.status], r.label, ...theirs]];
  });
  return toCsv([[...RELATIONSHIP_SHEET_COLUMNS], ...rows]);
}
