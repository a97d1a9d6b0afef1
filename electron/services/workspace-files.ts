import { MAX_WORKSPACE_BYTES } from '../../shared/document/format';
import { detectForeignText, foreignByteOrderMark, foreignEncodingReason } from '../../shared/document/text-encoding';
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { isPng, readWorkspaceFromPng } from '../../shared/export/png-text-chunk';
import { DescribedFileError, describeFileError, errorCode } from './file-errors';

/*
 * Reading and writing workspace files on disk. Only the main process (and the test harness standing in for it)
 * touches files; the renderer receives and sends text.
 */

// The one size limit, in bytes, for open and save, lives with the format; re-exported for the modules that read.
export { MAX_WORKSPACE_BYTES };

/** The slice of `node:fs/promises` these functions use, so tests can inject failures a root user never sees. */
export type WorkspaceFs = Pick<typeof nodeFs, 'stat' | 'open' | 'rename' | 'rm' | 'chmod' | 'realpath' | 'readdir' | 'link'>;

/** Refusal reason for a PNG image that does not carry a workspace. */
export const PNG_WITHOUT_WORKSPACE_REASON =
  'This PNG image has no Stakemap workspace in it. Only PNGs exported by Stakemap can be opened.';

/** Refusal reason for a damaged or truncated PNG image; `problem` says what is wrong with it. */
export function damagedPngReason(problem: string): string {
  return `This PNG image is damaged or incomplete, so no Stakemap workspace can be read from it. ${problem}`;
}

export type ReadWorkspaceResult =
  /** `source`: a workspace file, or a PNG image exported by Stakemap with the workspace embedded. */
  | { readonly kind: 'read'; readonly content: string; readonly source: 'workspace' | 'png' }
  | { readonly kind: 'tooLarge'; readonly size: number; readonly limit: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly code: string | null };

export interface ReadWorkspaceOptions {
  readonly maxBytes?: number;
  readonly fs?: WorkspaceFs;
}

/**
 * Reads a workspace file as UTF-8 text. Checks the size with stat first so an enormous file is refused without
 * being loaded, refuses folders and other non-regular files (a named pipe would block forever), and refuses text
 * that is not valid UTF-8 rather than silently replacing bytes (which would corrupt the file on the next save).
 * A PNG image (recognised by its signature, whatever its extension) gives the workspace Stakemap embedded in it
 * on export, or is refused with a reason. Never writes anything.
 */
export async function readWorkspaceFile(filePath: string, options: ReadWorkspaceOptions = {}): Promise<ReadWorkspaceResult> {
  return (await readWorkspaceFileAndBytes(filePath, options)).read;
}

/** What readWorkspaceFileAndBytes gives: the result, and the bytes it came from (for a fingerprint). */
export interface ReadWorkspaceWithBytes {
  readonly read: ReadWorkspaceResult;
  /** The bytes read, whether they decoded or not; null when none were read (missing, too large, a folder). */
  readonly bytes: Buffer | null;
  /** The file's modification time when it was read, or null when none were read. */
  readonly mtimeMs: number | null;
}

/**
 * readWorkspaceFile, also giving the bytes read and their modification time, so the caller can fingerprint the
 * file exactly as it was read (to notice a change on disk before saving over it) without reading it twice.
 */
export async function readWorkspaceFileAndBytes(filePath: string, options: ReadWorkspaceOptions = {}): Promise<ReadWorkspaceWithBytes> {
  const fs = options.fs ?? nodeFs;
  const limit = options.maxBytes ?? MAX_WORKSPACE_BYTES;
  const nothingRead = (read: ReadWorkspaceResult): ReadWorkspaceWithBytes => ({ read, bytes: null, mtimeMs: null });
  let bytes: Buffer | null = null;
  let mtimeMs: number | null = null;
  try {
    const stats = await fs.stat(filePath);
    if (stats.isDirectory()) return nothingRead({ kind: 'failed', reason: 'It is a folder, not a file.', code: 'EISDIR' });
    if (!stats.isFile()) return nothingRead({ kind: 'failed', reason: 'It is not a regular file (it may be a device or a pipe).', code: null });
    if (stats.size > limit) return nothingRead({ kind: 'tooLarge', size: stats.size, limit });

    bytes = await readAtMost(fs, filePath, limit + 1);
    mtimeMs = stats.mtimeMs;
    // The file may have grown between stat and read.
    if (bytes.length > limit) return nothingRead({ kind: 'tooLarge', size: bytes.length, limit });
    if (isPng(bytes)) return { read: workspaceInPng(bytes), bytes, mtimeMs };
    return { read: { kind: 'read', content: decodeUtf8(bytes), source: 'workspace' }, bytes, mtimeMs };
  } catch (error) {
    if (error instanceof NotUtf8Error) return { read: { kind: 'failed', reason: error.message, code: null }, bytes, mtimeMs };
    return nothingRead({ kind: 'failed', reason: describeFileError(error, 'read'), code: errorCode(error) });
  }
}

async function readAtMost(fs: WorkspaceFs, filePath: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    return await readFromHandle(handle, maxBytes);
  } finally {
    // A file opened for reading has nothing to flush: once its bytes are in hand, a failing close changes nothing.
    await handle.close().catch(() => undefined);
  }
}

/** Reads from the start of an open file until its end or `maxBytes`, whichever comes first. */
async function readFromHandle(handle: nodeFs.FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The bytes of a file as it is now, for checking whether it changed since it was read or written: null when it
 * does not exist, `tooLarge` (with its size) when over `maxBytes`. Throws on any other failure; for something
 * that exists but is not a regular file (a named pipe, a device, a socket) a DescribedFileError with
 * notRegularFileReason, without ever opening it.
 */
export async function readCurrentBytes(
  filePath: string,
  options: { readonly maxBytes: number; readonly fs?: WorkspaceFs },
): Promise<{ readonly kind: 'read'; readonly bytes: Buffer; readonly mtimeMs: number } | { readonly kind: 'tooLarge'; readonly size: number } | null> {
  const fs = options.fs ?? nodeFs;
  let stats;
  try {
    stats = await fs.stat(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    throw error;
  }
  if (stats.isDirectory()) throw Object.assign(new Error(`${filePath} is a folder`), { code: 'EISDIR' });
  // Never opened: opening a named pipe with no writer blocks forever, and a device may never end.
  if (!stats.isFile()) throw new DescribedFileError(notRegularFileReason(stats));
  if (stats.size > options.maxBytes) return { kind: 'tooLarge', size: stats.size };
  const bytes = await readAtMost(fs, filePath, options.maxBytes + 1);
  if (bytes.length > options.maxBytes) return { kind: 'tooLarge', size: bytes.length };
  return { kind: 'read', bytes, mtimeMs: stats.mtimeMs };
}

function workspaceInPng(bytes: Uint8Array): ReadWorkspaceResult {
  const found = readWorkspaceFromPng(bytes);
  switch (found.kind) {
    case 'found':
      return { kind: 'read', content: found.text, source: 'png' };
    case 'none':
      return { kind: 'failed', reason: PNG_WITHOUT_WORKSPACE_REASON, code: null };
    case 'damaged':
      return { kind: 'failed', reason: damagedPngReason(found.problem), code: null };
    default: {
      const unreachable: never = found;
      return unreachable;
    }
  }
}

class NotUtf8Error extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Refusal reason for bytes that are not UTF-8 text. */
export const NOT_UTF8_REASON = 'The file is not UTF-8 text: it may be a binary file or use another text encoding.';

/** Refusal reason for UTF-8 text whose last character is cut short: the file is fine up to its very end. */
export const TRUNCATED_CHARACTER_REASON =
  'The file ends in the middle of a character: it looks truncated (cut short while it was being copied or saved).';

function decodeUtf8(bytes: Buffer): string {
  // A UTF-16 file (Notepad's "Unicode") says so in its byte order mark: name the encoding, not just "not UTF-8".
  const foreign = foreignByteOrderMark(bytes);
  if (foreign) throw new NotUtf8Error(foreignEncodingReason(foreign));
  try {
    return utf8.decode(bytes);
  } catch {
    // UTF-16 or UTF-32 without a byte order mark, with a character outside ASCII: not UTF-8, but the NULs between
    // the letters still give the encoding away. One character per byte (Latin-1) keeps that pattern intact.
    const foreignText = detectForeignText(bytes.subarray(0, FOREIGN_SAMPLE_BYTES).toString('latin1'));
    if (foreignText) throw new NotUtf8Error(foreignEncodingReason(foreignText));
    throw new NotUtf8Error(endsInsideACharacter(bytes) ? TRUNCATED_CHARACTER_REASON : NOT_UTF8_REASON);
  }
}

/** How many leading bytes are looked at to recognise UTF-16 or UTF-32 text without a byte order mark. */
const FOREIGN_SAMPLE_BYTES = 1024;

/**
 * Whether the only thing wrong with `bytes` as UTF-8 is an incomplete multi-byte sequence at the very end: a
 * streaming decoder accepts everything (it holds the incomplete tail back, waiting for more) and only the final
 * flush fails. Run only once strict decoding has failed, so a valid file is decoded once.
 */
function endsInsideACharacter(bytes: Buffer): boolean {
  const streaming = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    streaming.decode(bytes, { stream: true });
  } catch {
    // Invalid before the end: not a truncation.
    return false;
  }
  try {
    streaming.decode();
    return false;
  } catch {
    return true;
  }
}

export interface WriteAtomicOptions {
  readonly fs?: WorkspaceFs;
  /** Defaults to process.platform; decides whether a failed folder fsync is expected. */
  readonly platform?: NodeJS.Platform;
}

/** What writeFileAtomic accepts: text (written as UTF-8) or bytes (written as they are). */
export type FileContent = string | Uint8Array;

/** A file writeFileAtomic wrote and read back: the bytes on disk are exactly the bytes given. */
export interface WrittenFile {
  /** The file replaced: the path given, with symbolic links resolved. */
  readonly target: string;
  /** The bytes written (and read back). */
  readonly bytes: Buffer;
  /** The file's modification time after the write, or null if it could not be read. */
  readonly mtimeMs: number | null;
}

/** The first words of the reason given when a written file does not read back as written. */
export const WRITE_MISMATCH_REASON = 'The file on disk does not match what was written';

/**
 * Refusal reason for writing to a path that holds something other than a regular file (folders are refused
 * with EISDIR). Writing there would block forever (a named pipe without a reader, or one with a writer when it is
 * read to compare it) or send the workspace to a device, and the rename of an atomic save would replace it.
 */
export function notRegularFileReason(stats: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  const what = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'something other than a file (a named pipe, a device or a socket)';
  return `It is ${what}, not a regular file. Stakemap writes only to regular files, so it did not open or replace it.`;
}

/**
 * Refusal reason for replacing a file whose permissions let no one write to it (mode 0444, "read-only" in the
 * file manager). An atomic save would replace it anyway (a rename needs only the folder's permission), so the
 * read-only mark is respected here instead.
 */
export const READ_ONLY_REASON = 'The file is read-only (its permissions let no one write to it), so Stakemap did not replace it.';

/**
 * Whether a file's permission bits let no one write to it. The bits, not access(): as root (CI, some containers)
 * access() allows everything, while the user's intent is in the bits.
 */
export function isReadOnlyMode(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/** The bytes a FileContent is written as: UTF-8 for text. */
export function contentBytes(content: FileContent): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/**
 * Replaces a file's content so that a crash or power cut leaves either the old file or the new one, never a
 * broken one: writes a hidden temp file in the same folder (a rename is only atomic within one file system),
 * fsyncs it, renames it over the target, fsyncs the folder so the rename itself is durable, then reads the file
 * back and compares it with what was written (draw.io's saveFile does the same). Any failure before the rename
 * removes the temp file and leaves the target untouched. A failed read-back throws a DescribedFileError (the
 * rename has happened by then). An existing target keeps its permission bits, and a symbolic link is followed
 * (the file it points to is replaced, the link stays a link). Temp files of earlier writes to the same target
 * that were cut short (the app was killed) are removed first.
 */
export async function writeFileAtomic(filePath: string, content: FileContent, options: WriteAtomicOptions = {}): Promise<WrittenFile> {
  const prepared = await prepareAtomicWrite(filePath, content, options);
  return prepared.commit();
}

/** A file written in full to a temp file beside its target, waiting to replace it (see prepareAtomicWrite). */
export interface PreparedWrite {
  /** The file commit() replaces: `filePath` with symbolic links resolved. */
  readonly target: string;
  /** Whether the target existed when the write was prepared. */
  readonly existed: boolean;
  /** Whether commit() has renamed the new content over the target (true even if the read-back then failed). */
  readonly replaced: boolean;
  /**
   * Renames the temp file over the target, makes the rename durable and reads the target back. On a failed
   * rename the target is untouched; on a failed read-back it throws a DescribedFileError.
   */
  commit(): Promise<WrittenFile>;
  /** Removes the temp file; the target was never touched. */
  abort(): Promise<void>;
}

/**
 * Temp files this process is writing right now (prepared, not yet committed or aborted). The clean-up of
 * leftovers never touches them, so two writes to one file in this process cannot remove each other's temp file.
 */
const tempFilesInFlight = new Set<string>();

/** `.<name>.<12 hex digits>.tmp`: the temp file name of a write to `<name>`. */
function tempFileName(targetName: string): string {
  return `.${targetName}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Matches the temp files writeFileAtomic creates for the file called `targetName`, and nothing else. */
export function tempFilePattern(targetName: string): RegExp {
  return new RegExp(`^\\.${targetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`);
}

/**
 * Removes temp files a write to the same target left behind when the app was killed or the machine lost power
 * mid-save (a SIGKILL cannot clean up). Conservative: only names of our exact pattern for this very target, not
 * being written by this process. Best effort: a failure here never stops the save.
 */
async function removeLeftoverTempFiles(fs: WorkspaceFs, folder: string, targetName: string): Promise<void> {
  const pattern = tempFilePattern(targetName);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const leftover = path.join(folder, name);
    if (!pattern.test(name) || tempFilesInFlight.has(leftover)) continue;
    // Not recursive: should a folder ever carry such a name, it stays.
    await fs.rm(leftover, { force: true }).catch(() => undefined);
  }
}

/**
 * The first half of writeFileAtomic: the content is written and fsynced to a temp file in the target's folder,
 * so nearly every way a write can fail (disk full, permissions, a folder in the way) has already happened. An
 * existing target that is not a regular file (a named pipe, a device, a socket: notRegularFileReason) or that is
 * read-only (READ_ONLY_REASON) is refused with a DescribedFileError before anything is written. For
 * several files that belong together (CSV export): prepare them all, then commit them all, and an error while
 * preparing leaves none of them changed. Throws after removing its temp file if the content cannot be written.
 */
export async function prepareAtomicWrite(filePath: string, content: FileContent, options: WriteAtomicOptions = {}): Promise<PreparedWrite> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const bytes = contentBytes(content);
  const target = await resolveExistingTarget(fs, filePath);
  const existing = await statIfExists(fs, target);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) throw new DescribedFileError(notRegularFileReason(existing));
  if (existing && isReadOnlyMode(existing.mode)) throw new DescribedFileError(READ_ONLY_REASON);
  const mode = existing ? existing.mode & 0o7777 : undefined;

  const folder = path.dirname(target);
  await removeLeftoverTempFiles(fs, folder, path.basename(target));
  const tempPath = path.join(folder, tempFileName(path.basename(target)));
  tempFilesInFlight.add(tempPath);
  /** Best effort, and never throws: the error that brought us here is the one to report. */
  const removeTemp = async () => {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    tempFilesInFlight.delete(tempPath);
  };

  let written = false;
  try {
    // 'wx': never reuse a file that happens to have the temp name.
    const handle = await fs.open(tempPath, 'wx', mode ?? 0o666).catch((error: unknown) => {
      // Someone else's file has our random name: it is not ours to remove.
      if (errorCode(error) === 'EEXIST') tempFilesInFlight.delete(tempPath);
      throw error;
    });
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      // Report the write's error, not a failing close's.
      await handle.close().catch(() => undefined);
      throw error;
    }
    await handle.close();
    // open() applies the umask to the mode; restore the original bits exactly.
    if (mode !== undefined) await fs.chmod(tempPath, mode);
    written = true;
  } finally {
    if (!written && tempFilesInFlight.has(tempPath)) await removeTemp();
  }

  let settled = false;
  let renamed = false;
  return {
    target,
    existed: existing !== null,
    get replaced() {
      return renamed;
    },
    async commit() {
      if (settled) throw new Error('This write was already committed or aborted.');
      settled = true;
      try {
        await renameWithRetry(fs, tempPath, target, platform);
        renamed = true;
      } finally {
        if (renamed) tempFilesInFlight.delete(tempPath);
        else await removeTemp();
      }
      await syncFolder(fs, folder);
      return { target, bytes, mtimeMs: await verifyWritten(fs, target, bytes) };
    },
    async abort() {
      if (settled) return;
      settled = true;
      await removeTemp();
    },
  };
}

/** An existing file's content kept under a second name beside it, to be put back (see keepPreviousContent). */
export interface KeptContent {
  /** The hidden name in the file's folder that holds the kept content. */
  readonly path: string;
  /**
   * Puts the kept content back in place of whatever the file holds now, with one rename (atomic: the file is
   * never missing or half written), and makes the rename durable. Throws when the rename fails; the kept content
   * then stays at `path`.
   */
  restore(): Promise<void>;
  /** Removes the kept content (the file keeps what it holds now). Best effort, never throws. */
  discard(): Promise<void>;
}

/**
 * Keeps the content an existing file (`target`, e.g. PreparedWrite.target) has now under a hidden name in the same
 * folder, so that after it has been replaced it can be put back with one atomic rename: for files that must
 * change together (the CSV pair), where the second failing must leave the first as it was. A hard link where the
 * file system has them (nothing is copied), else a copy written and fsynced before this returns (FAT and exFAT
 * drives, some network shares). The name is one of the file's temp-file names (tempFilePattern), so should the
 * app be killed before restore() or discard(), the next write to that file removes it like any leftover temp
 * file; the file itself holds its old or its new content in full at every moment. Throws, leaving nothing
 * behind, when neither a link nor a copy can be made.
 */
export async function keepPreviousContent(target: string, options: WriteAtomicOptions = {}): Promise<KeptContent> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const folder = path.dirname(target);
  const keptPath = path.join(folder, tempFileName(path.basename(target)));
  // In flight until discarded or put back: no clean-up of leftovers in this process removes it meanwhile.
  tempFilesInFlight.add(keptPath);
  const removeKept = async () => {
    await fs.rm(keptPath, { force: true }).catch(() => undefined);
    tempFilesInFlight.delete(keptPath);
  };
  try {
    try {
      await fs.link(target, keptPath);
    } catch (error) {
      // Someone else's file has our random name: it is not ours to remove, and not worth a second try.
      if (errorCode(error) === 'EEXIST') {
        tempFilesInFlight.delete(keptPath);
        throw error;
      }
      // No hard links on this file system (EPERM, ENOTSUP, ENOSYS ...): a copy does the same, more slowly.
      await copyFileDurably(fs, target, keptPath);
    }
  } catch (error) {
    if (tempFilesInFlight.has(keptPath)) await removeKept();
    throw error;
  }
  let settled = false;
  return {
    path: keptPath,
    async restore() {
      if (settled) throw new Error('This kept content was already put back or discarded.');
      await renameWithRetry(fs, keptPath, target, platform);
      settled = true;
      // A rename between two links to one file does nothing and keeps both names (POSIX): the target holds the
      // kept content either way, so the second name goes.
      await removeKept();
      await syncFolder(fs, folder);
    },
    async discard() {
      if (settled) return;
      settled = true;
      await removeKept();
    },
  };
}

/**
 * Copies `from` to the new file `to` (never an existing one), with `from`'s permission bits, and fsyncs it, in
 * chunks so that a large file never sits in memory whole. On failure `to` may be left for the caller to remove.
 */
async function copyFileDurably(fs: WorkspaceFs, from: string, to: string): Promise<void> {
  const source = await fs.open(from, 'r');
  try {
    const mode = (await source.stat()).mode & 0o7777;
    const copy = await fs.open(to, 'wx', mode);
    try {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let position = 0; ; ) {
        const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0) break;
        for (let written = 0; written < bytesRead; ) {
          written += (await copy.write(chunk, written, bytesRead - written)).bytesWritten;
        }
        position += bytesRead;
      }
      await copy.sync();
    } catch (error) {
      // Report the copy's error, not a failing close's.
      await copy.close().catch(() => undefined);
      throw error;
    }
    await copy.close();
    // open() applies the umask to the mode; restore the original bits exactly, as prepareAtomicWrite does.
    await fs.chmod(to, mode);
  } finally {
    await source.close().catch(() => undefined);
  }
}

/**
 * Reads `target` back and compares it with `expected`, byte for byte: a network share, a sync client or a
 * failing disk may not hold what it acknowledged. Returns the file's modification time (null if unknown), or
 * throws a DescribedFileError saying what differs.
 */
async function verifyWritten(fs: WorkspaceFs, target: string, expected: Buffer): Promise<number | null> {
  let actual: Buffer;
  let mtimeMs: number | null;
  try {
    const handle = await fs.open(target, 'r');
    try {
      actual = await readFromHandle(handle, expected.length + 1);
      mtimeMs = await handle.stat().then(
        (stats) => stats.mtimeMs,
        () => null,
      );
    } finally {
      // The bytes are in hand; a failing close changes nothing about them.
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    throw new DescribedFileError(
      `The file was written but could not be read back to check it (${describeFileError(error, 'read')})`,
      errorCode(error),
    );
  }
  if (!actual.equals(expected)) throw new DescribedFileError(`${WRITE_MISMATCH_REASON} (${describeMismatch(actual, expected)}).`);
  return mtimeMs;
}

function describeMismatch(actual: Buffer, expected: Buffer): string {
  const count = (n: number) => `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;
  if (actual.length < expected.length && actual.equals(expected.subarray(0, actual.length))) {
    return `it holds ${count(actual.length)} of the ${count(expected.length)} written: it was cut short`;
  }
  if (actual.length > expected.length) return `it holds more than the ${count(expected.length)} written`;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const size = actual.length === expected.length ? '' : `, and it holds ${count(actual.length)} instead of ${count(expected.length)}`;
  return `it differs from byte ${(at + 1).toLocaleString('en-US')} on${size}`;
}

async function resolveExistingTarget(fs: WorkspaceFs, filePath: string): Promise<string> {
  try {
    return await fs.realpath(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return filePath;
    throw error;
  }
}

async function statIfExists(fs: WorkspaceFs, filePath: string) {
  try {
    return await fs.stat(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Windows refuses a rename while a virus scanner or indexer briefly holds the target open; retry a little. */
async function renameWithRetry(fs: WorkspaceFs, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  const transient = new Set(['EPERM', 'EACCES', 'EBUSY']);
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (platform !== 'win32' || attempt >= 5 || code === null || !transient.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 40 * (attempt + 1)));
    }
  }
}

/**
 * fsync on a folder makes the rename durable on Linux and macOS. Windows cannot open a folder this way (EISDIR,
 * EPERM) and some file systems refuse it (EINVAL). By now the new content is synced and renamed into place, so
 * a failure here is not reported as a failed save: the user's file already holds the new content (and the
 * read-back that follows checks it).
 */
async function syncFolder(fs: WorkspaceFs, folder: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // See above: nothing to undo and nothing the user can act on.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
