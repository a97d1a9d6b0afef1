import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { attachmentKey, describeAttachment, describeAttachments, painPointsByAttachment } from '../../../../shared/domain/pain-point-index';
import { deepFreeze } from '../test-helpers';
import { painPoint, relationship, sampleDoc, stakeholder } from '../operations/test-docs';

/** The sample with real names, a relationship without a label, and one whose end is missing. */
function namedDoc(): WorkspaceDocument {
  const base = sampleDoc();
  return deepFreeze({
    ...base,
    stakeholders: [
      stakeholder('s-team', { kind: 'team', name: 'Social team' }),
      stakeholder('s-legal', { name: 'Legal' }),
      stakeholder('s-brand', { name: 'Brand' }),
      stakeholder('s-blank', { name: '  ' }),
    ],
    relationships: [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic', label: 'post approvals' }),
      relationship('r-brand', 's-team', 's-brand', { label: '   ' }),
      relationship('r-broken', 's-team', 's-gone'),
    ],
  });
}

describe('attachmentKey', () => {
  it('names the type and the id', () => {
    expect(attachmentKey({ type: 'stakeholder', id: 's-1' })).toBe('stakeholder:s-1');
    expect(attachmentKey({ type: 'relationship', id: 's-1' })).toBe('relationship:s-1');
  });
});

describe('painPointsByAttachment', () => {
  it('lists the pain points of each item in document order; workspace-wide ones are under no key', () => {
    const doc = sampleDoc();
    const index = painPointsByAttachment(doc);
    expect([...index.keys()].sort()).toEqual(['relationship:r-legal', 'stakeholder:s-brand', 'stakeholder:s-legal']);
    expect(index.get('relationship:r-legal')?.map((p) => p.id)).toEqual(['p-on-rel', 'p-on-both']);
    expect(index.get('stakeholder:s-brand')?.map((p) => p.id)).toEqual(['p-on-both']);
    expect(index.get('stakeholder:s-legal')?.[0]).toBe(doc.painPoints[0]);
    expect(index.has('stakeholder:s-team')).toBe(false);
  });

  it('lists a pain point attached twice to the same item once, and keeps broken references', () => {
    const doc = deepFreeze({
      ...sampleDoc(),
      painPoints: [
        painPoint('p-twice', [
          { type: 'stakeholder', id: 's-team' },
          { type: 'relationship', id: 'r-legal' },
          { type: 'stakeholder', id: 's-team' },
        ]),
        painPoint('p-broken', [{ type: 'stakeholder', id: 's-gone' }]),
      ],
    });
    const index = painPointsByAttachment(doc);
    expect(index.get('stakeholder:s-team')?.map((p) => p.id)).toEqual(['p-twice']);
    expect(index.get('stakeholder:s-gone')?.map((p) => p.id)).toEqual(['p-broken']);
  });

  it('keeps stakeholders and relationships with the same id apart', () => {
    const doc = deepFreeze({
      ...sampleDoc(),
      painPoints: [painPoint('p-1', [{ type: 'stakeholder', id: 'x' }]), painPoint('p-2', [{ type: 'relationship', id: 'x' }])],
    });
    const index = painPointsByAttachment(doc);
    expect(index.get('stakeholder:x')?.map((p) => p.id)).toEqual(['p-1']);
    expect(index.get('relationship:x')?.map((p) => p.id)).toEqual(['p-2']);
  });
});

describe('describeAttachment', () => {
  const doc = namedDoc();

  it('names a stakeholder', () => {
    expect(describeAttachment(doc, { type: 'stakeholder', id: 's-legal' })).toBe('Legal');
  });

  it('names a relationship by its ends, with its label in parentheses', () => {
    expect(describeAttachment(doc, { type: 'relationship', id: 'r-legal' })).toBe('Social team – Legal (post approvals)');
    expect(describeAttachment(doc, { type: 'relationship', id: 'r-brand' })).toBe('Social team – Brand');
  });

  it('says what is missing', () => {
    expect(describeAttachment(doc, { type: 'stakeholder', id: 's-gone' })).toBe('missing stakeholder "s-gone"');
    expect(describeAttachment(doc, { type: 'relationship', id: 'r-gone' })).toBe('missing relationship "r-gone"');
    // The type matters: a stakeholder id is not a relationship.
    expect(describeAttachment(doc, { type: 'relationship', id: 's-legal' })).toBe('missing relationship "s-legal"');
    expect(describeAttachment(doc, { type: 'relationship', id: 'r-broken' })).toBe('Social team – missing stakeholder "s-gone"');
  });

  it('gives a stakeholder without a name a readable one', () => {
    expect(describeAttachment(doc, { type: 'stakeholder', id: 's-blank' })).toBe('Unnamed stakeholder');
  });
});

describe('describeAttachments', () => {
  const doc = namedDoc();

  it('joins the attachments in their order', () => {
    const p = painPoint('p', [
      { type: 'stakeholder', id: 's-brand' },
      { type: 'relationship', id: 'r-legal' },
      { type: 'stakeholder', id: 's-gone' },
    ]);
    expect(describeAttachments(doc, p)).toBe('Brand, Social team – Legal (post approvals), missing stakeholder "s-gone"');
  });

  it('says Whole workspace for a workspace-wide pain point', () => {
    expect(describeAttachments(doc, painPoint('p', []))).toBe('Whole workspace');
  });
});
