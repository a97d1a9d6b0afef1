import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
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
});
