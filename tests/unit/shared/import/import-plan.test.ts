import { describe, expect, it } from 'vitest';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../../../shared/document/format';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { guessRelationshipColumns, guessStakeholderColumns } from '../../../../shared/import/column-mapping';
import { planImport, type ImportPlan } from '../../../../shared/import/import-plan';
import { DEFAULT_STAKEHOLDER_BOX, MOST_PLACED_AROUND_TEAM } from '../../../../shared/import/place-new-stakeholders';
import { intersects, type Rect } from '../../../../shared/layout/geometry';
import { stakeholder } from '../operations/test-docs';
import { csvText, importFixture, inputFor, mapOf, readOk, utf8, workshopMap } from './import-helpers';

const S_HEADER = ['Name', 'Kind', 'Influence', 'Interest', 'Owner', 'Notes'];
const R_HEADER = ['From', 'To', 'Status', 'Label'];

/** Plans a stakeholders sheet (header S_HEADER unless given) against `doc`. */
function planStakeholderRows(doc: WorkspaceDocument, rows: string[][], header = S_HEADER): ImportPlan {
  return planImport(doc, { stakeholders: { rows: [header, ...rows], mapping: guessStakeholderColumns(header) } });
}

function planBoth(doc: WorkspaceDocument, stakeholderRows: string[][], relationshipRows: string[][]): ImportPlan {
  return planImport(doc, {
    stakeholders: { rows: [S_HEADER, ...stakeholderRows], mapping: guessStakeholderColumns(S_HEADER) },
    relationships: { rows: [R_HEADER, ...relationshipRows], mapping: guessRelationshipColumns(R_HEADER) },
  });
}

const errorsOf = (plan: ImportPlan) => plan.errors.map((e) => ({ sheet: e.sheet, row: e.row, reason: e.reason }));

describe('planImport: bad stakeholder rows', () => {
  const cases: Array<{ what: string; row: string[]; reason: string | RegExp }> = [
    { what: 'a missing name', row: ['', 'team'], reason: 'the name is empty' },
    { what: 'a name of spaces only', row: ['   ', 'team'], reason: 'the name is empty' },
    { what: 'an unknown kind', row: ['Finance', 'boss'], reason: 'the kind “boss” is not one of Our team, Internal department, Outside party (or team, department, external)' },
    { what: 'a fractional influence', row: ['Finance', '', '3.5'], reason: 'influence “3.5” is not a whole number from 1 to 5' },
    { what: 'an influence of 0', row: ['Finance', '', '0'], reason: 'influence “0” is not a whole number from 1 to 5' },
    { what: 'an interest of 6', row: ['Finance', '', '', '6'], reason: 'interest “6” is not a whole number from 1 to 5' },
    { what: 'an interest in words', row: ['Finance', '', '', 'high'], reason: 'interest “high” is not a whole number from 1 to 5' },
    { what: 'a name too long', row: ['x'.repeat(MAX_SHORT_TEXT + 1)], reason: 'the name is longer than 10,000 characters' },
    { what: 'an owner too long', row: ['Finance', '', '', '', 'o'.repeat(MAX_SHORT_TEXT + 1)], reason: 'the owner is longer than 10,000 characters' },
    {
      what: 'a huge cell',
      row: ['Finance', '', '', '', '', 'n'.repeat(MAX_LONG_TEXT + 1)],
      reason: 'the cell in column F is longer than 1,000,000 characters, the most Stakemap keeps',
    },
  ];
  for (const c of cases) {
    it(`skips a row with ${c.what}, and still imports the good rows`, () => {
      const plan = planStakeholderRows(mapOf([]), [['Brand'], c.row, ['PR']]);
      expect(errorsOf(plan)).toEqual([{ sheet: 'stakeholders', row: 3, reason: c.reason }]);
      expect(plan.errors[0]!.message).toBe(`Stakeholders, row 3: ${c.reason}.`);
      expect(plan.additions.map((a) => [a.row, a.name])).toEqual([
        [2, 'Brand'],
        [4, 'PR'],
      ]);
    });
  }

  it('errors on the second of two rows with the same name (however it is written), not the first', () => {
    const plan = planStakeholderRows(mapOf([]), [['Légal'], ['Brand'], ['  LEGAL ']]);
    expect(errorsOf(plan)).toEqual([{ sheet: 'stakeholders', row: 4, reason: '“LEGAL” is already on row 2; a stakeholder can appear only once' }]);
    expect(plan.additions.map((a) => a.name)).toEqual(['Légal', 'Brand']);
  });

  it('lists every problem of a row in one error', () => {
    const plan = planStakeholderRows(mapOf([]), [['', 'boss', '9']]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]!.reason).toBe(
      'the name is empty; the kind “boss” is not one of Our team, Internal department, Outside party (or team, department, external); influence “9” is not a whole number from 1 to 5',
    );
  });

  it('refuses to guess between two stakeholders on the map with the same name', () => {
    const doc = mapOf([stakeholder('s-1', { name: 'Legal' }), stakeholder('s-2', { name: 'légal', position: { x: 500, y: 0 } })]);
    const plan = planStakeholderRows(doc, [['LEGAL', 'team']]);
    expect(errorsOf(plan)).toEqual([
      { sheet: 'stakeholders', row: 2, reason: '2 stakeholders on the map are named “LEGAL”, so this row cannot tell which one to update (rename one of them first)' },
    ]);
    expect(plan.updates).toEqual([]);
  });

  it('reports a sheet without a name column once, on row 1', () => {
    const plan = planImport(mapOf([]), { stakeholders: { rows: [['Who'], ['Legal']], mapping: guessStakeholderColumns(['Who']) } });
    expect(errorsOf(plan)).toEqual([
      { sheet: 'stakeholders', row: 1, reason: 'no column is chosen for the name, so no stakeholder in this sheet can be imported (choose the column that holds the names)' },
    ]);
    // The user picks the column in the dialog: the same rows then import.
    const fixed = planImport(mapOf([]), { stakeholders: { rows: [['Who'], ['Legal']], mapping: { ...guessStakeholderColumns(['Who']), name: 0 } } });
    expect(fixed.additions.map((a) => a.name)).toEqual(['Legal']);
  });

  it('skips blank rows silently and counts them', () => {
    const plan = planStakeholderRows(mapOf([]), [['Brand'], ['', '  ', ''], ['PR']]);
    expect(plan.errors).toEqual([]);
    expect(plan.counts.blankRows).toBe(1);
    expect(plan.additions.map((a) => a.row)).toEqual([2, 4]);
  });
});

describe('planImport: values of new stakeholders', () => {
  it('reads kinds and their friendly synonyms; an empty kind is an internal department', () => {
    const rows = [
      ['A', 'team'],
      ['B', 'Our team'],
      ['C', 'internal'],
      ['D', 'Internal Department'],
      ['E', 'outside-party'],
      ['F', 'External party'],
      ['G', 'EXTERNAL'],
      ['H', ''],
    ];
    expect(planStakeholderRows(mapOf([]), rows).additions.map((a) => a.kind)).toEqual([
      'team',
      'team',
      'department',
      'department',
      'external',
      'external',
      'external',
      'department',
    ]);
  });

  it('keeps ratings, owner and notes; empty ratings are unset; names lose the spaces around them', () => {
    const plan = planStakeholderRows(mapOf([]), [['  Legal  ', 'department', '4', '3.0', ' Jo ', 'Line one\nline two'], ['Brand']]);
    expect(plan.additions.map(({ position: _, ...rest }) => rest)).toEqual([
      { row: 2, name: 'Legal', kind: 'department', influence: 4, interest: 3, owner: 'Jo', notes: 'Line one\nline two' },
      { row: 3, name: 'Brand', kind: 'department', influence: null, interest: null, owner: '', notes: '' },
    ]);
  });

  it('imports formula-looking text as plain text', () => {
    const plan = planStakeholderRows(mapOf([]), [['=HYPERLINK("http://evil","Click")', '', '', '', '', '=1+1']]);
    expect(plan.additions[0]).toMatchObject({ name: '=HYPERLINK("http://evil","Click")', notes: '=1+1' });
  });
});

describe('planImport: matching stakeholders on the map', () => {
  it('matches a name whatever its case, accents and spaces: an update, not a duplicate', () => {
    const doc = workshopMap();
    const plan = planStakeholderRows(doc, [['  LEGAL   ', 'Outside party', '2', '', '', 'Slow'], ['social  MEDIA team'], ['brand', 'department']]);
    expect(plan.additions).toEqual([]);
    expect(plan.updates).toEqual([
      {
        row: 2,
        id: 's-legal',
        name: 'Légal',
        changed: ['kind', 'influence', 'notes'],
        before: { kind: 'department', influence: 5, notes: '' },
        after: { kind: 'external', influence: 2, notes: 'Slow' },
      },
    ]);
    expect(plan.counts).toMatchObject({ stakeholdersAdded: 0, stakeholdersUpdated: 1, stakeholdersUnchanged: 2, changes: 1 });
  });

  it('changes only mapped columns with a value: an empty cell or an unmapped column leaves the field alone', () => {
    const doc = workshopMap();
    // No Owner column at all, and an empty Influence: Légal keeps owner "Jo" and influence 5.
    const plan = planStakeholderRows(doc, [['Légal', '', '', '4']], ['Name', 'Kind', 'Influence', 'Interest']);
    expect(plan.updates).toEqual([{ row: 2, id: 's-legal', name: 'Légal', changed: ['interest'], before: { interest: null }, after: { interest: 4 } }]);
  });

  it('matches names with full-width letters and no-break spaces too', () => {
    const plan = planStakeholderRows(workshopMap(), [['Ｂｒａｎｄ'], ['Social\u00a0media team']]);
    expect(plan.additions).toEqual([]);
    expect(plan.counts.stakeholdersUnchanged).toBe(2);
  });
});

describe('planImport: relationships', () => {
  it('adds relationships between new and existing stakeholders; an empty status is neutral', () => {
    const plan = planBoth(workshopMap(), [['Finance'], ['HR', 'internal']], [
      ['Finance', 'Social media team', '', 'budgets'],
      ['hr', 'FINANCE', 'Strained', ''],
    ]);
    expect(plan.errors).toEqual([]);
    expect(plan.relationshipAdditions).toEqual([
      { row: 2, from: { on: 'import', additionIndex: 0, name: 'Finance' }, to: { on: 'map', id: 's-team', name: 'Social media team' }, status: 'neutral', label: 'budgets', otherSide: null },
      { row: 3, from: { on: 'import', additionIndex: 1, name: 'HR' }, to: { on: 'import', additionIndex: 0, name: 'Finance' }, status: 'strained', label: '', otherSide: null },
    ]);
  });

  it('matches an existing relationship by its two ends in either order, and updates its status and label', () => {
    const plan = planImport(workshopMap(), {
      relationships: {
        rows: [R_HEADER, ['Légal', 'Social media team', 'Healthy', 'sign-off'], ['Social media team', 'Brand', 'strained', ''], ['Agency', 'Brand', '', '']],
        mapping: guessRelationshipColumns(R_HEADER),
      },
    });
    expect(plan.errors).toEqual([]);
    expect(plan.relationshipUpdates).toEqual([
      {
        row: 2,
        id: 'r-legal',
        sourceName: 'Social media team',
        targetName: 'Légal',
        changed: ['status', 'label'],
        before: { status: 'problematic', label: 'approvals' },
        after: { status: 'healthy', label: 'sign-off' },
      },
    ]);
    expect(plan.relationshipAdditions).toEqual([
      { row: 4, from: { on: 'map', id: 's-agency', name: 'Agency' }, to: { on: 'map', id: 's-brand', name: 'Brand' }, status: 'neutral', label: '', otherSide: null },
    ]);
    expect(plan.counts).toMatchObject({ relationshipsAdded: 1, relationshipsUpdated: 1, relationshipsUnchanged: 1 });
  });

  describe('how the other side sees it (Their status, Their note)', () => {
    const HEADER = ['From', 'To', 'Status', 'Label', 'Their status', 'Their note'];
    const plan = (doc: WorkspaceDocument, rows: string[][]) => planImport(doc, { relationships: { rows: [HEADER, ...rows], mapping: guessRelationshipColumns(HEADER) } });

    it('records it on a new relationship, and leaves it unrecorded where the cells are empty', () => {
      const result = plan(workshopMap(), [
        ['Agency', 'Brand', 'Strained', 'briefs', 'healthy', 'All fine "from here"'],
        ['Légal', 'Brand', '', '', '', ''],
      ]);
      expect(result.errors).toEqual([]);
      expect(result.relationshipAdditions.map((r) => [r.from.name, r.to.name, r.status, r.otherSide])).toEqual([
        ['Agency', 'Brand', 'strained', { status: 'healthy', notes: 'All fine "from here"' }],
        ['Légal', 'Brand', 'neutral', null],
      ]);
    });

    it('updates it on a relationship on the map, saying what it was (never recorded: none)', () => {
      const doc = workshopMap();
      const withTheirs = { ...doc, relationships: doc.relationships.map((r) => (r.id === 'r-brand' ? { ...r, otherSide: { status: 'healthy' as const, notes: 'ok' } } : r)) };
      const result = plan(withTheirs, [
        ['Social media team', 'Légal', '', '', 'Problematic', 'Too late, every time'],
        ['Social media team', 'Brand', '', '', '', 'fine now'],
      ]);
      expect(result.errors).toEqual([]);
      expect(result.relationshipUpdates.map((u) => [u.id, u.changed, u.before, u.after])).toEqual([
        ['r-legal', ['theirStatus', 'theirNote'], { theirStatus: null, theirNote: '' }, { theirStatus: 'problematic', theirNote: 'Too late, every time' }],
        ['r-brand', ['theirNote'], { theirNote: 'ok' }, { theirNote: 'fine now' }],
      ]);
    });

    it('refuses a row that would put it on the wrong side, and a note without their status', () => {
      const result = plan(workshopMap(), [
        ['Légal', 'Social media team', 'Healthy', '', 'Problematic', ''],
        ['Agency', 'Brand', '', '', '', 'a note'],
        ['Agency', 'Légal', '', '', 'meh', ''],
      ]);
      expect(errorsOf(result)).toEqual([
        {
          sheet: 'relationships',
          row: 2,
          reason:
            'the map has this relationship the other way round (“Social media team” to “Légal”), so its status and their status would swap sides: put “Social media team” in From and “Légal” in To',
        },
        { sheet: 'relationships', row: 3, reason: 'their note is given without their status (how “Brand” sees it)' },
        { sheet: 'relationships', row: 4, reason: 'their status “meh” is not one of Healthy, Neutral, Strained, Problematic' },
      ]);
      expect(result.counts.changes).toBe(0);
    });
  });

  const bad: Array<{ what: string; row: string[]; reason: string }> = [
    { what: 'a stakeholder neither on the map nor in the sheet', row: ['Finance', 'Nobody'], reason: 'the To stakeholder “Nobody” is neither on the map nor in the stakeholders sheet' },
    { what: 'a stakeholder connected to itself', row: ['Brand', ' brand '], reason: 'it connects “Brand” to itself' },
    { what: 'an unknown status', row: ['Finance', 'Brand', 'meh'], reason: 'the status “meh” is not one of Healthy, Neutral, Strained, Problematic' },
    { what: 'an empty end', row: ['', 'Brand'], reason: 'the From stakeholder is empty' },
    { what: 'a label too long', row: ['Finance', 'Brand', '', 'l'.repeat(MAX_SHORT_TEXT + 1)], reason: 'the label is longer than 10,000 characters' },
    { what: 'a stakeholder whose own row has an error', row: ['Finance', 'Broken'], reason: '“Broken” is on row 3 of the stakeholders sheet, which has an error' },
    { what: 'a repeated pair (in the other direction)', row: ['Agency', 'Finance'], reason: 'it repeats the relationship between “Agency” and “Finance” from row 2' },
  ];
  for (const c of bad) {
    it(`skips a relationship row with ${c.what}`, () => {
      const plan = planBoth(workshopMap(), [['Finance'], ['Broken', 'boss']], [['Finance', 'Agency'], c.row, ['Finance', 'Social media team']]);
      expect(errorsOf(plan)).toEqual([
        { sheet: 'stakeholders', row: 3, reason: expect.stringContaining('boss') },
        { sheet: 'relationships', row: 3, reason: c.reason },
      ]);
      expect(plan.errors[1]!.message).toBe(`Relationships, row 3: ${c.reason}.`);
      expect(plan.relationshipAdditions.map((r) => r.row)).toEqual([2, 4]);
    });
  }

  it('says "not on the map" when only relationships are imported', () => {
    const plan = planImport(workshopMap(), { relationships: { rows: [R_HEADER, ['Brand', 'Finance']], mapping: guessRelationshipColumns(R_HEADER) } });
    expect(errorsOf(plan)).toEqual([{ sheet: 'relationships', row: 2, reason: 'the To stakeholder “Finance” is not on the map' }]);
  });

  it('reports a sheet without From or To columns once, on row 1', () => {
    const plan = planImport(workshopMap(), { relationships: { rows: [['A', 'To'], ['Brand', 'Agency']], mapping: guessRelationshipColumns(['A', 'To']) } });
    expect(errorsOf(plan)).toEqual([
      { sheet: 'relationships', row: 1, reason: 'no column is chosen for From, so no relationship in this sheet can be imported (choose the columns that name the two stakeholders)' },
    ]);
  });
});

describe('planImport: a spreadsheet of 30 stakeholders and 40 relationships with three bad rows', () => {
  it('reports exactly the three bad rows, with their row numbers and reasons, and plans everything else', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Stakeholder ${i + 1}`);
    const stakeholderRows = names.map((name, i) => [name, ['team', 'department', 'external'][i % 3]!, String((i % 5) + 1), '', '', '']);
    stakeholderRows[6] = ['Stakeholder 7', 'department', 'very high', '', '', '']; // row 8: bad influence
    stakeholderRows[19] = ['', 'external', '', '', '', 'no name']; // row 21: no name
    // 40 different pairs among the 28 good stakeholders: neighbours (offset 1), then every other one (offset 2).
    const good = names.filter((n) => n !== 'Stakeholder 7' && n !== 'Stakeholder 20');
    const relationshipRows = Array.from({ length: 40 }, (_, i) => {
      const offset = i < good.length ? 1 : 2;
      const from = i % good.length;
      return [good[from]!, good[(from + offset) % good.length]!, i % 2 ? 'strained' : 'neutral', `link ${i + 1}`];
    });
    relationshipRows[11] = ['Stakeholder 12', 'Stakeholder 99', 'healthy', '']; // row 13: unknown stakeholder

    const stakeholdersCsvText = csvText([S_HEADER, ...stakeholderRows]);
    const relationshipsCsvText = csvText([R_HEADER, ...relationshipRows]);
    const [stakeholderSheet] = await readOk('stakeholders.csv', utf8(stakeholdersCsvText));
    const [relationshipSheet] = await readOk('relationships.csv', utf8(relationshipsCsvText));
    const plan = planImport(mapOf([]), inputFor([stakeholderSheet!, relationshipSheet!]));

    expect(plan.errors.map((e) => e.message)).toEqual([
      'Stakeholders, row 8: influence “very high” is not a whole number from 1 to 5.',
      'Stakeholders, row 21: the name is empty.',
      'Relationships, row 13: the To stakeholder “Stakeholder 99” is neither on the map nor in the stakeholders sheet.',
    ]);
    expect(plan.counts).toMatchObject({ stakeholdersAdded: 28, relationshipsAdded: 39, rowsWithErrors: 3, stakeholdersUpdated: 0, relationshipsUpdated: 0 });
  });
});

describe('planImport: placing new stakeholders', () => {
  const boxOf = (p: { x: number; y: number }): Rect => ({ ...p, ...DEFAULT_STAKEHOLDER_BOX });

  function expectNoOverlaps(doc: WorkspaceDocument, plan: ImportPlan) {
    const existing = doc.stakeholders.map((s) => boxOf(s.position));
    const added = plan.additions.map((a) => boxOf(a.position));
    for (const [i, box] of added.entries()) {
      for (const other of existing) expect(intersects(box, other)).toBe(false);
      for (const other of added.slice(i + 1)) expect(intersects(box, other)).toBe(false);
    }
  }

  it('places a few new stakeholders around the team, clear of everything on the map and of each other', () => {
    const doc = workshopMap();
    const plan = planStakeholderRows(doc, Array.from({ length: 12 }, (_, i) => [`New ${i}`, i % 2 ? 'external' : 'department']));
    expect(plan.additions).toHaveLength(12);
    expectNoOverlaps(doc, plan);
    // Around the team: within a few rings of it.
    for (const a of plan.additions) expect(Math.hypot(a.position.x, a.position.y)).toBeLessThan(2000);
  });

  it('places many new stakeholders in a block beside the map, clear of it', () => {
    const doc = workshopMap();
    const count = MOST_PLACED_AROUND_TEAM * 10;
    const plan = planStakeholderRows(doc, Array.from({ length: count }, (_, i) => [`New ${i}`]));
    expect(plan.additions).toHaveLength(count);
    expectNoOverlaps(doc, plan);
  });

  it('places stakeholders on an empty map around the origin', () => {
    const plan = planStakeholderRows(mapOf([]), [['A'], ['B'], ['C']]);
    expectNoOverlaps(mapOf([]), plan);
    expect(plan.additions[0]!.position).toEqual({ x: -110, y: -32 });
  });
});

describe('planImport: an Excel workbook with both sheets', () => {
  it('plans the stakeholders and relationships of the two sheets together', async () => {
    const sheets = await readOk('workshop.xlsx', importFixture('two-sheets.xlsx'));
    const plan = planImport(mapOf([]), inputFor(sheets));
    expect(plan.errors.map((e) => e.message)).toEqual(['Stakeholders, row 5: interest “3.5” is not a whole number from 1 to 5.']);
    expect(plan.additions.map(({ position: _, ...a }) => a)).toEqual([
      { row: 2, name: 'Social media team', kind: 'team', influence: 3, interest: 5, owner: 'Ana', notes: '' },
      { row: 3, name: 'Légal', kind: 'department', influence: 5, interest: null, owner: 'Jo', notes: 'Reviews every post' },
      { row: 4, name: 'Agency', kind: 'external', influence: 2, interest: 4, owner: '', notes: 'true' },
    ]);
    expect(plan.relationshipAdditions.map((r) => [r.from.name, r.to.name, r.status, r.label])).toEqual([
      ['Social media team', 'Légal', 'problematic', 'approvals'],
      ['Social media team', 'Agency', 'healthy', '2'],
    ]);
  });
});
