import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { applyMerge, initialMergeDecisions, planMerge, relationshipKey, type MergeDecisions } from '../../../../shared/merge/merge-plan';
import { buildMergeFixtures, MERGE_FIXTURES_DIR } from '../../../fixtures/merge/build-fixtures';
import { between, byName, expectValidWorkspace, overlappingBoxes } from './merge-helpers';

const readMergeFixture = (name: string) => readFileSync(join(MERGE_FIXTURES_DIR, name), 'utf8');

function openMergeFixture(name: string): WorkspaceDocument {
  const result = parseWorkspace(readMergeFixture(name));
  if (!result.ok) throw new Error(`${name} did not open: ${JSON.stringify(result.error)}`);
  expect(result.danglingReferences).toEqual([]);
  expect(result.migratedFrom).toBeNull();
  return result.document;
}

describe('merge fixtures (tests/fixtures/merge)', () => {
  it.each(Object.entries(buildMergeFixtures()))('%s is up to date with build-fixtures.ts (run `npx tsx tests/fixtures/merge/build-fixtures.ts`)', (name, content) => {
    expect(readMergeFixture(name)).toBe(content);
  });

  it.each(Object.keys(buildMergeFixtures()))('%s opens and is canonical (written again, the same bytes)', (name) => {
    expect(serializeWorkspace(openMergeFixture(name))).toBe(readMergeFixture(name));
  });

  it('are two breakout maps of 14 and 13 stakeholders with no box on another', () => {
    const a = openMergeFixture('breakout-a.stakemap');
    const b = openMergeFixture('breakout-b.stakemap');
    expect([a.stakeholders.length, b.stakeholders.length]).toEqual([14, 13]);
    expect(overlappingBoxes(a.stakeholders)).toEqual([]);
    expect(overlappingBoxes(b.stakeholders)).toEqual([]);
  });
});

describe('merging breakout B into breakout A', () => {
  const a = () => openMergeFixture('breakout-a.stakemap');
  const b = () => openMergeFixture('breakout-b.stakemap');

  it('by the defaults: names matched, likely aliases and the near-duplicate suggested, one conflict', () => {
    const current = a();
    const plan = planMerge(current, b(), initialMergeDecisions(current, b()));
    expect(plan.stakeholders.matched.map((m) => [m.incomingName, m.name])).toEqual([
      ['Social Media Team', 'Social media team'],
      ['legal', 'Legal '],
      ['brand', 'Brand'],
      ['Customer  Service', 'Customer service'],
    ]);
    expect(plan.suggestions.aliases).toEqual([
      { incomingId: 's-ecom', currentId: 's-ecommerce', reason: 'spelling', score: 1 },
      { incomingId: 's-comms', currentId: 's-corpcomms', reason: 'shared-word', score: 0.65 },
    ]);
    expect(plan.suggestions.duplicates).toEqual([{ incomingId: 'p-1', currentId: 'p-1', score: 0.91, certain: false }]);
    expect(plan.relationships.conflicts.map((c) => [c.sourceName, c.targetName, c.ours, c.theirs, c.choice])).toEqual([
      ['Social media team', 'Legal ', 'problematic', 'strained', 'ours'],
    ]);
  });

  it('with "PR" confirmed as "Press office" and the near-duplicate confirmed', () => {
    const current = a();
    const decisions: MergeDecisions = { aliases: [['s-pr', 's-press']], duplicates: [['p-1', 'p-1']] };
    const plan = planMerge(current, b(), decisions);
    expect(plan.counts).toEqual({
      stakeholdersMatched: 5,
      stakeholdersAdded: 8,
      fieldDifferences: 4,
      fieldsTakenFromIncoming: 0,
      relationshipsUnited: 3,
      relationshipsAdded: 7,
      relationshipsLeftOut: 0,
      statusConflicts: 1,
      painPointsMerged: 1,
      painPointsAdded: 4,
      categoriesMapped: 7,
      categoriesAdded: 1,
      solutionsAdded: 2,
      idsRenamed: 7,
      referencesDropped: 0,
      participantsNotMerged: 3,
      ballotsNotMerged: 3,
      changes: 25,
    });
    expect(plan.renamedIds.map((r) => `${r.from} → ${r.to}`)).toEqual(['s-web → s-web-2', 'r-it → r-it-2', 'p-2 → p-2-2', 'p-3 → p-3-2', 'p-4 → p-4-2', 'x-1 → x-1-2', 'x-2 → x-2-2']);

    const merged = applyMerge(current, plan);
    expectValidWorkspace(merged);
    expect(overlappingBoxes(merged.stakeholders)).toEqual([]);
    expect([merged.stakeholders.length, merged.relationships.length, merged.painPoints.length, merged.solutions.length, merged.categories.length]).toEqual([22, 16, 8, 4, 8]);
    expect(merged.participants).toEqual([]);
    expect(merged.ballots).toEqual([]);

    // Ours kept where the maps differ; their words added.
    expect(between(merged, 's-social', 's-legal')).toMatchObject({
      status: 'problematic',
      label: 'post approvals',
      notes: 'Three to five days per post.\n\nApprovals need a week.',
      otherSide: { status: 'neutral', notes: '' },
    });
    expect(between(merged, 's-social', 's-press')).toMatchObject({ id: 'r-press', label: 'statements' });
    const signoff = merged.painPoints.find((p) => p.id === 'p-1')!;
    expect(signoff.tally).toBe(7);
    expect(signoff.quotes.map((q) => q.text)).toEqual([
      'By the time legal says yes, the conversation has moved on.',
      'We stopped doing reactive posts.',
      'A week for a tweet is not a workflow.',
    ]);
    // B's "Mobile app team" had A's id for Web management: renamed, and its pain point and relationship follow it.
    const mobile = byName(merged, 'Mobile app team');
    expect(mobile.id).toBe('s-web-2');
    expect(merged.painPoints.find((p) => p.title === 'App reviews go unanswered')).toMatchObject({
      id: 'p-5',
      categoryId: 'c-tools',
      voice: 's-web-2',
      attachedTo: [
        { type: 'relationship', id: 'r-it-2' },
        { type: 'stakeholder', id: 's-web-2' },
      ],
    });
    expect(between(merged, 's-social', 's-web-2').id).toBe('r-it-2');
    expect(merged.painPoints.find((p) => p.title === 'No money for paid influencer posts')!.categoryId).toBe('c-budget');
    expect(merged.solutions.find((s) => s.title === 'Weekly content calendar with legal')!.addresses).toEqual(['p-1', 'p-2-2']);

    // Saved and opened again, it is the same map.
    const reopened = parseWorkspace(serializeWorkspace(merged));
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(serializeWorkspace(merged));
  });

  it('takes their status for the conflict when the user chooses theirs', () => {
    const current = a();
    const merged = applyMerge(current, planMerge(current, b(), { statusChoices: { [relationshipKey('s-legal', 's-social')]: 'theirs' } }));
    expectValidWorkspace(merged);
    expect(between(merged, 's-social', 's-legal').status).toBe('strained');
  });
});
