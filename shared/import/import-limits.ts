/*
 * How much File > Import Stakeholders… reads at a time. The limits keep a huge or hostile file from stalling or
 * crashing the window, and each is far above what a workshop's spreadsheet holds. Every one is refused with a
 * message that names it, never by throwing.
 */

/** Largest file imported: 20 MB is far more than 10,000 rows of stakeholders, and bounds the parsing work. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Most data rows (after the header row) one sheet may have: the map, and a person reviewing the preview, stop being useful well before. */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * Most cells (rows × columns) one sheet may span. A spreadsheet's rows are as long as its longest one, so a
 * workbook with one cell at A1 and one at XFD1048576 would become 17 billion cells in memory: it is refused
 * before it is parsed. 5,000,000 is 10,000 rows of 500 columns.
 */
export const MAX_SHEET_CELLS = 5_000_000;

/**
 * Largest total size of the XML inside a workbook that is unpacked. A sheet of 10,000 rows of a few columns is a
 * few megabytes of XML; 100 MB leaves room for wide sheets and verbose writers while keeping the renderer's
 * memory safe from a compressed "zip bomb".
 */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
