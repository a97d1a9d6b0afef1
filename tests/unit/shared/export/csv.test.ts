import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import {
  CSV_BOM,
  guardFormula,
  PAIN_POINT_COLUMNS,
  painPointsCsv,
  parseCsv,
  SOLUTION_COLUMNS,
  solutionsCsv,
  toCsv,
} from '../../../../shared/export/csv';
import { reportPainPoints, reportSolutions } from '../../../../shared/export/report';
import { painPoint, sampleDoc, stakeholder } from '../operations/test-docs';
import { deepFreeze } from '../test-helpers';

const HOSTILE = '<script>alert("x")</script> | "quotes, commas" *stars*';

const solution = (id: string, addresses: string[], extra: Partial<Solution> = {}): Solution => ({
  id,
  title: `Solution ${id}`,
  description: '',
  addresses,
  status: 'idea',
  owner: '',
  dueDate: null,
  ...extra,
});

const docWith = (patch: Partial<WorkspaceDocument>): WorkspaceDocument => deepFreeze({ ...sampleDoc(), ...patch });

describe('painPointsCsv', () => {
  const doc = docWith({
    stakeholders: [stakeholder('s-legal', { name: 'Légal, Conformité' })],
    relationships: [],
    painPoints: [
      painPoint('p-1', [{ type: 'stakeholder', id: 's-legal' }], {
        title: 'Approvals take "days", sometimes weeks',
        description: 'Línea uno\r\nline two',
        quotes: [{ text: 'He said "wait",\nthen left.', voice: null }, { text: 'Ça prend des jours', voice: null }],
        tally: 3,
      }),
      painPoint('p-2', [], { title: '', categoryId: 'gone', tally: 0 }),
    ],
    solutions: [solution('x-1', ['p-1'], { title: 'Tiers; fast' }), solution('x-2', ['p-1'], { status: 'dropped', title: 'Cover' })],
  });
  const csv = painPointsCsv(doc);

  it('starts with a UTF-8 byte order mark and ends every row with CRLF', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${CSV_BOM}ID,Title,Category,Votes,Unaddressed,Attached to,Quotes,Description,Solutions`);
  });

  it('parses back to exactly the rows: quotes with line breaks, commas, double quotes, accents', () => {
    expect(parseCsv(csv)).toEqual([
      [...PAIN_POINT_COLUMNS],
      [
        'p-1',
        'Approvals take "days", sometimes weeks',
        'Processes',
        '3',
        'No',
        'Légal, Conformité',
        'He said "wait",\nthen left.\nÇa prend des jours',
        'Línea uno\r\nline two',
        'Tiers; fast; Cover (dropped)',
      ],
      ['p-2', 'Untitled pain point', 'Uncategorised', '0', 'Yes', 'Whole workspace', '', '', ''],
    ]);
  });

  it('quotes only the fields that need it, doubling inner quotes', () => {
    const row = csv.split('\r\n')[1]!;
    expect(row.startsWith('p-1,"Approvals take ""days"", sometimes weeks",Processes,3,No,"Légal, Conformité","He said ""wait"",\nthen left.')).toBe(true);
  });

  it('lists pain points in document order, one column per heading', () => {
    const rows = parseCsv(painPointsCsv(sampleDoc()));
    expect(rows.map((r) => r[0])).toEqual(['ID', 'p-on-legal', 'p-on-rel', 'p-on-both', 'p-wide']);
    for (const r of rows) expect(r).toHaveLength(PAIN_POINT_COLUMNS.length);
  });
});

describe('solutionsCsv', () => {
  it('writes status words, empty ratings, addressed titles joined with "; " and missing ones named', () => {
    const doc = docWith({
      painPoints: [painPoint('p-1', [], { title: 'Slow, weekly approvals' }), painPoint('p-2', [], { title: 'Zoë’s “stale” posts' })],
      solutions: [
        solution('x-1', ['p-1', 'p-2', 'p-gone'], {
          title: 'Réponses pré-approuvées',
          status: 'in-progress',
          owner: ' Ana ',
          impact: 4,
          effort: 2,
          description: 'Line one\nline "two"',
        }),
        solution('x-2', []),
      ],
    });
    const csv = solutionsCsv(doc);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(parseCsv(csv)).toEqual([
      [...SOLUTION_COLUMNS],
      [
        'x-1',
        'Réponses pré-approuvées',
        'In progress',
        ' Ana ',
        '4',
        '2',
        'Slow, weekly approvals; Zoë’s “stale” posts; missing pain point "p-gone"',
        'Line one\nline "two"',
      ],
      ['x-2', 'Solution x-2', 'Idea', '', '', '', '', ''],
    ]);
    // A field with a leading or trailing space is quoted, so no reader trims it.
    expect(csv).toContain(',In progress," Ana ",4,2,');
  });
});

describe('formula injection', () => {
  it('prefixes a single quote to cells starting with = + - @ tab or CR, nothing else', () => {
    for (const text of ['=SUM(A1:A9)', '+1', '-5% reach', '@cmd', '\tindent', '\rreturn']) expect(guardFormula(text)).toBe(`'${text}`);
    // After leading white space (spaces, line breaks, no-break and ideographic spaces), and in full width.
    for (const text of [' =1', '  +cmd', '\n=HYPERLINK("x")', '\r\n-2', ' \n @SUM(1)', '\u00a0=1', '\u3000=1', '＝SUM(A1)', ' ＝1', '＋1', '－1', '＠x'])
      expect(guardFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of ['', 'a=b', 'plain', "'already", '1+1', 'é=', ' a = b', '\nline', '5 - 3', 'a＝b']) expect(guardFormula(text), JSON.stringify(text)).toBe(text);
  });

  it('guards every column of both exports', () => {
    const doc = docWith({
      stakeholders: [stakeholder('s-1', { name: '@here' })],
      relationships: [],
      painPoints: [
        painPoint('-p', [{ type: 'stakeholder', id: 's-1' }], {
          title: '=HYPERLINK("http://evil","Click")',
          description: '+cmd|" /C calc"!A0',
          quotes: [{ text: '-quote', voice: null }],
        }),
      ],
      solutions: [solution('x-1', ['-p'], { title: '@SUM(1)', owner: '=1+1', description: '\tTab' })],
    });
    expect(parseCsv(painPointsCsv(doc))[1]).toEqual([
      "'-p",
      `'=HYPERLINK("http://evil","Click")`,
      'Processes',
      '0',
      'No',
      "'@here",
      "'-quote",
      `'+cmd|" /C calc"!A0`,
      "'@SUM(1)",
    ]);
    expect(parseCsv(solutionsCsv(doc))[1]).toEqual(['x-1', "'@SUM(1)", 'Idea', "'=1+1", '', '', `'=HYPERLINK("http://evil","Click")`, "'\tTab"]);
  });
});

describe('toCsv and parseCsv', () => {
  it('round-trips any text exactly', () => {
    const rows = [
      ['a', '', 'b,c', '"q"', 'line\nbreak', 'cr\r\nlf', ' lead', 'trail ', 'Ünïcödé 😀'],
      [HOSTILE, '"', ',', '\n', '""', 'x'],
      [''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual([rows[0], [HOSTILE, '"', ',', '\n', '""', 'x'], ['']]);
  });

  it('reads text with or without a BOM, with CRLF, LF or CR rows, and no empty last row for a final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('a,,\r\n,b,')).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('is lenient with malformed text rather than throwing', () => {
    expect(parseCsv('a"b,c')).toEqual([['a"b', 'c']]);
    expect(parseCsv('"unterminated,\nrest')).toEqual([['unterminated,\nrest']]);
    expect(parseCsv('"ab"cd,e')).toEqual([['abcd', 'e']]);
  });
});

describe('CSV of the bundled sample workspace', () => {
  const text = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error('the bundled sample does not parse');
  const doc = deepFreeze(parsed.document);

  it('has one row per pain point, saying what the report says', () => {
    const rows = parseCsv(painPointsCsv(doc));
    expect(rows[0]).toEqual([...PAIN_POINT_COLUMNS]);
    expect(rows.slice(1)).toEqual(
      reportPainPoints(doc).map((p) => [
        p.id,
        p.title,
        p.categoryName,
        String(p.votes),
        p.unaddressed ? 'Yes' : 'No',
        p.attachedTo,
        p.quotes.join('\n'),
        p.description,
        p.solutions.join('; '),
      ]),
    );
  });

  it('has one row per solution, saying what the report says', () => {
    const rows = parseCsv(solutionsCsv(doc));
    expect(rows[0]).toEqual([...SOLUTION_COLUMNS]);
    expect(rows.slice(1)).toEqual(
      reportSolutions(doc).map((s) => [s.id, s.title, s.statusLabel, s.owner, String(s.impact ?? ''), String(s.effort ?? ''), s.addresses.join('; '), s.description]),
    );
  });
});
