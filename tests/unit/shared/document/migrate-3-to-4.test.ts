import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { migrateToCurrent, MIGRATIONS } from '../../../../shared/document/migrate';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { deepFreeze, loadErrorOf, openFixture, readFixture } from '../test-helpers';

/*
 * Format version 3 -> 4 ("workspaces-gain-snapshots"), with literal documents: the workspace gets `snapshots: []`
 * (no snapshot was taken before version 4). A `snapshots` the file already has is kept as it is, for the schema
 * to check. Nothing else changes, and unknown properties stay where they were.
 */

const step = MIGRATIONS.find((s) => s.from === 3)!;

/** The problem paths of a file that is refused, or null when it opens. */
const problemPaths = (raw: unknown) => {
  const parsed = parseWorkspace(JSON.stringify(raw));
  return parsed.ok ? null : parsed.error.kind === 'invalid' && parsed.error.problems.map((p) => p.path);
};

describe('migration 3 -> 4: workspaces gain snapshots', () => {
  it('is the one named step from version 3', () => {
    expect(MIGRATIONS.filter((s) => s.from === 3)).toHaveLength(1);
    expect(step.name).toBe('workspaces-gain-snapshots');
    expect(MIGRATIONS.map((s) => s.from)).toEqual([1, 2, 3]);
  });

  it('gives the workspace an empty list of snapshots and changes nothing else: literal before and after', () => {
    const before = deepFreeze({
      format: 'stakemap',
      version: 3,
      title: 'Spring workshop',
      stakeholders: [
        { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
        { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 }, 'x-crm': { since: 2019 } },
      ],
      relationships: [{ id: 'r-legal', source: 's-social', target: 's-legal', status: 'problematic', otherSide: { status: 'healthy', notes: '' } }],
      painPoints: [{ id: 'p-1', title: 'Sign-off takes days', quotes: [{ text: 'Too late.', voice: null }], attachedTo: [{ type: 'relationship', id: 'r-legal' }], tally: 4 }],
      participants: [{ id: 'pt-1', label: 'P1', departmentId: 's-social' }],
      ballots: [{ participantId: 'pt-1', painPointId: 'p-1' }],
      'x-otherTool': { version: 9, history: ['a', 'b'] },
    });
    expect(migrateToCurrent(before, 3, MIGRATIONS, 4)).toEqual({
      ok: true,
      applied: ['workspaces-gain-snapshots'],
      raw: {
        format: 'stakemap',
        version: 4,
        title: 'Spring workshop',
        stakeholders: [
          { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
          { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 }, 'x-crm': { since: 2019 } },
        ],
        relationships: [{ id: 'r-legal', source: 's-social', target: 's-legal', status: 'problematic', otherSide: { status: 'healthy', notes: '' } }],
        painPoints: [{ id: 'p-1', title: 'Sign-off takes days', quotes: [{ text: 'Too late.', voice: null }], attachedTo: [{ type: 'relationship', id: 'r-legal' }], tally: 4 }],
        participants: [{ id: 'pt-1', label: 'P1', departmentId: 's-social' }],
        ballots: [{ participantId: 'pt-1', painPointId: 'p-1' }],
        'x-otherTool': { version: 9, history: ['a', 'b'] },
        snapshots: [],
      },
    });
    // The smallest version 3 file gains the list too.
    expect(migrateToCurrent(deepFreeze({ format: 'stakemap', version: 3 }), 3, MIGRATIONS, 4)).toEqual({
      ok: true,
      applied: ['workspaces-gain-snapshots'],
      raw: { format: 'stakemap', version: 4, snapshots: [] },
    });
  });

  it('keeps a snapshots a version 3 file already has (another tool may have written one), right or wrong, for the schema to check', () => {
    const stakeholders = [{ id: 's-a', name: 'A', kind: 'team', position: { x: 0, y: 0 } }];
    const snapshot = { id: 'snap-1', name: 'Before', takenAt: '2027-01-10T09:00:00.000Z', state: { stakeholders, 'x-tool': true } };
    const kept = deepFreeze({ format: 'stakemap', version: 3, stakeholders, snapshots: [snapshot] });
    const migrated = migrateToCurrent(kept, 3, MIGRATIONS, 4);
    expect(migrated.ok && migrated.raw.snapshots).toEqual([snapshot]);
    // It opens with the snapshot, its state's defaults filled in and the other tool's property kept.
    const opened = parseWorkspace(JSON.stringify(kept));
    expect(opened.ok && opened.migratedFrom).toBe(3);
    expect(opened.ok && opened.document.snapshots).toEqual([
      {
        id: 'snap-1',
        name: 'Before',
        takenAt: '2027-01-10T09:00:00.000Z',
        state: {
          stakeholders: [{ id: 's-a', name: 'A', kind: 'team', position: { x: 0, y: 0 }, owner: '', notes: '', color: null }],
          relationships: [],
          painPoints: [],
          solutions: [],
          categories: opened.ok ? opened.document.categories : [],
          ballots: [],
          'x-tool': true,
        },
      },
    ]);

    // Wrong ones stay as they were; the schema words them under the path the file has.
    for (const [snapshots, paths] of [
      ['none', ['snapshots']],
      [null, ['snapshots']],
      [{ 'snap-1': snapshot }, ['snapshots']],
      [[{ ...snapshot, takenAt: 'yesterday' }], ['snapshots[0].takenAt']],
      [[{ id: 'snap-1', name: 'No state', takenAt: '2027-01-10T09:00:00.000Z' }], ['snapshots[0].state']],
    ] as const) {
      const before = deepFreeze({ format: 'stakemap', version: 3, snapshots });
      expect(migrateToCurrent(before, 3, MIGRATIONS, 4)).toEqual({ ok: true, applied: ['workspaces-gain-snapshots'], raw: { format: 'stakemap', version: 4, snapshots } });
      expect(problemPaths(before)).toEqual(paths);
    }
  });

  it('does not modify its input', () => {
    const before = deepFreeze({ format: 'stakemap', version: 3, title: 'T' });
    expect(() => step.migrate(before)).not.toThrow();
    expect(before).not.toHaveProperty('snapshots');
    expect(step.migrate(before)).not.toBe(before);
  });
});

describe('migrations 1 -> 2 -> 3 -> 4: a version 1 file through every step', () => {
  it('turns votes into tallies and quotes into objects, adds the hidden agenda, an unrecorded other side and no snapshots: literal before and after', () => {
    const before = deepFreeze({
      format: 'stakemap',
      version: 1,
      title: 'Autumn workshop',
      stakeholders: [
        { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
        { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 300, y: 0 } },
      ],
      relationships: [{ id: 'r-brand', source: 's-social', target: 's-brand', status: 'strained', label: 'tone of voice', 'x-tool': 1 }],
      painPoints: [{ id: 'p-1', title: 'Tone is argued post by post', quotes: ['Every reply goes back to Brand.'], attachedTo: [{ type: 'relationship', id: 'r-brand' }], votes: 3 }],
      'x-otherTool': { keep: true },
    });
    const result = migrateToCurrent(before, 1, MIGRATIONS, 4);
    expect(result.ok && result.applied).toEqual(['votes-become-tallies-and-quotes-become-objects', 'relationships-gain-the-other-sides-view', 'workspaces-gain-snapshots']);
    if (!result.ok) return;
    const { agenda, ...rest } = result.raw;
    expect(rest).toEqual({
      format: 'stakemap',
      version: 4,
      title: 'Autumn workshop',
      stakeholders: [
        { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
        { id: 's-brand', name: 'Brand', kind: 'department', position: { x: 300, y: 0 } },
      ],
      relationships: [{ id: 'r-brand', source: 's-social', target: 's-brand', status: 'strained', label: 'tone of voice', 'x-tool': 1, otherSide: null }],
      painPoints: [
        {
          id: 'p-1',
          title: 'Tone is argued post by post',
          quotes: [{ text: 'Every reply goes back to Brand.', voice: null }],
          attachedTo: [{ type: 'relationship', id: 'r-brand' }],
          tally: 3,
        },
      ],
      'x-otherTool': { keep: true },
      snapshots: [],
    });
    // The agenda is the 1 -> 2 step's (migrate-1-to-2.test.ts spells it out): the default stages, hidden.
    expect(agenda).toMatchObject({ visible: false, currentStageId: null });
    expect((agenda as { stages: unknown[] }).stages).toHaveLength(7);
  });

  it.each(['v1-full.stakemap', 'v1-minimal.stakemap', 'v2-full.stakemap', 'v2-minimal.stakemap'])('opens %s migrated, with no snapshots, and writes it in the current version', (name) => {
    const { document, result } = openFixture(name);
    expect(result.migratedFrom).toBe(Number(/^v(\d)/.exec(name)![1]));
    expect(document.version).toBe(CURRENT_VERSION);
    expect(document.snapshots).toEqual([]);
    const written = serializeWorkspace(document);
    expect(written.endsWith('\n  "snapshots": []\n}\n')).toBe(true);
    expect(JSON.parse(written)).toMatchObject({ version: CURRENT_VERSION, snapshots: [] });
  });
});

describe('opening a version 3 file', () => {
  it('migrates v3-full.stakemap in memory, says it came from version 3, and writes the current version with only the version and snapshots lines changed', () => {
    const text = readFixture('v3-full.stakemap');
    expect(text).not.toContain('"snapshots"');
    const result = parseWorkspace(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(3);
    expect(result.danglingReferences).toEqual([]);
    expect(result.document.version).toBe(CURRENT_VERSION);
    expect(result.document.snapshots).toEqual([]);

    const written = serializeWorkspace(result.document);
    // The version 3 file's data exactly, with the new version and an empty list of snapshots.
    expect(JSON.parse(written)).toEqual({ ...(JSON.parse(text) as object), version: CURRENT_VERSION, snapshots: [] });
    // Byte for byte: the version line changes, and the file ends with one more line.
    const expectedText = text.replace('\n  "version": 3,\n', '\n  "version": 4,\n').replace(/\n {2}\]\n\}\n$/, '\n  ],\n  "snapshots": []\n}\n');
    expect(expectedText).not.toBe(text.replace('\n  "version": 3,\n', '\n  "version": 4,\n'));
    expect(written).toBe(expectedText);
    expect(written.split('\n').length).toBe(text.split('\n').length + 1);

    // Reopened, the written file is a current-version file and is written to the same bytes again.
    const reopened = parseWorkspace(written);
    expect(reopened.ok && reopened.migratedFrom).toBeNull();
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(written);
  });

  it('writes v3-minimal.stakemap as the current valid-minimal.stakemap: only the version and the snapshots line change', () => {
    const text = readFixture('v3-minimal.stakemap');
    const result = parseWorkspace(text);
    expect(result.ok && result.migratedFrom).toBe(3);
    expect(result.ok && serializeWorkspace(result.document)).toBe(readFixture('valid-minimal.stakemap'));
    expect(text.replace('"version": 3', '"version": 4').replace('\n  "ballots": []\n}\n', '\n  "ballots": [],\n  "snapshots": []\n}\n')).toBe(readFixture('valid-minimal.stakemap'));
  });
});

describe('a file newer than version 4', () => {
  it('is refused, naming both versions', () => {
    expect(CURRENT_VERSION).toBe(4);
    expect(parseWorkspace(JSON.stringify({ format: 'stakemap', version: 5 }))).toEqual({ ok: false, error: { kind: 'versionTooNew', fileVersion: 5, supportedVersion: 4 } });
    expect(loadErrorOf('newer-version.stakemap')).toEqual({ kind: 'versionTooNew', fileVersion: 5, supportedVersion: 4 });
  });
});
