import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { addPainPoint } from '../../../../shared/operations/pain-points';
import { addParticipant } from '../../../../shared/operations/participants';
import { connectStakeholders } from '../../../../shared/operations/relationships';
import { addStakeholder } from '../../../../shared/operations/stakeholders';
import { createWorkspace } from '../../../../shared/operations/workspace';

/** The facilitator's workspace the live-session tests start from: two stakeholders, a relationship, a pain point. */
export function sampleWorkspace(): WorkspaceDocument {
  let doc = createWorkspace('Live room', new Date('2026-12-01T09:00:00.000Z'));
  doc = addStakeholder(doc, { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } });
  doc = addStakeholder(doc, { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } });
  doc = connectStakeholders(doc, { id: 'r-1', source: 's-team', target: 's-legal' });
  doc = addPainPoint(doc, { id: 'p-1', title: 'Sign-off takes days', categoryId: 'processes', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] });
  return addParticipant(doc, { id: 'pt-1', label: 'P1' });
}
