import type { WorkspaceDocument } from '../document/schema';
import { reportPainPoints, reportSolutions } from './report';

/*
 * Pain points and solutions as CSV, for the people who carry on in a spreadsheet (sorting by votes, assigning
 * owners, pasting into a tracker). Rows are in document order; a spreadsheet sorts them as its user likes. The
 * words (titles, category names, status labels, broken references) are the report's, so a CSV and the PDF made
 * from the same workspace name everything the same way.
 *
 * The format is RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): comma separated, CRLF between rows, a field
 * quoted when it has to be, quotes doubled. Two additions for Excel, the spreadsheet most users open it in:
 * - a UTF-8 byte order mark, without which Excel reads the file in the system's legacy code page and mangles
 *   accents ("Équipe" becomes "Ã‰quipe");
 * - a guard against formula injection (CSV injection): see guardFormula.
 */

/** The UTF-8 byte order mark that starts every CSV this module writes. */
export const CSV_BOM = '\uFEFF';

/** Column headings of painPointsCsv, in order. */
export const PAIN_POINT_COLUMNS = ['ID', 'Title', 'Category', 'Votes', 'Unaddressed', 'Attached to', 'Quotes', 'Description', 'Solutions'] as const;

/** Column headings of solutionsCsv, in order. */
export const SOLUTION_COLUMNS = ['ID', 'Title', 'Status', 'Owner', 'Impact', 'Effort', 'Addresses', 'Description'] as const;

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that Excel strips before doing
 * so): the list in the OWASP "CSV Injection" advice, https://owasp.org/www-community/attacks/CSV_Injection.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
/**
 * Spreadsheets also skip leading spaces and line breaks before reading a formula, and some (LibreOffice, Excel
 * in East Asian locales) read the full-width forms as the ASCII ones: a cell is guarded when its first character
 * after any such white space is a trigger in either width.
 */
const FORMULA_START = /^[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * Every pain point, one row each after a header row: ID, Title, Category, Votes, Unaddressed (`Yes`/`No`),
 * Attached to, Quotes (one per line inside the cell), Description, Solutions (titles joined with `; `).
 * UTF-8 BOM, RFC 4180 quoting, CRLF rows; a cell that would start a formula gets a leading `'` (see guardFormula).
 */
export function painPointsCsv(doc: WorkspaceDocument): string {
  const rows = reportPainPoints(doc).map((p) => [
    p.id,
    p.title,
    p.categoryName,
    String(p.votes),
    p.unaddressed ? 'Yes' : 'No',
    p.attachedTo,
    // A line feed inside a quoted cell is a line break in Excel, LibreOffice and Google Sheets (what Alt+Enter types).
    p.quotes.join('\n'),
    p.description,
    p.solutions.join('; '),
  ]);
  return toCsv([[...PAIN_POINT_COLUMNS], ...rows]);
}

/**
 * Every candidate solution, one row each after a header row: ID, Title, Status (`In progress` ...), Owner,
 * Impact, Effort (empty when unrated), Addresses (pain point titles joined with `; `), Description.
 * UTF-8 BOM, RFC 4180 quoting, CRLF rows; a cell that would start a formula gets a leading `'` (see guardFormula).
 */
export function solutionsCsv(doc: WorkspaceDocument): string {
  const rows = reportSolutions(doc).map((s) => [
    s.id,
    s.title,
    s.statusLabel,
    s.owner,
    s.impact === null ? '' : String(s.impact),
    s.effort === null ? '' : String(s.effort),
    s.addresses.join('; '),
    s.description,
  ]);
  return toCsv([[...SOLUTION_COLUMNS], ...rows]);
}

/**
 * Rows as CSV text: BOM, each cell guarded against formula injection and quoted when needed, rows ended by CRLF
 * (the last one too, as RFC 4180 allows and spreadsheets write).
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => `${row.map((c) => quoteField(guardFormula(c))).join(',')}\r\n`).join('');
}

/**
 * Guards a cell against spreadsheet formula injection (OWASP "CSV Injection"): text starting with `=`, `+`, `-`,
 * `@` (also after leading spaces or line breaks, and in their full-width forms `＝＋－＠`), a tab or a carriage
 * return gets a single quote in front, so Excel, LibreOffice and Google Sheets show it as
 * text instead of evaluating it. A pain point titled `=HYPERLINK("http://evil","Click")` must not become a live
 * link in the facilitator's spreadsheet. The cost is a visible `'` in front of such cells (`'-5% reach`): the
 * text stays readable, and OWASP judges the trade worth it.
 */
export function guardFormula(cell: string): string {
  return cell !== '' && (FORMULA_TRIGGERS.has(cell[0]!) || FORMULA_START.test(cell)) ? `'${cell}` : cell;
}

/**
 * A field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds a comma, a quote, a CR or
 * an LF, or starts or ends with a space (which some readers would otherwise trim); as it is otherwise.
 */
function quoteField(field: string): string {
  return /[",\r\n]|^ | $/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Parses CSV text (RFC 4180: comma separated, fields optionally in double quotes with quotes doubled, line breaks
 * inside quoted fields) into rows of fields. A leading UTF-8 BOM is skipped; rows may end with CRLF, LF or CR; a
 * final line break does not make an empty last row. Lenient rather than strict, and never throws: a stray quote
 * inside an unquoted field is kept as text, and an unterminated quoted field runs to the end of the text. Fields
 * are returned as written: the formula guard's `'` is part of the text.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  // Whether the current row has begun: distinguishes the end of the text right after a line break (no more rows)
  // from a last row with a single empty field.
  let rowStarted = false;

  while (i < input.length) {
    const c = input[i]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the closing quote; "" inside stands for one quote.
      rowStarted = true;
      i++;
      while (i < input.length) {
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += input[i];
          i++;
        }
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      rowStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      rowStarted = false;
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      rowStarted = true;
      i++;
    }
  }
  if (rowStarted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
