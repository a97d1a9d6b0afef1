/*
 * `npm run check -- FILE...`: opens each workspace file the way the app does and says what it would tell the
 * user. Exit code 0 when every file opens cleanly, 1 when any file has a problem (broken references count),
 * 2 for a usage error. The logic is in runCheck, which takes its file system and output as arguments so the
 * unit tests can drive it; the last lines run it only when this file is executed directly.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDanglingReferences, describeLoadError, type LoadMessage } from '../shared/document/describe-load';
import { CURRENT_VERSION } from '../shared/document/format';
import { parseWorkspace } from '../shared/document/parse';

/** Files larger than this are refused before reading, as the app does (100 MB). */
export const MAX_WORKSPACE_BYTES = 100 * 1024 * 1024;

export const USAGE = [
  'Usage: npm run check -- FILE...',
  '       tsx scripts/check-workspaces.ts FILE...',
  '',
  'Opens each Stakemap workspace file as the app would and reports what is wrong with it.',
  'Exit code: 0 if every file opens cleanly, 1 if any file has a problem, 2 for a usage error.',
].join('\n');

/** What runCheck needs from the outside world. */
export interface CheckIo {
  /** Writes one line to standard output. */
  readonly out: (line: string) => void;
  /** Writes one line to standard error. */
  readonly err: (line: string) => void;
  readonly stat: (path: string) => Promise<{ size: number; isFile(): boolean }>;
  readonly readText: (path: string) => Promise<string>;
}

export const nodeIo: CheckIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stat: (path) => stat(path),
  readText: (path) => readFile(path, 'utf8'),
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
    const ok = await checkOne(path, io);
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
  let text: string;
  try {
    const info = await io.stat(path);
    if (!info.isFile()) return fail(io, path, [`“${name}” is not a file.`]);
    if (info.size > MAX_WORKSPACE_BYTES) {
      return fail(io, path, [
        `“${name}” is too large to be a workspace: ${formatMegabytes(info.size)}, and the limit is ${formatMegabytes(MAX_WORKSPACE_BYTES)}. It was not read.`,
      ]);
    }
    text = await io.readText(path);
  } catch (error) {
    return fail(io, path, [`“${name}” could not be read: ${describeFsError(error)}.`]);
  }

  const result = parseWorkspace(text);
  if (!result.ok) return fail(io, path, messageLines(describeLoadError(name, result.error)));

  const notes =
    result.migratedFrom === null
      ? []
      : [`It is written in format version ${result.migratedFrom}; the app would save it in version ${CURRENT_VERSION}.`];
  if (result.danglingReferences.length > 0) {
    const count = result.danglingReferences.length;
    io.out(`✓ ${path}: opened with ${count} broken reference${count === 1 ? '' : 's'}`);
    for (const line of [...messageLines(describeDanglingReferences(name, result.danglingReferences)), ...notes]) io.out(`${INDENT}${line}`);
    return false;
  }
  io.out(`✓ ${path}`);
  for (const line of notes) io.out(`${INDENT}${line}`);
  return true;
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

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
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
