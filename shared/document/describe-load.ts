import type { LoadError } from './parse';
import type { DanglingReference } from './references';

/** A message for people: a one-line summary and the details, both in plain words. */
export interface LoadMessage {
  readonly title: string;
  readonly summary: string;
  readonly details: readonly string[];
}

const COLLECTION_NOUN = {
  stakeholders: 'stakeholder',
  relationships: 'relationship',
  painPoints: 'pain point',
  solutions: 'solution',
} as const;

/**
 * Words a load failure for the user, naming the file. One exhaustive switch: adding an error kind without
 * wording it is a type error. Used by the app's message dialog and by `npm run check`.
 */
export function describeLoadError(fileName: string, error: LoadError): LoadMessage {
  const title = `“${fileName}” could not be opened`;
  switch (error.kind) {
    case 'notJson':
      return { title, summary: `“${fileName}” is not a readable workspace file: it is damaged or not JSON.`, details: [error.detail] };
    case 'wrongEncoding':
      return {
        title,
        summary: `“${fileName}” is saved as ${error.encoding} text; Stakemap reads workspace files in UTF-8 only.`,
        details: ['Open it in a text editor, save it again as UTF-8, then open it here. The file has not been changed.'],
      };
    case 'notStakemap':
      return { title, summary: `“${fileName}” is not a Stakemap workspace.`, details: [error.detail] };
    case 'versionTooNew':
      return {
        title,
        summary: `“${fileName}” was saved by a newer Stakemap (file format version ${error.fileVersion}); this version of Stakemap reads format version ${error.supportedVersion} and older.`,
        details: ['Update Stakemap to open it. The file has not been changed.'],
      };
    case 'invalid': {
      const more = error.totalProblems - error.problems.length;
      return {
        title,
        summary: `“${fileName}” is a Stakemap workspace, but ${error.totalProblems === 1 ? 'one field is' : `${count(error.totalProblems)} fields are`} not valid.`,
        details: [...error.problems.map((p) => `${p.path}: ${p.message}`), ...(more > 0 ? [`…and ${count(more)} more.`] : [])],
      };
    }
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/** Words one dangling reference: `Relationship "post approvals" (r-1): source points to stakeholder "s-x", which does not exist.` */
export function describeDanglingReference(ref: DanglingReference): string {
  const owner = COLLECTION_NOUN[ref.from.collection];
  const label = ref.from.label ? ` “${ref.from.label}”` : '';
  return `${capitalize(owner)}${label} (${ref.from.id}): ${ref.field} points to ${COLLECTION_NOUN[ref.missing.collection]} “${ref.missing.id}”, which does not exist.`;
}

/** The message shown when a file opens but some of its references point nowhere. */
export function describeDanglingReferences(fileName: string, refs: readonly DanglingReference[]): LoadMessage {
  const count = refs.length === 1 ? 'one reference points' : `${refs.length} references point`;
  return {
    title: `“${fileName}” opened with broken references`,
    summary: `In “${fileName}”, ${count} to items that do not exist. Nothing was removed; the affected items are listed below.`,
    details: refs.map(describeDanglingReference),
  };
}

/** 4979 → "4,979": counts of thousands of problems stay readable. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
