import { textForMessage } from './message-text';
import type { DuplicateKeyNote, LoadError } from './parse';
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
  participants: 'participant',
  ballots: 'vote',
} as const;

/**
 * Words a load failure for the user, naming the file. One exhaustive switch: adding an error kind without
 * wording it is a type error. Used by the app's message dialog and by `npm run check`.
 */
export function describeLoadError(rawFileName: string, error: LoadError): LoadMessage {
  // A file name comes from the disk too, and may hold control characters.
  const fileName = textForMessage(rawFileName, 200);
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
      const howMany = error.totalIsLowerBound
        ? `more than ${count(error.totalProblems)} fields are`
        : error.totalProblems === 1
          ? 'one field is'
          : `${count(error.totalProblems)} fields are`;
      const andMore = error.totalIsLowerBound ? `…and more than ${count(more)} more.` : `…and ${count(more)} more.`;
      return {
        title,
        summary: `“${fileName}” is a Stakemap workspace, but ${howMany} not valid.`,
        details: [...error.problems.map((p) => `${p.path}: ${p.message}`), ...(more > 0 ? [andMore] : [])],
      };
    }
    case 'unexpected':
      return {
        title,
        summary: `Stakemap could not check “${fileName}” because of an unexpected error, so it did not open it.`,
        details: [error.detail, 'The file has not been changed. Please report this problem with the file, if you can share it.'],
      };
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/** At most this many broken references or repeated keys are listed in a message; the rest are counted. */
export const MAX_LISTED_WARNINGS = 20;

/** Words one dangling reference: `Relationship "post approvals" (r-1): source points to stakeholder "s-x", which does not exist.` */
export function describeDanglingReference(ref: DanglingReference): string {
  const owner = COLLECTION_NOUN[ref.from.collection];
  const label = ref.from.label ? ` “${textForMessage(ref.from.label)}”` : '';
  return `${capitalize(owner)}${label} (${textForMessage(ref.from.id)}): ${ref.field} points to ${COLLECTION_NOUN[ref.missing.collection]} “${textForMessage(ref.missing.id)}”, which does not exist.`;
}

/** The first MAX_LISTED_WARNINGS lines, then "…and N more." (one file had 400,000 broken references). */
function capped<T>(items: readonly T[], line: (item: T) => string): string[] {
  const listed = items.slice(0, MAX_LISTED_WARNINGS).map(line);
  const more = items.length - listed.length;
  return more > 0 ? [...listed, `…and ${count(more)} more.`] : listed;
}

/** The message shown when a file opens but some of its references point nowhere. */
export function describeDanglingReferences(rawFileName: string, refs: readonly DanglingReference[]): LoadMessage {
  const fileName = textForMessage(rawFileName, 200);
  const howMany = refs.length === 1 ? 'one reference points' : `${count(refs.length)} references point`;
  return {
    title: `“${fileName}” opened with broken references`,
    summary: `In “${fileName}”, ${howMany} to items that do not exist. Nothing was removed; the affected items are listed below.`,
    details: capped(refs, describeDanglingReference),
  };
}

/** Words one repeated key: `stakeholders[0]: the key "name" is written 2 times; the last value, "Legal", was kept.` */
export function describeDuplicateKey(note: DuplicateKeyNote): string {
  return `${note.path}: the key “${textForMessage(note.key)}” is written ${count(note.occurrences)} times; the last value, ${note.kept}, was kept.`;
}

/** The message shown when a file opens but some of its objects write a key twice. */
export function describeDuplicateKeys(rawFileName: string, notes: readonly DuplicateKeyNote[]): LoadMessage {
  const fileName = textForMessage(rawFileName, 200);
  const howMany = notes.length === 1 ? 'one key is' : `${count(notes.length)} keys are`;
  return {
    title: `“${fileName}” opened with repeated keys`,
    summary: `In “${fileName}”, ${howMany} written more than once in the same object. Stakemap kept the last value of each, as JSON readers do; saving will write only that one.`,
    details: capped(notes, describeDuplicateKey),
  };
}

/**
 * Everything to tell the user about a file that opened: broken references and repeated keys, in one message,
 * or null when there is nothing to say.
 */
export function describeOpenWarnings(
  fileName: string,
  parsed: { readonly danglingReferences: readonly DanglingReference[]; readonly duplicateKeys: readonly DuplicateKeyNote[] },
): LoadMessage | null {
  const dangling = parsed.danglingReferences.length > 0 ? describeDanglingReferences(fileName, parsed.danglingReferences) : null;
  const duplicates = parsed.duplicateKeys.length > 0 ? describeDuplicateKeys(fileName, parsed.duplicateKeys) : null;
  if (dangling && duplicates) {
    return {
      title: `“${textForMessage(fileName, 200)}” opened with problems`,
      summary: `${dangling.summary} ${duplicates.summary}`,
      details: [...dangling.details, ...duplicates.details],
    };
  }
  return dangling ?? duplicates;
}

/** 4979 → "4,979": counts of thousands of problems stay readable. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
