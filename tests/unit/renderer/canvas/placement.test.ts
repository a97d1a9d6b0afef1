import { describe, expect, it } from 'vitest';
import { findFreeSpot } from '../../../../shared/layout/free-spot';
import { inflate, intersects } from '../../../../shared/layout/geometry';
import { DEFAULT_NODE_SIZE, placementBoxes, placementObstacles } from '../../../../renderer/src/canvas/placement';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../../../../renderer/src/store/flow-elements';

/*
 * Where N puts a new stakeholder on a large map, where React Flow has drawn (and measured) only the part around the
 * screen: the stakeholders never drawn count too, at the usual size, so the new one lands clear of them as well.
 */

const node = (id: string, x: number, y: number, measured?: { width: number; height: number }): StakeholderFlowNode =>
  ({ id, type: 'stakeholder', position: { x, y }, data: {} as StakeholderFlowNode['data'], ...(measured ? { measured } : {}) });

describe('placement on a map only partly measured', () => {
  it('counts every stakeholder, measured or not, and lines between any two of them', () => {
    const nodes = [node('team', 0, 0, { width: 240, height: 70 }), node('far', 5000, 0)];
    const edges = [{ id: 'r', source: 'team', target: 'far' } as RelationshipFlowEdge];
    const boxes = placementBoxes(nodes);
    expect(boxes.get('team')).toEqual({ x: 0, y: 0, width: 240, height: 70 });
    expect(boxes.get('far')).toEqual({ x: 5000, y: 0, ...DEFAULT_NODE_SIZE });
    const obstacles = placementObstacles(boxes, edges, []);
    expect(obstacles.nodes).toHaveLength(2);
    expect(obstacles.lines).toHaveLength(1);
  });

  it('a new stakeholder around the team keeps clear of stakeholders that were never drawn', () => {
    // The team is measured (on screen); a close ring of stakeholders around it is not (off screen on a large map).
    const team = node('team', 0, 0, { width: 220, height: 64 });
    const ring: StakeholderFlowNode[] = [];
    for (let i = 0; i < 24; i++) {
      const angle = (i / 24) * 2 * Math.PI;
      ring.push(node(`s-${i}`, Math.round(Math.cos(angle) * 520), Math.round(Math.sin(angle) * 320)));
    }
    const boxes = placementBoxes([team, ...ring]);
    const spot = findFreeSpot({ size: DEFAULT_NODE_SIZE, kind: 'department', anchor: boxes.get('team')!, centre: { x: 0, y: 0 } }, placementObstacles(boxes, [], []));
    const placed = { ...spot, ...DEFAULT_NODE_SIZE };
    for (const other of boxes.values()) expect(intersects(inflate(placed, 8), other)).toBe(false);
  });
});
