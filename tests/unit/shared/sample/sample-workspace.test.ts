import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DEFAULT_CATEGORIES, DEFAULT_STAGES, SOLUTION_STATUSES } from '../../../../shared/document/format';
import { ballotsCastBy, votesFor } from '../../../../shared/domain/votes';
import { parseWorkspace } from '../../../../shared/document/parse';
import { findDanglingReferences } from '../../../../shared/document/references';
import { serializeWorkspace } from '../../../../shared/document/serialize';

const text = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');

describe('bundled sample workspace', () => {
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error(`sample does not parse: ${JSON.stringify(parsed.error)}`);
  const doc = parsed.document;

  it('parses cleanly and is canonical (saving it unchanged gives the same bytes)', () => {
    expect(parsed.danglingReferences).toEqual([]);
    expect(serializeWorkspace(doc)).toBe(text);
  });

  it('is written in the current format version, with every relationship saying the other side has not been asked yet, and no snapshots', () => {
    expect(parsed.migratedFrom).toBeNull();
    const file = JSON.parse(text) as { version: unknown; relationships: Array<Record<string, unknown>>; snapshots: unknown };
    expect(file.version).toBe(CURRENT_VERSION);
    expect(file.relationships.length).toBeGreaterThan(0);
    for (const r of file.relationships) expect(Object.hasOwn(r, 'otherSide') && r.otherSide === null, String(r.id)).toBe(true);
    // A new room starts without history: the file says so rather than leaving it to the default.
    expect(file.snapshots).toEqual([]);
    expect(text.endsWith('\n  ],\n  "snapshots": []\n}\n')).toBe(true);
  });

  it('is a realistic social team map: 12 to 16 stakeholders, the team itself and outside parties', () => {
    expect(doc.stakeholders.length).toBeGreaterThanOrEqual(12);
    expect(doc.stakeholders.length).toBeLessThanOrEqual(16);
    expect(doc.stakeholders.filter((s) => s.kind === 'team')).toHaveLength(1);
    expect(doc.stakeholders.some((s) => s.kind === 'external')).toBe(true);
    const names = doc.stakeholders.map((s) => s.name.toLowerCase()).join(' | ');
    for (const fn of ['brand', 'legal', 'compliance', 'press', 'it', 'hr', 'product', 'senior leadership']) expect(names).toContain(fn);
  });

  it('marks the relationships between the team and brand, legal and compliance problematic', () => {
    const team = doc.stakeholders.find((s) => s.kind === 'team')!;
    for (const name of ['Brand', 'Legal', 'Compliance']) {
      const other = doc.stakeholders.find((s) => s.name === name)!;
      const r = doc.relationships.find((x) => [x.source, x.target].includes(team.id) && [x.source, x.target].includes(other.id));
      expect(r?.status, name).toBe('problematic');
    }
  });

  it('lays nodes out without overlaps', () => {
    const boxes = doc.stakeholders.map((s) => ({ ...s.position, width: 220, height: 70 }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      }
  });

  it('keeps exactly the six default categories', () => {
    expect(doc.categories).toEqual(DEFAULT_CATEGORIES);
  });

  it('has pain points in every default category, each with one or two quotes and 0 to 9 votes', () => {
    expect(doc.painPoints.length).toBeGreaterThanOrEqual(14);
    expect(doc.painPoints.length).toBeLessThanOrEqual(18);
    for (const category of DEFAULT_CATEGORIES) {
      expect(doc.painPoints.some((p) => p.categoryId === category.id), category.id).toBe(true);
    }
    for (const p of doc.painPoints) {
      expect(DEFAULT_CATEGORIES.map((c) => c.id), p.id).toContain(p.categoryId);
      expect(p.title.trim(), p.id).not.toBe('');
      expect(p.description.trim(), p.id).not.toBe('');
      expect(p.quotes.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.quotes.length, p.id).toBeLessThanOrEqual(2);
      for (const q of p.quotes) expect(q.text.trim(), p.id).not.toBe('');
      const votes = votesFor(doc, p.id);
      expect(Number.isInteger(votes) && votes >= 0 && votes <= 9, p.id).toBe(true);
    }
    // A room votes its top three: a spread, with a few clear favourites.
    expect(new Set(doc.painPoints.map((p) => votesFor(doc, p.id))).size).toBeGreaterThanOrEqual(5);
  });

  it('shows a workshop: the default agenda shown, six anonymous participants with departments, each within budget', () => {
    expect(doc.version).toBe(CURRENT_VERSION);
    expect(doc.agenda.visible).toBe(true);
    expect(doc.agenda.stages.map((s) => s.id)).toEqual(DEFAULT_STAGES.map((s) => s.id));
    expect(doc.participants.map((p) => p.label)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    const stakeholderIds = new Set(doc.stakeholders.map((s) => s.id));
    for (const p of doc.participants) expect(stakeholderIds.has(p.departmentId ?? ''), p.label).toBe(true);
    expect(doc.ballots.length).toBeGreaterThan(0);
    for (const p of doc.participants) expect(ballotsCastBy(doc, p.id), p.label).toBeLessThanOrEqual(doc.voting.budget);
    // Tallies too: the room also voted with stickers.
    expect(doc.painPoints.some((p) => p.tally > 0)).toBe(true);
  });

  it('attaches pain points to the map: the problematic links, two items at once, and the workspace as a whole', () => {
    const problematic = new Set(doc.relationships.filter((r) => r.status === 'problematic').map((r) => r.id));
    const onProblematic = doc.painPoints.filter((p) => p.attachedTo.some((a) => a.type === 'relationship' && problematic.has(a.id)));
    expect(onProblematic.length).toBeGreaterThanOrEqual(3);
    for (const id of problematic) {
      expect(doc.painPoints.some((p) => p.attachedTo.some((a) => a.type === 'relationship' && a.id === id)), id).toBe(true);
    }
    expect(doc.painPoints.some((p) => p.attachedTo.length >= 2)).toBe(true);
    expect(doc.painPoints.some((p) => p.attachedTo.length === 0)).toBe(true);
  });

  it('resolves every reference (relationships, pain point attachments, solutions)', () => {
    expect(findDanglingReferences(doc)).toEqual([]);
    for (const s of doc.solutions) expect(s.addresses.length, s.id).toBeGreaterThanOrEqual(1);
  });

  it('has candidate solutions in every status, each owned by a role and rated for impact and effort', () => {
    expect(doc.solutions.length).toBeGreaterThanOrEqual(6);
    expect(doc.solutions.length).toBeLessThanOrEqual(8);
    for (const status of SOLUTION_STATUSES) expect(doc.solutions.some((s) => s.status === status), status).toBe(true);
    for (const s of doc.solutions) {
      expect(s.owner.trim(), s.id).not.toBe('');
      for (const rating of [s.impact, s.effort]) expect(Number.isInteger(rating) && rating! >= 1 && rating! <= 5, s.id).toBe(true);
    }
  });

  it('leaves pain points unaddressed, one of them addressed only by a dropped solution', () => {
    const addressedBy = (painPointId: string) => doc.solutions.filter((s) => s.addresses.includes(painPointId));
    const unaddressed = doc.painPoints.filter((p) => !addressedBy(p.id).some((s) => s.status !== 'dropped'));
    expect(unaddressed.length).toBeGreaterThanOrEqual(3);
    expect(unaddressed.some((p) => addressedBy(p.id).length > 0 && addressedBy(p.id).every((s) => s.status === 'dropped'))).toBe(true);
  });
});
