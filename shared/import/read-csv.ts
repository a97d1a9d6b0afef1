import Papa from 'papaparse';
import { textForMessage } from '../document/message-text';
import { MAX_SHEET_CELLS } from './import-limits';

/*
 * CSV text into rows of cells, with papaparse (RFC 4180 and the common variations: quoted cells with line
 * breaks and doubled quotes, CRLF, LF or CR rows). Cells stay text: no number or date guessing, so "007" stays
 * "007" and "1/2" stays "1/2".
 */

export type CsvRowsResult = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly message: string };

/** Delimiters a spreadsheet's CSV export uses: the comma, the semicolon of locales whose decimal mark is a comma, the tab. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The rows of a CSV text (already decoded, without its byte order mark), the header row first, every row as
 * written (blank rows included, so the index of a row plus one is its row number in a spreadsheet). Refuses a
 * text whose quoted cell is never closed: everything after the stray quote would otherwise become one cell.
 */
export function parseCsvRows(fileName: string, text: string): CsvRowsResult {
  const delimiter = guessDelimiter(text);
  // Every cell ends at a delimiter or a line break: counting them bounds the cells before any is made, so a
  // file of nothing but commas cannot become millions of strings.
  if (countCellEnds(text, delimiter) > MAX_SHEET_CELLS) {
    return {
      ok: false,
      message: `“${textForMessage(fileName, 200)}” has more than ${MAX_SHEET_CELLS.toLocaleString('en-US')} cells, far more than Stakemap imports at a time. Split it into smaller files, or remove the columns the import does not need.`,
    };
  }
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = unclosed.row === undefined ? '' : ` on row ${(unclosed.row + 1).toLocaleString('en-US')}`;
    return {
      ok: false,
      message: `“${textForMessage(fileName, 200)}” has a quoted cell that is never closed${row}: a " starts it and no " ends it, so the rest of the file would be read as one cell. Fix that cell in a spreadsheet or text editor and import the file again.`,
    };
  }
  return { ok: true, rows: result.data };
}

/**
 * The delimiter of the header row: whichever of comma, semicolon and tab it holds most often outside quotes
 * (the comma when none). Papaparse can guess too, but judges by consistency over many rows and falls back to
 * the comma on short files; the header row names every column, so it alone is a reliable witness.
 */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** How many delimiters and line breaks the text holds (in quotes or not: an upper bound of its cells). */
function countCellEnds(text: string, delimiter: string): number {
  const code = delimiter.charCodeAt(0);
  let ends = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === code || c === 0x0a || c === 0x0d) ends++;
  }
  return ends;
}
