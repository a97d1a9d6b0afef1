import { describe, expect, it } from 'vitest';
import { floatingEnds } from '@shared/layout/floating-ends';
import { inflate, intersects, segmentCrossesRect, type Rect } from '@shared/layout/geometry';
import { TYPICAL_FUNCTIONS } from '@shared/domain/typical-functions';
import { parseWorkspace } from '@shared/document/parse';
import { serializeWorkspace } from '@shared/document/serialize';
import { TEMPLATES, workspaceFromTemplate } from '@shared/templates/templates';

const now = new Date('2026-12-02T09:00:00.000Z');
/** About the size the map draws these names at (1.2rem, up to 240 px wide, two lines for long names). */
const boxOf = (s: { position: { x: number; y: number } }): Rect => ({ x: s.position.x, y: s.position.y, width: 240, height: 80 });

describe('templates', () => {
  it('offers Organising for Social and Blank', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual(['Organising for Social', 'Blank']);
  });

  it('Organising for Social: the team in the middle, every typical function around it and connected to it', () => {
    const doc = workspaceFromTemplate('organising-for-social', now);
    expect(doc.stakeholders.map((s) => s.name).sort()).toEqual(TYPICAL_FUNCTIONS.map((f) => f.name).sort());
    const team = doc.stakeholders.find((s) => s.kind === 'team')!;
    expect(team.position.x + 115).toBeCloseTo(0, -1);
    expect(doc.relationships).toHaveLength(doc.stakeholders.length - 1);
    expect(doc.relationships.every((r) => r.source === team.id)).toBe(true);
    expect(doc.categories.map((c) => c.name)).toEqual(['Workflows', 'Roles', 'Processes', 'Governance', 'Infrastructure', 'Knowledge & Training']);
  });

  it('Organising for Social: no two boxes close, no line through a box', () => {
    const doc = workspaceFromTemplate('organising-for-social', now);
    const boxes = new Map(doc.stakeholders.map((s) => [s.id, boxOf(s)]));
    const list = [...boxes.entries()];
    list.forEach(([a, boxA], i) => list.forEach(([b, boxB], j) => i < j && expect(intersects(inflate(boxA, 12), inflate(boxB, 12)), `${a} ${b}`).toBe(false)));
    for (const r of doc.relationships) {
      const { from, to } = floatingEnds(boxes.get(r.source)!, boxes.get(r.target)!);
      for (const [id, box] of list) if (id !== r.source && id !== r.target) expect(segmentCrossesRect(from, to, box), `${r.id} through ${id}`).toBe(false);
    }
  });

  it('Organising for Social shows the seed workshop agenda; Blank has it hidden', () => {
    const workshop = workspaceFromTemplate('organising-for-social', now);
    expect(workshop.agenda.visible).toBe(true);
    expect(workshop.agenda.stages.map((s) => s.title)).toEqual(['Map stakeholders', 'Mark relationships', 'Collect pain points', 'Cluster', 'Vote', 'Candidate solutions', 'Wrap-up']);
    expect(workspaceFromTemplate('blank', now).agenda.visible).toBe(false);
  });

  it('every template makes a workspace that saves and opens again unchanged', () => {
    for (const { id } of TEMPLATES) {
      const doc = workspaceFromTemplate(id, now);
      const text = serializeWorkspace(doc);
      const reopened = parseWorkspace(text);
      expect(reopened.ok).toBe(true);
      if (reopened.ok) expect(serializeWorkspace(reopened.document)).toBe(text);
    }
  });
});
