import { WORKSPACE_EXTENSION } from '../document/format';

/*
 * The rules for the file names Stakemap suggests and completes, in one place for main (the save and export
 * dialogs, the CSV pair) and the renderer (the name it suggests for Save As). Pure string functions: no
 * node:path, so the renderer can use them too; main joins folders itself.
 */

/**
 * The name suggested for a workspace whose title leaves nothing usable: the title a new workspace has (schema.ts
 * and the title bar say "Untitled workspace"), so the suggested file name matches what the user sees.
 */
export const DEFAULT_FILE_NAME = 'Untitled workspace';

/**
 * The most a suggested name may take, in UTF-8 bytes. ext4 and APFS allow 255 bytes per name and NTFS 255 UTF-16
 * units (never more units than UTF-8 bytes). Stakemap adds up to 16 (" pain points.csv") and a save's temp file
 * beside the target 18 more (".<name>.<12 hex digits>.tmp"): 200 + 16 + 18 = 234 leaves room. Counted in bytes,
 * not characters, because 120 Chinese characters are already 360 bytes, which Linux refuses (ENAMETOOLONG).
 */
export const MAX_FILE_NAME_BYTES = 200;

/** The extensions each kind of export may end in; the first is the one added to a name that has none. */
export const EXPORT_EXTENSIONS = {
  png: ['png'],
  markdown: ['md', 'markdown'],
  pdf: ['pdf'],
  csv: ['csv'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

/** A kind of exported file, by the name EXPORT_EXTENSIONS knows it by. */
export type ExportKindName = keyof typeof EXPORT_EXTENSIONS;

// eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
const REFUSED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/g;

/**
 * A file name made from a workspace title, for the Save As and export dialogs: characters no common file system
 * accepts (path separators, `<>:"|?*`, control characters) become spaces, runs of white space one space, a
 * trailing `.stakemap` and leading dots (hidden files) are dropped, and the result is cut to MAX_FILE_NAME_BYTES
 * at a character boundary. An empty result becomes DEFAULT_FILE_NAME.
 *
 * Applying it twice gives the same name as once: the renderer cleans the name it sends and main cleans it again
 * (it trusts no name from the renderer), and the two must agree.
 */
export function safeFileName(title: string): string {
  const cleaned = title.replace(REFUSED_CHARACTERS, ' ').replace(/\s+/g, ' ');
  // Cut before stripping, so that the cut can never expose a ".stakemap" that a second pass would strip.
  let name = truncateUtf8(cleaned, MAX_FILE_NAME_BYTES).trim();
  // Until nothing changes: "a.stakemap .stakemap" and ". .hidden" need more than one round.
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(/\.stakemap$/i, '').replace(/^\.+/, '').trim();
  }
  return name || DEFAULT_FILE_NAME;
}

/** `filePath` as it is if it ends in one of `extensions` (any case), else with the first one added. */
export function withExtension(filePath: string, extensions: readonly [string, ...string[]]): string {
  const lower = filePath.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension.toLowerCase()}`)) ? filePath : `${filePath}.${extensions[0]}`;
}

/**
 * Adds `.stakemap` to a path chosen in the save dialog unless it already ends in `.stakemap` or `.json`
 * (both open again). Linux save dialogs do not add the extension of the selected filter themselves.
 */
export function withWorkspaceExtension(filePath: string): string {
  return withExtension(filePath, [WORKSPACE_EXTENSION, 'json']);
}

/**
 * The file name an export's save dialog suggests: safeFileName of the workspace title plus `suffix` (by default
 * the first of `extensions` with its dot: `.png`, `.md` ...). An extension of the kind already in the title is
 * not doubled: "notes.MARKDOWN" gives "notes.md".
 */
export function exportFileName(title: string, extensions: readonly [string, ...string[]], suffix = `.${extensions[0]}`): string {
  const withoutExtension = (name: string) => {
    const lower = name.toLowerCase();
    const found = extensions.find((extension) => lower.endsWith(`.${extension}`));
    return found ? name.slice(0, -(found.length + 1)).trim() : name;
  };
  return `${withoutExtension(safeFileName(withoutExtension(title.trim())))}${suffix}`;
}

/** The name the CSV export suggests for its first file: "Q3 workshop" gives "Q3 workshop pain points.csv". */
export function painPointsCsvFileName(title: string): string {
  return `${exportFileName(title, EXPORT_EXTENSIONS.csv, '')} pain points.csv`;
}

/**
 * The name of the solutions file written beside the pain points CSV the user chose (a name, not a path): "pain
 * points" in it becomes "solutions" in the same capitalisation (the last occurrence), else " solutions" is
 * appended: "Q3 pain points.csv" → "Q3 solutions.csv", "export.csv" → "export solutions.csv". A name without
 * `.csv` gets it.
 */
export function solutionsCsvFileName(painPointsFileName: string): string {
  return siblingCsvFileName(painPointsFileName, 'solutions');
}

/** The other files of a CSV export, named after the pain points file as solutionsCsvFileName names its own. */
export type CsvSibling = 'solutions' | 'stakeholders' | 'relationships';

/** "Q3 pain points.csv" → "Q3 stakeholders.csv" (and the rule of solutionsCsvFileName for any sibling). */
export function siblingCsvFileName(painPointsFileName: string, sibling: CsvSibling): string {
  const extension = /\.csv$/i.exec(painPointsFileName)?.[0] ?? '';
  const base = painPointsFileName.slice(0, painPointsFileName.length - extension.length);
  const last = [...base.matchAll(/pain points/gi)].at(-1);
  let siblingBase: string;
  if (last?.index === undefined) {
    siblingBase = `${base} ${sibling}`;
  } else {
    const found = last[0];
    const replacement = found === found.toUpperCase() ? sibling.toUpperCase() : found.startsWith('P') ? sibling[0]!.toUpperCase() + sibling.slice(1) : sibling;
    siblingBase = base.slice(0, last.index) + replacement + base.slice(last.index + found.length);
  }
  return `${siblingBase}${extension || '.csv'}`;
}

/** The longest start of `text` that takes at most `maxBytes` in UTF-8, never cutting a character in two. */
function truncateUtf8(text: string, maxBytes: number): string {
  // Quick answer for the usual title: even at 3 bytes per UTF-16 unit (the most a unit can take) it fits.
  if (text.length * 3 <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // A lone surrogate is written as U+FFFD, 3 bytes, like every other code point from 0x800 to 0xFFFF.
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}
