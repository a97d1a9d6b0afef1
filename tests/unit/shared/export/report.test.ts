import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOLUTION_STATUSES } from '../../../../shared/document/format';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import { unaddressedPainPointIds } from '../../../../shared/domain/unaddressed';
import { votesFor } from '../../../../shared/domain/votes';
import {
  buildReport,
  formatReportDate,
  REPORT_STATUS_ORDER,
  reportPainPoints,
  reportSolutions,
  UNCATEGORISED_NAME,
} from '../../../../shared/export/report';
import { SOLUTION_STATUS_LABELS } from '../../../../shared/document/vocabulary';
import { painPoint, relationship, sampleDoc, stakeholder } from '../operations/test-docs';
import { deepFreeze } from '../test-helpers';

const AT = new Date(2026, 10, 23, 9, 30); // local time: the label must not depend on the time zone

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

/** The shared sample (pain points p-on-legal, p-on-rel (3 votes), p-on-both, p-wide, all in processes), changed. */
const docWith = (patch: Partial<WorkspaceDocument>): WorkspaceDocument => deepFreeze({ ...sampleDoc(), ...patch });

const sampleText = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
const parsedSample = parseWorkspace(sampleText);
if (!parsedSample.ok) throw new Error('the bundled sample does not parse');
const bundled = deepFreeze(parsedSample.document);

describe('formatReportDate', () => {
  it('names the local calendar date in English words', () => {
    expect(formatReportDate(AT)).toBe('23 November 2026');
    expect(formatReportDate(new Date(2027, 0, 1, 0, 0))).toBe('1 January 2027');
    expect(formatReportDate(new Date(2026, 11, 31, 23, 59))).toBe('31 December 2026');
  });

  it('knows every month', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatReportDate(new Date(2026, m, 15)).split(' ')[1]);
    expect(months).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
  });
});

describe('buildReport: header and summary', () => {
  it('carries the title, the time as ISO and the date label', () => {
    const report = buildReport(sampleDoc(), AT);
    expect(report.title).toBe('Sample');
    expect(report.generatedAt).toBe(AT.toISOString());
    expect(report.dateLabel).toBe('23 November 2026');
  });

  it('gives an empty title a name', () => {
    expect(buildReport(docWith({ title: '  ' }), AT).title).toBe('Untitled workspace');
  });

  it('counts everything, solutions per status with every status present', () => {
    const doc = docWith({
      painPoints: [
        painPoint('p-1', [], { tally: 2 }),
        painPoint('p-2', [], { tally: 5 }),
        painPoint('p-3', []),
      ],
      solutions: [
        solution('x-1', ['p-1'], { status: 'agreed' }),
        solution('x-2', ['p-2'], { status: 'dropped' }),
        solution('x-3', ['p-1'], { status: 'agreed' }),
      ],
    });
    expect(buildReport(doc, AT).summary).toEqual({
      stakeholders: 4,
      relationships: 3,
      problematic: 1,
      painPoints: 3,
      unaddressed: 2,
      solutions: 3,
      solutionsByStatus: { idea: 0, agreed: 2, 'in-progress': 0, done: 0, dropped: 1 },
      votes: 7,
    });
  });

  it('names every status', () => {
    expect(SOLUTION_STATUSES.map((s) => SOLUTION_STATUS_LABELS[s])).toEqual(['Idea', 'Agreed', 'In progress', 'Done', 'Dropped']);
    expect([...REPORT_STATUS_ORDER].sort()).toEqual([...SOLUTION_STATUSES].sort());
  });
});

describe('buildReport: problematic relationships', () => {
  const people = [
    stakeholder('s-team', { name: 'social team' }),
    stakeholder('s-legal', { name: 'Legal' }),
    stakeholder('s-brand', { name: 'Brand' }),
    stakeholder('s-anon', { name: ' ' }),
  ];

  it('lists only problematic ones, by source name then target name, case ignored', () => {
    const doc = docWith({
      stakeholders: people,
      relationships: [
        relationship('r-1', 's-team', 's-legal', { status: 'problematic', label: 'approvals', notes: 'weekly batch' }),
        relationship('r-2', 's-brand', 's-team', { status: 'problematic' }),
        relationship('r-3', 's-team', 's-brand', { status: 'problematic' }),
        relationship('r-4', 's-brand', 's-legal', { status: 'strained' }),
      ],
      painPoints: [],
    });
    const rows = buildReport(doc, AT).problematicRelationships;
    expect(rows.map((r) => [r.source, r.target])).toEqual([
      ['Brand', 'social team'],
      ['social team', 'Brand'],
      ['social team', 'Legal'],
    ]);
    expect(rows[2]).toEqual({ id: 'r-1', source: 'social team', target: 'Legal', label: 'approvals', notes: 'weekly batch', painPointCount: 0 });
  });

  it('counts the pain points attached to the relationship itself, once each', () => {
    const report = buildReport(sampleDoc(), AT);
    // p-on-rel and p-on-both are on r-legal; p-on-legal is on its end, which does not count.
    expect(report.problematicRelationships).toEqual([
      { id: 'r-legal', source: 'Name of s-team', target: 'Name of s-legal', label: 'approvals', notes: '', painPointCount: 2 },
    ]);
    const twice = docWith({
      painPoints: [painPoint('p-1', [{ type: 'relationship', id: 'r-legal' }, { type: 'relationship', id: 'r-legal' }])],
    });
    expect(buildReport(twice, AT).problematicRelationships[0]?.painPointCount).toBe(1);
  });

  it('names an unnamed end and a missing one rather than dropping the row', () => {
    const doc = docWith({
      stakeholders: people,
      relationships: [relationship('r-1', 's-anon', 's-gone', { status: 'problematic' })],
      painPoints: [],
    });
    expect(buildReport(doc, AT).problematicRelationships.map((r) => [r.source, r.target])).toEqual([
      ['Unnamed stakeholder', 'missing stakeholder "s-gone"'],
    ]);
  });
});

describe('buildReport: pain points by category', () => {
  const categories = [
    { id: 'roles', name: 'Roles', color: '#7048e8' },
    { id: 'processes', name: 'Processes', color: '#d9480f' },
    { id: 'empty', name: '', color: '#000000' },
  ];

  it('keeps the categories in order, empty ones included, pain points by votes with ties in document order', () => {
    const doc = docWith({
      categories,
      painPoints: [
        painPoint('p-a', [], { tally: 1 }),
        painPoint('p-b', [], { tally: 4 }),
        painPoint('p-c', [], { tally: 1, categoryId: 'roles' }),
        painPoint('p-d', [], { tally: 4 }),
        painPoint('p-e', [], { tally: 0 }),
      ],
    });
    const groups = buildReport(doc, AT).categories;
    expect(groups.map((g) => [g.id, g.name, g.color, g.painPoints.map((p) => p.id)])).toEqual([
      ['roles', 'Roles', '#7048e8', ['p-c']],
      ['processes', 'Processes', '#d9480f', ['p-b', 'p-d', 'p-a', 'p-e']],
      ['empty', 'Unnamed category', '#000000', []],
    ]);
  });

  it('puts pain points of an unknown category in a trailing Uncategorised group, only when there are some', () => {
    const doc = docWith({
      categories,
      painPoints: [painPoint('p-a', [], { categoryId: 'gone', tally: 1 }), painPoint('p-b', [], { categoryId: '', tally: 2 })],
    });
    const groups = buildReport(doc, AT).categories;
    expect(groups.at(-1)).toMatchObject({ id: '', name: 'Uncategorised' });
    expect(groups.at(-1)?.painPoints.map((p) => [p.id, p.categoryName])).toEqual([
      ['p-b', UNCATEGORISED_NAME],
      ['p-a', UNCATEGORISED_NAME],
    ]);
    expect(buildReport(docWith({ categories }), AT).categories.map((g) => g.name)).toEqual(['Roles', 'Processes', 'Unnamed category']);
  });

  it('gives a repeated category id one group, the first', () => {
    const doc = docWith({ categories: [...categories, { id: 'roles', name: 'Roles again', color: '#ffffff' }] });
    expect(buildReport(doc, AT).categories.map((g) => g.name)).toEqual(['Roles', 'Processes', 'Unnamed category']);
  });

  it('tells each pain point: title, category, quotes, attachments, unaddressed, solutions (dropped marked)', () => {
    const doc = docWith({
      painPoints: [
        painPoint('p-1', [{ type: 'relationship', id: 'r-legal' }, { type: 'stakeholder', id: 's-gone' }], {
          title: '',
          description: 'Days of waiting.',
          quotes: [{ text: 'It takes days.', voice: null }, { text: 'Thursday, always.', voice: null }],
          tally: 3,
        }),
        painPoint('p-2', []),
      ],
      solutions: [solution('x-1', ['p-1'], { status: 'dropped', title: 'Night cover' }), solution('x-2', ['p-1'], { title: '' })],
    });
    expect(buildReport(doc, AT).categories.find((c) => c.id === 'processes')?.painPoints).toEqual([
      {
        id: 'p-1',
        title: 'Untitled pain point',
        description: 'Days of waiting.',
        categoryName: 'Processes',
        votes: 3,
        quotes: ['It takes days.', 'Thursday, always.'],
        attachedTo: 'Name of s-team – Name of s-legal (approvals), missing stakeholder "s-gone"',
        unaddressed: false,
        solutions: ['Night cover (dropped)', 'Untitled solution'],
      },
      {
        id: 'p-2',
        title: 'Pain p-2',
        description: '',
        categoryName: 'Processes',
        votes: 0,
        quotes: [],
        attachedTo: 'Whole workspace',
        unaddressed: true,
        solutions: [],
      },
    ]);
  });

  it('a pain point addressed only by a dropped solution is unaddressed', () => {
    const doc = docWith({ solutions: [solution('x-1', ['p-on-rel'], { status: 'dropped' })] });
    const p = reportPainPoints(doc).find((x) => x.id === 'p-on-rel');
    expect(p).toMatchObject({ unaddressed: true, solutions: ['Solution x-1 (dropped)'] });
  });
});

describe('buildReport: solutions', () => {
  it('orders by status (in progress, agreed, idea, done, dropped), then impact, unrated last, ties in document order', () => {
    const doc = docWith({
      solutions: [
        solution('x-idea-unrated', []),
        solution('x-dropped', [], { status: 'dropped', impact: 5 }),
        solution('x-idea-3', [], { impact: 3 }),
        solution('x-done', [], { status: 'done', impact: 5 }),
        solution('x-idea-5', [], { impact: 5 }),
        solution('x-agreed', [], { status: 'agreed', impact: 1 }),
        solution('x-progress', [], { status: 'in-progress' }),
        solution('x-idea-3b', [], { impact: 3 }),
      ],
    });
    expect(buildReport(doc, AT).solutions.map((s) => s.id)).toEqual([
      'x-progress',
      'x-agreed',
      'x-idea-5',
      'x-idea-3',
      'x-idea-3b',
      'x-idea-unrated',
      'x-done',
      'x-dropped',
    ]);
  });

  it('tells each solution, naming what it addresses, a missing pain point as missing, a repeated one once', () => {
    const doc = docWith({
      painPoints: [painPoint('p-1', [], { title: 'Slow approvals' }), painPoint('p-2', [], { title: ' ' })],
      solutions: [
        solution('x-1', ['p-2', 'p-gone', 'p-1', 'p-2'], {
          title: ' ',
          description: 'A library.',
          status: 'in-progress',
          owner: 'Head of Social',
          impact: 4,
          effort: 2,
        }),
      ],
    });
    expect(reportSolutions(doc)).toEqual([
      {
        id: 'x-1',
        title: 'Untitled solution',
        description: 'A library.',
        status: 'in-progress',
        statusLabel: 'In progress',
        owner: 'Head of Social',
        impact: 4,
        effort: 2,
        addresses: ['Untitled pain point', 'missing pain point "p-gone"', 'Slow approvals'],
      },
    ]);
    expect(buildReport(doc, AT).solutions[0]?.effort).toBe(2);
    expect(reportSolutions(docWith({ solutions: [solution('x-2', [])] }))[0]).toMatchObject({ impact: null, effort: null, statusLabel: 'Idea' });
  });
});

describe('buildReport: unaddressed', () => {
  it('lists pain points no live solution addresses, most votes first, ties in document order', () => {
    const doc = docWith({
      painPoints: [
        painPoint('p-1', [], { tally: 1 }),
        painPoint('p-2', [], { tally: 6 }),
        painPoint('p-3', [], { tally: 1 }),
        painPoint('p-4', [], { tally: 9 }),
      ],
      solutions: [solution('x-1', ['p-4']), solution('x-2', ['p-3'], { status: 'dropped' })],
    });
    expect(buildReport(doc, AT).unaddressed.map((p) => p.id)).toEqual(['p-2', 'p-1', 'p-3']);
  });
});

describe('buildReport: purity', () => {
  it('does not modify the document (frozen) and gives an equal report for the same input', () => {
    const doc = docWith({ solutions: [solution('x-1', ['p-on-rel'])] });
    expect(buildReport(doc, AT)).toEqual(buildReport(doc, new Date(AT.getTime())));
  });

  it('a report of an empty workspace has empty lists and zero counts', () => {
    const report = buildReport(docWith({ stakeholders: [], relationships: [], painPoints: [], solutions: [], categories: [] }), AT);
    expect(report.categories).toEqual([]);
    expect(report.solutions).toEqual([]);
    expect(report.unaddressed).toEqual([]);
    expect(report.summary.votes).toBe(0);
  });
});

describe('buildReport: the bundled sample workspace', () => {
  const report = buildReport(bundled, AT);

  it('counts what the file holds', () => {
    expect(report.summary).toMatchObject({
      stakeholders: bundled.stakeholders.length,
      relationships: bundled.relationships.length,
      problematic: 3,
      painPoints: bundled.painPoints.length,
      unaddressed: unaddressedPainPointIds(bundled).size,
      solutions: bundled.solutions.length,
      votes: bundled.painPoints.reduce((n, p) => n + votesFor(bundled, p.id), 0),
    });
  });

  it('lists the problematic relationships of the team with brand, compliance and legal, in that order', () => {
    expect(report.problematicRelationships.map((r) => r.target)).toEqual(['Brand', 'Compliance', 'Legal']);
    for (const r of report.problematicRelationships) expect(r.painPointCount).toBeGreaterThan(0);
  });

  it('shows every pain point exactly once, in the six categories, by votes', () => {
    expect(report.categories.map((c) => c.name)).toEqual(bundled.categories.map((c) => c.name));
    const shown = report.categories.flatMap((c) => c.painPoints.map((p) => p.id));
    expect([...shown].sort()).toEqual(bundled.painPoints.map((p) => p.id).sort());
    for (const c of report.categories) {
      const votes = c.painPoints.map((p) => p.votes);
      expect(votes).toEqual([...votes].sort((a, b) => b - a));
    }
  });

  it('lists solutions in status order and the unaddressed pain points by votes', () => {
    const ranks = report.solutions.map((s) => REPORT_STATUS_ORDER.indexOf(s.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(report.unaddressed.map((p) => p.id))).toEqual(unaddressedPainPointIds(bundled));
    const votes = report.unaddressed.map((p) => p.votes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(report.solutions.flatMap((s) => s.addresses).some((t) => t.startsWith('missing'))).toBe(false);
  });
});
