import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '@shared/document/parse';
import { inflate, intersects, rectAround } from '@shared/layout/geometry';
import { floatingEnds } from '@shared/layout/floating-ends';
import { labelCentre, labelLeader, LABEL_CLEARANCE, placeLabels, type LabelRequest } from '@shared/layout/label-placement';

/*
 * The bundled sample, as the map and its exports lay it out: every stakeholder at the size the editor draws
 * (220 × 64, or 220 × 82 for names on two lines) and every label at the width of its words. Issue 17 found
 * "creative briefs" half under Creative agency in the PNG and the PDF: no label may cover a stakeholder.
 */
describe('label placement on the sample map', () => {
  it('covers no stakeholder and no other label, and draws a leader for each label moved off its line', () => {
    const text = readFileSync(path.resolve('shared/sample/organising-for-social.stakemap'), 'utf8');
    const parsed = parseWorkspace(text);
    if (!parsed.ok) throw new Error('the sample does not parse');
    const doc = parsed.document;
    const boxes = new Map(doc.stakeholders.map((s) => [s.id, { x: s.position.x, y: s.position.y, width: 220, height: s.name.length > 16 ? 82 : 64 }]));
    const requests: LabelRequest[] = doc.relationships
      .filter((r) => r.label || r.status !== 'neutral')
      .map((r) => {
        const { from, to } = floatingEnds(boxes.get(r.source)!, boxes.get(r.target)!);
        const words = `${r.status === 'problematic' || r.status === 'strained' ? `${r.status} ` : ''}${r.label}`;
        return { id: r.id, from, to, width: 7 * words.length + 50, height: r.status === 'problematic' || r.status === 'strained' ? 46 : 26, priority: { problematic: 0, strained: 1, neutral: 2, healthy: 2 }[r.status] };
      });
    const placements = placeLabels(requests, [...boxes.values()]);
    const labels = requests.map((r) => ({ id: r.id, box: rectAround(labelCentre(r.from, r.to, placements.get(r.id)!), r) }));
    for (const label of labels) {
      for (const [id, node] of boxes) expect(intersects(label.box, inflate(node, LABEL_CLEARANCE.node - 0.01)), `${label.id} on ${id}`).toBe(false);
      for (const other of labels) if (other !== label) expect(intersects(label.box, other.box), `${label.id} on ${other.id}`).toBe(false);
    }
    for (const r of requests) {
      const placement = placements.get(r.id)!;
      expect(labelLeader(r.from, r.to, placement) === null).toBe(placement.offset === 0);
    }
  });
});
