import { beforeEach, describe, expect, it } from 'vitest';
import { EDITS, edit, InvalidEditError, runEdit, type EditCall } from '../../../../renderer/src/commands/edits';
import { currentDocument, loadWorkspace, setClock, undo, useEditor } from '../../../../renderer/src/store/editor-store';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { parseWorkspace } from '../../../../shared/document/parse';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { readFileSync } from 'node:fs';

const SAMPLE = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');

function openSample() {
  const parsed = parseWorkspace(SAMPLE);
  if (!parsed.ok) throw new Error('sample must open');
  loadWorkspace(parsed.document, { filePath: null, fitOnOpen: false });
  return parsed.document;
}

const doc = () => currentDocument()!;

beforeEach(() => {
  setClock(() => new Date('2026-12-01T10:00:00.000Z'));
  loadWorkspace(createWorkspace('Edits', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
});

/** A session of edits as plain data: what a log, a test or another participant would carry. */
const SESSION: EditCall[] = [
  { name: 'stakeholder.add', args: { id: 's-team', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } } },
  { name: 'stakeholder.add', args: { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 400, y: 0 } } },
  { name: 'relationship.connect', args: { id: 'r-1', source: 's-team', target: 's-legal' } },
  { name: 'relationship.setStatus', args: { ids: ['r-1'], status: 'problematic' } },
  { name: 'relationship.update', args: { id: 'r-1', patch: { label: 'post approvals' }, field: 'label' } },
  { name: 'painPoint.add', args: { id: 'p-1', title: 'Sign-off takes days', attachedTo: [{ type: 'relationship', id: 'r-1' }] } },
  { name: 'painPoint.addQuote', args: { id: 'p-1', text: 'The moment has passed.' } },
  { name: 'painPoint.voteUp', args: { id: 'p-1' } },
  { name: 'solution.add', args: { id: 'x-1', title: 'Pre-approved replies', addresses: ['p-1'] } },
  { name: 'solution.update', args: { id: 'x-1', patch: { status: 'agreed', owner: 'Priya', impact: 4 } } },
  { name: 'stakeholder.move', args: { moves: [{ id: 's-legal', position: { x: 420, y: 80 } }] } },
  { name: 'items.paste', args: { stakeholders: [{ id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 }, owner: '', notes: '', color: null }], relationships: [], offset: { x: 40, y: 40 }, seed: 7 } },
];

describe('edits', () => {
  it('replayed from plain data (through JSON) give the same document, byte for byte', () => {
    const calls = JSON.parse(JSON.stringify(SESSION)) as EditCall[];
    for (const call of calls) expect(runEdit(call), call.name).toBe(true);
    const first = serializeWorkspace(doc());
    loadWorkspace(createWorkspace('Edits', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
    for (const call of calls) runEdit(call);
    expect(serializeWorkspace(doc())).toBe(first);
    expect(doc().stakeholders).toHaveLength(3);
    expect(doc().painPoints[0]).toMatchObject({ quotes: [{ text: 'The moment has passed.', voice: null }], tally: 1 });
    expect(doc().solutions[0]).toMatchObject({ status: 'agreed', owner: 'Priya', impact: 4 });
  });

  it('are each one undo step', () => {
    for (const call of SESSION) runEdit(call);
    for (let i = SESSION.length; i > 0; i--) undo();
    expect(doc().stakeholders).toEqual([]);
  });

  it('select or open what they create', () => {
    edit('stakeholder.add', { id: 's-a', name: 'A', kind: 'team', position: { x: 0, y: 0 } });
    expect(useEditor.getState().selection.stakeholderIds).toEqual(['s-a']);
    edit('painPoint.add', { id: 'p-a', title: 'T', attachedTo: [] });
    expect(useEditor.getState().openItem).toEqual({ type: 'painPoint', id: 'p-a' });
    edit('items.paste', { stakeholders: [{ ...doc().stakeholders[0]! }], relationships: [], offset: { x: 40, y: 40 }, seed: 1 });
    const pasted = useEditor.getState().selection.stakeholderIds;
    expect(pasted).toHaveLength(1);
    expect(pasted[0]).not.toBe('s-a');
  });

  it('typing in one field is one undo step', () => {
    openSample();
    const id = doc().stakeholders[0]!.id;
    const before = doc().stakeholders[0]!.name;
    for (const name of ['L', 'Le', 'Leg']) edit('stakeholder.update', { id, patch: { name }, field: 'name' });
    undo();
    expect(doc().stakeholders[0]!.name).toBe(before);
  });

  it('with nothing to do record nothing', () => {
    const history = useEditor.getState().workspace!.history;
    expect(edit('painPoint.voteUp', { id: 'nowhere' })).toBe(false);
    expect(useEditor.getState().workspace!.history).toBe(history);
  });

  it('refuse arguments that do not match their schema, and unknown names, before anything runs', () => {
    const history = useEditor.getState().workspace!.history;
    expect(() => runEdit({ name: 'stakeholder.add', args: { id: '', name: 'A', kind: 'team', position: { x: 0, y: 0 } } })).toThrow(InvalidEditError);
    expect(() => runEdit({ name: 'stakeholder.add', args: { id: 's', name: 'A', kind: 'boss', position: { x: 0, y: 0 } } })).toThrow(/kind/);
    expect(() => runEdit({ name: 'stakeholder.move', args: { moves: [{ id: 's', position: { x: Infinity, y: 0 } }] } })).toThrow(InvalidEditError);
    expect(() => runEdit({ name: 'toString', args: {} })).toThrow(/no edit named "toString"/);
    expect(() => runEdit({ name: 'workspace.replace', args: { document: { format: 'stakemap' } } })).toThrow(/not a valid workspace/);
    expect(useEditor.getState().workspace!.history).toBe(history);
  });

  it('restore a whole document as one step (workspace.replace keeps what parse kept)', () => {
    const sample = openSample();
    loadWorkspace(createWorkspace('Other', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
    expect(edit('workspace.replace', { document: sample })).toBe(true);
    expect(doc().stakeholders).toEqual(sample.stakeholders);
    undo();
    expect(doc().title).toBe('Other');
  });

  it('every edit in the table has an argument schema and an operation', () => {
    for (const [name, definition] of Object.entries(EDITS)) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
      expect(typeof definition.apply).toBe('function');
      expect(definition.args.safeParse(undefined).success, name).toBe(false);
    }
  });
});
