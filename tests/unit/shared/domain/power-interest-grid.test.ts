import { describe, expect, it } from 'vitest';
import { gridScoresOf, layoutGrid, nudgeScores, quadrantOf, QUADRANTS, scoresAtPoint, snapScore } from '../../../../shared/domain/power-interest-grid';

const s = (id: string, name: string, influence?: number, interest?: number) => ({ id, name, influence, interest });

describe('power/interest grid', () => {
  it('names the four quadrants, 3 counting as high on both axes', () => {
    expect(quadrantOf({ influence: 5, interest: 5 })).toBe('manageClosely');
    expect(quadrantOf({ influence: 3, interest: 3 })).toBe('manageClosely');
    expect(quadrantOf({ influence: 4, interest: 2 })).toBe('keepSatisfied');
    expect(quadrantOf({ influence: 2, interest: 3 })).toBe('keepInformed');
    expect(quadrantOf({ influence: 1, interest: 1 })).toBe('monitor');
    expect(Object.values(QUADRANTS).map((q) => q.name)).toEqual(['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']);
  });

  it('puts a stakeholder without either score in the tray', () => {
    expect(gridScoresOf({ influence: 4, interest: undefined })).toBeNull();
    expect(gridScoresOf({ influence: undefined, interest: 2 })).toBeNull();
    const { tray, placed } = layoutGrid([s('a', 'Legal', 4), s('b', 'Brand', 4, 5), s('c', 'IT')]);
    expect(tray.map((x) => x.name)).toEqual(['IT', 'Legal']);
    expect([...placed.keys()]).toEqual(['b']);
  });

  it('spreads stakeholders sharing a cell in name order, so none hides another', () => {
    const { placed, cells } = layoutGrid([s('z', 'Zeta', 2, 2), s('a', 'alpha', 2, 2), s('m', 'Mu', 2, 2), s('o', 'Other', 5, 1)]);
    expect(cells.get('2:2')!.map((x) => x.name)).toEqual(['alpha', 'Mu', 'Zeta']);
    expect(placed.get('a')).toEqual({ scores: { influence: 2, interest: 2 }, index: 0, of: 3 });
    expect(placed.get('z')).toEqual({ scores: { influence: 2, interest: 2 }, index: 2, of: 3 });
    expect(placed.get('o')).toEqual({ scores: { influence: 5, interest: 1 }, index: 0, of: 1 });
  });

  it('snaps a drop to the cell under it: interest left to right, influence bottom to top', () => {
    expect(scoresAtPoint(0, 0, 500, 500)).toEqual({ interest: 1, influence: 5 });
    expect(scoresAtPoint(499, 499, 500, 500)).toEqual({ interest: 5, influence: 1 });
    expect(scoresAtPoint(250, 250, 500, 500)).toEqual({ interest: 3, influence: 3 });
    expect(scoresAtPoint(199, 301, 500, 500)).toEqual({ interest: 2, influence: 2 });
    // Off the grid: the nearest cell.
    expect(scoresAtPoint(-40, 900, 500, 500)).toEqual({ interest: 1, influence: 1 });
    expect(snapScore(7.2)).toBe(5);
    expect(snapScore(0)).toBe(1);
    expect(snapScore(Number.NaN)).toBe(3);
  });

  it('moves one cell per arrow key, never off the scale; an unscored stakeholder lands in the middle first', () => {
    expect(nudgeScores({ influence: 2, interest: 4 }, 'up')).toEqual({ influence: 3, interest: 4 });
    expect(nudgeScores({ influence: 5, interest: 4 }, 'up')).toEqual({ influence: 5, interest: 4 });
    expect(nudgeScores({ influence: 2, interest: 1 }, 'left')).toEqual({ influence: 2, interest: 1 });
    expect(nudgeScores({ influence: 2, interest: 4 }, 'right')).toEqual({ influence: 2, interest: 5 });
    expect(nudgeScores({ influence: 2, interest: 4 }, 'down')).toEqual({ influence: 1, interest: 4 });
    expect(nudgeScores(null, 'down')).toEqual({ influence: 3, interest: 3 });
  });
});
