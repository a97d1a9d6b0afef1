import { describe, expect, it } from 'vitest';
import { describeDanglingReference, describeDanglingReferences, describeLoadError } from '../../../../shared/document/describe-load';
import type { LoadError } from '../../../../shared/document/parse';
import type { DanglingReference } from '../../../../shared/document/references';
import { loadErrorOf, openFixture } from '../test-helpers';

type ErrorOfKind<K extends LoadError['kind']> = Extract<LoadError, { kind: K }>;

/**
 * One example per kind. The mapped type makes this table exhaustive: a new LoadError kind that is not added
 * here is a type error, so every kind is proven to get a message that names the file.
 */
const EXAMPLES: { readonly [K in LoadError['kind']]: ErrorOfKind<K> } = {
  notJson: { kind: 'notJson', detail: 'The JSON text ends too early: the file looks truncated.' },
  wrongEncoding: { kind: 'wrongEncoding', encoding: 'UTF-16 LE' },
  notStakemap: { kind: 'notStakemap', detail: 'It holds a JSON list, not a Stakemap workspace.' },
  versionTooNew: { kind: 'versionTooNew', fileVersion: 2, supportedVersion: 1 },
  invalid: { kind: 'invalid', problems: [{ path: 'stakeholders[0].kind', message: 'expected one of "team", "department", "external", found "dept"' }], totalProblems: 1 },
  unexpected: { kind: 'unexpected', detail: 'RangeError: Maximum call stack size exceeded' },
};

describe('describeLoadError', () => {
  it.each(Object.values(EXAMPLES))('names the file in the title and summary, and gives details ($kind)', (error) => {
    const message = describeLoadError('Workshop 2026.stakemap', error);
    expect(message.title).toBe('“Workshop 2026.stakemap” could not be opened');
    expect(message.summary).toContain('“Workshop 2026.stakemap”');
    expect(message.details.length).toBeGreaterThan(0);
    for (const line of [message.summary, ...message.details]) expect(line.trim()).not.toBe('');
  });

  it('gives each kind its own summary', () => {
    const summaries = Object.values(EXAMPLES).map((e) => describeLoadError('a.stakemap', e).summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('notJson: says the file is damaged or not JSON and passes the detail on', () => {
    expect(describeLoadError('a.stakemap', EXAMPLES.notJson)).toEqual({
      title: '“a.stakemap” could not be opened',
      summary: '“a.stakemap” is not a readable workspace file: it is damaged or not JSON.',
      details: ['The JSON text ends too early: the file looks truncated.'],
    });
  });

  it('notStakemap: says it is not a Stakemap workspace', () => {
    const message = describeLoadError('package.json', EXAMPLES.notStakemap);
    expect(message.summary).toBe('“package.json” is not a Stakemap workspace.');
    expect(message.details).toEqual([EXAMPLES.notStakemap.detail]);
  });

  it('versionTooNew: names both versions and says the file was not changed', () => {
    const message = describeLoadError('future.stakemap', EXAMPLES.versionTooNew);
    expect(message.summary).toContain('file format version 2');
    expect(message.summary).toContain('format version 1');
    expect(message.details.join(' ')).toMatch(/not been changed/);
  });

  it('invalid: lists each problem as "path: message", with singular wording for one', () => {
    const message = describeLoadError('a.stakemap', EXAMPLES.invalid);
    expect(message.summary).toBe('“a.stakemap” is a Stakemap workspace, but one field is not valid.');
    expect(message.details).toEqual(['stakeholders[0].kind: expected one of "team", "department", "external", found "dept"']);
  });

  it('wrongEncoding: names the encoding and says to save the file as UTF-8', () => {
    expect(describeLoadError('notepad.stakemap', EXAMPLES.wrongEncoding)).toEqual({
      title: '“notepad.stakemap” could not be opened',
      summary: '“notepad.stakemap” is saved as UTF-16 LE text; Stakemap reads workspace files in UTF-8 only.',
      details: ['Open it in a text editor, save it again as UTF-8, then open it here. The file has not been changed.'],
    });
  });

  it('invalid: writes thousands with separators', () => {
    const problems = Array.from({ length: 20 }, (_, i) => ({ path: `stakeholders[${i + 1}].id`, message: 'the id "s" is already used by stakeholders[0]' }));
    const message = describeLoadError('a.stakemap', { kind: 'invalid', problems, totalProblems: 4999 });
    expect(message.summary).toContain('4,999 fields are not valid');
    expect(message.details.at(-1)).toBe('…and 4,979 more.');
  });

  it('invalid: counts the problems that were not listed', () => {
    const problems = Array.from({ length: 20 }, (_, i) => ({ path: `stakeholders[${i}].kind`, message: 'bad' }));
    const message = describeLoadError('a.stakemap', { kind: 'invalid', problems, totalProblems: 25 });
    expect(message.summary).toContain('25 fields are not valid');
    expect(message.details).toHaveLength(21);
    expect(message.details.at(-1)).toBe('…and 5 more.');
  });

  it.each([
    ['not-json.stakemap', /damaged or not JSON/],
    ['truncated.stakemap', /damaged or not JSON/],
    ['empty.stakemap', /damaged or not JSON/],
    ['foreign.json', /not a Stakemap workspace/],
    ['json-array.stakemap', /not a Stakemap workspace/],
    ['newer-version.stakemap', /version 5.*version 4/],
    ['invalid-field.stakemap', /2 fields are not valid/],
    ['duplicate-ids.stakemap', /2 fields are not valid/],
    ['utf16le-no-bom.stakemap', /saved as UTF-16 LE text; Stakemap reads workspace files in UTF-8 only/],
    ['non-finite-numbers.stakemap', /3 fields are not valid/],
    ['bad-votes.stakemap', /2 fields are not valid/],
    ['long-name.stakemap', /one field is not valid/],
  ])('words the error of %s, naming the file', (name, summary) => {
    const message = describeLoadError(name, loadErrorOf(name));
    expect(message.title).toContain(name);
    expect(message.summary).toContain(`“${name}”`);
    expect(message.summary).toMatch(summary);
  });

  it('words the details of invalid-field.stakemap with paths and expectations', () => {
    const message = describeLoadError('invalid-field.stakemap', loadErrorOf('invalid-field.stakemap'));
    expect(message.details).toEqual([
      'stakeholders[0].kind: expected one of "team", "department", "external", found "dept"',
      'stakeholders[1].influence: must be at most 5, found 9',
    ]);
  });

  it('says a truncated file looks truncated', () => {
    expect(describeLoadError('truncated.stakemap', loadErrorOf('truncated.stakemap')).details.join(' ')).toMatch(/looks truncated/);
  });
});

describe('describeDanglingReference(s)', () => {
  it('words each broken reference of the fixture, naming the item and the missing id', () => {
    const { result } = openFixture('dangling-references.stakemap');
    const message = describeDanglingReferences('dangling-references.stakemap', result.danglingReferences);
    expect(message.title).toBe('“dangling-references.stakemap” opened with broken references');
    expect(message.summary).toBe(
      'In “dangling-references.stakemap”, 4 references point to items that do not exist. Nothing was removed; the affected items are listed below.',
    );
    expect(message.details).toEqual([
      'Relationship “press statements” (r-pr): target points to stakeholder “s-pr”, which does not exist.',
      'Pain point “Embargoes are announced too late” (p-embargo): attachedTo points to stakeholder “s-comms”, which does not exist.',
      'Pain point “Embargoes are announced too late” (p-embargo): attachedTo points to relationship “r-gone”, which does not exist.',
      'Solution “Pre-approved response library” (x-library): addresses points to pain point “p-missing”, which does not exist.',
    ]);
  });

  it('uses singular wording for one reference', () => {
    const ref: DanglingReference = { from: { collection: 'solutions', id: 'x-1', label: 'Library' }, field: 'addresses', missing: { collection: 'painPoints', id: 'p-9' } };
    expect(describeDanglingReferences('a.stakemap', [ref]).summary).toMatch(/^In “a\.stakemap”, one reference points to items/);
  });

  it('leaves out an empty label', () => {
    const ref: DanglingReference = { from: { collection: 'painPoints', id: 'p-1', label: '' }, field: 'attachedTo', missing: { collection: 'stakeholders', id: 's-x' } };
    expect(describeDanglingReference(ref)).toBe('Pain point (p-1): attachedTo points to stakeholder “s-x”, which does not exist.');
  });
});
