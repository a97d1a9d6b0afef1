import { describe, expect, it } from 'vitest';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import { workspaceSchema } from '../../../../shared/document/schema';
import {
  addSolution,
  addressPainPoint,
  deleteSolution,
  setSolutionAddresses,
  unaddressPainPoint,
  updateSolution,
  type SolutionPatch,
} from '../../../../shared/operations/solutions';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from './test-docs';

const solution = (doc: WorkspaceDocument, id: string) => doc.solutions.find((s) => s.id === id);

/** The sample with three solutions: a rated one, one addressing a missing pain point, and a dropped one. */
function docWithSolutions(): WorkspaceDocument {
  const solutions: Solution[] = [
    { id: 'x-1', title: 'Response library', description: '', addresses: ['p-on-rel', 'p-wide'], status: 'agreed', owner: 'Ana', impact: 4, effort: 2, dueDate: null },
    { id: 'x-broken', title: 'Old idea', description: '', addresses: ['p-gone'], status: 'idea', owner: '', dueDate: null },
    { id: 'x-dropped', title: 'Hire more lawyers', description: 'Too costly.', addresses: ['p-on-legal'], status: 'dropped', owner: '', dueDate: null },
  ];
  return deepFreeze({ ...sampleDoc(), solutions });
}

describe('addSolution', () => {
  it('adds an idea with no owner, no description and no ratings, by default addressing nothing', () => {
    const doc = sampleDoc();
    const next = addSolution(doc, { id: 'x-new', title: 'Reverse mentoring' });
    expect(next.solutions).toEqual([{ id: 'x-new', title: 'Reverse mentoring', description: '', addresses: [], status: 'idea', owner: '', dueDate: null }]);
    expect(next.solutions[0]).not.toHaveProperty('impact');
    expect(next.solutions[0]).not.toHaveProperty('effort');
    expect(next.painPoints).toBe(doc.painPoints);
    expect(workspaceSchema.safeParse(next).success).toBe(true);
  });

  it('takes the addressed pain points (kept once, in the given order), description, status and owner', () => {
    const addresses = ['p-wide', 'p-on-rel', 'p-wide'];
    const next = addSolution(docWithSolutions(), {
      id: 'x-new',
      title: 'Training',
      addresses,
      description: 'Half a day with legal.',
      status: 'in-progress',
      owner: 'Sam',
      dueDate: null,
    });
    expect(next.solutions.at(-1)).toEqual({
      id: 'x-new',
      title: 'Training',
      description: 'Half a day with legal.',
      addresses: ['p-wide', 'p-on-rel'],
      status: 'in-progress',
      owner: 'Sam',
      dueDate: null,
    });
    expect(next.solutions.at(-1)?.addresses).not.toBe(addresses);
    expect(next.solutions.slice(0, 3)).toEqual(docWithSolutions().solutions);
  });

  it.each([
    ['a taken id', { id: 'x-1', title: 'x' }],
    ['an empty id', { id: '', title: 'x' }],
    ['a pain point that does not exist', { id: 'x-new', title: 'x', addresses: ['p-on-rel', 'p-nobody'] }],
    ['a status the format does not know', { id: 'x-new', title: 'x', status: 'maybe' as 'idea' }],
  ])('refuses %s by returning the same document', (_, input) => {
    const doc = docWithSolutions();
    expect(addSolution(doc, input)).toBe(doc);
  });
});

describe('updateSolution', () => {
  it('changes title, description, status, owner and ratings of one solution only', () => {
    const doc = docWithSolutions();
    const next = updateSolution(doc, 'x-broken', { title: 'New idea', description: 'D', status: 'done', owner: 'Kim', impact: 5, effort: 1, dueDate: null });
    expect(solution(next, 'x-broken')).toEqual({
      id: 'x-broken',
      title: 'New idea',
      description: 'D',
      addresses: ['p-gone'],
      status: 'done',
      owner: 'Kim',
      impact: 5,
      effort: 1,
      dueDate: null,
    });
    expect(next.solutions[0]).toBe(doc.solutions[0]);
    expect(next.solutions[2]).toBe(doc.solutions[2]);
  });

  it('null clears a rating, removing the property', () => {
    const next = updateSolution(docWithSolutions(), 'x-1', { impact: null });
    expect(solution(next, 'x-1')).not.toHaveProperty('impact');
    expect(solution(next, 'x-1')).toHaveProperty('effort', 2);
    const both = updateSolution(docWithSolutions(), 'x-1', { impact: null, effort: null });
    expect(Object.keys(solution(both, 'x-1') ?? {})).toEqual(['id', 'title', 'description', 'addresses', 'status', 'owner', 'dueDate']);
    expect(workspaceSchema.safeParse(both).success).toBe(true);
  });

  it('never changes what the solution addresses or its id, even when a caller passes them', () => {
    const sneaky = { title: 'T', addresses: [], id: 'x-other' } as SolutionPatch;
    expect(solution(updateSolution(docWithSolutions(), 'x-1', sneaky), 'x-1')).toMatchObject({ title: 'T', addresses: ['p-on-rel', 'p-wide'] });
  });

  it.each([
    ['impact 0', { impact: 0 }],
    ['impact 6', { impact: 6 }],
    ['effort 2.5', { effort: 2.5 }],
    ['effort NaN', { effort: Number.NaN }],
    ['a good title with a bad rating', { title: 'T', impact: -1 }],
    ['an unknown status', { status: 'maybe' as 'idea' }],
  ])('refuses %s by returning the same document', (_, patch) => {
    const doc = docWithSolutions();
    expect(updateSolution(doc, 'x-1', patch)).toBe(doc);
  });

  it('returns the same document for a no-op, clearing an absent rating, or a missing solution', () => {
    const doc = docWithSolutions();
    expect(updateSolution(doc, 'x-1', { title: 'Response library', status: 'agreed', impact: 4 })).toBe(doc);
    expect(updateSolution(doc, 'x-1', {})).toBe(doc);
    expect(updateSolution(doc, 'x-broken', { impact: null, effort: null })).toBe(doc);
    expect(updateSolution(doc, 'x-nobody', { title: 'x' })).toBe(doc);
  });
});

describe('addressPainPoint / unaddressPainPoint', () => {
  it('adds a pain point at the end of what the solution addresses', () => {
    const next = addressPainPoint(docWithSolutions(), 'x-1', 'p-on-legal');
    expect(solution(next, 'x-1')?.addresses).toEqual(['p-on-rel', 'p-wide', 'p-on-legal']);
  });

  it('returns the same document when already addressed, or for a missing pain point or solution', () => {
    const doc = docWithSolutions();
    expect(addressPainPoint(doc, 'x-1', 'p-wide')).toBe(doc);
    expect(addressPainPoint(doc, 'x-1', 'p-nobody')).toBe(doc);
    expect(addressPainPoint(doc, 'x-nobody', 'p-wide')).toBe(doc);
  });

  it('removes a pain point; the solution stays even with nothing left', () => {
    const doc = docWithSolutions();
    expect(solution(unaddressPainPoint(doc, 'x-1', 'p-on-rel'), 'x-1')?.addresses).toEqual(['p-wide']);
    const emptied = unaddressPainPoint(doc, 'x-dropped', 'p-on-legal');
    expect(solution(emptied, 'x-dropped')).toMatchObject({ addresses: [], status: 'dropped' });
  });

  it('removes a broken reference to a pain point that does not exist', () => {
    expect(solution(unaddressPainPoint(docWithSolutions(), 'x-broken', 'p-gone'), 'x-broken')?.addresses).toEqual([]);
  });

  it('returns the same document when the pain point is not addressed or the solution is missing', () => {
    const doc = docWithSolutions();
    expect(unaddressPainPoint(doc, 'x-1', 'p-on-legal')).toBe(doc);
    expect(unaddressPainPoint(doc, 'x-nobody', 'p-wide')).toBe(doc);
  });
});

describe('setSolutionAddresses', () => {
  it('replaces what the solution addresses, keeping repeats once', () => {
    const next = setSolutionAddresses(docWithSolutions(), 'x-1', ['p-on-both', 'p-on-legal', 'p-on-both']);
    expect(solution(next, 'x-1')?.addresses).toEqual(['p-on-both', 'p-on-legal']);
  });

  it('an empty list leaves the solution addressing nothing', () => {
    expect(solution(setSolutionAddresses(docWithSolutions(), 'x-1', []), 'x-1')?.addresses).toEqual([]);
  });

  it('reorders', () => {
    expect(solution(setSolutionAddresses(docWithSolutions(), 'x-1', ['p-wide', 'p-on-rel']), 'x-1')?.addresses).toEqual(['p-wide', 'p-on-rel']);
  });

  it('returns the same document for the same list, a missing solution or a new pain point that does not exist', () => {
    const doc = docWithSolutions();
    expect(setSolutionAddresses(doc, 'x-1', ['p-on-rel', 'p-wide'])).toBe(doc);
    expect(setSolutionAddresses(doc, 'x-1', ['p-on-rel', 'p-wide', 'p-on-rel'])).toBe(doc);
    expect(setSolutionAddresses(doc, 'x-nobody', [])).toBe(doc);
    expect(setSolutionAddresses(doc, 'x-1', ['p-on-rel', 'p-nobody'])).toBe(doc);
  });

  it('keeps an existing broken reference the caller passes back, so adding a pain point is not refused', () => {
    const next = setSolutionAddresses(docWithSolutions(), 'x-broken', ['p-gone', 'p-on-rel']);
    expect(solution(next, 'x-broken')?.addresses).toEqual(['p-gone', 'p-on-rel']);
  });

  it('does not keep the caller’s array', () => {
    const ids = ['p-wide'];
    expect(solution(setSolutionAddresses(docWithSolutions(), 'x-1', ids), 'x-1')?.addresses).not.toBe(ids);
  });
});

describe('deleteSolution', () => {
  it('removes one solution and leaves the pain points alone', () => {
    const doc = docWithSolutions();
    const next = deleteSolution(doc, 'x-1');
    expect(next.solutions.map((s) => s.id)).toEqual(['x-broken', 'x-dropped']);
    expect(next.solutions[0]).toBe(doc.solutions[1]);
    expect(next.painPoints).toBe(doc.painPoints);
  });

  it('returns the same document for a missing id', () => {
    const doc = docWithSolutions();
    expect(deleteSolution(doc, 'x-nobody')).toBe(doc);
  });
});

describe('solution due dates', () => {
  it('sets and clears a calendar date, and refuses one that is not a real "YYYY-MM-DD" date', () => {
    const update = updateSolution;
    const add = addSolution;
    const doc = docWithSolutions();
    const dated = update(doc, 'x-1', { dueDate: '2027-01-15' });
    expect(dated.solutions[0]?.dueDate).toBe('2027-01-15');
    expect(update(dated, 'x-1', { dueDate: null }).solutions[0]?.dueDate).toBeNull();
    for (const bad of ['2027-02-30', '2027-1-15', '15/01/2027', '', '2027-01-15T00:00:00Z']) expect(update(doc, 'x-1', { dueDate: bad })).toBe(doc);
    expect(add(doc, { id: 'x-new', title: 'T', dueDate: '2027-03-01' }).solutions.at(-1)?.dueDate).toBe('2027-03-01');
    expect(add(doc, { id: 'x-new', title: 'T', dueDate: 'soon' })).toBe(doc);
  });
});
