import { describe, expect, it } from 'vitest';
import { blockViewport, CELL, generateWorkspace, generateWorkspaceText, PROBLEMATIC_SHARE } from '../../../bench/generate-workspace';
import { parseWorkspace } from '../../../shared/document/parse';

/*
 * The benchmark's workspace generator (bench/generate-workspace.ts): its files must open in the app exactly like
 * a user's (no load error, no dangling reference) and be the same every time. No timings here: the benchmark
 * itself is `npm run bench`, never part of `npm test`.
 */

describe('generateWorkspace', () => {
  it.each([100, 1000])('writes a valid workspace of %i stakeholders with the promised shape', (size) => {
    const parsed = parseWorkspace(generateWorkspaceText({ stakeholders: size }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const doc = parsed.document;
    expect(parsed.danglingReferences).toEqual([]);
    expect(doc.stakeholders).toHaveLength(size);
    expect(doc.relationships).toHaveLength(Math.round(size * 1.2));
    expect(doc.relationships.filter((r) => r.status === 'problematic')).toHaveLength(Math.floor(doc.relationships.length * PROBLEMATIC_SHARE));
    expect(doc.painPoints).toHaveLength(size);
    for (const painPoint of doc.painPoints) expect(painPoint.quotes.length).toBeGreaterThanOrEqual(1);
    for (const painPoint of doc.painPoints) expect(painPoint.quotes.length).toBeLessThanOrEqual(2);
    // No relationship from a stakeholder to itself, none twice between the same two.
    const pairs = doc.relationships.map((r) => [r.source, r.target].sort().join('|'));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(doc.relationships.every((r) => r.source !== r.target)).toBe(true);
  });

  it('lays nodes out so that none overlaps another (grid cells larger than the largest node)', () => {
    const doc = generateWorkspace({ stakeholders: 1000 });
    const cells = new Set(doc.stakeholders.map((s) => `${Math.floor(s.position.x / CELL.width)}:${Math.floor(s.position.y / CELL.height)}`));
    expect(cells.size).toBe(doc.stakeholders.length);
    for (const s of doc.stakeholders) {
      // A node (at most 240 × ~70 px) starting this far into its cell stays inside it.
      expect(s.position.x % CELL.width).toBeLessThanOrEqual(CELL.width - 240);
      expect(s.position.y % CELL.height).toBeLessThanOrEqual(CELL.height - 80);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateWorkspaceText({ stakeholders: 300, seed: 7 })).toBe(generateWorkspaceText({ stakeholders: 300, seed: 7 }));
    expect(generateWorkspaceText({ stakeholders: 300, seed: 7 })).not.toBe(generateWorkspaceText({ stakeholders: 300, seed: 8 }));
  });

  it('frames a block of about a tenth of the map for the selection drag', () => {
    const doc = generateWorkspace({ stakeholders: 1000 });
    const { viewport, block } = blockViewport(doc, { width: 750, height: 668 }, 0.1, 90);
    expect(block.ids.length).toBeGreaterThanOrEqual(90);
    expect(block.ids.length).toBeLessThanOrEqual(110);
    // The block fits the canvas inside the margins, at a zoom React Flow allows (the app's minimum is 0.1).
    expect(block.columns * CELL.width * viewport.zoom).toBeLessThanOrEqual(750 - 180);
    expect(block.rows * CELL.height * viewport.zoom).toBeLessThanOrEqual(668 - 180);
    expect(viewport.zoom).toBeGreaterThanOrEqual(0.1);
  });
});
