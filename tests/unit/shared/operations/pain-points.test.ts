import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { workspaceSchema } from '../../../../shared/document/schema';
import {
  addPainPoint,
  addQuote,
  attachPainPoint,
  attachmentTargetExists,
  deletePainPoint,
  detachPainPoint,
  moveQuote,
  removeQuote,
  setPainPointAttachments,
  updatePainPoint,
  updateQuote,
  voteDown,
  voteUp,
} from '../../../../shared/operations/pain-points';
import { deepFreeze } from '../test-helpers';
import { painPoint, sampleDoc } from './test-docs';

const pain = (doc: WorkspaceDocument, id: string) => doc.painPoints.find((p) => p.id === id);

/** The sample with two solutions, both addressing p-on-rel, so deletion can be checked against them. */
function docWithSolutions(): WorkspaceDocument {
  const base = sampleDoc();
  return deepFreeze({
    ...base,
    painPoints: [...base.painPoints, painPoint('p-quotes', [], { quotes: [{ text: 'one', voice: null }, { text: 'two', voice: null }, { text: 'three', voice: null }], tally: 1 })],
    solutions: [
      { id: 'x-1', title: 'Library', description: '', addresses: ['p-on-rel', 'p-wide'], status: 'idea', owner: '', dueDate: null },
      { id: 'x-2', title: 'Training', description: '', addresses: ['p-on-legal'], status: 'agreed', owner: '', dueDate: null },
    ],
  });
}

describe('addPainPoint', () => {
  it('adds a pain point with no quotes and no votes, workspace-wide by default', () => {
    const doc = sampleDoc();
    const next = addPainPoint(doc, { id: 'p-new', title: 'Nobody owns the calendar', categoryId: 'roles' });
    expect(next.painPoints.at(-1)).toEqual({
      id: 'p-new',
      title: 'Nobody owns the calendar',
      description: '',
      categoryId: 'roles',
      quotes: [],
      attachedTo: [],
      tally: 0,
      voice: null,
    });
    expect(next.painPoints.slice(0, -1)).toEqual(doc.painPoints);
    expect(next.stakeholders).toBe(doc.stakeholders);
    expect(workspaceSchema.safeParse(next).success).toBe(true);
  });

  it('takes attachments (kept once) and a description', () => {
    const attachedTo = [
      { type: 'stakeholder', id: 's-legal' },
      { type: 'relationship', id: 'r-legal' },
      { type: 'stakeholder', id: 's-legal' },
    ] as const;
    const next = addPainPoint(sampleDoc(), { id: 'p-new', title: 'Slow', categoryId: 'processes', attachedTo: [...attachedTo], description: 'Days.' });
    expect(next.painPoints.at(-1)).toMatchObject({
      description: 'Days.',
      attachedTo: [
        { type: 'stakeholder', id: 's-legal' },
        { type: 'relationship', id: 'r-legal' },
      ],
    });
  });

  it('takes the quotes it starts with (quick capture), leaving out empty ones, and keeps no reference to the array', () => {
    const quotes = ['We lose every trend.', '  ', '', 'Days, not hours.'];
    const next = addPainPoint(sampleDoc(), { id: 'p-new', title: 'Slow', categoryId: 'processes', quotes });
    expect(next.painPoints.at(-1)).toMatchObject({ quotes: [{ text: 'We lose every trend.', voice: null }, { text: 'Days, not hours.', voice: null }], tally: 0 });
    quotes.push('later');
    expect(next.painPoints.at(-1)?.quotes).toHaveLength(2);
    expect(workspaceSchema.safeParse(next).success).toBe(true);
  });

  it.each([
    ['a taken id', { id: 'p-wide', title: 'x', categoryId: 'roles' }],
    ['a missing category', { id: 'p-new', title: 'x', categoryId: 'nope' }],
    ['an attachment to a missing stakeholder', { id: 'p-new', title: 'x', categoryId: 'roles', attachedTo: [{ type: 'stakeholder' as const, id: 's-nobody' }] }],
    ['an attachment to a missing relationship', { id: 'p-new', title: 'x', categoryId: 'roles', attachedTo: [{ type: 'relationship' as const, id: 's-legal' }] }],
  ])('refuses %s by returning the same document', (_, input) => {
    const doc = sampleDoc();
    expect(addPainPoint(doc, input)).toBe(doc);
  });
});

describe('updatePainPoint', () => {
  it('changes title, description and category of one pain point only', () => {
    const doc = sampleDoc();
    const next = updatePainPoint(doc, 'p-on-rel', { title: 'Sign-off takes days', description: 'Every post.', categoryId: 'governance' });
    expect(pain(next, 'p-on-rel')).toEqual({ ...pain(doc, 'p-on-rel'), title: 'Sign-off takes days', description: 'Every post.', categoryId: 'governance' });
    expect(next.painPoints[0]).toBe(doc.painPoints[0]);
  });

  it('never touches quotes or votes, even when a caller passes them', () => {
    const doc = sampleDoc();
    const sneaky = { title: 'T', tally: 99, quotes: [] } as Parameters<typeof updatePainPoint>[2];
    expect(pain(updatePainPoint(doc, 'p-on-rel', sneaky), 'p-on-rel')).toMatchObject({ title: 'T', tally: 3, quotes: [{ text: 'It takes days.', voice: null }] });
  });

  it('returns the same document for a no-op, a missing id or a missing category', () => {
    const doc = sampleDoc();
    expect(updatePainPoint(doc, 'p-on-rel', { title: 'Pain p-on-rel', categoryId: 'processes' })).toBe(doc);
    expect(updatePainPoint(doc, 'p-on-rel', {})).toBe(doc);
    expect(updatePainPoint(doc, 'p-nobody', { title: 'x' })).toBe(doc);
    expect(updatePainPoint(doc, 'p-on-rel', { categoryId: 'nope' })).toBe(doc);
  });
});

describe('attachPainPoint / detachPainPoint', () => {
  it('attaches a workspace-wide pain point to a relationship', () => {
    const next = attachPainPoint(sampleDoc(), 'p-wide', { type: 'relationship', id: 'r-brand' });
    expect(pain(next, 'p-wide')?.attachedTo).toEqual([{ type: 'relationship', id: 'r-brand' }]);
  });

  it('adds to existing attachments', () => {
    const next = attachPainPoint(sampleDoc(), 'p-on-legal', { type: 'stakeholder', id: 's-team' });
    expect(pain(next, 'p-on-legal')?.attachedTo).toEqual([
      { type: 'stakeholder', id: 's-legal' },
      { type: 'stakeholder', id: 's-team' },
    ]);
  });

  it('returns the same document for a duplicate, a missing item or a missing pain point', () => {
    const doc = sampleDoc();
    expect(attachPainPoint(doc, 'p-on-legal', { type: 'stakeholder', id: 's-legal' })).toBe(doc);
    expect(attachPainPoint(doc, 'p-on-legal', { type: 'stakeholder', id: 's-nobody' })).toBe(doc);
    // The id of a relationship is not a stakeholder: the type matters.
    expect(attachPainPoint(doc, 'p-on-legal', { type: 'stakeholder', id: 'r-legal' })).toBe(doc);
    expect(attachPainPoint(doc, 'p-nobody', { type: 'stakeholder', id: 's-team' })).toBe(doc);
  });

  it('detaching the last attachment makes the pain point workspace-wide', () => {
    const next = detachPainPoint(sampleDoc(), 'p-on-legal', { type: 'stakeholder', id: 's-legal' });
    expect(pain(next, 'p-on-legal')?.attachedTo).toEqual([]);
  });

  it('detaches one of several, and also a broken reference', () => {
    const doc = sampleDoc();
    expect(pain(detachPainPoint(doc, 'p-on-both', { type: 'relationship', id: 'r-legal' }), 'p-on-both')?.attachedTo).toEqual([
      { type: 'stakeholder', id: 's-brand' },
    ]);
    const broken = deepFreeze({ ...doc, painPoints: [painPoint('p-broken', [{ type: 'stakeholder', id: 's-gone' }])] });
    expect(pain(detachPainPoint(broken, 'p-broken', { type: 'stakeholder', id: 's-gone' }), 'p-broken')?.attachedTo).toEqual([]);
  });

  it('returns the same document when the pain point is not attached there', () => {
    const doc = sampleDoc();
    expect(detachPainPoint(doc, 'p-on-legal', { type: 'stakeholder', id: 's-team' })).toBe(doc);
    expect(detachPainPoint(doc, 'p-nobody', { type: 'stakeholder', id: 's-legal' })).toBe(doc);
  });
});

describe('setPainPointAttachments', () => {
  it('replaces the attachments, keeping repeats once', () => {
    const next = setPainPointAttachments(sampleDoc(), 'p-on-legal', [
      { type: 'relationship', id: 'r-brand' },
      { type: 'stakeholder', id: 's-agency' },
      { type: 'relationship', id: 'r-brand' },
    ]);
    expect(pain(next, 'p-on-legal')?.attachedTo).toEqual([
      { type: 'relationship', id: 'r-brand' },
      { type: 'stakeholder', id: 's-agency' },
    ]);
  });

  it('an empty list makes the pain point workspace-wide', () => {
    expect(pain(setPainPointAttachments(sampleDoc(), 'p-on-both', []), 'p-on-both')?.attachedTo).toEqual([]);
  });

  it('returns the same document for the same list, a missing pain point or a new attachment to a missing item', () => {
    const doc = sampleDoc();
    expect(setPainPointAttachments(doc, 'p-on-both', [{ type: 'stakeholder', id: 's-brand' }, { type: 'relationship', id: 'r-legal' }])).toBe(doc);
    expect(setPainPointAttachments(doc, 'p-nobody', [])).toBe(doc);
    expect(setPainPointAttachments(doc, 'p-wide', [{ type: 'stakeholder', id: 's-nobody' }])).toBe(doc);
  });

  it('keeps an existing broken reference the caller passes back, so adding an item is not refused', () => {
    const doc = deepFreeze({ ...sampleDoc(), painPoints: [painPoint('p-broken', [{ type: 'stakeholder', id: 's-gone' }])] });
    const next = setPainPointAttachments(doc, 'p-broken', [{ type: 'stakeholder', id: 's-gone' }, { type: 'stakeholder', id: 's-team' }]);
    expect(pain(next, 'p-broken')?.attachedTo).toEqual([
      { type: 'stakeholder', id: 's-gone' },
      { type: 'stakeholder', id: 's-team' },
    ]);
  });

  it('keeps properties another tool wrote on an existing attachment', () => {
    const doc = deepFreeze({ ...sampleDoc(), painPoints: [painPoint('p-x', [{ type: 'stakeholder', id: 's-team', note: 'kept' }])] });
    const next = setPainPointAttachments(doc, 'p-x', [{ type: 'stakeholder', id: 's-team' }, { type: 'stakeholder', id: 's-legal' }]);
    expect(pain(next, 'p-x')?.attachedTo[0]).toEqual({ type: 'stakeholder', id: 's-team', note: 'kept' });
  });
});

describe('quotes', () => {
  it('addQuote appends the participant’s words as written', () => {
    const next = addQuote(sampleDoc(), 'p-on-rel', '  We wait a week for a tweet. ');
    expect(pain(next, 'p-on-rel')?.quotes.map((q) => q.text)).toEqual(['It takes days.', '  We wait a week for a tweet. ']);
  });

  it('addQuote refuses an empty quote and a missing pain point', () => {
    const doc = sampleDoc();
    expect(addQuote(doc, 'p-on-rel', '')).toBe(doc);
    expect(addQuote(doc, 'p-on-rel', '  \n')).toBe(doc);
    expect(addQuote(doc, 'p-nobody', 'words')).toBe(doc);
  });

  it('updateQuote changes one quote', () => {
    const doc = docWithSolutions();
    expect(pain(updateQuote(doc, 'p-quotes', 1, 'TWO'), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['one', 'TWO', 'three']);
  });

  it.each([
    ['the same text', 1, 'two'],
    ['empty text', 1, ' '],
    ['an index past the end', 3, 'x'],
    ['a negative index', -1, 'x'],
    ['a fractional index', 0.5, 'x'],
  ])('updateQuote returns the same document for %s', (_, index, text) => {
    const doc = docWithSolutions();
    expect(updateQuote(doc, 'p-quotes', index, text)).toBe(doc);
  });

  it('removeQuote removes one quote; a bad index changes nothing', () => {
    const doc = docWithSolutions();
    expect(pain(removeQuote(doc, 'p-quotes', 0), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['two', 'three']);
    expect(pain(removeQuote(doc, 'p-quotes', 2), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['one', 'two']);
    expect(removeQuote(doc, 'p-quotes', 3)).toBe(doc);
    expect(removeQuote(doc, 'p-wide', 0)).toBe(doc);
    expect(removeQuote(doc, 'p-nobody', 0)).toBe(doc);
  });

  it('moveQuote reorders', () => {
    const doc = docWithSolutions();
    expect(pain(moveQuote(doc, 'p-quotes', 0, 2), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['two', 'three', 'one']);
    expect(pain(moveQuote(doc, 'p-quotes', 2, 0), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['three', 'one', 'two']);
    expect(pain(moveQuote(doc, 'p-quotes', 1, 2), 'p-quotes')?.quotes.map((q) => q.text)).toEqual(['one', 'three', 'two']);
  });

  it('moveQuote returns the same document for the same place or an index that names no quote', () => {
    const doc = docWithSolutions();
    expect(moveQuote(doc, 'p-quotes', 1, 1)).toBe(doc);
    expect(moveQuote(doc, 'p-quotes', 0, 3)).toBe(doc);
    expect(moveQuote(doc, 'p-quotes', -1, 0)).toBe(doc);
    expect(moveQuote(doc, 'p-nobody', 0, 1)).toBe(doc);
  });
});

describe('votes', () => {
  it('voteUp and voteDown count one vote', () => {
    const doc = sampleDoc();
    const up = voteUp(doc, 'p-on-rel');
    expect(pain(up, 'p-on-rel')?.tally).toBe(4);
    expect(pain(voteDown(up, 'p-on-rel'), 'p-on-rel')?.tally).toBe(3);
    expect(up.painPoints[0]).toBe(doc.painPoints[0]);
  });

  it('never goes below zero: voteDown at zero returns the same document', () => {
    const doc = sampleDoc();
    expect(pain(doc, 'p-wide')?.tally).toBe(0);
    expect(voteDown(doc, 'p-wide')).toBe(doc);
    let next = doc;
    for (let i = 0; i < 5; i++) next = voteDown(next, 'p-on-rel');
    expect(pain(next, 'p-on-rel')?.tally).toBe(0);
  });

  it('returns the same document for a missing pain point', () => {
    const doc = sampleDoc();
    expect(voteUp(doc, 'p-nobody')).toBe(doc);
    expect(voteDown(doc, 'p-nobody')).toBe(doc);
  });
});

describe('deletePainPoint', () => {
  it('removes the pain point and unlinks it from every solution that addresses it', () => {
    const doc = docWithSolutions();
    const next = deletePainPoint(doc, 'p-on-rel');
    expect(next.painPoints.map((p) => p.id)).toEqual(['p-on-legal', 'p-on-both', 'p-wide', 'p-quotes']);
    expect(next.solutions[0]?.addresses).toEqual(['p-wide']);
    expect(next.solutions[1]).toBe(doc.solutions[1]);
  });

  it('keeps a solution that addresses nothing any more', () => {
    const next = deletePainPoint(docWithSolutions(), 'p-on-legal');
    expect(next.solutions[1]).toMatchObject({ id: 'x-2', addresses: [] });
  });

  it('leaves the solutions array alone when none addresses the pain point', () => {
    const doc = docWithSolutions();
    expect(deletePainPoint(doc, 'p-on-both').solutions).toBe(doc.solutions);
  });

  it('returns the same document for a missing id', () => {
    const doc = docWithSolutions();
    expect(deletePainPoint(doc, 'p-nobody')).toBe(doc);
  });
});

describe('attachmentTargetExists', () => {
  it('checks the collection the type names', () => {
    const doc = sampleDoc();
    expect(attachmentTargetExists(doc, { type: 'stakeholder', id: 's-team' })).toBe(true);
    expect(attachmentTargetExists(doc, { type: 'relationship', id: 'r-brand' })).toBe(true);
    expect(attachmentTargetExists(doc, { type: 'relationship', id: 's-team' })).toBe(false);
  });
});
