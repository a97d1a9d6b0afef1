import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { edit } from '../../../../renderer/src/commands/edits';
import { captureLine, captureTargetText } from '../../../../renderer/src/commands/quick-capture-commands';
import { currentDocument, loadWorkspace, setClock, setSelection, undo, useEditor, useUi } from '../../../../renderer/src/store/editor-store';
import { parseWorkspace } from '../../../../shared/document/parse';
import { createWorkspace } from '../../../../shared/operations/workspace';

/*
 * Quick capture below the field: one line is one pain point, attached to the map selection, in the category
 * typed (or the first), with its quote, as exactly one undo step, opening nothing.
 */

const SAMPLE = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');
const doc = () => currentDocument()!;
const history = () => useEditor.getState().workspace!.history;
const notice = () => useUi.getState().notice?.text;

beforeEach(() => {
  setClock(() => new Date('2026-12-01T10:00:00.000Z'));
  const parsed = parseWorkspace(SAMPLE);
  if (!parsed.ok) throw new Error('sample must open');
  loadWorkspace(parsed.document, { filePath: null, fitOnOpen: false });
});

describe('captureLine', () => {
  it('adds the pain point to the selection, in the category typed, with its quote, and says so', () => {
    setSelection({ stakeholderIds: ['s-legal'] });
    const before = doc().painPoints.length;
    const outcome = captureLine('Legal sign-off takes days > The moment has passed #processes');
    expect(outcome.ok).toBe(true);
    expect(doc().painPoints).toHaveLength(before + 1);
    expect(doc().painPoints.at(-1)).toMatchObject({
      title: 'Legal sign-off takes days',
      quotes: [{ text: 'The moment has passed', voice: null }],
      categoryId: 'processes',
      attachedTo: [{ type: 'stakeholder', id: 's-legal' }],
      tally: 0,
    });
    expect(notice()).toBe('Added “Legal sign-off takes days” to Legal (Processes), with a quote');
  });

  it('opens nothing and keeps the selection, so the next line goes to the same place', () => {
    setSelection({ stakeholderIds: ['s-legal'], relationshipIds: ['r-social-legal'] });
    captureLine('First #1');
    captureLine('Second #2');
    const state = useEditor.getState();
    expect(state.openItem).toBeNull();
    expect(state.selection).toEqual({ stakeholderIds: ['s-legal'], relationshipIds: ['r-social-legal'] });
    expect(doc().painPoints.slice(-2).map((p) => p.attachedTo)).toEqual([
      [
        { type: 'stakeholder', id: 's-legal' },
        { type: 'relationship', id: 'r-social-legal' },
      ],
      [
        { type: 'stakeholder', id: 's-legal' },
        { type: 'relationship', id: 'r-social-legal' },
      ],
    ]);
    expect(notice()).toBe('Added “Second” to Legal, Social media team – Legal (post approvals) (Roles)');
  });

  it('is one undo step per line: undo takes back the last one only', () => {
    const before = doc().painPoints;
    captureLine('One');
    captureLine('Two > said twice');
    const afterTwo = doc().painPoints;
    expect(history().past).toHaveLength(2);
    undo();
    expect(doc().painPoints.map((p) => p.title)).toEqual([...before.map((p) => p.title), 'One']);
    undo();
    expect(doc().painPoints).toEqual(before);
    expect(afterTwo).toHaveLength(before.length + 2);
  });

  it('goes workspace-wide, in the first category, with nothing selected and no category typed', () => {
    captureLine('Nobody owns the calendar');
    expect(doc().painPoints.at(-1)).toMatchObject({ attachedTo: [], categoryId: 'workflows', quotes: [] });
    expect(notice()).toBe('Added “Nobody owns the calendar” to the whole workspace (Workflows)');
  });

  it('adds nothing for a line it cannot read, and gives the reason', () => {
    const before = history();
    const outcome = captureLine('Slow #govrnance');
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^There is no category "govrnance"\. Categories: 1 Workflows/) as unknown });
    expect(captureLine('   ')).toMatchObject({ ok: false });
    expect(history()).toBe(before);
  });

  it('gives a workspace without categories the first default one, in the same step', () => {
    loadWorkspace({ ...createWorkspace('Empty', new Date('2026-12-01T09:00:00.000Z')), categories: [] }, { filePath: null, fitOnOpen: false });
    expect(captureLine('First one').ok).toBe(true);
    expect(doc().categories.map((c) => c.id)).toEqual(['workflows']);
    expect(doc().painPoints.map((p) => [p.title, p.categoryId])).toEqual([['First one', 'workflows']]);
    expect(history().past).toHaveLength(1);
    undo();
    expect(doc().categories).toEqual([]);
    expect(doc().painPoints).toEqual([]);
  });
});

describe('the painPoint.capture edit', () => {
  it('refuses an attachment to an item that is gone without leaving a step', () => {
    const before = history();
    expect(edit('painPoint.capture', { id: 'p-new', title: 'T', quotes: [], attachedTo: [{ type: 'stakeholder', id: 's-gone' }] })).toBe(false);
    expect(history()).toBe(before);
  });

  it('refuses, in a workspace without categories, without adding the default category alone', () => {
    loadWorkspace({ ...createWorkspace('Empty', new Date('2026-12-01T09:00:00.000Z')), categories: [] }, { filePath: null, fitOnOpen: false });
    const before = history();
    expect(edit('painPoint.capture', { id: 'p-new', title: 'T', quotes: [], attachedTo: [{ type: 'stakeholder', id: 's-gone' }] })).toBe(false);
    expect(history()).toBe(before);
    expect(doc().categories).toEqual([]);
  });
});

describe('captureTargetText', () => {
  it('names up to two items, counts more, and says "the whole workspace" for none', () => {
    const d = doc();
    expect(captureTargetText(d, [])).toBe('the whole workspace');
    expect(captureTargetText(d, [{ type: 'stakeholder', id: 's-legal' }])).toBe('Legal');
    expect(captureTargetText(d, [{ type: 'relationship', id: 'r-social-legal' }])).toBe('Social media team – Legal (post approvals)');
    expect(
      captureTargetText(d, [
        { type: 'stakeholder', id: 's-legal' },
        { type: 'stakeholder', id: 's-brand' },
        { type: 'stakeholder', id: 's-hr' },
      ]),
    ).toBe('3 items');
  });
});
