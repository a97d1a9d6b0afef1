import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import { escapeMarkdown, reportToMarkdown, splitMarkdownTableRow, unescapeMarkdown } from '../../../../shared/export/markdown';
import { buildReport, type WorkshopReport } from '../../../../shared/export/report';
import { painPoint, relationship, sampleDoc, sequence, stakeholder } from '../operations/test-docs';
import { deepFreeze } from '../test-helpers';

const AT = new Date(2026, 10, 23, 9, 30);

/** Text that means something to Markdown, HTML, tables and CSV all at once. */
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
const markdownOf = (doc: WorkspaceDocument): string => reportToMarkdown(buildReport(doc, AT));

/** The lines of the section under `## heading`, up to the next `## ` heading. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The body rows of the (only) table in a section, as cells read back into workspace text. */
function tableRows(md: string, heading: string): string[][] {
  const rows = section(md, heading).filter((l) => l.startsWith('|'));
  return rows.slice(2).map(splitMarkdownTableRow);
}

/** Characters `c` in `md` not preceded by a backslash escape (an odd run of backslashes). */
function unescaped(md: string, c: string): number {
  let count = 0;
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') i++;
    else if (md[i] === c) count++;
  }
  return count;
}

describe('escapeMarkdown and unescapeMarkdown', () => {
  it('escapes what starts markup anywhere', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('*stars* _under_ `code` [link](x) ~strike~ {attr} #tag $5 \\')).toBe(
      '\\*stars\\* \\_under\\_ \\`code\\` \\[link\\](x) \\~strike\\~ \\{attr\\} \\#tag \\$5 \\\\',
    );
  });

  it('escapes list, heading, break and table markers only at the start of a line', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('  + item')).toBe('  \\+ item');
    expect(escapeMarkdown('1. first\n12) twelfth\n2026 was fine')).toBe('1\\. first\n12\\) twelfth\n2026 was fine');
    expect(escapeMarkdown('title\n===\n---\n:--')).toBe('title\n\\===\n\\---\n\\:--');
    expect(escapeMarkdown('sign-off at 10:30, 1.5 days, +3 = 4 (really!)')).toBe('sign-off at 10:30, 1.5 days, +3 = 4 (really!)');
  });

  it('escapes & only where it starts an entity, and stops bare addresses from becoming links', () => {
    expect(escapeMarkdown('Knowledge & Training')).toBe('Knowledge & Training');
    expect(escapeMarkdown('&lt; &#60; &#x3C;')).toBe('\\&lt; \\&\\#60; \\&\\#x3C;');
    expect(escapeMarkdown('see https://intra.net/a_b or www.x.org, not awww.x')).toBe('see https\\://intra.net/a\\_b or www\\.x.org, not awww.x');
  });

  it('unescapeMarkdown is the exact inverse', () => {
    const samples = [HOSTILE, '', '\\', '\\\\|', 'a\\*b', '1. x\r\n- y\n\t# z', 'C:\\path\\to', '&amp; https://x', 'Équipe – “quoted” 😀'];
    const pieces = ['a', ' ', '\n', '\\', '|', '*', '-', '1', '.', ')', '&', 'lt;', ':', '//', 'www', '<', '#', '=', 'é'];
    const random = sequence(...Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 1000) / 1000));
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let k = 0; k < 12; k++) s += pieces[Math.floor(random() * pieces.length)];
      samples.push(s);
    }
    for (const s of samples) expect(unescapeMarkdown(escapeMarkdown(s)), JSON.stringify(s)).toBe(s);
  });

  it('splitMarkdownTableRow reads escaped pipes as part of a cell', () => {
    expect(splitMarkdownTableRow('| a | b \\| c | \\\\ |')).toEqual(['a', 'b | c', '\\']);
    expect(splitMarkdownTableRow('| a |  |')).toEqual(['a', '']);
  });
});

describe('reportToMarkdown', () => {
  it('writes the sections in order, LF endings, one trailing newline, the same every time', () => {
    const doc = docWith({ solutions: [solution('x-1', ['p-on-rel'], { status: 'agreed', owner: 'Ana', impact: 4 })] });
    const md = markdownOf(doc);
    expect(md).not.toContain('\r');
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(md.split('\n').filter((l) => /^##? /.test(l))).toEqual([
      '# Sample',
      '## Summary',
      '## Problematic relationships',
      '## Pain points by category',
      '## Candidate solutions',
      '## Unaddressed pain points',
      '## Power/interest grid',
      '## Bridges and bottlenecks',
    ]);
    expect(md).toContain('\n\nWorkshop report, 23 November 2026.\n\n');
    expect(markdownOf(doc)).toBe(md);
  });

  it('lists the perception gaps after the bottlenecks, with the other side\'s note, only where there are any', () => {
    const base = sampleDoc();
    const doc = docWith({
      relationships: base.relationships.map((r) =>
        r.id === 'r-legal' ? { ...r, otherSide: { status: 'healthy' as const, notes: 'We reply *the same day*' } } : r.id === 'r-brand' ? { ...r, otherSide: { status: 'strained' as const, notes: '' } } : r,
      ),
    });
    const md = markdownOf(doc);
    expect(md.split('\n').filter((l) => /^## /.test(l)).slice(-2)).toEqual(['## Bridges and bottlenecks', '## Perception gaps']);
    const lines = section(md, 'Perception gaps').filter((l) => l !== '');
    // Brand agrees with the team (strained, strained): no gap.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- \*\*.+ – .+\*\* \(approvals\): .+ sees it as problematic; .+ sees it as healthy\. .+: “We reply \\\*the same day\\\*”$/);
    expect(markdownOf(docWith({}))).not.toContain('Perception gaps');
  });

  it('summarises the counts', () => {
    const doc = docWith({
      solutions: [solution('x-1', ['p-on-rel'], { status: 'agreed' }), solution('x-2', [], { status: 'in-progress' })],
    });
    expect(section(markdownOf(doc), 'Summary').filter((l) => l !== '')).toEqual([
      '- Stakeholders: 4',
      '- Relationships: 3 (1 problematic)',
      '- Pain points: 4 (3 unaddressed)',
      '- Votes: 3',
      '- Candidate solutions: 2 (In progress: 1, Agreed: 1)',
    ]);
  });

  it('tabulates problematic relationships', () => {
    const md = markdownOf(sampleDoc());
    const lines = section(md, 'Problematic relationships').filter((l) => l.startsWith('|'));
    expect(lines.slice(0, 2)).toEqual(['| Between | Label | Notes | Pain points |', '| --- | --- | --- | --- |']);
    expect(tableRows(md, 'Problematic relationships')).toEqual([['Name of s-team – Name of s-legal', 'approvals', '', '2']]);
  });

  it('writes each category with its count, each pain point with its facts and quotes', () => {
    const doc = docWith({
      painPoints: [
        painPoint('p-1', [{ type: 'stakeholder', id: 's-legal' }], {
          title: 'Legal batches',
          description: 'Weekly.\n\n- not a list',
          quotes: [{ text: 'It takes days.', voice: null }, { text: 'First line\nsecond line\n> not nested', voice: null }],
          tally: 2,
        }),
      ],
      solutions: [solution('x-1', ['p-1'], { status: 'dropped', title: 'Night cover' })],
    });
    const lines = section(markdownOf(doc), 'Pain points by category');
    const text = lines.join('\n');
    expect(lines.filter((l) => l.startsWith('### '))).toEqual([
      '### Workflows (0)',
      '### Roles (0)',
      '### Processes (1)',
      '### Governance (0)',
      '### Infrastructure (0)',
      '### Knowledge & Training (0)',
    ]);
    expect(text).toContain(
      [
        '### Processes (1)',
        '',
        '#### Legal batches',
        '',
        'Votes: 2 · Attached to: Name of s-legal · Unaddressed',
        '',
        'Weekly.',
        '',
        '\\- not a list',
        '',
        '> It takes days.',
        '',
        '> First line',
        '> second line',
        '> \\> not nested',
        '',
        'Solutions: Night cover (dropped)',
      ].join('\n'),
    );
    expect(text).toContain('### Workflows (0)\n\nNo pain points.');
  });

  it('tabulates solutions in report order', () => {
    const doc = docWith({
      solutions: [
        solution('x-1', ['p-on-rel', 'p-gone'], { title: 'Library', owner: 'Ana', impact: 4, effort: 2 }),
        solution('x-2', [], { title: 'Tiers', status: 'in-progress' }),
      ],
    });
    const md = markdownOf(doc);
    expect(section(md, 'Candidate solutions').filter((l) => l.startsWith('|'))[0]).toBe('| Solution | Status | Owner | Impact | Effort | Addresses |');
    expect(tableRows(md, 'Candidate solutions')).toEqual([
      ['Tiers', 'In progress', '', '', '', ''],
      ['Library', 'Idea', 'Ana', '4', '2', 'Pain p-on-rel; missing pain point "p-gone"'],
    ]);
  });

  it('lists unaddressed pain points by votes', () => {
    const doc = docWith({ solutions: [solution('x-1', ['p-on-legal', 'p-on-both'])] });
    expect(section(markdownOf(doc), 'Unaddressed pain points').filter((l) => l !== '')).toEqual([
      '- Pain p-on-rel · Processes · 3 votes',
      '- Pain p-wide · Processes · 0 votes',
    ]);
  });

  it('says so when a section has nothing to show', () => {
    const report: WorkshopReport = buildReport(
      docWith({ relationships: [], painPoints: [], solutions: [], categories: [] }),
      AT,
    );
    const md = reportToMarkdown(report);
    expect(section(md, 'Problematic relationships').join('\n')).toContain('No relationship is marked problematic.');
    expect(section(md, 'Pain points by category').join('\n')).toContain('No categories.');
    expect(section(md, 'Candidate solutions').join('\n')).toContain('No candidate solutions yet.');
    expect(section(md, 'Unaddressed pain points').join('\n')).toContain('Every pain point has a candidate solution.');
  });
});

describe('reportToMarkdown: workspace text appears literally', () => {
  const doc = deepFreeze({
    ...sampleDoc(),
    title: `# ${HOSTILE}`,
    stakeholders: [stakeholder('s-team', { name: HOSTILE }), stakeholder('s-legal', { name: 'Legal' })],
    relationships: [
      relationship('r-1', 's-team', 's-legal', { status: 'problematic', label: `- ${HOSTILE}`, notes: `line one\r\nline | two\n1. three` }),
    ],
    categories: [{ id: 'c-1', name: HOSTILE, color: '#000000' }],
    painPoints: [painPoint('p-1', [{ type: 'relationship', id: 'r-1' }], { categoryId: 'c-1', title: HOSTILE, quotes: [{ text: HOSTILE, voice: null }, { text: `<b>bold</b>\n- ${HOSTILE}`, voice: null }] })],
    solutions: [solution('x-1', ['p-1'], { title: HOSTILE, owner: `=${HOSTILE}` }), solution('x-2', ['p-1'], { status: 'dropped' })],
  });
  const md = markdownOf(doc);

  it('leaves no HTML tag, emphasis or stray pipe outside the tables', () => {
    expect(md).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(unescaped(md, '<')).toBe(0);
    expect(unescaped(md, '*')).toBe(0);
    const outsideTables = md.split('\n').filter((l) => !l.startsWith('|'));
    expect(unescaped(outsideTables.join('\n'), '|')).toBe(0);
  });

  it('reads the tables back to exactly the workspace text (line breaks in cells become spaces)', () => {
    expect(tableRows(md, 'Problematic relationships')).toEqual([[`${HOSTILE} – Legal`, `- ${HOSTILE}`, 'line one line | two 1. three', '1']]);
    const rows = tableRows(md, 'Candidate solutions');
    expect(rows.map((r) => r.length)).toEqual([6, 6]);
    expect(rows[0]).toEqual([HOSTILE, 'Idea', `=${HOSTILE}`, '', '', HOSTILE]);
  });

  it('reads headings, facts, list items and quotes back', () => {
    const lines = md.split('\n');
    expect(unescapeMarkdown(lines[0]!)).toBe(`# # ${HOSTILE}`);
    expect(section(md, 'Pain points by category').filter((l) => l.startsWith('### ')).map(unescapeMarkdown)).toEqual([`### ${HOSTILE} (1)`]);
    expect(lines.filter((l) => l.startsWith('#### ')).map(unescapeMarkdown)).toEqual([`#### ${HOSTILE}`]);
    expect(lines.filter((l) => l.startsWith('Votes: ')).map(unescapeMarkdown)).toEqual([
      `Votes: 0 · Attached to: ${HOSTILE} – Legal (- ${HOSTILE})`,
    ]);
    expect(lines.filter((l) => l.startsWith('>')).map((l) => unescapeMarkdown(l.slice(2)))).toEqual([HOSTILE, '<b>bold</b>', `- ${HOSTILE}`]);
    expect(section(md, 'Unaddressed pain points').filter((l) => l.startsWith('- ')).map(unescapeMarkdown)).toEqual([]);
    expect(lines.filter((l) => l.startsWith('Solutions: ')).map(unescapeMarkdown)).toEqual([`Solutions: ${HOSTILE}; Solution x-2 (dropped)`]);
  });

  it('lists an unaddressed hostile title literally', () => {
    const unaddressed = markdownOf(deepFreeze({ ...doc, solutions: [] }));
    expect(section(unaddressed, 'Unaddressed pain points').filter((l) => l.startsWith('- ')).map(unescapeMarkdown)).toEqual([
      `- ${HOSTILE} · ${HOSTILE} · 0 votes`,
    ]);
  });
});

describe('reportToMarkdown: the bundled sample workspace', () => {
  const text = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error('the bundled sample does not parse');
  const report = buildReport(parsed.document, AT);
  const md = reportToMarkdown(report);

  it('says what the report says: every table row, heading and quote', () => {
    expect(tableRows(md, 'Problematic relationships')).toEqual(
      report.problematicRelationships.map((r) => [`${r.source} – ${r.target}`, r.label, r.notes.replace(/\r?\n/g, ' '), String(r.painPointCount)]),
    );
    expect(tableRows(md, 'Candidate solutions').map((r) => r[0])).toEqual(report.solutions.map((s) => s.title));
    const headings = md.split('\n').filter((l) => l.startsWith('#### ')).map((l) => unescapeMarkdown(l.slice(5)));
    expect(headings).toEqual(report.categories.flatMap((c) => c.painPoints.map((p) => p.title)));
    const quotes = md.split('\n').filter((l) => l.startsWith('> ')).map((l) => unescapeMarkdown(l.slice(2)));
    expect(quotes).toEqual(report.categories.flatMap((c) => c.painPoints.flatMap((p) => p.quotes)));
    expect(section(md, 'Unaddressed pain points').filter((l) => l.startsWith('- '))).toHaveLength(report.unaddressed.length);
  });

  it('keeps plain prose readable: nothing escaped in "Knowledge & Training" or in ordinary sentences', () => {
    expect(md).toContain('### Knowledge & Training (3)');
    expect(md).toContain("#### Reviewers don't know how the platforms work");
  });
});
