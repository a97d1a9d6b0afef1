import { describe, expect, it } from 'vitest';
import { inflate, intersects, rectAround } from '@shared/layout/geometry';
import { labelCentre, LABEL_CLEARANCE, placeLabels, type LabelRequest } from '@shared/layout/label-placement';
import { floatingEnds } from '@shared/layout/floating-ends';

const box = (x: number, y: number, width = 200, height = 60) => ({ x, y, width, height });
const labelBox = (request: LabelRequest, placements: ReturnType<typeof placeLabels>) =>
  rectAround(labelCentre(request.from, request.to, placements.get(request.id)!), request);

describe('relationship label placement', () => {
  it('keeps a lone label at the middle of its line', () => {
    const request = { id: 'r', from: { x: 0, y: 0 }, to: { x: 400, y: 0 }, width: 120, height: 28, priority: 0 };
    expect(placeLabels([request], []).get('r')).toEqual({ t: 0.5, offset: 0 });
  });

  it('spreads the labels of lines that leave the team side by side, covering no stakeholder', () => {
    // The reported case: Brand, Legal and Compliance above the team, their three labels in one band.
    const team = box(0, 0, 220, 70);
    const others = [box(-260, -300), box(10, -320), box(280, -300), box(-440, 20), box(460, 10)];
    const nodes = [team, ...others];
    const requests: LabelRequest[] = others.map((other, i) => {
      const { from, to } = floatingEnds(team, other);
      return { id: `r${i}`, from, to, width: 190, height: 30, priority: i === 1 ? 0 : 1 };
    });
    // At their midpoints, the three upper labels would cover each other.
    const atMidpoints = requests.map((r) => rectAround(labelCentre(r.from, r.to, { t: 0.5, offset: 0 }), r));
    expect(intersects(atMidpoints[0]!, atMidpoints[1]!) || intersects(atMidpoints[1]!, atMidpoints[2]!)).toBe(true);
    const placements = placeLabels(requests, nodes);
    const boxes = requests.map((r) => labelBox(r, placements));
    boxes.forEach((b, i) => {
      for (const node of nodes) expect(intersects(b, inflate(node, LABEL_CLEARANCE.node - 0.01)), `label ${i} on a stakeholder`).toBe(false);
      boxes.forEach((other, j) => {
        if (i !== j) expect(intersects(b, other), `labels ${i} and ${j}`).toBe(false);
      });
    });
  });

  it('gives the best spot to the problematic relationship and is deterministic', () => {
    const from = { x: 0, y: 0 };
    const to = { x: 0, y: 300 };
    const requests: LabelRequest[] = [
      { id: 'calm', from, to, width: 100, height: 30, priority: 2 },
      { id: 'problem', from, to, width: 100, height: 30, priority: 0 },
    ];
    const first = placeLabels(requests, []);
    expect(first.get('problem')).toEqual({ t: 0.5, offset: 0 });
    expect(first.get('calm')).not.toEqual({ t: 0.5, offset: 0 });
    expect(placeLabels([...requests].reverse(), [])).toEqual(first);
  });

  it('stays inside the bounds it is given', () => {
    const request = { id: 'r', from: { x: 0, y: 10 }, to: { x: 300, y: 10 }, width: 100, height: 20, priority: 0 };
    const placements = placeLabels([request], [box(120, -40, 60, 200)], { bounds: box(-20, 0, 400, 40) });
    const b = labelBox(request, placements);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(40);
  });

  it('lays out a thousand labels', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => box((i % 40) * 300, Math.floor(i / 40) * 200));
    const requests: LabelRequest[] = nodes.slice(1).map((n, i) => {
      const { from, to } = floatingEnds(nodes[i]!, n);
      return { id: `r${i}`, from, to, width: 120, height: 28, priority: i % 4 };
    });
    const placements = placeLabels(requests, nodes);
    expect(placements.size).toBe(requests.length);
  });
});
