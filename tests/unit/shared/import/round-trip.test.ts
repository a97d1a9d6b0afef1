import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../../shared/export/csv';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { applyImport } from '../../../../shared/import/apply-import';
import { planImport } from '../../../../shared/import/import-plan';
import { relationshipsCsv, stakeholdersCsv } from '../../../../shared/import/sheets-csv';
import { relationship, stakeholder } from '../operations/test-docs';
import { inputFor, mapOf, readOk, utf8 } from './import-helpers';

/** A map whose text exercises every CSV rule: commas, quotes, line breaks, accents, formula-looking text. */
function trickyMap(): WorkspaceDocument {
  return mapOf(
    [
      stakeholder('s-team', { name: 'Social media team', kind: 'team', influence: 3, interest: 5, owner: 'Ana' }),
      stakeholder('s-legal', { name: 'Légal, Conformité', position: { x: 300, y: 0 }, influence: 5, notes: 'Says "no"\nthen "maybe"' }),
      stakeholder('s-formula', { name: '=HYPERLINK("http://evil","Click")', position: { x: 300, y: 200 }, notes: '-5% reach' }),
      stakeholder('s-agency', { name: 'Agency @ Paris', kind: 'external', position: { x: -300, y: 0 }, interest: 1, owner: '+33 Jo' }),
      stakeholder('s-plain', { name: 'Brand', position: { x: 0, y: 300 } }),
    ],
    [
      relationship('r-1', 's-team', 's-legal', { status: 'problematic', label: 'approvals, sign-off', otherSide: { status: 'healthy', notes: 'We "just" check,\nthat is all' } }),
      relationship('r-2', 's-formula', 's-team', { status: 'healthy', label: '=1+1', otherSide: { status: 'strained', notes: '' } }),
      relationship('r-3', 's-agency', 's-plain', { status: 'strained' }),
      relationship('r-4', 's-plain', 's-team'),
    ],
  );
}

async function readBack(doc: WorkspaceDocument) {
  const [stakeholders] = await readOk('stakeholders.csv', utf8(stakeholdersCsv(doc)));
  const [relationships] = await readOk('relationships.csv', utf8(relationshipsCsv(doc)));
  return inputFor([stakeholders!, relationships!]);
}

const content = (doc: WorkspaceDocument) => ({
  stakeholders: doc.stakeholders.map((s) => ({ name: s.name, kind: s.kind, influence: s.influence, interest: s.interest, owner: s.owner, notes: s.notes })),
  relationships: doc.relationships.map((r) => ({
    from: doc.stakeholders.find((s) => s.id === r.source)?.name,
    to: doc.stakeholders.find((s) => s.id === r.target)?.name,
    status: r.status,
    label: r.label,
    otherSide: r.otherSide,
  })),
});

describe('stakeholdersCsv and relationshipsCsv', () => {
  it('write the headings the import recognises, with the CSV export’s rules', () => {
    const doc = trickyMap();
    const stakeholders = stakeholdersCsv(doc);
    expect(stakeholders.startsWith(`${CSV_BOM}Name,Kind,Influence,Interest,Owner,Notes\r\n`)).toBe(true);
    expect(stakeholders).toContain('Social media team,Our team,3,5,Ana,\r\n');
    // The formula guard: a leading ' on text a spreadsheet would run.
    expect(stakeholders).toContain(`"'=HYPERLINK(""http://evil"",""Click"")",Internal department,,,,'-5% reach\r\n`);
    const relationships = relationshipsCsv(doc);
    expect(relationships.startsWith(`${CSV_BOM}From,To,Status,Label,Their status,Their note\r\n`)).toBe(true);
    // How the To side sees it: their status and note; empty where it was never recorded.
    expect(relationships).toContain('Social media team,"Légal, Conformité",Problematic,"approvals, sign-off",Healthy,"We ""just"" check,\nthat is all"\r\n');
    expect(relationships).toContain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"Click\"\")\",Social media team,Healthy,'=1+1,Strained,\r\n");
    expect(relationships).toContain('Agency @ Paris,Brand,Strained,,,\r\n');
  });

  it('leave out a relationship whose end is missing', () => {
    const doc = mapOf([stakeholder('s-a', { name: 'A' })], [relationship('r-x', 's-a', 's-gone')]);
    expect(relationshipsCsv(doc)).toBe(`${CSV_BOM}From,To,Status,Label,Their status,Their note\r\n`);
  });
});

describe('round trip: export → read → plan → apply', () => {
  it('into an empty map gives the same stakeholders and relationships', async () => {
    const doc = trickyMap();
    const empty = mapOf([]);
    const plan = planImport(empty, await readBack(doc));
    expect(plan.errors).toEqual([]);
    const imported = applyImport(empty, plan);
    expect(content(imported)).toEqual(content(doc));
  });

  it('into the map it came from changes nothing', async () => {
    const doc = trickyMap();
    const plan = planImport(doc, await readBack(doc));
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toMatchObject({ changes: 0, stakeholdersUnchanged: 5, relationshipsUnchanged: 4 });
    expect(applyImport(doc, plan)).toBe(doc);
  });

  it('into a map with some of the stakeholders updates them and adds the rest', async () => {
    const doc = trickyMap();
    const partial = mapOf([stakeholder('s-x', { name: 'brand', kind: 'external' })]);
    const plan = planImport(partial, await readBack(doc));
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toEqual([{ row: 6, id: 's-x', name: 'brand', changed: ['kind'], before: { kind: 'external' }, after: { kind: 'department' } }]);
    expect(plan.counts).toMatchObject({ stakeholdersAdded: 4, relationshipsAdded: 4 });
  });
});
