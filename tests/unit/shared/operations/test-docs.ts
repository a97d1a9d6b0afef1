import type { PainPoint, Relationship, Stakeholder, WorkspaceDocument } from '../../../../shared/document/schema';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { deepFreeze } from '../test-helpers';

export const stakeholder = (id: string, extra: Partial<Stakeholder> = {}): Stakeholder => ({
  id,
  name: `Name of ${id}`,
  kind: 'department',
  position: { x: 0, y: 0 },
  owner: '',
  notes: '',
  color: null,
  ...extra,
});

export const relationship = (id: string, source: string, target: string, extra: Partial<Relationship> = {}): Relationship => ({
  id,
  source,
  target,
  status: 'neutral',
  label: '',
  notes: '',
  otherSide: null,
  ...extra,
});

export const painPoint = (id: string, attachedTo: PainPoint['attachedTo'], extra: Partial<PainPoint> = {}): PainPoint => ({
  id,
  title: `Pain ${id}`,
  description: '',
  categoryId: 'processes',
  quotes: [],
  attachedTo,
  tally: 0,
  voice: null,
  ...extra,
});

/**
 * A small frozen map: a team, legal, brand, an agency; relationships team–legal (problematic), team–brand,
 * brand–legal; pain points on legal, on team–legal, on both, and one workspace-wide.
 */
export function sampleDoc(): WorkspaceDocument {
  return deepFreeze({
    ...createWorkspace('Sample', new Date('2026-11-22T10:00:00.000Z')),
    stakeholders: [
      stakeholder('s-team', { kind: 'team', position: { x: 0, y: 0 }, influence: 3, interest: 5 }),
      stakeholder('s-legal', { position: { x: 300, y: 0 }, influence: 5 }),
      stakeholder('s-brand', { position: { x: 300, y: -200 } }),
      stakeholder('s-agency', { kind: 'external', position: { x: -300, y: 0 } }),
    ],
    relationships: [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic', label: 'approvals' }),
      relationship('r-brand', 's-team', 's-brand', { status: 'strained' }),
      relationship('r-brand-legal', 's-brand', 's-legal'),
    ],
    painPoints: [
      painPoint('p-on-legal', [{ type: 'stakeholder', id: 's-legal' }]),
      painPoint('p-on-rel', [{ type: 'relationship', id: 'r-legal' }], { quotes: [{ text: 'It takes days.', voice: null }], tally: 3 }),
      painPoint('p-on-both', [{ type: 'stakeholder', id: 's-brand' }, { type: 'relationship', id: 'r-legal' }]),
      painPoint('p-wide', []),
    ],
  });
}

/** A random source that returns the given values in turn (and then repeats the last). */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] as number;
}
