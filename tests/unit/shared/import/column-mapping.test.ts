import { describe, expect, it } from 'vitest';
import {
  chooseImportSheets,
  emptyMapping,
  guessColumns,
  guessRelationshipColumns,
  guessStakeholderColumns,
  headerKey,
  STAKEHOLDER_FIELDS,
} from '../../../../shared/import/column-mapping';
import { importFixture, readOk } from './import-helpers';

describe('guessStakeholderColumns', () => {
  it('finds each field by its heading, ignoring case, spaces, accents and notes in brackets', () => {
    expect(guessStakeholderColumns(['  NAME ', 'Kind', 'Influence (1–5)', 'intérêt', 'Interest', 'Owner', 'Notes'])).toEqual({
      name: 0,
      kind: 1,
      influence: 2,
      interest: 4,
      owner: 5,
      notes: 6,
    });
  });

  it('knows the synonyms: Stakeholder, Type, Power, Comments', () => {
    expect(guessStakeholderColumns(['Comments', 'Power', 'Type', 'Stakeholder'])).toEqual({
      name: 3,
      kind: 2,
      influence: 1,
      interest: null,
      owner: null,
      notes: 0,
    });
  });

  it('leaves unknown fields unset and gives each column to one field only', () => {
    expect(guessStakeholderColumns(['Name', 'Name', 'Colour'])).toEqual({ name: 0, kind: null, influence: null, interest: null, owner: null, notes: null });
    expect(emptyMapping(STAKEHOLDER_FIELDS)).toEqual({ name: null, kind: null, influence: null, interest: null, owner: null, notes: null });
  });

  it('headerKey keeps letters and digits only', () => {
    expect(headerKey(' Stakeholder_Name: ')).toBe('stakeholdername');
    expect(headerKey('Influence [1-5]')).toBe('influence');
  });
});

describe('guessRelationshipColumns', () => {
  it('finds From/To/Status/Label and their synonyms Source/Target/Relationship', () => {
    expect(guessRelationshipColumns(['From', 'To', 'Status', 'Label'])).toEqual({ from: 0, to: 1, status: 2, label: 3, theirStatus: null, theirNote: null });
    expect(guessRelationshipColumns(['relationship', 'TARGET', 'source '])).toEqual({ from: 2, to: 1, status: null, label: 0, theirStatus: null, theirNote: null });
  });

  it('finds how the other side sees it: Their status and Their note, or Other side', () => {
    expect(guessRelationshipColumns(['From', 'To', 'Status', 'Label', 'Their status', 'Their note'])).toEqual({ from: 0, to: 1, status: 2, label: 3, theirStatus: 4, theirNote: 5 });
    expect(guessRelationshipColumns(['Source', 'Target', 'Other side', 'Other side notes'])).toEqual({ from: 0, to: 1, status: null, label: null, theirStatus: 2, theirNote: 3 });
  });
});

describe('guessColumns', () => {
  it('says which sheet a header looks like', () => {
    expect(guessColumns(['Name', 'Kind']).role).toBe('stakeholders');
    expect(guessColumns(['Source', 'Target', 'Status']).role).toBe('relationships');
    expect(guessColumns(['Colour', 'Size']).role).toBeNull();
  });
});

describe('chooseImportSheets', () => {
  it('finds the stakeholders and relationships sheets of a workbook by their headers', async () => {
    const sheets = await readOk('workshop.xlsx', importFixture('two-sheets.xlsx'));
    const chosen = chooseImportSheets(sheets);
    expect(chosen.stakeholders).toMatchObject({ sheetIndex: 0, sheetName: 'Stakeholders', mapping: { name: 0, kind: 1, influence: 2, interest: 3, owner: 4, notes: 5 } });
    expect(chosen.relationships).toMatchObject({ sheetIndex: 1, sheetName: 'Relationships', mapping: { from: 0, to: 1, status: 2, label: 3 } });
    expect(chosen.otherSheets).toEqual([]);
  });

  it('finds them in either order, and lists the sheets that hold neither', () => {
    const chosen = chooseImportSheets([
      { name: 'Read me', rows: [['This workbook lists our partners']] },
      { name: 'Links', rows: [['From', 'To']] },
      { name: 'People', rows: [['Stakeholder', 'Type']] },
    ]);
    expect(chosen.stakeholders?.sheetIndex).toBe(2);
    expect(chosen.relationships?.sheetIndex).toBe(1);
    expect(chosen.otherSheets).toEqual([0]);
  });

  it('supports a single CSV of only stakeholders, or only relationships', () => {
    expect(chooseImportSheets([{ name: 'people', rows: [['Name'], ['Legal']] }])).toMatchObject({ stakeholders: { sheetIndex: 0 }, relationships: null });
    expect(chooseImportSheets([{ name: 'links', rows: [['From', 'To'], ['A', 'B']] }])).toMatchObject({ stakeholders: null, relationships: { sheetIndex: 0 } });
  });

  it('uses the sheet name when the header does not tell', () => {
    const chosen = chooseImportSheets([
      { name: 'Relationships', rows: [['A', 'B']] },
      { name: 'Stakeholders', rows: [['Who']] },
    ]);
    expect(chosen.relationships?.sheetIndex).toBe(0);
    expect(chosen.stakeholders?.sheetIndex).toBe(1);
  });
});
