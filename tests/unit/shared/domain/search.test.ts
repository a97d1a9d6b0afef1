import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { SNIPPET_LENGTH, fold, searchWorkspace, snippetOf, type SearchResult } from '../../../../shared/domain/search';
import { deepFreeze } from '../test-helpers';
import { painPoint, relationship, sampleDoc, stakeholder } from '../operations/test-docs';

const LOREM = 'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

function searchDoc(): WorkspaceDocument {
  return deepFreeze({
    ...sampleDoc(),
    stakeholders: [
      stakeholder('s-team', { kind: 'team', name: 'Social team' }),
      stakeholder('s-legal', { name: 'Legal & Compliance', notes: 'Signs off every post within days.', owner: 'Priya' }),
      stakeholder('s-presse', { name: 'Relations presse', notes: 'Communiqués de presse et réseaux sociaux.' }),
      stakeholder('s-cafe', { name: 'Café Crème agency', kind: 'external' }),
      stakeholder('s-long', { name: 'IT', notes: `${LOREM} needle ${LOREM}` }),
    ],
    relationships: [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic', label: 'post approvals', notes: 'Legal reviews twice.' }),
      relationship('r-gone', 's-team', 's-gone', { label: 'orphan line' }),
    ],
    painPoints: [
      painPoint('p-signoff', [{ type: 'relationship', id: 'r-legal' }], {
        title: 'Legal sign-off takes days',
        description: 'Every post waits.',
        quotes: [{ text: 'We wait a week for a tweet.', voice: null }, { text: 'Nobody knows who approves.', voice: null }],
      }),
      painPoint('p-roles', [], { title: 'Nobody owns the calendar', categoryId: 'roles' }),
    ],
    solutions: [
      { id: 'x-library', title: 'Pre-approved response library', description: 'Legal pre-approves answers.', addresses: ['p-signoff'], status: 'idea', owner: 'Ana', dueDate: null },
      { id: 'x-calendar', title: 'Shared calendar', description: '', addresses: ['p-roles'], status: 'dropped', owner: 'Priya', dueDate: null },
    ],
  });
}

const found = (results: SearchResult[]) => results.map((r) => `${r.type}:${r.id}`);

describe('searchWorkspace', () => {
  it('finds nothing for an empty or blank query', () => {
    const doc = searchDoc();
    expect(searchWorkspace(doc, '')).toEqual([]);
    expect(searchWorkspace(doc, '   \n\t')).toEqual([]);
    // Only an accent: nothing is left to look for once accents are ignored.
    expect(searchWorkspace(doc, '\u0301')).toEqual([]);
  });

  it('ignores case, and puts name and title matches first, then by type, then in document order', () => {
    expect(found(searchWorkspace(searchDoc(), 'LEGAL'))).toEqual([
      'stakeholder:s-legal',
      'painPoint:p-signoff',
      'solution:x-library',
      'relationship:r-legal',
    ]);
  });

  it('describes each result by its display name, the field that matched and a snippet', () => {
    const results = searchWorkspace(searchDoc(), 'legal');
    expect(results).toEqual([
      { type: 'stakeholder', id: 's-legal', title: 'Legal & Compliance', field: 'name', snippet: 'Legal & Compliance' },
      { type: 'painPoint', id: 'p-signoff', title: 'Legal sign-off takes days', field: 'title', snippet: 'Legal sign-off takes days' },
      { type: 'solution', id: 'x-library', title: 'Pre-approved response library', field: 'description', snippet: 'Legal pre-approves answers.' },
      { type: 'relationship', id: 'r-legal', title: 'Social team – Legal & Compliance', field: 'notes', snippet: 'Legal reviews twice.' },
    ]);
  });

  it('orders types stakeholder, pain point, solution, relationship among name and title matches', () => {
    const doc = deepFreeze({
      ...sampleDoc(),
      stakeholders: [stakeholder('s-a'), stakeholder('s-b', { name: 'Budget office' })],
      relationships: [relationship('r-1', 's-a', 's-b', { label: 'budget sign-off' })],
      painPoints: [painPoint('p-1', [], { title: 'No budget' }), painPoint('p-2', [], { title: 'Budget cuts' })],
      solutions: [{ id: 'x-1', title: 'Budget line', description: '', addresses: [], status: 'idea' as const, owner: '', dueDate: null }],
    });
    expect(found(searchWorkspace(doc, 'budget'))).toEqual(['stakeholder:s-b', 'painPoint:p-1', 'painPoint:p-2', 'solution:x-1', 'relationship:r-1']);
  });

  it('searches stakeholder notes and owner, relationship labels, solution owners', () => {
    const doc = searchDoc();
    expect(searchWorkspace(doc, 'within days')).toMatchObject([{ type: 'stakeholder', id: 's-legal', field: 'notes' }]);
    expect(found(searchWorkspace(doc, 'priya'))).toEqual(['stakeholder:s-legal', 'solution:x-calendar']);
    expect(searchWorkspace(doc, 'priya').map((r) => r.field)).toEqual(['owner', 'owner']);
    expect(searchWorkspace(doc, 'approvals')).toMatchObject([
      { type: 'relationship', id: 'r-legal', field: 'label', snippet: 'post approvals' },
    ]);
    expect(searchWorkspace(doc, 'ana')).toMatchObject([{ type: 'solution', id: 'x-library', field: 'owner' }]);
  });

  it('finds dropped solutions too (search is about words, not status)', () => {
    expect(found(searchWorkspace(searchDoc(), 'calendar'))).toEqual(['painPoint:p-roles', 'solution:x-calendar']);
  });

  it('searches the participants’ quotes', () => {
    expect(searchWorkspace(searchDoc(), 'tweet')).toEqual([
      { type: 'painPoint', id: 'p-signoff', title: 'Legal sign-off takes days', field: 'quote', snippet: 'We wait a week for a tweet.' },
    ]);
    expect(searchWorkspace(searchDoc(), 'who approves')).toMatchObject([{ id: 'p-signoff', field: 'quote', snippet: 'Nobody knows who approves.' }]);
  });

  it('ignores accents in the text and in the query', () => {
    const doc = searchDoc();
    expect(searchWorkspace(doc, 'cafe creme')).toMatchObject([{ id: 's-cafe', field: 'name', title: 'Café Crème agency' }]);
    expect(searchWorkspace(doc, 'CAFÉ')).toMatchObject([{ id: 's-cafe' }]);
    expect(searchWorkspace(doc, 'communiques reseaux')).toMatchObject([
      { id: 's-presse', field: 'notes', snippet: 'Communiqués de presse et réseaux sociaux.' },
    ]);
    expect(searchWorkspace(doc, 'présse')).toMatchObject([{ id: 's-presse', field: 'name' }]);
  });

  it('matches text written with decomposed accents, and other scripts', () => {
    const doc = deepFreeze({
      ...sampleDoc(),
      stakeholders: [
        stakeholder('s-nfd', { name: 'Re\u0301sume\u0301 team' }),
        stakeholder('s-tr', { name: 'İstanbul office' }),
        stakeholder('s-el', { name: 'ΟΔΟΣ' }),
      ],
    });
    expect(searchWorkspace(doc, 'résumé')).toMatchObject([{ id: 's-nfd', snippet: 'Re\u0301sume\u0301 team' }]);
    expect(found(searchWorkspace(doc, 'istanbul'))).toEqual(['stakeholder:s-tr']);
    expect(found(searchWorkspace(doc, 'οδός'))).toEqual(['stakeholder:s-el']);
  });

  it('needs every word of the query in the same item, in any of its fields', () => {
    const doc = searchDoc();
    // "legal" is in the title, "week" in a quote.
    expect(found(searchWorkspace(doc, 'legal week'))).toEqual(['painPoint:p-signoff']);
    expect(found(searchWorkspace(doc, '  week   LEGAL '))).toEqual(['painPoint:p-signoff']);
    // Both words exist, but never in the same item.
    expect(searchWorkspace(doc, 'tweet priya')).toEqual([]);
    expect(searchWorkspace(doc, 'legal zebra')).toEqual([]);
  });

  it('matches parts of words', () => {
    expect(found(searchWorkspace(searchDoc(), 'approv'))).toEqual(['solution:x-library', 'relationship:r-legal', 'painPoint:p-signoff']);
  });

  it('does not search a relationship by the names of its ends (those find the stakeholders)', () => {
    expect(found(searchWorkspace(searchDoc(), 'compliance'))).toEqual(['stakeholder:s-legal']);
  });

  it('gives one result per item, shown by the field holding the most words, the name or title on a tie', () => {
    const doc = searchDoc();
    // "wait" is also in the description ("waits"), but only the first quote holds both words.
    expect(searchWorkspace(doc, 'wait week')).toMatchObject([{ id: 'p-signoff', field: 'quote', snippet: 'We wait a week for a tweet.' }]);
    // Each holds one word in its name, title or label and the other elsewhere: the name, title or label is shown.
    expect(searchWorkspace(doc, 'legal post')).toMatchObject([
      { type: 'stakeholder', id: 's-legal', field: 'name' },
      { type: 'painPoint', id: 'p-signoff', field: 'title' },
      { type: 'relationship', id: 'r-legal', field: 'label' },
    ]);
  });

  it('ranks a name or title holding every word above one holding some', () => {
    // s-legal's name holds "legal" (its notes hold "days"); the pain point's title holds both.
    expect(found(searchWorkspace(searchDoc(), 'legal days'))).toEqual(['painPoint:p-signoff', 'stakeholder:s-legal']);
  });

  it('names relationship ends, also a missing one, and gives unnamed items a readable title', () => {
    const doc = deepFreeze({
      ...searchDoc(),
      stakeholders: [...searchDoc().stakeholders, stakeholder('s-blank', { name: '', notes: 'blank name' })],
      painPoints: [painPoint('p-empty', [], { title: '', description: 'blank title' })],
      solutions: [{ id: 'x-empty', title: '', description: 'blank title', addresses: [], status: 'idea' as const, owner: '', dueDate: null }],
    });
    expect(searchWorkspace(doc, 'orphan')).toMatchObject([{ id: 'r-gone', title: 'Social team – missing stakeholder "s-gone"' }]);
    expect(searchWorkspace(doc, 'blank').map((r) => r.title)).toEqual(['Unnamed stakeholder', 'Untitled pain point', 'Untitled solution']);
  });

  it('returns at most `limit` results, 50 by default', () => {
    const doc = deepFreeze({ ...sampleDoc(), stakeholders: Array.from({ length: 80 }, (_, i) => stakeholder(`s-${i}`, { name: `Team ${i}` })) });
    expect(searchWorkspace(doc, 'team')).toHaveLength(50);
    expect(found(searchWorkspace(doc, 'team', 3))).toEqual(['stakeholder:s-0', 'stakeholder:s-1', 'stakeholder:s-2']);
    expect(searchWorkspace(doc, 'team', 100)).toHaveLength(80);
    expect(searchWorkspace(doc, 'team', 0)).toEqual([]);
  });

  it('shows a snippet of a long field around the match', () => {
    const [result] = searchWorkspace(searchDoc(), 'needle');
    expect(result).toMatchObject({ type: 'stakeholder', id: 's-long', title: 'IT', field: 'notes' });
    const snippet = result?.snippet ?? '';
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(' needle ');
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet.length).toBeGreaterThan(SNIPPET_LENGTH - 30);
    // Cut between words: what is shown is a run of whole words of the text.
    expect(` ${LOREM} needle ${LOREM} `).toContain(` ${snippet.slice(1, -1)} `);
  });

  // Speed is measured by the benchmark suite, never asserted here (machines are noisy); this checks the large case is right.
  it('finds the one item and caps the results on a large map', () => {
    const doc = deepFreeze({
      ...sampleDoc(),
      stakeholders: Array.from({ length: 5000 }, (_, i) => stakeholder(`s-${i}`, { name: `Département ${i}`, notes: LOREM })),
    });
    expect(searchWorkspace(doc, 'departement 4999')).toHaveLength(1);
    expect(searchWorkspace(doc, 'magna')).toHaveLength(50);
  });
});

describe('snippetOf', () => {
  it('returns short text whole, on one line', () => {
    expect(snippetOf('  one\n\ntwo\tthree ', ['two'])).toBe('one two three');
  });

  it('has no leading "…" when the match is near the start, and no trailing one near the end', () => {
    const text = `needle ${LOREM} ${LOREM}`;
    const start = snippetOf(text, ['needle']);
    expect(start.startsWith('needle ')).toBe(true);
    expect(start.endsWith('…')).toBe(true);
    const end = snippetOf(`${LOREM} ${LOREM} needle`, ['needle']);
    expect(end.startsWith('…')).toBe(true);
    expect(end.endsWith(' needle')).toBe(true);
  });

  it('centres on the earliest of the words', () => {
    const text = `${LOREM} first ${LOREM} second ${LOREM}`;
    const snippet = snippetOf(text, ['second', 'first']);
    expect(snippet).toContain('first');
    expect(snippet).not.toContain('second');
  });

  it('maps the match back through accents, decomposed characters and emoji', () => {
    const before = 'é'.repeat(40) + ' ' + 'e\u0301'.repeat(40) + ' ' + '🎉'.repeat(40);
    const snippet = snippetOf(`${before} réseaux ${before}`, ['reseaux']);
    expect(snippet).toContain(' réseaux ');
    // Never a lone half of a surrogate pair.
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('never cuts into a match longer than the snippet', () => {
    const long = 'x'.repeat(200);
    const snippet = snippetOf(`${LOREM} ${long} ${LOREM}`, [long]);
    expect(snippet.startsWith('…xxx')).toBe(true);
  });
});

describe('fold', () => {
  it('strips accents and case, and writes the final sigma like the other', () => {
    expect(fold('Crème Brûlée')).toBe('creme brulee');
    expect(fold('Re\u0301sume\u0301')).toBe('resume');
    expect(fold('ΟΔΟΣ οδός')).toBe('οδοσ οδοσ');
  });

  it('equals folding each code point and joining the results', () => {
    for (const text of ['İstanbul', 'ΣΟΦΟΣ', 'Ångström', 'e\u0301\u0327', 'ﬁ 🎉 Straße']) {
      expect(fold(text)).toBe(Array.from(text, fold).join(''));
    }
  });
});
