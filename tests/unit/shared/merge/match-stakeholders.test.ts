import { describe, expect, it } from 'vitest';
import { editDistance, matchStakeholders, MAX_ALIAS_SUGGESTIONS, suggestAliases } from '../../../../shared/merge/match-stakeholders';
import { singular, wordSet, wordsOf } from '../../../../shared/merge/words';
import { deepFreeze } from '../test-helpers';
import { stakeholder } from './merge-helpers';

const named = (id: string, name: string) => stakeholder(id, { name });

/** Our map: the names a first room wrote. */
const current = deepFreeze([
  named('s-team', 'Social media team'),
  named('s-legal', 'Légal'),
  named('s-press', 'Press office'),
  named('s-service', 'Customer service'),
  named('s-hr', 'Human resources'),
  named('s-comms', 'Corporate communications'),
  named('s-compliance', 'Compliance'),
  named('s-marketing', 'Marketing'),
]);

describe('matchStakeholders', () => {
  it('matches names ignoring case, accents and spacing', () => {
    const incoming = deepFreeze([
      named('i-1', 'SOCIAL MEDIA TEAM'),
      named('i-2', 'legal '),
      named('i-3', '  Customer\u00a0  Service'),
      named('i-4', 'Finance'),
    ]);
    const matching = matchStakeholders(current, incoming);
    expect(matching.matches).toEqual([
      { incomingId: 'i-1', currentId: 's-team', by: 'name' },
      { incomingId: 'i-2', currentId: 's-legal', by: 'name' },
      { incomingId: 'i-3', currentId: 's-service', by: 'name' },
    ]);
    expect(matching.unmatched).toEqual(['i-4']);
    expect(matching.currentIdOf.get('i-2')).toBe('s-legal');
    expect(matching.currentIdOf.has('i-4')).toBe(false);
  });

  it('takes confirmed aliases, which win over a name and may join two incoming stakeholders into one of ours', () => {
    const incoming = deepFreeze([named('i-pr', 'PR'), named('i-press', 'Press office'), named('i-legal', 'Legal'), named('i-x', 'Finance')]);
    const matching = matchStakeholders(current, incoming, [
      ['i-pr', 's-press'],
      // The user says this "Legal" is our Compliance: the alias is taken, not the name.
      ['i-legal', 's-compliance'],
      // Aliases naming ids on neither map are ignored.
      ['i-missing', 's-press'],
      ['i-x', 's-missing'],
    ]);
    expect(matching.matches).toEqual([
      { incomingId: 'i-pr', currentId: 's-press', by: 'alias' },
      { incomingId: 'i-press', currentId: 's-press', by: 'name' },
      { incomingId: 'i-legal', currentId: 's-compliance', by: 'alias' },
    ]);
    expect(matching.unmatched).toEqual(['i-x']);
  });

  it('matches the first of several stakeholders of ours with the same name', () => {
    const ours = deepFreeze([named('s-a', 'Brand'), named('s-b', 'brand')]);
    expect(matchStakeholders(ours, [named('i', 'BRAND')]).matches).toEqual([{ incomingId: 'i', currentId: 's-a', by: 'name' }]);
  });

  it('never matches an empty name by name', () => {
    const matching = matchStakeholders([named('s-empty', '  ')], [named('i-empty', '')]);
    expect(matching.matches).toEqual([]);
    expect(matching.unmatched).toEqual(['i-empty']);
  });

  it('suggests aliases for the unmatched stakeholders only', () => {
    const incoming = deepFreeze([named('i-hr', 'HR'), named('i-legal', 'Legal'), named('i-comms', 'Comms')]);
    const matching = matchStakeholders(current, incoming);
    expect(matching.suggestions.map((s) => s.incomingId)).not.toContain('i-legal');
    expect(matching.suggestions).toContainEqual({ incomingId: 'i-hr', currentId: 's-hr', reason: 'initials', score: 0.9 });
    expect(matching.suggestions).toContainEqual({ incomingId: 'i-comms', currentId: 's-comms', reason: 'contraction', score: 0.7 });
  });
});

describe('suggestAliases', () => {
  const suggest = (incomingName: string, ours: readonly string[] = current.map((s) => s.name)) =>
    suggestAliases(
      ours.map((name, i) => named(`c-${i}`, name)),
      [named('i', incomingName)],
    ).map((s) => ({ name: ours[Number(s.currentId.slice(2))], reason: s.reason, score: s.score }));

  it('suggests a name that is the initials of the other, in either direction', () => {
    expect(suggest('PR', ['Press relations'])).toEqual([{ name: 'Press relations', reason: 'initials', score: 0.9 }]);
    expect(suggest('Public Relations', ['PR'])).toEqual([{ name: 'PR', reason: 'initials', score: 0.9 }]);
    // Small words are not part of initials.
    expect(suggest('SLT', ['Head of the senior leadership team', 'Senior leadership team'])).toEqual([{ name: 'Senior leadership team', reason: 'initials', score: 0.9 }]);
  });

  it('does not take "PR" for "Press office", nor "HR" for "PR" (the user confirms such aliases)', () => {
    expect(suggest('PR', ['Press office', 'HR', 'IT'])).toEqual([]);
  });

  it('suggests a contraction of a longer word', () => {
    expect(suggest('Mktg', ['Marketing', 'Legal'])).toEqual([{ name: 'Marketing', reason: 'contraction', score: 0.7 }]);
    expect(suggest('Comms', ['Corporate communications'])).toEqual([{ name: 'Corporate communications', reason: 'contraction', score: 0.7 }]);
  });

  it('suggests a small edit for the length of the name, but not for short names', () => {
    expect(suggest('Complience', ['Compliance'])).toEqual([{ name: 'Compliance', reason: 'spelling', score: 0.9 }]);
    // Spaces and punctuation do not count: "E-commerce" and "Ecommerce" are spelt alike.
    expect(suggest('Ecommerce', ['E-commerce'])).toEqual([{ name: 'E-commerce', reason: 'spelling', score: 1 }]);
    expect(suggest('Legal', ['Local'])).toEqual([]);
    expect(suggest('Ops', ['Opz'])).toEqual([]);
  });

  it('suggests names sharing a significant word, but not a word many departments have', () => {
    expect(suggest('Press relations', ['Press office'])).toEqual([{ name: 'Press office', reason: 'shared-word', score: 0.65 }]);
    expect(suggest('Legal & compliance', ['Compliance'])).toEqual([{ name: 'Compliance', reason: 'shared-word', score: 0.73 }]);
    expect(suggest('IT services', ['Customer services', 'Web management'])).toEqual([]);
    expect(suggest('Brand management', ['Web management'])).toEqual([]);
  });

  it('lists the best first, at most a few per stakeholder, and nothing for unrelated names', () => {
    const many = ['Press office', 'Press desk', 'Press room', 'Press relations'];
    const suggestions = suggest('Press relations team', many);
    expect(suggestions).toEqual([
      { name: 'Press relations', reason: 'shared-word', score: 0.8 },
      { name: 'Press office', reason: 'shared-word', score: 0.6 },
      { name: 'Press desk', reason: 'shared-word', score: 0.6 },
    ]);
    expect(suggestions).toHaveLength(MAX_ALIAS_SUGGESTIONS);
    expect(suggest('Finance', current.map((s) => s.name))).toEqual([]);
  });

  it('sorts suggestions of several stakeholders by score, then in the incoming order', () => {
    const suggestions = suggestAliases([named('c-hr', 'Human resources'), named('c-comp', 'Compliance')], [named('i-1', 'Complience'), named('i-2', 'HR')]);
    expect(suggestions.map((s) => [s.incomingId, s.currentId, s.score])).toEqual([
      ['i-1', 'c-comp', 0.9],
      ['i-2', 'c-hr', 0.9],
    ]);
  });

  it('stays quick on long names (no letter-by-letter comparison of huge names)', () => {
    const long = 'x'.repeat(9_000);
    const started = performance.now();
    expect(suggestAliases([named('c', long)], [named('i', `y${long}`)])).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('words and edit distance', () => {
  it('cuts names into normalised words and takes off the plural', () => {
    expect(wordsOf('  Légal  sign-off & R&D ')).toEqual(['legal', 'sign', 'off', 'r', 'd']);
    expect(['approvals', 'policies', 'processes', 'process', 'status', 'analysis', 'days', 'bus'].map(singular)).toEqual([
      'approval', 'policy', 'process', 'process', 'status', 'analysis', 'day', 'bus',
    ]);
    expect([...wordSet('The approvals take too many days', new Set(['the', 'too']))]).toEqual(['approval', 'take', 'many', 'day']);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
