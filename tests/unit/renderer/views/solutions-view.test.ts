import { describe, expect, it } from 'vitest';
import { ratingsText } from '../../../../renderer/src/views/SolutionsView';

describe('ratingsText', () => {
  it('shows impact and effort out of five', () => {
    expect(ratingsText({ impact: 4, effort: 2 })).toBe('Impact 4/5 · Effort 2/5');
  });

  it('says when a rating was not given rather than inventing a number', () => {
    expect(ratingsText({ impact: undefined, effort: 3 })).toBe('Impact not rated · Effort 3/5');
    expect(ratingsText({})).toBe('Impact not rated · Effort not rated');
  });
});
