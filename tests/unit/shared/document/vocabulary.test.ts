import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_STATUSES, SOLUTION_STATUSES, STAKEHOLDER_KINDS } from '../../../../shared/document/format';
import { RELATIONSHIP_STATUS_LABELS, SOLUTION_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '../../../../shared/document/vocabulary';

// Exports and end-to-end tests read these words: they change only on purpose.
describe('display words', () => {
  it('names every stakeholder kind', () => {
    expect(STAKEHOLDER_KINDS.map((kind) => STAKEHOLDER_KIND_LABELS[kind])).toEqual(['Our team', 'Internal department', 'Outside party']);
  });

  it('names every relationship status', () => {
    expect(RELATIONSHIP_STATUSES.map((status) => RELATIONSHIP_STATUS_LABELS[status])).toEqual(['Healthy', 'Neutral', 'Strained', 'Problematic']);
  });

  it('names every solution status', () => {
    expect(SOLUTION_STATUSES.map((status) => SOLUTION_STATUS_LABELS[status])).toEqual(['Idea', 'Agreed', 'In progress', 'Done', 'Dropped']);
  });

  it('has a word for exactly the values of each enum', () => {
    expect(Object.keys(STAKEHOLDER_KIND_LABELS)).toEqual([...STAKEHOLDER_KINDS]);
    expect(Object.keys(RELATIONSHIP_STATUS_LABELS)).toEqual([...RELATIONSHIP_STATUSES]);
    expect(Object.keys(SOLUTION_STATUS_LABELS)).toEqual([...SOLUTION_STATUSES]);
  });
});
