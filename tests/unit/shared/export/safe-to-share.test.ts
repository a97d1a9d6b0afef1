import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '@shared/document/parse';
import type { WorkspaceDocument } from '@shared/document/schema';
import { serializeWorkspace } from '@shared/document/serialize';
import { DEFAULT_SAFE_TO_SHARE, MIN_VOICES, redactForSharing } from '@shared/export/safe-to-share';
import { createWorkspace } from '@shared/operations/workspace';

/** A workshop where Legal has `legalVoices` participants and Brand one. */
function workshop(legalVoices: number): WorkspaceDocument {
  const base = createWorkspace('Workshop', new Date('2026-12-02T09:00:00.000Z'));
  const participants = [
    ...Array.from({ length: legalVoices }, (_, i) => ({ id: `p-l${i}`, label: `Lawyer ${i} Smith`, departmentId: 's-legal', email: `l${i}@example.com` })),
    { id: 'p-b', label: 'Brenda Brand', departmentId: 's-brand' },
  ];
  return {
    ...base,
    stakeholders: [
      { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 }, owner: 'Priya Counsel', notes: '', color: null },
      { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 300, y: 0 }, owner: '', notes: '', color: null },
    ],
    painPoints: [
      {
        id: 'p-1',
        title: 'Sign-off takes days',
        description: '',
        categoryId: 'processes',
        quotes: [{ text: 'We miss every trend.', voice: 's-legal', speaker: 'Lawyer 0 Smith' }, { text: 'Brand rewrites our tone.', voice: 's-brand' }],
        attachedTo: [],
        tally: 2,
        voice: 's-legal',
      },
      { id: 'p-2', title: 'Tone police', description: '', categoryId: 'roles', quotes: [], attachedTo: [], tally: 0, voice: 's-brand' },
    ],
    solutions: [{ id: 'x-1', title: 'Library', description: '', addresses: ['p-1'], status: 'agreed', owner: 'Head of Social', dueDate: null }],
    participants,
    ballots: participants.map((p) => ({ participantId: p.id, painPointId: 'p-1' })),
  };
}

const on = { ...DEFAULT_SAFE_TO_SHARE, enabled: true };

describe('safe to share', () => {
  it('changes nothing when off', () => {
    const doc = workshop(3);
    expect(redactForSharing(doc, DEFAULT_SAFE_TO_SHARE)).toBe(doc);
  });

  it('removes participant names and what else was recorded about them, keeping their votes', () => {
    const text = serializeWorkspace(redactForSharing(workshop(3), on));
    for (const secret of ['Lawyer', 'Smith', 'Brenda', 'example.com', 'speaker']) expect(text).not.toContain(secret);
    const doc = redactForSharing(workshop(3), on);
    expect(doc.participants.map((p) => p.label)).toEqual(['Participant 1', 'Participant 2', 'Participant 3', 'Participant 4']);
    expect(doc.ballots).toHaveLength(4);
  });

  it('removes owners if asked, and quotes if asked; quotes are never attributed', () => {
    const kept = redactForSharing(workshop(3), on);
    expect(kept.stakeholders[0]?.owner).toBe('');
    expect(kept.solutions[0]?.owner).toBe('');
    expect(kept.painPoints[0]?.quotes).toEqual([{ text: 'We miss every trend.', voice: null }, { text: 'Brand rewrites our tone.', voice: null }]);
    const owners = redactForSharing(workshop(3), { ...on, removeOwners: false });
    expect(owners.solutions[0]?.owner).toBe('Head of Social');
    const noQuotes = redactForSharing(workshop(3), { ...on, quotes: 'removed' });
    expect(noQuotes.painPoints.every((p) => p.quotes.length === 0)).toBe(true);
    expect(serializeWorkspace(noQuotes)).not.toContain('We miss every trend');
  });

  it.each([
    [2, false],
    [3, true],
    [4, true],
  ])(`withholds a department's attribution below ${MIN_VOICES} voices: %i voices, attributed %s`, (voices, attributed) => {
    const doc = redactForSharing(workshop(voices), on);
    expect(doc.painPoints[0]?.voice).toBe(attributed ? 's-legal' : null);
    expect(doc.participants.filter((p) => p.departmentId === 's-legal')).toHaveLength(attributed ? voices : 0);
    // Brand has a single voice: never attributed.
    expect(doc.painPoints[1]?.voice).toBeNull();
    expect(doc.participants.some((p) => p.departmentId === 's-brand')).toBe(false);
  });

  it('gives a valid workspace', () => {
    const parsed = parseWorkspace(serializeWorkspace(redactForSharing(workshop(2), { ...on, quotes: 'removed' })));
    expect(parsed.ok).toBe(true);
  });
});

describe('safe to share, snapshots', () => {
  it('redacts the earlier states of the map kept in snapshots the same way as the map', () => {
    const doc = workshop(1);
    const withSnapshot = { ...doc, snapshots: [{ id: 'snap', name: 'Before', takenAt: '2026-12-02T08:00:00.000Z', state: { stakeholders: doc.stakeholders, relationships: [], painPoints: doc.painPoints, solutions: doc.solutions, categories: doc.categories, ballots: [] } }] };
    const shared = redactForSharing(withSnapshot, on);
    const state = shared.snapshots[0]!.state;
    expect(state.stakeholders.map((s) => s.owner)).toEqual(['', '']);
    expect(state.solutions.map((s) => s.owner)).toEqual(['']);
    expect(state.painPoints[0]!.quotes).toEqual([{ text: 'We miss every trend.', voice: null }, { text: 'Brand rewrites our tone.', voice: null }]);
    expect(state.painPoints[0]!.voice).toBeNull();
    expect(JSON.stringify(shared)).not.toContain('Priya Counsel');
    expect(JSON.stringify(shared)).not.toContain('Lawyer 0 Smith');
  });
});
