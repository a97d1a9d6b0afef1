import { describe, expect, it } from 'vitest';
import { MAX_XLSX_UNPACKED_BYTES } from '../../../../shared/import/import-limits';
import { listZipEntries, storedZip, unpackEntry } from '../../../../shared/import/zip-archive';
import { readMessage, readOk } from './import-helpers';
import { buildXlsx, deflatedZip, workbookParts } from './xlsx-builder';

const header = ['Name', 'Kind', 'Notes'];
const rowsOf = (count: number) => [header, ...Array.from({ length: count }, (_, i) => [`Stakeholder ${i + 1}`, 'department', `Note ${i + 1}`])];

describe('readSpreadsheet: large and hostile workbooks', () => {
  it('reads a workbook of 10,000 rows, whose sheet is far over the size fflate hands to a worker', async () => {
    const bytes = buildXlsx([{ name: 'Stakeholders', rows: rowsOf(10_000) }]);
    const sheets = await readOk('big.xlsx', bytes);
    expect(sheets[0]!.rows).toHaveLength(10_001);
    expect(sheets[0]!.rows[10_000]).toEqual(['Stakeholder 10000', 'department', 'Note 10000']);
  });

  it('refuses a sheet of 100,000 rows with a clear message naming the sheet, without throwing', async () => {
    const bytes = buildXlsx([
      { name: 'Stakeholders', rows: rowsOf(100_000) },
      { name: 'Relationships', rows: [['From', 'To']] },
    ]);
    expect(await readMessage('big.xlsx', bytes)).toBe(
      'The sheet “Stakeholders” in “big.xlsx” has 100,000 rows; Stakemap imports up to 10,000 at a time. Split it into smaller files and import them one after another.',
    );
  });

  it('stops unpacking a zip bomb that lies about its size as soon as it passes the limit', async () => {
    const parts = workbookParts([{ name: 'Stakeholders', rows: [['Name']] }]);
    const bomb = new Uint8Array(MAX_XLSX_UNPACKED_BYTES + 1024 * 1024).fill(0x20);
    const bytes = deflatedZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: bomb, declaredSize: 1000 } : p)));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await readMessage('bomb.xlsx', bytes)).toMatch(/^“bomb\.xlsx” would unpack to more than 100 MB of spreadsheet data/);
  });
});

describe('readSpreadsheet: sheets that span too many cells', () => {
  it('refuses a workbook whose two cells sit at A1 and XFD1048576, before parsing it', async () => {
    const parts = workbookParts([{ name: 'Stakeholders', rows: [['Name']] }]);
    const sparse =
      '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far away</t></is></c></row></sheetData></worksheet>';
    const bytes = deflatedZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: new TextEncoder().encode(sparse) } : p)));
    expect(await readMessage('sparse.xlsx', bytes)).toBe(
      'A sheet in “sparse.xlsx” reaches cell XFD1048576: 1,048,576 rows of 16,384 columns, far more than Stakemap imports at a time (10,000 rows). Delete the unused rows and columns, or copy the stakeholders into a new workbook.',
    );
  });

  it('refuses a CSV of millions of empty cells before making them', async () => {
    const message = await readMessage('commas.csv', new TextEncoder().encode(`Name${','.repeat(6_000_000)}\n`));
    expect(message).toBe('“commas.csv” has more than 5,000,000 cells, far more than Stakemap imports at a time. Split it into smaller files, or remove the columns the import does not need.');
  });
});

describe('zip-archive', () => {
  it('repacks files uncompressed, keeping their names, contents and CRCs', async () => {
    const original = buildXlsx([{ name: 'S', rows: rowsOf(3) }]);
    const entries = listZipEntries(original)!;
    expect(entries.every((e) => e.method === 8)).toBe(true);
    const files = await Promise.all(
      entries.map(async (e) => {
        const unpacked = await unpackEntry(original, e, Number.POSITIVE_INFINITY);
        if (!unpacked.ok) throw new Error(unpacked.problem);
        return { name: e.name, crc32: e.crc32, data: unpacked.data };
      }),
    );
    const stored = storedZip(files);
    const again = listZipEntries(stored)!;
    expect(again.map((e) => [e.name, e.method, e.crc32, e.size])).toEqual(files.map((f) => [f.name, 0, f.crc32, f.data.length]));
    for (const [i, entry] of again.entries()) expect(await unpackEntry(stored, entry, Number.POSITIVE_INFINITY)).toEqual({ ok: true, data: files[i]!.data });
  });

  it('says an archive without a directory is unreadable, and damaged data is damaged', async () => {
    expect(listZipEntries(new Uint8Array(100))).toBeNull();
    const original = buildXlsx([{ name: 'S', rows: rowsOf(3) }]);
    const entry = listZipEntries(original)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const garbled = original.slice();
    garbled.fill(0xff, entry.localHeaderOffset + 60, entry.localHeaderOffset + 30 + entry.compressedSize);
    expect(await unpackEntry(garbled, entry, Number.POSITIVE_INFINITY)).toEqual({ ok: false, problem: 'damaged' });
  });
});
