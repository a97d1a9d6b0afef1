import readXlsxFile from 'read-excel-file/universal';
import { textForMessage } from '../document/message-text';
import { columnLetter } from './cell-text';
import { MAX_IMPORT_ROWS, MAX_SHEET_CELLS, MAX_XLSX_UNPACKED_BYTES } from './import-limits';
import { listZipEntries, storedZip, unpackEntry } from './zip-archive';

/*
 * The sheets of an .xlsx workbook as rows of text, with read-excel-file.
 *
 * Its "universal" entry is used: it takes an ArrayBuffer and parses with a JavaScript SAX parser, with no Node
 * module and no worker of its own, so the very same code runs in the renderer (bundled by Vite) and under
 * Vitest on Node. ("/browser" and "/web-worker" start Web Workers, which Node does not have; "/node" imports
 * Node's fs and stream modules, which the renderer does not have.) The archive is unpacked here first
 * (zip-archive.ts explains why), so read-excel-file only copies the parts out of an uncompressed archive.
 *
 * Cells become text the way a person reads them in the sheet: numbers as their decimal digits, dates as ISO
 * dates, booleans as "true"/"false", a formula as the value the spreadsheet saved for it last time. Formulas are
 * never evaluated (read-excel-file has no formula engine, and the import wants what the user saw).
 */

export type XlsxSheetsResult =
  | { readonly ok: true; readonly sheets: Array<{ name: string; rows: string[][] }> }
  | { readonly ok: false; readonly message: string };

const RESAVE = 'Open it in Excel and save it again as "Excel Workbook (.xlsx)", or save it as "CSV UTF-8" and import that.';

/** The parts read-excel-file reads (its own filter): the XML files and their relationships. */
const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/** Reads every sheet of an .xlsx workbook (the bytes of a zip archive), in the workbook's order. Never throws. */
export async function readXlsxSheets(fileName: string, bytes: Uint8Array): Promise<XlsxSheetsResult> {
  const name = `“${textForMessage(fileName, 200)}”`;
  const tooLarge = {
    ok: false,
    message: `${name} would unpack to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB of spreadsheet data, more than Stakemap imports at a time. Split it into smaller workbooks, or save just the stakeholders and relationships as CSV.`,
  } as const;
  const entries = listZipEntries(bytes);
  if (!entries) return { ok: false, message: `${name} is a damaged zip archive: its list of contents cannot be read. ${RESAVE}` };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    return { ok: false, message: `${name} is a zip archive but not an Excel workbook (.xlsx). Stakemap imports Excel workbooks (.xlsx) and CSV files.` };
  }
  const parts = entries.filter((e) => isXmlPart(e.name));
  // What the archive declares is checked first, so an honest but huge workbook is refused before any work.
  if (parts.reduce((sum, e) => sum + e.size, 0) > MAX_XLSX_UNPACKED_BYTES) return tooLarge;

  const files: Array<{ name: string; crc32: number; data: Uint8Array }> = [];
  let budget = MAX_XLSX_UNPACKED_BYTES;
  for (const entry of parts) {
    const unpacked = await unpackEntry(bytes, entry, budget);
    if (!unpacked.ok) {
      if (unpacked.problem === 'tooLarge') return tooLarge;
      const why = unpacked.problem === 'unsupported' ? 'it is encrypted or compressed in a way Stakemap cannot unpack' : 'its compressed contents are damaged';
      return { ok: false, message: `${name} could not be read as an Excel workbook: ${why}. ${RESAVE}` };
    }
    budget -= unpacked.data.length;
    files.push({ name: entry.name, crc32: entry.crc32, data: unpacked.data });
  }

  for (const file of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(file.name)) continue;
    const extent = sheetExtent(file.data);
    if (extent.rows * extent.columns > MAX_SHEET_CELLS) {
      return {
        ok: false,
        message: `A sheet in ${name} reaches cell ${columnLetter(extent.columns - 1)}${extent.rows}: ${extent.rows.toLocaleString('en-US')} rows of ${extent.columns.toLocaleString('en-US')} columns, far more than Stakemap imports at a time (${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows). Delete the unused rows and columns, or copy the stakeholders into a new workbook.`,
      };
    }
  }

  try {
    const sheets = await readXlsxFile(storedZip(files).buffer, { trim: false });
    return { ok: true, sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) })) };
  } catch (error) {
    return { ok: false, message: `${name} could not be read as an Excel workbook: ${describeReadError(error)} ${RESAVE}` };
  }
}

/**
 * How far a sheet's cells reach: its last row and last column, from the cell references (`<c r="XFD1048576">`).
 * Cells without a reference follow the one before, so they cannot open a gap; the sheet's `<dimension>` is
 * advisory and ignored, as read-excel-file ignores it.
 */
function sheetExtent(xml: Uint8Array): { rows: number; columns: number } {
  const text = new TextDecoder('utf-8').decode(xml);
  let rows = 0;
  let columns = 0;
  for (const match of text.matchAll(/<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"/g)) {
    const letters = match[1]!;
    let column = 0;
    for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
    columns = Math.max(columns, column);
    rows = Math.max(rows, Number(match[2]));
  }
  return { rows, columns };
}

/** A cell's value as text. read-excel-file types dates loosely, so values are taken as unknown and checked. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    // Spreadsheet dates have no time zone; read-excel-file gives them at UTC midnight. A date with a time keeps it.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  // read-excel-file gives nothing else; were it to, an unknown value is no text the user typed.
  return '';
}

/** Why read-excel-file gave up, in plain words where its message is known. */
function describeReadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cell = /at row (\d+), col (\d+): (\w+)/.exec(message);
  if (cell) {
    const where = `cell ${columnLetter(Number(cell[2]) - 1)}${cell[1]}`;
    if (cell[3] === 'VALUE_MISSING') return `${where} has a formula without a saved result (the program that wrote the file did not calculate it).`;
    return `${where} is damaged.`;
  }
  if (/not found inside/.test(message)) return 'a part of the workbook is missing.';
  if (/unzip/i.test(message)) return 'its compressed contents are damaged.';
  return 'it is damaged or written in a way Stakemap does not understand.';
}
