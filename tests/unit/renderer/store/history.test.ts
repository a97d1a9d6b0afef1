import { describe, expect, it } from 'vitest';
import { createWorkspace, setWorkspaceTitle } from '../../../../shared/operations/workspace';
import { HISTORY_LIMIT, pushHistory, redoHistory, startHistory, undoHistory } from '../../../../renderer/src/store/history';

const base = createWorkspace('A', new Date('2026-01-01T00:00:00Z'));

describe('history', () => {
  it('undoes and redoes in order, with distinct revisions', () => {
    let h = startHistory(base);
    const first = h.present.revision;
    h = pushHistory(h, setWorkspaceTitle(base, 'B'));
    h = pushHistory(h, setWorkspaceTitle(h.present.doc, 'C'));
    expect(h.present.doc.title).toBe('C');
    h = undoHistory(h);
    expect(h.present.doc.title).toBe('B');
    h = undoHistory(h);
    expect(h.present.doc.title).toBe('A');
    expect(h.present.revision).toBe(first);
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(redoHistory(h));
    expect(h.present.doc.title).toBe('C');
    expect(redoHistory(h)).toBe(h);
  });

  it('ignores a push of the same document', () => {
    const h = startHistory(base);
    expect(pushHistory(h, base)).toBe(h);
  });

  it('a new change after undo drops the redo branch', () => {
    let h = pushHistory(startHistory(base), setWorkspaceTitle(base, 'B'));
    h = undoHistory(h);
    h = pushHistory(h, setWorkspaceTitle(base, 'X'));
    expect(h.future).toHaveLength(0);
    expect(redoHistory(h)).toBe(h);
  });

  it('coalesces consecutive changes with the same key into one step', () => {
    let h = startHistory(base);
    for (const title of ['L', 'Le', 'Leg', 'Lega', 'Legal']) h = pushHistory(h, setWorkspaceTitle(h.present.doc, title), 'title');
    expect(h.past).toHaveLength(1);
    h = pushHistory(h, setWorkspaceTitle(h.present.doc, 'Other'), 'other-field');
    expect(h.past).toHaveLength(2);
    expect(undoHistory(undoHistory(h)).present.doc.title).toBe('A');
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory(base);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = pushHistory(h, setWorkspaceTitle(h.present.doc, `t${i}`));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
