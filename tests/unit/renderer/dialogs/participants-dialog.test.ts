import { describe, expect, it } from 'vitest';
import type { Participant, Stakeholder } from '../../../../shared/document/schema';
import { nextAnonymousLabel } from '../../../../renderer/src/dialogs/ParticipantsDialog';
import { stakeholderChoices } from '../../../../renderer/src/panels/VoiceSelect';

const participant = (label: string, i: number): Participant => ({ id: `pt-${i}`, label, departmentId: null });
const participants = (...labels: string[]) => labels.map(participant);

describe('nextAnonymousLabel', () => {
  it('starts at P1', () => {
    expect(nextAnonymousLabel([])).toBe('P1');
  });

  it('takes the first number no participant has as a label, filling gaps', () => {
    expect(nextAnonymousLabel(participants('P1', 'P2', 'P3', 'P4', 'P5', 'P6'))).toBe('P7');
    expect(nextAnonymousLabel(participants('P1', 'P3'))).toBe('P2');
    expect(nextAnonymousLabel(participants('P2', 'P3'))).toBe('P1');
  });

  it('counts only labels that are exactly P and a number; names do not take a number', () => {
    expect(nextAnonymousLabel(participants('Amira', 'p1', 'P1a', 'P01'))).toBe('P1');
    expect(nextAnonymousLabel(participants(' P1 ', 'Sam'))).toBe('P2');
  });
});

describe('stakeholderChoices', () => {
  const stakeholder = (id: string, name: string, kind: Stakeholder['kind']): Stakeholder => ({ id, name, kind, position: { x: 0, y: 0 }, owner: '', notes: '', color: null });

  it('lists departments first, then the other stakeholders, each by name; an empty name is shown as unnamed', () => {
    const choices = stakeholderChoices([
      stakeholder('s-team', 'Social media team', 'team'),
      stakeholder('s-legal', 'Legal', 'department'),
      stakeholder('s-agency', 'Creative agency', 'external'),
      stakeholder('s-brand', 'Brand', 'department'),
      stakeholder('s-x', ' ', 'department'),
    ]);
    expect(choices.departments.map((s) => s.id)).toEqual(['s-brand', 's-legal', 's-x']);
    expect(choices.departments.map((s) => s.name)).toEqual(['Brand', 'Legal', 'Unnamed stakeholder']);
    expect(choices.others.map((s) => s.name)).toEqual(['Creative agency', 'Social media team']);
  });
});
