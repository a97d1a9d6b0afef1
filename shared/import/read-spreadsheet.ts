import { textForMessage } from '../document/message-text';
import { isBlankCell, unguardFormula } from './cell-text';
import { decodeCsvBytes } from './decode-text';
import { recogniseFile } from './file-signature';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-limits';
import { parseCsvRows } from './read-csv';
import { readXlsxSheets } from './read-xlsx';

/*
 * Step 1 of File > Import Stakeholders…: a spreadsheet file's bytes into sheets of rows of text. The caller (the
 * renderer) has the file's name and bytes; nothing here touches the disk. Which parser runs is decided by the
 * bytes (zip → .xlsx, text → CSV), not by the file's name. Every failure is a message naming the file and the
 * problem in plain words; nothing throws.
 *
 * What comes out is the spreadsheet as the user sees it: row 1 (rows[0]) is the header row, every row is kept
 * (blank ones too, so that rows[i] is spreadsheet row i + 1), except blank rows after the last filled one.
 * Cells are text; Stakemap's own formula guard (a `'` before `=`, `+`, `-`, `@` …) is already removed.
 */

/** One sheet of a workbook (a CSV file is one sheet, named after the file). `rows[0]` is the header row. */
export interface SheetRows {
  readonly name: string;
  readonly rows: string[][];
}

export type SheetReadResult =
  | { readonly ok: true; readonly format: 'csv' | 'xlsx'; readonly sheets: SheetRows[] }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a CSV file (UTF-8 with or without a byte order mark, UTF-16 with one; comma, semicolon or tab separated)
 * or an Excel workbook (.xlsx, every sheet). Refuses with a message (the limits are in import-limits.ts): a file
 * over MAX_IMPORT_BYTES, a sheet with more than MAX_IMPORT_ROWS data rows or spanning more than MAX_SHEET_CELLS
 * cells, a file that is not a spreadsheet, text that is not UTF-8 or UTF-16, a damaged workbook, a file with no
 * rows at all. A cell that is too long is not refused here: planImport turns it into an error on its row, so the
 * rest of the file still imports.
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SheetReadResult> {
  const name = `“${textForMessage(fileName, 200)}”`;
  try {
    if (bytes.length > MAX_IMPORT_BYTES) {
      return {
        ok: false,
        message: `${name} is ${megabytes(bytes.length)}; Stakemap imports spreadsheets of up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files, or remove the columns the import does not need.`,
      };
    }
    if (bytes.length === 0) return { ok: false, message: `${name} is empty: it has no rows to import.` };

    const file = recogniseFile(bytes);
    if (file.kind === 'unsupported') return { ok: false, message: `${name} is ${file.what}. ${file.advice}` };

    let format: 'csv' | 'xlsx';
    let sheets: Array<{ name: string; rows: string[][] }>;
    if (file.kind === 'zip') {
      const workbook = await readXlsxSheets(fileName, bytes);
      if (!workbook.ok) return workbook;
      format = 'xlsx';
      sheets = workbook.sheets;
    } else {
      const decoded = decodeCsvBytes(fileName, bytes);
      if (!decoded.ok) return decoded;
      const csv = parseCsvRows(fileName, decoded.text);
      if (!csv.ok) return csv;
      format = 'csv';
      sheets = [{ name: baseName(fileName), rows: csv.rows }];
    }

    const cleaned = sheets.map((sheet) => ({ name: sheet.name, rows: dropTrailingBlankRows(sheet.rows).map((row) => row.map(unguardFormula)) }));
    for (const sheet of cleaned) {
      const dataRows = Math.max(0, sheet.rows.length - 1);
      if (dataRows > MAX_IMPORT_ROWS) {
        const where = format === 'csv' ? name : `The sheet “${textForMessage(sheet.name, 100)}” in ${name}`;
        return {
          ok: false,
          message: `${where} has ${count(dataRows)} rows; Stakemap imports up to ${count(MAX_IMPORT_ROWS)} at a time. Split it into smaller files and import them one after another.`,
        };
      }
    }
    if (cleaned.every((sheet) => sheet.rows.length === 0)) return { ok: false, message: `${name} is empty: it has no rows to import.` };
    return { ok: true, format, sheets: cleaned };
  } catch (error) {
    // Not expected (each reader words its own failures), but a message is still better than a stuck dialog.
    return { ok: false, message: `${name} could not be read: ${error instanceof Error ? textForMessage(error.message, 200) : 'an unexpected error'}.` };
  }
}

/** Rows without the blank rows at the end (a CSV's final line break, a sheet's formatted but empty rows). */
function dropTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlankCell)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

/** "people.csv" → "people": a CSV's one sheet is named after its file. */
function baseName(fileName: string): string {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Megabytes to one decimal, rounded up, so a file just over the limit never reads as "20 MB". */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
