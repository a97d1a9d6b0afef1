/*
 * `npm run check -- FILE...`: opens each workspace file exactly the way the app does and says what it would tell
 * the user. The bytes are read by the app's own read path (readWorkspaceFile: size limit, strict UTF-8, the
 * workspace inside an exported PNG), then parsed and worded by the app's parser and messages. Every file is
 * reported, whatever happens with any one of them. Exit code 0 when every file opens cleanly, 1 when any file has
 * a problem (broken references and repeated keys count), 2 for a usage error. The logic is in runCheck, which
 * takes its file system and output as arguments so the unit tests can drive it; the last lines run it only when
 * this file is executed directly.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkspaceFile, type WorkspaceFs } from '../electron/services/workspace-files';
import { describeLoadError, describeOpenWarnings, type LoadMessage } from '../shared/document/describe-load';
import { CURRENT_VERSION, MAX_WORKSPACE_BYTES } from '../shared/document/format';
import { parseWorkspace } from '../shared/document/parse';

/** Files larger than this are refused before reading, as the app does (100 MB); the app's one limit. */
export { MAX_WORKSPACE_BYTES };

export const USAGE = [
  'Usage: npm run check -- FILE...',
  '       tsx scripts/check-workspaces.ts FILE...',
  '',
  'Opens each Stakemap workspace file (or PNG image exported by Stakemap) as the app would and reports what is',
  'wrong with it.',
  'Exit code: 0 if every file opens cleanly, 1 if any file has a problem, 2 for a usage error.',
].join('\n');

/** What runCheck needs from the outside world. */
export interface CheckIo {
  /** Writes one line to standard output. */
  readonly out: (line: string) => void;
  /** Writes one line to standard error. */
  readonly err: (line: string) => void;
  /** The file system the app's read path (readWorkspaceFile) reads through; tests inject failures. */
  readonly fs: WorkspaceFs;
}

export const nodeIo: CheckIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  fs: nodeFs,
};

const INDENT = '    ';

/** Checks each file, prints one block per file, and returns the exit code. */
export async function runCheck(paths: readonly string[], io: CheckIo = nodeIo): Promise<number> {
  if (paths.length === 0) {
    io.err(USAGE);
    return 2;
  }
  if (paths.length === 1 && (paths[0] === '--help' || paths[0] === '-h')) {
    io.out(USAGE);
    return 0;
  }

  let problems = 0;
  for (const path of paths) {
    let ok: boolean;
    try {
      ok = await checkOne(path, io);
    } catch (error) {
      // A bug (in this script, the parser or the messages) for this one file: say so, and check the others.
      ok = fail(io, path, [`Checking “${basename(path)}” failed unexpectedly: ${describeUnexpected(error)}. This is a bug in Stakemap; please report it.`]);
    }
    if (!ok) problems++;
  }
  if (paths.length > 1) {
    io.out('');
    io.out(problems === 0 ? `All ${paths.length} files are fine.` : `${problems} of ${paths.length} files have problems.`);
  }
  return problems === 0 ? 0 : 1;
}

/** Checks one file and prints its block. True when the file opens with nothing to report. */
async function checkOne(path: string, io: CheckIo): Promise<boolean> {
  const name = basename(path);
  const read = await readWorkspaceFile(path, { fs: io.fs, maxBytes: MAX_WORKSPACE_BYTES });
  switch (read.kind) {
    case 'tooLarge':
      return fail(io, path, [
        `“${name}” is too large to be a workspace: ${formatMegabytes(read.size)}, and the limit is ${formatMegabytes(read.limit)}. It was not read.`,
      ]);
    case 'failed':
      // The app's words: "“name” could not be read: <reason>".
      return fail(io, path, [`“${name}” could not be read: ${read.reason}`]);
    case 'read':
      break;
    default: {
      const unreachable: never = read;
      return unreachable;
    }
  }

  const result = parseWorkspace(read.content);
  if (!result.ok) return fail(io, path, messageLines(describeLoadError(name, result.error)));

  const notes = [
    ...(read.source === 'png'
      ? ['It is a PNG image exported by Stakemap; the app opens the workspace inside it as a new, unsaved workspace.']
      : []),
    ...(result.migratedFrom === null
      ? []
      : [`It is written in format version ${result.migratedFrom}; the app would save it in version ${CURRENT_VERSION}.`]),
  ];
  const warnings = describeOpenWarnings(name, result);
  if (warnings) {
    io.out(`✓ ${path}: opened with ${warningCounts(result.danglingReferences.length, result.duplicateKeys.length)}`);
    for (const line of [...messageLines(warnings), ...notes]) io.out(`${INDENT}${line}`);
    return false;
  }
  io.out(`✓ ${path}`);
  for (const line of notes) io.out(`${INDENT}${line}`);
  return true;
}

/** "4 broken references", "1 repeated key", or both joined by "and". */
function warningCounts(broken: number, repeated: number): string {
  const parts = [
    ...(broken > 0 ? [`${broken.toLocaleString('en-US')} broken reference${broken === 1 ? '' : 's'}`] : []),
    ...(repeated > 0 ? [`${repeated.toLocaleString('en-US')} repeated key${repeated === 1 ? '' : 's'}`] : []),
  ];
  return parts.join(' and ');
}

function fail(io: CheckIo, path: string, lines: readonly string[]): false {
  io.out(`✗ ${path}`);
  for (const line of lines) io.out(`${INDENT}${line}`);
  return false;
}

/** The summary, then each detail as a bullet under it. */
function messageLines(message: LoadMessage): string[] {
  return [message.summary, ...message.details.map((detail) => `  - ${detail}`)];
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCheck(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`check-workspaces failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
