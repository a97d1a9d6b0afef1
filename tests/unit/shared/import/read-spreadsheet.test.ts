import { describe, expect, it } from 'vitest';
import { guardFormula } from '../../../../shared/export/csv';
import { unguardFormula } from '../../../../shared/import/cell-text';
import { cellText } from '../../../../shared/import/read-xlsx';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from '../../../../shared/import/import-limits';
import { readSpreadsheet } from '../../../../shared/import/read-spreadsheet';
import { seededRandom } from '../../../../shared/operations/seeded-random';
import { csvText, importFixture, readMessage, readOk, utf16, utf8 } from './import-helpers';

const HEADER = ['Name', 'Kind', 'Influence'];
const TEXT = 'Name,Kind\r\nÉquipe sociale,team\r\nLégal,department\r\n';
const EXPECTED = [
  ['Name', 'Kind'],
  ['Équipe sociale', 'team'],
  ['Légal', 'department'],
];

describe('readSpreadsheet: CSV encodings', () => {
  it('reads UTF-8 without a byte order mark', async () => {
    expect(await readOk('people.csv', utf8(TEXT))).toEqual([{ name: 'people', rows: EXPECTED }]);
  });

  it('reads UTF-8 with a byte order mark, which is not part of the first cell', async () => {
    const sheets = await readOk('people.csv', utf8(`\uFEFF${TEXT}`));
    expect(sheets[0]!.rows).toEqual(EXPECTED);
  });

  it('reads UTF-16 little endian and big endian with a byte order mark', async () => {
    expect((await readOk('people.csv', utf16(TEXT, 'LE')))[0]!.rows).toEqual(EXPECTED);
    expect((await readOk('people.csv', utf16(TEXT, 'BE')))[0]!.rows).toEqual(EXPECTED);
  });

  it('refuses Latin-1 bytes (invalid UTF-8) with words saying to save as CSV UTF-8', async () => {
    // "Légal" in Windows-1252 / Latin-1: é is the single byte 0xE9, which UTF-8 never has on its own.
    const latin1 = Uint8Array.from([...'Name\r\nL'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'gal\r\n'].map((c) => c.charCodeAt(0))));
    const message = await readMessage('people.csv', latin1);
    expect(message).toContain('“people.csv”');
    expect(message).toContain('not UTF-8');
    expect(message).toContain('CSV UTF-8');
  });

  it('refuses UTF-16 without a byte order mark, and UTF-32, with the same advice', async () => {
    const noMark = utf16(TEXT, 'LE').subarray(2);
    expect(await readMessage('people.csv', noMark)).toMatch(/UTF-16 LE text without a byte order mark.*CSV UTF-8/);
    expect(await readMessage('people.csv', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatch(/UTF-32 LE.*CSV UTF-8/);
  });
});

describe('readSpreadsheet: CSV text', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside cells', async () => {
    const sheets = await readOk('p.csv', utf8('Name,Notes\r\n"Legal, EU","Says ""no""\nthen ""maybe"""\r\n'));
    expect(sheets[0]!.rows).toEqual([
      ['Name', 'Notes'],
      ['Legal, EU', 'Says "no"\nthen "maybe"'],
    ]);
  });

  it('reads semicolon and tab separated files (the header row decides)', async () => {
    expect((await readOk('p.csv', utf8('Name;Kind\nLegal;department\n')))[0]!.rows).toEqual([
      ['Name', 'Kind'],
      ['Legal', 'department'],
    ]);
    expect((await readOk('p.tsv', utf8('Name\tNotes\nLegal\tslow, careful\n')))[0]!.rows).toEqual([
      ['Name', 'Notes'],
      ['Legal', 'slow, careful'],
    ]);
  });

  it('keeps blank rows in the middle (row numbers stay the spreadsheet’s) and drops them at the end', async () => {
    const rows = (await readOk('p.csv', utf8('Name\nA\n\nB\n\n\n')))[0]!.rows;
    expect(rows).toEqual([['Name'], ['A'], [''], ['B']]);
  });

  it('keeps cells as text: no number or date guessing', async () => {
    expect((await readOk('p.csv', utf8('Name,Code\n007,1/2\n')))[0]!.rows[1]).toEqual(['007', '1/2']);
  });

  it('refuses a quoted cell that is never closed, naming the row', async () => {
    const message = await readMessage('p.csv', utf8('Name,Notes\nLegal,"never closed\nBrand,fine\n'));
    expect(message).toMatch(/“p\.csv” has a quoted cell that is never closed on row 2/);
  });
});

describe('readSpreadsheet: formulas', () => {
  it('imports formula text as literal text, and strips exactly our own guard, once', async () => {
    const hyperlink = '=HYPERLINK("http://evil","Click")';
    const rows = (
      await readOk(
        'p.csv',
        utf8(
          csvText([
            ['Name', 'Notes'],
            ['A', `"${hyperlink.replace(/"/g, '""')}"`],
            ['B', `"'${hyperlink.replace(/"/g, '""')}"`],
            ['C', "''=1+1"],
            ['D', "'tis the season"],
            ['E', "' -5% reach"],
          ]),
        ),
      )
    )[0]!.rows;
    expect(rows.slice(1).map((r) => r[1])).toEqual([hyperlink, hyperlink, "''=1+1", "'tis the season", ' -5% reach']);
  });

  it('unguardFormula undoes guardFormula for every trigger, and changes nothing else', () => {
    for (const text of ['=SUM(A1)', '+1', '-5% reach', '@user', '\tTab', '\rCR', ' =spaced', '\n=line', '＝full width', 'plain', "'quoted", '', "'"]) {
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(unguardFormula("'plain")).toBe("'plain");
  });
});

describe('readSpreadsheet: limits and files that are not spreadsheets', () => {
  it('refuses more than 10,000 data rows with a clear message, without throwing', async () => {
    const lines = ['Name', ...Array.from({ length: 100_000 }, (_, i) => `Stakeholder ${i}`)];
    const message = await readMessage('big.csv', utf8(lines.join('\n')));
    expect(message).toBe('“big.csv” has 100,000 rows; Stakemap imports up to 10,000 at a time. Split it into smaller files and import them one after another.');
  });

  it('accepts exactly 10,000 data rows', async () => {
    const lines = ['Name', ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `S${i}`)];
    expect((await readOk('ok.csv', utf8(lines.join('\n'))))[0]!.rows).toHaveLength(MAX_IMPORT_ROWS + 1);
  });

  it('keeps a cell longer than MAX_LONG_TEXT (planImport turns it into an error on its row)', async () => {
    const huge = 'x'.repeat(1_000_001);
    const rows = (await readOk('p.csv', utf8(`Name,Notes\nA,${huge}\nB,short\n`)))[0]!.rows;
    expect(rows[1]![1]).toHaveLength(1_000_001);
    expect(rows[2]).toEqual(['B', 'short']);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const message = await readMessage('huge.csv', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(message).toBe('“huge.csv” is 20.1 MB; Stakemap imports spreadsheets of up to 20 MB. Split it into smaller files, or remove the columns the import does not need.');
    expect(await readMessage('huge.csv', new Uint8Array(25 * 1024 * 1024))).toMatch(/^“huge\.csv” is 25 MB;/);
  });

  it('refuses an empty file', async () => {
    expect(await readMessage('empty.csv', new Uint8Array())).toBe('“empty.csv” is empty: it has no rows to import.');
    expect(await readMessage('blank.csv', utf8('\r\n\r\n'))).toBe('“blank.csv” is empty: it has no rows to import.');
  });

  it('names a PNG, a PDF, an old .xls, an .ods, a web page', async () => {
    expect(await readMessage('map.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      '“map.png” is a PNG image. Stakemap imports Excel workbooks (.xlsx) and CSV files.',
    );
    expect(await readMessage('r.csv', utf8('%PDF-1.7\n'))).toMatch(/is a PDF document/);
    expect(await readMessage('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/Excel 97–2003 workbook \(\.xls\)/);
    const ods = utf8('PK\u0003\u0004' + '\u0000'.repeat(26) + 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
    expect(await readMessage('t.ods', ods)).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect(await readMessage('export.xls', utf8('<html><table><tr><td>Name</td></tr></table></html>'))).toMatch(/web page or XML file/);
  });

  it('refuses random binary data as not a spreadsheet', async () => {
    const random = seededRandom(7);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    // Not starting with a known signature, so the generic check is what answers.
    bytes[0] = 0x41;
    expect(await readMessage('data.bin', bytes)).toBe('“data.bin” is not a spreadsheet (it holds binary data, not text). Stakemap imports Excel workbooks (.xlsx) and CSV files.');
  });

  it('escapes control characters in the file name it shows', async () => {
    expect(await readMessage('evil\u202Egpj.csv', new Uint8Array())).toContain('evil\\u202egpj.csv');
  });
});

describe('readSpreadsheet: XLSX', () => {
  it('reads both sheets of a workbook, every kind of cell as text', async () => {
    const result = await readSpreadsheet('workshop.xlsx', importFixture('two-sheets.xlsx'));
    expect(result).toEqual({
      ok: true,
      format: 'xlsx',
      sheets: [
        {
          name: 'Stakeholders',
          rows: [
            ['Name', 'Kind', 'Influence', 'Interest', 'Owner', 'Notes', 'Since'],
            // A date cell (a number with a date style) becomes an ISO date.
            ['Social media team', 'Our team', '3', '5', 'Ana', '', '2026-01-01'],
            // A shared string; a text formula gives its saved value ("Jo"), it is not evaluated.
            ['Légal', 'department', '5', '', 'Jo', 'Reviews every post', ''],
            // A boolean cell.
            ['Agency', 'Outside party', '2', '4', '', 'true', ''],
            // A decimal number keeps its decimals; formula-looking text stays literal text.
            ['Brand', 'internal', '4', '3.5', '', '=HYPERLINK("http://evil","Click")', ''],
          ],
        },
        {
          name: 'Relationships',
          rows: [
            ['From', 'To', 'Status', 'Label'],
            ['Social media team', 'Légal', 'problematic', 'approvals'],
            // A numeric formula (1+1) gives its saved value, as text.
            ['Social media team', 'Agency', 'Healthy', '2'],
          ],
        },
      ],
    });
  });

  it('reads a workbook whatever its file is named (the bytes decide)', async () => {
    expect((await readOk('renamed.csv', importFixture('two-sheets.xlsx'))).map((s) => s.name)).toEqual(['Stakeholders', 'Relationships']);
  });

  it('refuses a zip archive that is not a workbook', async () => {
    expect(await readMessage('notes.xlsx', importFixture('not-a-workbook.zip'))).toBe(
      '“notes.xlsx” is a zip archive but not an Excel workbook (.xlsx). Stakemap imports Excel workbooks (.xlsx) and CSV files.',
    );
  });

  it('refuses a damaged workbook with a message, without throwing', async () => {
    const bytes = importFixture('two-sheets.xlsx');
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(await readMessage('cut.xlsx', truncated)).toMatch(/^“cut\.xlsx” is a damaged zip archive/);
    // The directory intact but the compressed data garbled.
    const garbled = bytes.slice();
    for (let i = 200; i < 1200; i++) garbled[i] = 0x55;
    expect(await readMessage('garbled.xlsx', garbled)).toMatch(/^“garbled\.xlsx” could not be read as an Excel workbook: .*save it as "CSV UTF-8"/);
  });

  it('refuses a workbook that would unpack to more than the limit (a zip bomb), before unpacking it', async () => {
    const bytes = importFixture('two-sheets.xlsx').slice();
    // Declare a huge uncompressed size for the first sheet in the central directory.
    const view = new DataView(bytes.buffer);
    let entry = -1;
    for (let at = 0; at + 4 <= bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) entry = entry < 0 ? at : entry;
    expect(entry).toBeGreaterThan(0);
    view.setUint32(entry + 24, MAX_XLSX_UNPACKED_BYTES + 1, true);
    expect(await readMessage('bomb.xlsx', bytes)).toMatch(/would unpack to more than 100 MB/);
  });

  it('cellText writes numbers, dates, booleans and empty cells as text', () => {
    expect(cellText(3)).toBe('3');
    expect(cellText(0.1)).toBe('0.1');
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 10, 22)))).toBe('2026-11-22');
    expect(cellText(new Date(Date.UTC(2026, 10, 22, 9, 30)))).toBe('2026-11-22T09:30:00.000Z');
  });
});

describe('readSpreadsheet never throws', () => {
  it('answers every prefix of a workbook and of a CSV with a result', async () => {
    const xlsx = importFixture('two-sheets.xlsx');
    const csv = utf8(csvText([HEADER, ['Légal', 'department', '5']]));
    for (const bytes of [xlsx, csv]) {
      for (let length = 0; length <= bytes.length; length += Math.max(1, Math.floor(bytes.length / 40))) {
        const result = await readSpreadsheet('part', bytes.subarray(0, length));
        expect(typeof result.ok).toBe('boolean');
      }
    }
  });
});
