import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DEFAULT_STAGES } from '../../../../shared/document/format';
import { migrateToCurrent, MIGRATIONS } from '../../../../shared/document/migrate';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { deepFreeze, readFixture } from '../test-helpers';

/*
 * Format version 1 -> 2 ("votes-become-tallies-and-quotes-become-objects"), with literal documents: a pain
 * point's `votes` becomes its `tally`, each quote string becomes { text, voice: null }, and the workspace gets the
 * default agenda, hidden. Nothing else changes, and unknown properties stay where they were. The step is run on
 * its own (target version 2); migrate-2-to-3.test.ts and migrate-3-to-4.test.ts follow a version 1 file through
 * the later steps.
 */

const step = MIGRATIONS.find((s) => s.from === 1)!;

/** The default agenda exactly as the migration writes it (literal, so a change to DEFAULT_STAGES is seen here). */
const HIDDEN_DEFAULT_AGENDA = {
  visible: false,
  currentStageId: null,
  stages: [
    { id: 'stage-map', title: 'Map stakeholders', goal: 'Place the team at the centre and every function it works with around it.', minutes: 20, view: 'map', voting: false },
    { id: 'stage-relationships', title: 'Mark relationships', goal: 'Draw who works with whom and mark the relationships that cause trouble.', minutes: 10, view: 'map', voting: false },
    { id: 'stage-pain-points', title: 'Collect pain points', goal: 'Gather what goes wrong, in the words of the people in the room.', minutes: 25, view: 'board', voting: false },
    { id: 'stage-cluster', title: 'Cluster', goal: 'Sort the pain points into categories and merge the duplicates.', minutes: 15, view: 'board', voting: false },
    { id: 'stage-vote', title: 'Vote', goal: 'Each participant gives their dots to the pain points that hurt most.', minutes: 10, view: 'board', voting: true },
    { id: 'stage-solutions', title: 'Candidate solutions', goal: 'Propose solutions for the top pain points and name who takes each one on.', minutes: 25, view: 'solutions', voting: false },
    { id: 'stage-wrap-up', title: 'Wrap-up', goal: 'Agree on next steps, owners and dates before the room leaves.', minutes: 10, view: 'solutions', voting: false },
  ],
};

describe('migration 1 -> 2: votes become tallies and quotes become objects', () => {
  it('is the one named step from version 1', () => {
    expect(step.name).toBe('votes-become-tallies-and-quotes-become-objects');
  });

  it('turns votes into tallies and quote strings into objects, and adds the default agenda hidden: literal before and after', () => {
    const before = deepFreeze({
      format: 'stakemap',
      version: 1,
      title: 'Spring workshop',
      stakeholders: [{ id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } }],
      painPoints: [
        { id: 'p-1', title: 'Sign-off takes days', quotes: ['By the time legal says yes, it is over.', 'We stopped.'], attachedTo: [], votes: 7, 'x-tool': { keep: true } },
        { id: 'p-2', title: 'No votes field' },
        { id: 'p-3', title: 'No quotes', votes: 0, quotes: [] },
      ],
      solutions: [{ id: 'x-1', title: 'Library', addresses: ['p-1'] }],
      'x-otherTool': { version: 9 },
    });
    expect(migrateToCurrent(before, 1, MIGRATIONS, 2)).toEqual({
      ok: true,
      applied: ['votes-become-tallies-and-quotes-become-objects'],
      raw: {
        format: 'stakemap',
        version: 2,
        title: 'Spring workshop',
        stakeholders: [{ id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } }],
        painPoints: [
          {
            id: 'p-1',
            title: 'Sign-off takes days',
            quotes: [
              { text: 'By the time legal says yes, it is over.', voice: null },
              { text: 'We stopped.', voice: null },
            ],
            attachedTo: [],
            tally: 7,
            'x-tool': { keep: true },
          },
          { id: 'p-2', title: 'No votes field' },
          { id: 'p-3', title: 'No quotes', tally: 0, quotes: [] },
        ],
        solutions: [{ id: 'x-1', title: 'Library', addresses: ['p-1'] }],
        'x-otherTool': { version: 9 },
        agenda: HIDDEN_DEFAULT_AGENDA,
      },
    });
  });

  it('writes the same agenda as DEFAULT_STAGES', () => {
    expect(HIDDEN_DEFAULT_AGENDA.stages).toEqual(DEFAULT_STAGES);
  });

  it('leaves values of the wrong type for the schema to word, under the name the file now has', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, painPoints: [{ id: 'p', title: 'T', votes: 'many', quotes: [1, 'ok'] }, 'not an object'] });
    const result = migrateToCurrent(before, 1, MIGRATIONS, 2);
    expect(result.ok && result.raw.painPoints).toEqual([{ id: 'p', title: 'T', tally: 'many', quotes: [1, { text: 'ok', voice: null }] }, 'not an object']);
    const parsed = parseWorkspace(JSON.stringify(before));
    expect(parsed.ok ? null : parsed.error.kind).toBe('invalid');
  });

  it('keeps an agenda a version 1 file already had (another tool may have written one) and a tally next to votes', () => {
    const agenda = { visible: true, currentStageId: null, stages: [] };
    const before = deepFreeze({ format: 'stakemap', version: 1, agenda, painPoints: [{ id: 'p', title: 'T', votes: 2, tally: 5 }] });
    const result = migrateToCurrent(before, 1, MIGRATIONS, 2);
    expect(result.ok && result.raw).toEqual({ format: 'stakemap', version: 2, agenda, painPoints: [{ id: 'p', title: 'T', tally: 5, votes: 2 }] });
  });

  it('does not modify its input', () => {
    const before = deepFreeze({ format: 'stakemap', version: 1, painPoints: [{ id: 'p', title: 'T', votes: 1, quotes: ['q'] }] });
    expect(() => step.migrate(before)).not.toThrow();
  });
});

describe('opening a version 1 file', () => {
  it('migrates in memory, says it came from version 1, and writes the current version on the next save', () => {
    const result = parseWorkspace(readFixture('v1-full.stakemap'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.danglingReferences).toEqual([]);
    const { document } = result;
    expect(document.version).toBe(CURRENT_VERSION);
    expect(document.agenda.visible).toBe(false);
    expect(document.relationships.map((r) => r.otherSide)).toEqual([null, null, null, null]);
    expect(document.participants).toEqual([]);
    expect(document.ballots).toEqual([]);
    expect(document.snapshots).toEqual([]);
    const signoff = document.painPoints.find((p) => p.id === 'p-signoff')!;
    expect(signoff).toMatchObject({ tally: 7, voice: null, quotes: [{ text: 'By the time legal says yes, the conversation has moved on.', voice: null }, { text: 'We stopped doing reactive posts.', voice: null }] });
    expect(signoff).not.toHaveProperty('votes');
    const written = serializeWorkspace(document);
    expect(JSON.parse(written)).toMatchObject({ format: 'stakemap', version: CURRENT_VERSION, agenda: { visible: false }, snapshots: [] });
    expect(written).not.toContain('"votes"');
    // Reopened, the written file is a current-version file and is written to the same bytes again.
    const reopened = parseWorkspace(written);
    expect(reopened.ok && reopened.migratedFrom).toBeNull();
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(written);
  });
});
