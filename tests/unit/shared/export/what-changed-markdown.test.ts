import { describe, expect, it } from 'vitest';
import type { Category, PainPoint, Relationship, Solution, Stakeholder } from '@shared/document/schema';
import { diffWorkspaces, type DiffParts } from '@shared/domain/workspace-diff';
import { unescapeMarkdown } from '@shared/export/markdown';
import { whatChangedMarkdown } from '@shared/export/what-changed-markdown';

const stakeholder = (id: string, name: string): Stakeholder => ({ id, name, kind: 'department', position: { x: 0, y: 0 }, owner: '', notes: '', color: null });
const relationship = (id: string, source: string, target: string, status: Relationship['status']): Relationship => ({
  id,
  source,
  target,
  status,
  label: '',
  notes: '',
  otherSide: null,
});
const pain = (id: string, title: string, tally = 0): PainPoint => ({ id, title, description: '', categoryId: 'processes', quotes: [], attachedTo: [], tally, voice: null });
const solution = (id: string, title: string, status: Solution['status']): Solution => ({ id, title, description: '', addresses: [], status, owner: '', dueDate: null });
const categories: Category[] = [{ id: 'processes', name: 'Processes', color: '#111111' }];
const doc = (parts: Partial<DiffParts>): DiffParts => ({ stakeholders: [], relationships: [], painPoints: [], solutions: [], categories, ...parts });

const labels = { beforeLabel: 'Snapshot "Before the workshop"', afterLabel: 'now' };

describe('what changed as Markdown', () => {
  it('writes the heading, the count and one group per kind of item that changed', () => {
    const team = stakeholder('team', 'Social media team');
    const legal = stakeholder('legal', 'Legal');
    const before = doc({
      stakeholders: [team, legal],
      relationships: [relationship('r1', 'team', 'legal', 'problematic')],
      painPoints: [pain('p1', 'Tone rewrites', 2)],
      solutions: [solution('s1', 'Pre-approved responses', 'idea')],
    });
    const after = doc({
      stakeholders: [team, legal, stakeholder('brand', 'Brand')],
      relationships: [relationship('r1', 'team', 'legal', 'strained')],
      painPoints: [pain('p1', 'Tone rewrites', 3), pain('p2', 'Sign-off takes days')],
      solutions: [solution('s1', 'Pre-approved responses', 'done')],
    });
    expect(whatChangedMarkdown(diffWorkspaces(before, after), labels)).toEqual([
      '## What changed',
      '',
      'Between Snapshot "Before the workshop" and now: 5 changes.',
      '',
      '### Stakeholders',
      '',
      '- New stakeholder: Brand',
      '',
      '### Relationships',
      '',
      '- Social media team – Legal: problematic → strained (improved)',
      '',
      '### Pain points',
      '',
      '- Pain point Tone rewrites: votes 2 → 3 (+1)',
      '- New pain point: Sign-off takes days',
      '',
      '### Solutions',
      '',
      '- Solution Pre-approved responses: Idea → Done',
    ]);
  });

  it('leaves out groups without changes and says "1 change" for one', () => {
    const diff = diffWorkspaces(doc({}), doc({ solutions: [solution('s1', 'Training plan', 'idea')] }));
    expect(whatChangedMarkdown(diff, { beforeLabel: 'file A', afterLabel: 'file B' })).toEqual([
      '## What changed',
      '',
      'Between file A and file B: 1 change.',
      '',
      '### Solutions',
      '',
      '- New solution: Training plan',
    ]);
  });

  it('says so when nothing changed', () => {
    const same = doc({ stakeholders: [stakeholder('a', 'A')] });
    expect(whatChangedMarkdown(diffWorkspaces(same, same), { beforeLabel: 'Monday', afterLabel: 'Tuesday' })).toEqual([
      '## What changed',
      '',
      'Between Monday and Tuesday: no changes.',
    ]);
  });

  it('escapes the documents’ text and the labels, and nothing of its own words', () => {
    const before = doc({ stakeholders: [stakeholder('a', '*Legal*'), stakeholder('b', '- Brand')], relationships: [relationship('r', 'a', 'b', 'healthy')] });
    const after = doc({
      stakeholders: [stakeholder('a', '*Legal*'), stakeholder('b', '- Brand')],
      relationships: [relationship('r', 'a', 'b', 'problematic')],
      painPoints: [pain('p', '<script>alert(1)</script> | [link](x)')],
    });
    const md = whatChangedMarkdown(diffWorkspaces(before, after), { beforeLabel: 'v1 #draft', afterLabel: 'line one\nline two' });
    expect(md).toContain('Between v1 \\#draft and line one line two: 2 changes.');
    expect(md).toContain('- \\*Legal\\* – \\- Brand: healthy → problematic (worsened)');
    expect(md).toContain('- New pain point: \\<script\\>alert(1)\\</script\\> \\| \\[link\\](x)');
    expect(unescapeMarkdown(md.at(-1)!)).toBe('- New pain point: <script>alert(1)</script> | [link](x)');
  });
});
