import { describe, expect, it } from 'vitest';
import type { Solution, WorkspaceDocument } from '../../../../shared/document/schema';
import { isLiveSolution, solutionsAddressing, solutionsByPainPoint, unaddressedPainPointIds } from '../../../../shared/domain/unaddressed';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from '../operations/test-docs';

const solution = (id: string, addresses: string[], status: Solution['status'] = 'idea'): Solution => ({
  id,
  title: `Solution ${id}`,
  description: '',
  addresses,
  status,
  owner: '',
  dueDate: null,
});

/** The sample (pain points p-on-legal, p-on-rel, p-on-both, p-wide) with the given solutions. */
const withSolutions = (...solutions: Solution[]): WorkspaceDocument => deepFreeze({ ...sampleDoc(), solutions });

const ids = (set: Set<string>) => [...set].sort();

describe('isLiveSolution', () => {
  it('counts every status but dropped', () => {
    for (const status of ['idea', 'agreed', 'in-progress', 'done'] as const) expect(isLiveSolution(solution('x', [], status))).toBe(true);
    expect(isLiveSolution(solution('x', [], 'dropped'))).toBe(false);
  });
});

describe('unaddressedPainPointIds', () => {
  it('marks every pain point when there are no solutions', () => {
    expect(ids(unaddressedPainPointIds(sampleDoc()))).toEqual(['p-on-both', 'p-on-legal', 'p-on-rel', 'p-wide']);
  });

  it('a solution addressing several pain points addresses all of them', () => {
    const doc = withSolutions(solution('x-1', ['p-on-rel', 'p-wide', 'p-on-legal']));
    expect(ids(unaddressedPainPointIds(doc))).toEqual(['p-on-both']);
  });

  it('a dropped solution addresses nothing', () => {
    const doc = withSolutions(solution('x-1', ['p-on-rel', 'p-wide'], 'dropped'));
    expect(ids(unaddressedPainPointIds(doc))).toEqual(['p-on-both', 'p-on-legal', 'p-on-rel', 'p-wide']);
  });

  it('a pain point addressed by a dropped and a live solution is addressed', () => {
    const doc = withSolutions(solution('x-1', ['p-on-rel', 'p-wide'], 'dropped'), solution('x-2', ['p-wide'], 'done'));
    expect(ids(unaddressedPainPointIds(doc))).toEqual(['p-on-both', 'p-on-legal', 'p-on-rel']);
  });

  it('every live status counts, done included', () => {
    const doc = withSolutions(
      solution('x-1', ['p-on-legal'], 'idea'),
      solution('x-2', ['p-on-rel'], 'agreed'),
      solution('x-3', ['p-on-both'], 'in-progress'),
      solution('x-4', ['p-wide'], 'done'),
    );
    expect(unaddressedPainPointIds(doc).size).toBe(0);
  });

  it('ignores references to pain points that do not exist', () => {
    const doc = withSolutions(solution('x-1', ['p-gone', 'p-wide']));
    expect(ids(unaddressedPainPointIds(doc))).toEqual(['p-on-both', 'p-on-legal', 'p-on-rel']);
  });

  it('is empty for a workspace without pain points', () => {
    expect(unaddressedPainPointIds(deepFreeze({ ...sampleDoc(), painPoints: [] })).size).toBe(0);
  });
});

describe('solutionsAddressing', () => {
  it('lists every solution addressing a pain point, dropped ones included, in document order', () => {
    const doc = withSolutions(
      solution('x-1', ['p-wide'], 'dropped'),
      solution('x-2', ['p-on-rel']),
      solution('x-3', ['p-on-rel', 'p-wide'], 'done'),
    );
    expect(solutionsAddressing(doc, 'p-wide').map((s) => s.id)).toEqual(['x-1', 'x-3']);
    expect(solutionsAddressing(doc, 'p-wide')[0]).toBe(doc.solutions[0]);
    expect(solutionsAddressing(doc, 'p-on-legal')).toEqual([]);
  });
});

describe('solutionsByPainPoint', () => {
  it('groups the solutions by the pain points they address, in document order, each once', () => {
    const doc = withSolutions(
      solution('x-1', ['p-wide', 'p-wide'], 'dropped'),
      solution('x-2', ['p-on-rel']),
      solution('x-3', ['p-on-rel', 'p-wide'], 'done'),
    );
    const byPainPoint = solutionsByPainPoint(doc);
    expect(byPainPoint.get('p-wide')?.map((s) => s.id)).toEqual(['x-1', 'x-3']);
    expect(byPainPoint.get('p-on-rel')?.map((s) => s.id)).toEqual(['x-2', 'x-3']);
    expect(byPainPoint.has('p-on-legal')).toBe(false);
    for (const p of doc.painPoints) expect(byPainPoint.get(p.id) ?? []).toEqual(solutionsAddressing(doc, p.id));
  });
});
