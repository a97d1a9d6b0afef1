import { describe, expect, it } from 'vitest';
import { describeMap } from '../../../../shared/export/map-description';

const stakeholder = (id: string, name: string) => ({ id, name }) as never;
const relationship = (id: string, source: string, target: string, status: string, label = '') => ({ id, source, target, status, label }) as never;

describe('describeMap', () => {
  it('names every stakeholder and every problematic relationship by its two ends and label, and counts the rest', () => {
    const text = describeMap({
      title: 'Spring workshop',
      stakeholders: [stakeholder('a', 'Social team'), stakeholder('b', 'Legal'), stakeholder('c', 'IT'), stakeholder('d', '  ')],
      relationships: [
        relationship('r1', 'a', 'b', 'problematic', 'post approvals'),
        relationship('r2', 'a', 'c', 'problematic'),
        relationship('r3', 'b', 'c', 'strained'),
        relationship('r4', 'a', 'd', 'healthy'),
        relationship('r5', 'c', 'd', 'healthy'),
      ],
    });
    expect(text).toBe(
      'Stakeholder map of Spring workshop: 4 stakeholders (Social team, Legal, IT, Unnamed stakeholder). ' +
        '2 problematic relationships: Social team and Legal (post approvals); Social team and IT. ' +
        'Other relationships: 1 strained, 2 healthy.',
    );
  });

  it('says so when nothing is problematic, and reads well for one stakeholder or none', () => {
    expect(describeMap({ title: '', stakeholders: [stakeholder('a', 'Brand')], relationships: [] })).toBe(
      'Stakeholder map: 1 stakeholder (Brand). No relationship is marked problematic.',
    );
    expect(describeMap({ title: 'Empty', stakeholders: [], relationships: [] })).toBe('Stakeholder map of Empty: 0 stakeholders. No relationship is marked problematic.');
  });
});
