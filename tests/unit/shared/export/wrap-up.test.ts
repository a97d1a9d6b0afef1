import { describe, expect, it } from 'vitest';
import type { PainPoint, WorkspaceDocument } from '@shared/document/schema';
import { buildWrapUp } from '@shared/export/wrap-up';
import { wrapUpToMarkdown } from '@shared/export/wrap-up-markdown';
import { createWorkspace } from '@shared/operations/workspace';

const pain = (id: string, title: string, categoryId: string, tally: number): PainPoint => ({ id, title, description: '', categoryId, quotes: [], attachedTo: [], tally, voice: null });

function workshop(): WorkspaceDocument {
  const base = createWorkspace('Organising for Social', new Date('2026-12-02T09:00:00.000Z'));
  return {
    ...base,
    painPoints: [
      pain('a', 'Sign-off takes days', 'processes', 5),
      pain('b', 'Nobody owns nights', 'roles', 3),
      pain('c', 'Tone rewrites', 'governance', 2),
      pain('d', 'Tools stall', 'infrastructure', 2),
      pain('e', 'No training', 'knowledge-training', 0),
      pain('f', 'Second process pain', 'processes', 1),
    ],
    participants: [
      { id: 'p1', label: 'P1', departmentId: null },
      { id: 'p2', label: 'P2', departmentId: null },
    ],
    // Two ballots for "Nobody owns nights" (3 + 2 = 5): level with "Sign-off takes days", a tie at the top.
    ballots: [
      { participantId: 'p1', painPointId: 'b' },
      { participantId: 'p2', painPointId: 'b' },
    ],
    solutions: [
      { id: 'x', title: 'Pre-approved replies', description: '', addresses: ['a'], status: 'agreed', owner: 'Head of Social', dueDate: '2027-01-15' },
      { id: 'y', title: 'Dropped idea', description: '', addresses: ['b'], status: 'dropped', owner: '', dueDate: null },
    ],
  };
}

describe('wrap-up', () => {
  it('lists the top three by total votes, with ties, and flags those without a live solution', () => {
    const w = buildWrapUp(workshop(), new Date('2026-12-02T12:00:00'));
    expect(w.top.map((p) => [p.title, p.votes, p.rank, p.tied])).toEqual([
      ['Sign-off takes days', 5, 1, true],
      ['Nobody owns nights', 5, 1, true],
      ['Tone rewrites', 2, 3, true],
      ['Tools stall', 2, 3, true],
    ]);
    expect(w.top[0]?.solutions).toEqual([{ title: 'Pre-approved replies', owner: 'Head of Social', status: 'agreed', statusLabel: 'Agreed', dueDate: '2027-01-15' }]);
    expect(w.top[0]?.unaddressed).toBe(false);
    // Its only solution was dropped: still unaddressed.
    expect(w.top[1]?.unaddressed).toBe(true);
    expect(w.unaddressedTop.map((p) => p.title)).toEqual(['Nobody owns nights', 'Tone rewrites', 'Tools stall', 'Second process pain']);
  });

  it('ranks within each category, leaving out categories without votes', () => {
    const w = buildWrapUp(workshop(), new Date('2026-12-02T12:00:00'));
    expect(w.byCategory.map((c) => c.name)).toEqual(['Roles', 'Processes', 'Governance', 'Infrastructure']);
    expect(w.byCategory.find((c) => c.name === 'Processes')?.top.map((p) => [p.title, p.rank])).toEqual([
      ['Sign-off takes days', 1],
      ['Second process pain', 2],
    ]);
  });

  it('says the date, the agenda and how many took part', () => {
    const w = buildWrapUp(workshop(), new Date('2026-12-02T12:00:00'));
    expect(w.dateLabel).toBe('2 December 2026');
    expect(w.participantCount).toBe(2);
    expect(w.agenda.map((s) => s.title)).toContain('Vote');
    expect(buildWrapUp({ ...workshop(), agenda: { ...workshop().agenda, visible: false } }, new Date()).agenda).toEqual([]);
  });

  it('renders as Markdown with the owner, status and due date of each solution', () => {
    const md = wrapUpToMarkdown(buildWrapUp(workshop(), new Date('2026-12-02T12:00:00')));
    expect(md).toContain('# Wrap-up: Organising for Social');
    expect(md).toContain('1. Sign-off takes days · 5 votes · Processes · tied');
    expect(md).toContain('   - Pre-approved replies (Agreed, owner: Head of Social, due 2027-01-15)');
    expect(md).toContain('**no candidate solution yet**');
    expect(md).toContain('## Still without a candidate solution');
  });

  it('copes with a workshop without votes', () => {
    const w = buildWrapUp({ ...workshop(), painPoints: [], ballots: [] }, new Date());
    expect(w.top).toEqual([]);
    expect(wrapUpToMarkdown(w)).toContain('No votes yet.');
  });
});
