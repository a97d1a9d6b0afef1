import { beforeEach, describe, expect, it } from 'vitest';
import { addPainPoint } from '../../../../shared/operations/pain-points';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { loadWorkspace, undo, useEditor, useUi } from '../../../../renderer/src/store/editor-store';
import { movePainPointToCategory } from '../../../../renderer/src/views/BoardView';

const present = () => useEditor.getState().workspace!.history.present.doc;
const category = (id: string) => present().categories.find((c) => c.id === id)!;

describe('dropping a card on a column', () => {
  beforeEach(() => {
    let doc = createWorkspace('Board', new Date('2026-01-01T00:00:00Z'));
    doc = addPainPoint(doc, { id: 'p-1', title: 'Legal sign-off takes days', categoryId: 'processes' });
    loadWorkspace(doc, { filePath: null, fitOnOpen: false });
  });

  it('moves the pain point to that category as one undo step and says so', () => {
    movePainPointToCategory('p-1', category('governance'));
    expect(present().painPoints[0]!.categoryId).toBe('governance');
    expect(useUi.getState().notice?.text).toBe('Moved "Legal sign-off takes days" to Governance');
    expect(useEditor.getState().workspace!.history.past).toHaveLength(1);
    undo();
    expect(present().painPoints[0]!.categoryId).toBe('processes');
  });

  it('records nothing when dropped back on its own column or after the pain point is gone', () => {
    const notice = useUi.getState().notice;
    movePainPointToCategory('p-1', category('processes'));
    movePainPointToCategory('p-missing', category('roles'));
    expect(useEditor.getState().workspace!.history.past).toHaveLength(0);
    expect(useUi.getState().notice).toBe(notice);
  });

  it('refuses a column whose category was deleted meanwhile', () => {
    movePainPointToCategory('p-1', { id: 'deleted', name: 'Deleted', color: '#000000' });
    expect(present().painPoints[0]!.categoryId).toBe('processes');
    expect(useEditor.getState().workspace!.history.past).toHaveLength(0);
  });
});
