import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { migrateToCurrent, MIGRATIONS } from '../../../../shared/document/migrate';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { deepFreeze, openFixture, readFixture } from '../test-helpers';

/*
 * Format version 2 -> 3 ("relationships-gain-the-other-sides-view"), with literal documents: every relationship
 * gets `otherSide: null` (the other side's view is not recorded; its own `status` stays how its source side sees
 * it). A relationship that already has an `otherSide` keeps it as it is, for the schema to check. Nothing else
 * changes, and unknown properties stay where they were.
 */

const step = MIGRATIONS.find((s) => s.from === 2)!;

describe('migration 2 -> 3: relationships gain the other side’s view', () => {
  it('is the one named step from version 2', () => {
    expect(MIGRATIONS.filter((s) => s.from === 2)).toHaveLength(1);
    expect(step.name).toBe('relationships-gain-the-other-sides-view');
  });

  it('gives every relationship an unrecorded other side and changes nothing else: literal before and after', () => {
    const before = deepFreeze({
      format: 'stakemap',
      version: 2,
      title: 'Spring workshop',
      stakeholders: [
        { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
        { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } },
      ],
      relationships: [
        { id: 'r-legal', source: 's-social', target: 's-legal', status: 'problematic', label: 'post approvals', notes: 'Days per post.' },
        { id: 'r-bare', source: 's-legal', target: 's-social' },
        { id: 'r-tool', source: 's-social', target: 's-legal', 'x-crm': { since: 2019, owners: ['a', 'b'] } },
      ],
      painPoints: [{ id: 'p-1', title: 'Sign-off takes days', quotes: [{ text: 'Too late.', voice: null }], attachedTo: [{ type: 'relationship', id: 'r-legal' }], tally: 4 }],
      agenda: { visible: false, currentStageId: null, stages: [] },
      'x-otherTool': { version: 9 },
    });
    expect(migrateToCurrent(before, 2, MIGRATIONS, 3)).toEqual({
      ok: true,
      applied: ['relationships-gain-the-other-sides-view'],
      raw: {
        format: 'stakemap',
        version: 3,
        title: 'Spring workshop',
        stakeholders: [
          { id: 's-social', name: 'Social media team', kind: 'team', position: { x: 0, y: 0 } },
          { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 300, y: 0 } },
        ],
        relationships: [
          { id: 'r-legal', source: 's-social', target: 's-legal', status: 'problematic', label: 'post approvals', notes: 'Days per post.', otherSide: null },
          { id: 'r-bare', source: 's-legal', target: 's-social', otherSide: null },
          { id: 'r-tool', source: 's-social', target: 's-legal', 'x-crm': { since: 2019, owners: ['a', 'b'] }, otherSide: null },
        ],
        painPoints: [{ id: 'p-1', title: 'Sign-off takes days', quotes: [{ text: 'Too late.', voice: null }], attachedTo: [{ type: 'relationship', id: 'r-legal' }], tally: 4 }],
        agenda: { visible: false, currentStageId: null, stages: [] },
        'x-otherTool': { version: 9 },
      },
    });
  });

  it('keeps an otherSide a version 2 file already has (another tool may have written one), right or wrong, for the schema to check', () => {
    const before = deepFreeze({
      format: 'stakemap',
      version: 2,
      relationships: [
        { id: 'r-1', source: 's-a', target: 's-b', otherSide: { status: 'healthy', 'x-asked': '2027-01-10' } },
        { id: 'r-2', source: 's-a', target: 's-b', otherSide: null },
        { id: 'r-3', source: 's-a', target: 's-b', otherSide: 'agrees' },
      ],
    });
    const result = migrateToCurrent(before, 2, MIGRATIONS, 3);
    expect(result.ok && result.raw.relationships).toEqual([
      { id: 'r-1', source: 's-a', target: 's-b', otherSide: { status: 'healthy', 'x-asked': '2027-01-10' } },
      { id: 'r-2', source: 's-a', target: 's-b', otherSide: null },
      { id: 'r-3', source: 's-a', target: 's-b', otherSide: 'agrees' },
    ]);
    // The schema then words the wrong one, under the path the file has.
    const stakeholders = [
      { id: 's-a', name: 'A', kind: 'team', position: { x: 0, y: 0 } },
      { id: 's-b', name: 'B', kind: 'department', position: { x: 300, y: 0 } },
    ];
    const parsed = parseWorkspace(JSON.stringify({ ...before, stakeholders }));
    expect(parsed.ok ? null : parsed.error.kind === 'invalid' && parsed.error.problems.map((p) => p.path)).toEqual(['relationships[2].otherSide']);
    // Without the wrong one, the file opens; the view another tool recorded is kept, its notes filled in.
    const fixed = parseWorkspace(JSON.stringify({ ...before, stakeholders, relationships: before.relationships.slice(0, 2) }));
    expect(fixed.ok && fixed.document.relationships.map((r) => r.otherSide)).toEqual([{ status: 'healthy', notes: '', 'x-asked': '2027-01-10' }, null]);
  });

  it('leaves items that are not objects, and relationships that are not a list, for the schema to word', () => {
    const items = deepFreeze({ format: 'stakemap', version: 2, relationships: ['r-1', 7, null, [], { id: 'r-2', source: 's', target: 's' }] });
    const migrated = migrateToCurrent(items, 2, MIGRATIONS, 3);
    expect(migrated.ok && migrated.raw.relationships).toEqual(['r-1', 7, null, [], { id: 'r-2', source: 's', target: 's', otherSide: null }]);
    const parsed = parseWorkspace(JSON.stringify(items));
    expect(parsed.ok ? null : parsed.error.kind === 'invalid' && parsed.error.problems.map((p) => p.path)).toEqual([
      'relationships[0]',
      'relationships[1]',
      'relationships[2]',
      'relationships[3]',
    ]);

    for (const relationships of ['none', { 'r-1': {} }, null]) {
      const before = deepFreeze({ format: 'stakemap', version: 2, relationships });
      expect(migrateToCurrent(before, 2, MIGRATIONS, 3)).toEqual({ ok: true, applied: ['relationships-gain-the-other-sides-view'], raw: { format: 'stakemap', version: 3, relationships } });
      const refused = parseWorkspace(JSON.stringify(before));
      expect(refused.ok ? null : refused.error.kind === 'invalid' && refused.error.problems.map((p) => p.path)).toEqual(['relationships']);
    }

    // No relationships at all stays so (the schema's default is the empty list).
    const none = deepFreeze({ format: 'stakemap', version: 2, title: 'Empty' });
    expect(migrateToCurrent(none, 2, MIGRATIONS, 3)).toEqual({ ok: true, applied: ['relationships-gain-the-other-sides-view'], raw: { format: 'stakemap', version: 3, title: 'Empty' } });
  });

  it('does not modify its input', () => {
    const before = deepFreeze({ format: 'stakemap', version: 2, relationships: [{ id: 'r', source: 's', target: 's' }] });
    expect(() => step.migrate(before)).not.toThrow();
    expect(before.relationships[0]).not.toHaveProperty('otherSide');
  });
});

describe('migrations 1 -> 2 -> 3: a version 1 file through both steps', () => {
  it('turns votes into tallies, quotes into objects, adds the hidden agenda and an unrecorded other side: literal before and after', () => {
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
    const result = migrateToCurrent(before, 1, MIGRATIONS, 3);
    expect(result.ok && result.applied).toEqual(['votes-become-tallies-and-quotes-become-objects', 'relationships-gain-the-other-sides-view']);
    if (!result.ok) return;
    const { agenda, ...rest } = result.raw;
    expect(rest).toEqual({
      format: 'stakemap',
      version: 3,
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
    });
    // The agenda is the 1 -> 2 step's (migrate-1-to-2.test.ts spells it out): the default stages, hidden.
    expect(agenda).toMatchObject({ visible: false, currentStageId: null });
    expect((agenda as { stages: unknown[] }).stages).toHaveLength(7);
  });

  it('opens v1-full.stakemap migrated from version 1, and writes it in the current version with every relationship’s other side unrecorded', () => {
    const { document, result } = openFixture('v1-full.stakemap');
    expect(result.migratedFrom).toBe(1);
    expect(document.version).toBe(CURRENT_VERSION);
    const written = JSON.parse(serializeWorkspace(document)) as { version: number; relationships: Array<Record<string, unknown>> };
    expect(written.version).toBe(CURRENT_VERSION);
    expect(written.relationships.map((r) => [r.id, r.otherSide])).toEqual([
      ['r-legal', null],
      ['r-brand', null],
      ['r-service', null],
      ['r-agency', null],
    ]);
  });
});

describe('opening a version 2 file', () => {
  it('migrates v2-full.stakemap in memory, says it came from version 2, and writes the current version on the next save with nothing else changed', () => {
    const text = readFixture('v2-full.stakemap');
    const result = parseWorkspace(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(2);
    expect(result.danglingReferences).toEqual([]);
    expect(result.document.version).toBe(CURRENT_VERSION);
    expect(result.document.relationships.map((r) => r.otherSide)).toEqual([null, null, null, null]);

    const written = serializeWorkspace(result.document);
    // The version 2 file's data exactly, with the new version and `"otherSide": null` on each relationship (and,
    // from the step to version 4, no snapshots: migrate-3-to-4.test.ts).
    const v2 = JSON.parse(text) as { relationships: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(JSON.parse(written)).toEqual({ ...v2, version: CURRENT_VERSION, relationships: v2.relationships.map((r) => ({ ...r, otherSide: null })), snapshots: [] });
    // Byte for byte too: the version line changes, and each relationship gains one line after its notes; this is
    // what version 3 wrote for the same map (v3-full.stakemap, frozen).
    const asVersion3 = text.replace('\n  "version": 2,\n', '\n  "version": 3,\n').replace(/("notes": "[^"\n]*")\n(\s*)\}/g, (match, notes: string, indent: string) =>
      indent === '    ' ? `${notes},\n${indent}  "otherSide": null\n${indent}}` : match,
    );
    const v3Text = readFixture('v3-full.stakemap');
    const v3 = JSON.parse(v3Text) as { relationships: Array<Record<string, unknown>> } & Record<string, unknown>;
    // v3-full records the other side's view of two relationships, which version 2 had no place for.
    expect(asVersion3).toBe(v3Text.replace(/"otherSide": \{\n\s*"status": "[a-z]+",\n\s*"notes": "[^"\n]*"\n\s*\}/g, '"otherSide": null'));
    expect(v3.relationships.filter((r) => r.otherSide !== null)).toHaveLength(2);
    // From version 3 on, the version line says the current version and the file ends with its snapshots, none.
    expect(written).toBe(asVersion3.replace('\n  "version": 3,\n', `\n  "version": ${CURRENT_VERSION},\n`).replace(/\n {2}\]\n\}\n$/, '\n  ],\n  "snapshots": []\n}\n'));

    // Reopened, the written file is a current-version file and is written to the same bytes again.
    const reopened = parseWorkspace(written);
    expect(reopened.ok && reopened.migratedFrom).toBeNull();
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(written);
  });

  it('writes v2-minimal.stakemap as the current valid-minimal.stakemap; to version 3, only the version changed', () => {
    const result = parseWorkspace(readFixture('v2-minimal.stakemap'));
    expect(result.ok && result.migratedFrom).toBe(2);
    expect(result.ok && serializeWorkspace(result.document)).toBe(readFixture('valid-minimal.stakemap'));
    expect(readFixture('v2-minimal.stakemap').replace('"version": 2', '"version": 3')).toBe(readFixture('v3-minimal.stakemap'));
  });
});
