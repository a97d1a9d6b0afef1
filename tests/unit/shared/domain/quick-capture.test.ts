import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../../shared/document/format';
import { categoryChoices, describeCaptureProblem, parseCapture, type CaptureProblem } from '../../../../shared/domain/quick-capture';
import { deepFreeze } from '../test-helpers';

/** The six default categories, in their order: 1 Workflows … 6 Knowledge & Training. */
const CATEGORIES = deepFreeze(DEFAULT_CATEGORIES.map((c) => ({ ...c })));

const parse = (text: string, categories: readonly { id: string; name: string }[] = CATEGORIES) => parseCapture(text, categories);
const value = (text: string, categories?: readonly { id: string; name: string }[]) => {
  const result = parse(text, categories);
  if (!result.ok) throw new Error(`${JSON.stringify(text)} was refused: ${describeCaptureProblem(result.problem)}`);
  return result.value;
};
const problem = (text: string, categories?: readonly { id: string; name: string }[]): CaptureProblem => {
  const result = parse(text, categories);
  if (result.ok) throw new Error(`${JSON.stringify(text)} was accepted as ${JSON.stringify(result.value)}`);
  return result.problem;
};

describe('parseCapture: title, quote and category', () => {
  it('takes a line with only a title as the title, trimmed, with no quote and no category', () => {
    expect(value('  Legal sign-off takes days  ')).toEqual({ title: 'Legal sign-off takes days' });
  });

  it('splits the title from the quote at " > ", and takes the category after "#" at the end', () => {
    expect(value('Legal sign-off takes days > By the time it is approved the moment has passed #processes')).toEqual({
      title: 'Legal sign-off takes days',
      quote: 'By the time it is approved the moment has passed',
      categoryId: 'processes',
    });
    expect(value('Shared logins #5')).toEqual({ title: 'Shared logins', categoryId: 'infrastructure' });
    expect(value('Shared logins > we all use one password')).toEqual({ title: 'Shared logins', quote: 'we all use one password' });
  });

  it('numbers the categories 1..N in the workspace order', () => {
    const ids = [1, 2, 3, 4, 5, 6].map((n) => value(`Title #${n}`).categoryId);
    expect(ids).toEqual(['workflows', 'roles', 'processes', 'governance', 'infrastructure', 'knowledge-training']);
    // The order is the workspace's, not the defaults': reordered categories renumber.
    const reordered = [CATEGORIES[3]!, CATEGORIES[0]!];
    expect(value('Title #1', reordered).categoryId).toBe('governance');
    expect(value('Title #2', reordered).categoryId).toBe('workflows');
    expect(value('Title #06').categoryId).toBe('knowledge-training');
  });

  it('finds a category by a unique beginning of its name, in any case, without accents, with spaces and "&"', () => {
    expect(value('Title #Governance').categoryId).toBe('governance');
    expect(value('Title #GOV').categoryId).toBe('governance');
    expect(value('Title #g').categoryId).toBe('governance');
    expect(value('Title #knowledge').categoryId).toBe('knowledge-training');
    expect(value('Title #Knowledge & Training').categoryId).toBe('knowledge-training');
    expect(value('Title #knowledge   &  training ').categoryId).toBe('knowledge-training');
    expect(value('Title #Knowledge &').categoryId).toBe('knowledge-training');
    expect(value('Titre #PROCÉ', [{ id: 'p', name: 'Procès' }]).categoryId).toBe('p');
    expect(value('Titre #proces', [{ id: 'p', name: 'Procès' }]).categoryId).toBe('p');
    expect(value('Title #gouv', [{ id: 'g', name: 'Gouvernance' }, { id: 'r', name: 'Rôles' }]).categoryId).toBe('g');
    expect(value('Title #roles', [{ id: 'g', name: 'Gouvernance' }, { id: 'r', name: 'Rôles' }]).categoryId).toBe('r');
  });

  it('needs no space before "#", and keeps white space inside the title and the quote', () => {
    expect(value('Brand  checks   wording#2')).toEqual({ title: 'Brand  checks   wording', categoryId: 'roles' });
    expect(value('A > they  said  so #1')).toEqual({ title: 'A', quote: 'they  said  so', categoryId: 'workflows' });
  });

  it('splits at the first " > " only: the quote may contain ">"', () => {
    expect(value('Approvals > he said > no, and 3 > 2 #processes')).toEqual({ title: 'Approvals', quote: 'he said > no, and 3 > 2', categoryId: 'processes' });
  });

  it('takes ">" without white space around it as text of the title', () => {
    expect(value('Brief->post takes days')).toEqual({ title: 'Brief->post takes days' });
    expect(value('Score>3 only')).toEqual({ title: 'Score>3 only' });
  });

  it('drops an empty quote, and quotation marks around the whole quote', () => {
    expect(value('Title >')).toEqual({ title: 'Title' });
    expect(value('Title >   #3')).toEqual({ title: 'Title', categoryId: 'processes' });
    expect(value('Title > "We lose every trend"')).toEqual({ title: 'Title', quote: 'We lose every trend' });
    expect(value('Title > “We lose every trend” #1')).toEqual({ title: 'Title', quote: 'We lose every trend', categoryId: 'workflows' });
    // Marks that do not surround the whole quote are the participant's words.
    expect(value('Title > "Urgent" means today')).toEqual({ title: 'Title', quote: '"Urgent" means today' });
  });

  it('keeps "#" inside a quote when the line ends with a category', () => {
    expect(value('Disclosure rules > we cannot even say #ad without Legal #governance')).toEqual({
      title: 'Disclosure rules',
      quote: 'we cannot even say #ad without Legal',
      categoryId: 'governance',
    });
    expect(value('Rankings > we lost the #1 spot #2')).toEqual({ title: 'Rankings', quote: 'we lost the #1 spot', categoryId: 'roles' });
  });

  it('takes a category name that itself contains "#"', () => {
    const categories = [
      { id: 'c', name: 'C# and .NET' },
      { id: 'w', name: 'Workflows' },
    ];
    expect(value('Build breaks #c# and', categories)).toEqual({ title: 'Build breaks', categoryId: 'c' });
  });

  it('prefers a whole category name over longer names it begins', () => {
    const categories = [
      { id: 'roles', name: 'Roles' },
      { id: 'role', name: 'Role' },
    ];
    expect(value('Title #role', categories).categoryId).toBe('role');
    expect(value('Title #roles', categories).categoryId).toBe('roles');
  });

  it('numbers a repeated category id once, as the board shows it', () => {
    const categories = [
      { id: 'a', name: 'Alpha' },
      { id: 'a', name: 'Alpha again' },
      { id: 'b', name: 'Beta' },
    ];
    expect(categoryChoices(categories).map((c) => [c.number, c.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(value('Title #2', categories).categoryId).toBe('b');
  });
});

describe('parseCapture: problems, never silently eaten text', () => {
  it('refuses an empty line, a line of white space, and a line with a quote or category but no title', () => {
    for (const text of ['', '   ', '#3', '  #governance', '> only a quote', ' > only a quote #2']) expect(problem(text), text).toEqual({ kind: 'emptyTitle' });
  });

  it('refuses "#" followed by something that is no category, naming it and listing the valid ones', () => {
    const p = problem('Slow approvals #govrnance');
    expect(p).toMatchObject({ kind: 'unknownCategory', name: 'govrnance' });
    expect(describeCaptureProblem(p)).toBe(
      'There is no category "govrnance". Categories: 1 Workflows, 2 Roles, 3 Processes, 4 Governance, 5 Infrastructure, 6 Knowledge & Training.',
    );
    expect(problem('Title #7')).toMatchObject({ kind: 'unknownCategory', name: '7' });
    expect(problem('Title #0')).toMatchObject({ kind: 'unknownCategory', name: '0' });
    expect(problem('Title #Knowledge & Trainig')).toMatchObject({ kind: 'unknownCategory', name: 'Knowledge & Trainig' });
  });

  it('refuses a "#" in the title that names no category rather than keeping or dropping it', () => {
    expect(problem('We need #hashtags approved')).toMatchObject({ kind: 'unknownCategory', name: 'hashtags approved' });
    // Even when the line does end with a category: the title may not hide a stray "#".
    expect(problem('We need #hashtags approved #3')).toMatchObject({ kind: 'unknownCategory', name: 'hashtags approved' });
  });

  it('says a category typed inside the title belongs at the end', () => {
    const p = problem('Legal #3 > it takes a week');
    expect(p).toEqual({ kind: 'categoryNotAtEnd', name: '3', category: { number: 3, id: 'processes', name: 'Processes' } });
    expect(describeCaptureProblem(p)).toBe('Put the category at the end of the line: "… #3" (Processes).');
    expect(problem('Legal #governance > it takes a week')).toMatchObject({ kind: 'categoryNotAtEnd', name: 'governance' });
    // With no quote after it, the "#" is at the end already: what follows it is a category name gone wrong.
    expect(problem('Legal #governance sign-off is slow')).toMatchObject({ kind: 'unknownCategory', name: 'governance sign-off is slow' });
  });

  it('refuses a "#" in the quote when the line names no category: most likely a mistyped category', () => {
    expect(problem('Title > we cannot say #ad')).toMatchObject({ kind: 'unknownCategory', name: 'ad' });
    expect(problem('Title > it is all #prcesses')).toMatchObject({ kind: 'unknownCategory', name: 'prcesses' });
  });

  it('asks for a category after a lone "#"', () => {
    const p = problem('Title #');
    expect(p).toMatchObject({ kind: 'unknownCategory', name: '' });
    expect(describeCaptureProblem(p)).toMatch(/^Type a category after "#" \(its name or number\)\. Categories: 1 Workflows/);
  });

  it('refuses a beginning shared by several category names, listing them', () => {
    const categories = [
      { id: 'roles', name: 'Roles' },
      { id: 'risks', name: 'Risks' },
      { id: 'process', name: 'Process' },
    ];
    const p = problem('Title #r', categories);
    expect(p).toMatchObject({ kind: 'ambiguousCategory', name: 'r', matches: [{ id: 'roles' }, { id: 'risks' }] });
    expect(describeCaptureProblem(p)).toBe('"#r" could be Roles (#1) or Risks (#2): type more of the name, or its number.');
    expect(problem('Title > quote #R', categories)).toMatchObject({ kind: 'ambiguousCategory', name: 'R' });
    expect(value('Title #ro', categories).categoryId).toBe('roles');
  });

  it('lists no categories in a workspace without any, and takes no category there', () => {
    expect(value('Title', [])).toEqual({ title: 'Title' });
    const p = problem('Title #1', []);
    expect(p).toMatchObject({ kind: 'unknownCategory', name: '1', valid: [] });
    expect(describeCaptureProblem(p)).toBe('There is no category "1". This workspace has no categories yet.');
  });

  it('names an unnamed category by its number in the list', () => {
    const categories = [
      { id: 'x', name: '  ' },
      { id: 'y', name: 'Roles' },
    ];
    expect(value('Title #1', categories).categoryId).toBe('x');
    expect(describeCaptureProblem(problem('Title #zz', categories))).toBe('There is no category "zz". Categories: 1 Unnamed category, 2 Roles.');
  });

  it('describes an empty title with the syntax', () => {
    expect(describeCaptureProblem({ kind: 'emptyTitle' })).toBe('Type a title first; then, optionally, " > " and a quote, and "#" and a category.');
  });
});
