import { describe, expect, it } from 'vitest';
import type { PainPoint, WorkspaceDocument } from '../../../../shared/document/schema';
import { createWorkspace } from '../../../../shared/operations/workspace';
import {
  attachmentTextsOf,
  boardColumns,
  matchesBoardQuery,
  memoOnParts,
  painPointTitle,
  unaddressedOf,
} from '../../../../renderer/src/views/board-columns';
import { deepFreeze } from '../../shared/test-helpers';

function painPoint(id: string, fields: Partial<PainPoint> = {}): PainPoint {
  return { id, title: id, description: '', categoryId: 'processes', quotes: [], attachedTo: [], tally: 0, voice: null, ...fields };
}

function workspace(painPoints: PainPoint[], categories?: WorkspaceDocument['categories']): WorkspaceDocument {
  const doc = createWorkspace('Board', new Date('2026-01-01T00:00:00Z'));
  return deepFreeze({ ...doc, painPoints, categories: categories ?? doc.categories });
}

const ids = (cards: readonly PainPoint[]) => cards.map((p) => p.id);
const ALL = { sort: 'document', query: '' } as const;

describe('boardColumns', () => {
  it('has one column per category, in category order, empty ones included', () => {
    const doc = workspace([painPoint('p-1', { categoryId: 'roles' })]);
    const columns = boardColumns(doc, ALL);
    expect(columns.map((c) => c.category?.id)).toEqual(['workflows', 'roles', 'processes', 'governance', 'infrastructure', 'knowledge-training']);
    expect(columns.map((c) => c.cards.length)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(columns[1]!.total).toBe(1);
  });

  it('follows the categories when they are reordered', () => {
    const doc = workspace([], [
      { id: 'b', name: 'B', color: '#000000' },
      { id: 'a', name: 'A', color: '#ffffff' },
    ]);
    expect(boardColumns(doc, ALL).map((c) => c.category?.name)).toEqual(['B', 'A']);
  });

  it('keeps document order when sorting "as added"', () => {
    const doc = workspace([painPoint('p-1', { tally: 1 }), painPoint('p-2', { tally: 5 }), painPoint('p-3', { tally: 3 })]);
    const processes = boardColumns(doc, ALL).find((c) => c.category?.id === 'processes')!;
    expect(ids(processes.cards)).toEqual(['p-1', 'p-2', 'p-3']);
  });

  it('sorts by votes, most first, with ties in document order', () => {
    const doc = workspace([
      painPoint('p-1', { tally: 2 }),
      painPoint('p-2', { tally: 5 }),
      painPoint('p-3', { tally: 2 }),
      painPoint('p-4', { tally: 0 }),
      painPoint('p-5', { tally: 5 }),
    ]);
    const processes = boardColumns(doc, { sort: 'votes', query: '' }).find((c) => c.category?.id === 'processes')!;
    expect(ids(processes.cards)).toEqual(['p-2', 'p-5', 'p-1', 'p-3', 'p-4']);
  });

  it('does not reorder the document it reads', () => {
    const doc = workspace([painPoint('p-1', { tally: 1 }), painPoint('p-2', { tally: 9 })]);
    boardColumns(doc, { sort: 'votes', query: '' });
    expect(ids(doc.painPoints)).toEqual(['p-1', 'p-2']);
  });

  it('puts pain points of an unknown category in a last "Uncategorised" column (category null)', () => {
    const doc = workspace([painPoint('p-1', { categoryId: 'gone' }), painPoint('p-2'), painPoint('p-3', { categoryId: '' })]);
    const columns = boardColumns(doc, ALL);
    const last = columns[columns.length - 1]!;
    expect(last.category).toBeNull();
    expect(ids(last.cards)).toEqual(['p-1', 'p-3']);
    expect(columns).toHaveLength(7);
  });

  it('leaves the "Uncategorised" column out when it has nothing to show', () => {
    expect(boardColumns(workspace([painPoint('p-1')]), ALL)).toHaveLength(6);
    const doc = workspace([painPoint('p-1', { categoryId: 'gone', title: 'Approvals' })]);
    expect(boardColumns(doc, { sort: 'document', query: 'brand' })).toHaveLength(6);
    expect(boardColumns(doc, { sort: 'document', query: 'approv' })).toHaveLength(7);
  });

  it('filters by title, description and quotes, ignoring case and accents', () => {
    const doc = workspace([
      painPoint('p-title', { title: 'Légal sign-off takes days' }),
      painPoint('p-description', { description: 'Nobody owns the LEGAL calendar' }),
      painPoint('p-quote', { quotes: [{ text: 'We wait for légal every time', voice: null }] }),
      painPoint('p-other', { title: 'Brand guidelines are unclear', categoryId: 'roles' }),
    ]);
    const columns = boardColumns(doc, { sort: 'document', query: '  legal ' });
    expect(ids(columns.flatMap((c) => c.cards))).toEqual(['p-title', 'p-description', 'p-quote']);
    // The column still knows how many it holds, so the view can say "No matches" rather than "No pain points yet".
    const roles = columns.find((c) => c.category?.id === 'roles')!;
    expect(roles.cards).toEqual([]);
    expect(roles.total).toBe(1);
  });

  it('needs every word of the query, in any field', () => {
    const p = painPoint('p-1', { title: 'Approvals are slow', quotes: [{ text: 'Legal takes days', voice: null }] });
    expect(matchesBoardQuery(p, 'slow legal')).toBe(true);
    expect(matchesBoardQuery(p, 'slow brand')).toBe(false);
    expect(matchesBoardQuery(p, '   ')).toBe(true);
    expect(matchesBoardQuery(p, 'APPROVALS')).toBe(true);
  });

  it('does not match the category or what the pain point is attached to', () => {
    const p = painPoint('p-1', { title: 'Slow', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] });
    expect(matchesBoardQuery(p, 'processes')).toBe(false);
    expect(matchesBoardQuery(p, 's-legal')).toBe(false);
  });

  it('gives a repeated category id one column', () => {
    const doc = workspace([painPoint('p-1', { categoryId: 'a' })], [
      { id: 'a', name: 'A', color: '#000000' },
      { id: 'a', name: 'A again', color: '#000000' },
    ]);
    const columns = boardColumns(doc, ALL);
    expect(columns.map((c) => c.category?.name)).toEqual(['A']);
    expect(ids(columns[0]!.cards)).toEqual(['p-1']);
  });
});

describe('painPointTitle', () => {
  it('names an untitled pain point rather than showing nothing', () => {
    expect(painPointTitle({ title: 'Slow approvals' })).toBe('Slow approvals');
    expect(painPointTitle({ title: '   ' })).toBe('Untitled pain point');
  });
});

describe('derived data for the views', () => {
  it('memoOnParts derives again only when one of the parts changes', () => {
    let runs = 0;
    const count = memoOnParts(
      (d) => [d.painPoints],
      (d) => {
        runs += 1;
        return d.painPoints.length;
      },
    );
    const doc = workspace([painPoint('p-1')]);
    expect(count(doc)).toBe(1);
    expect(count({ ...doc, title: 'Renamed' })).toBe(1);
    expect(runs).toBe(1);
    expect(count({ ...doc, painPoints: [] })).toBe(0);
    expect(runs).toBe(2);
  });

  it('unaddressedOf returns the same set until pain points or solutions change', () => {
    const doc = workspace([painPoint('p-1'), painPoint('p-2')]);
    const first = unaddressedOf(doc);
    expect([...first]).toEqual(['p-1', 'p-2']);
    expect(unaddressedOf({ ...doc, title: 'Other' })).toBe(first);
    const withSolution: WorkspaceDocument = {
      ...doc,
      solutions: [{ id: 'x-1', title: 'Fix', description: '', addresses: ['p-1'], status: 'idea', owner: '', dueDate: null }],
    };
    expect([...unaddressedOf(withSolution)]).toEqual(['p-2']);
  });

  it('attachmentTextsOf describes what each pain point is attached to', () => {
    const base = workspace([]);
    const doc: WorkspaceDocument = {
      ...base,
      stakeholders: [{ id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 }, owner: '', notes: '', color: null }],
      painPoints: [painPoint('p-1', { attachedTo: [{ type: 'stakeholder', id: 's-legal' }] }), painPoint('p-2')],
    };
    const texts = attachmentTextsOf(doc);
    expect(texts.get('p-1')).toBe('Legal');
    expect(texts.get('p-2')).toBe('Whole workspace');
    expect(attachmentTextsOf({ ...doc, solutions: [] })).toBe(texts);
  });
});
