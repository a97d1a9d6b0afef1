import { guardFormula } from '../export/csv';
import { textForMessage } from '../document/message-text';

/*
 * Small rules about the text of one spreadsheet cell, shared by reading, column guessing and planning.
 */

/**
 * A cell without the formula guard Stakemap's CSV export puts in front of text that a spreadsheet would run as
 * a formula (shared/export/csv.ts, guardFormula): `'=HYPERLINK(…)` reads back as `=HYPERLINK(…)`. Exactly the
 * guard is removed, and only where guardFormula would have added it, so our own exported cells read back
 * unchanged and a cell such as `'tis the season` (an apostrophe before ordinary text) is kept as written. The
 * result is only ever stored as text: nothing in the import evaluates a formula.
 */
export function unguardFormula(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return guardFormula(rest) === cell ? rest : cell;
}

/** Whether a cell holds nothing but white space (an empty cell means "leave this field as it is"). */
export function isBlankCell(cell: string): boolean {
  return cell.trim() === '';
}

/**
 * The key two stakeholder names are compared by: "Légal ", "legal" and "LEGAL" are the same stakeholder. Accents
 * and other combining marks are dropped, compatibility forms folded (full-width letters, ligatures), case
 * ignored, and runs of white space (including no-break spaces) read as one space, with none at either end.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key a vocabulary word (a kind, a status) is compared by: like nameKey, and hyphens, underscores and dots
 * count as spaces, so "Outside-party", "outside_party" and "OUTSIDE PARTY" are the same word.
 */
export function wordKey(text: string): string {
  return nameKey(text.replace(/[-_.]+/g, ' '));
}

/** The spreadsheet name of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's text for a message: between typographic quotes, shortened, control characters escaped. */
export function textForCell(cell: string): string {
  return `“${textForMessage(cell.trim(), 40)}”`;
}
