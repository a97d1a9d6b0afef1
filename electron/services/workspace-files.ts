import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { isPng, readWorkspaceFromPng } from '../../shared/export/png-text-chunk';
import { describeFileError, errorCode } from './file-errors';

/*
 * Reading and writing workspace files on disk. Only the main process (and the test harness standing in for it)
 * touches files; the renderer receives and sends text.
 */

/** Files above this size are refused before a single byte is read: a workspace is never that big. */
export const MAX_WORKSPACE_BYTES = 100 * 1024 * 1024;

/** The slice of `node:fs/promises` these functions use, so tests can inject failures a root user never sees. */
export type WorkspaceFs = Pick<typeof nodeFs, 'stat' | 'open' | 'rename' | 'rm' | 'chmod' | 'realpath'>;

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
  const fs = options.fs ?? nodeFs;
  const limit = options.maxBytes ?? MAX_WORKSPACE_BYTES;
  try {
    const stats = await fs.stat(filePath);
    if (stats.isDirectory()) return { kind: 'failed', reason: 'It is a folder, not a file.', code: 'EISDIR' };
    if (!stats.isFile()) return { kind: 'failed', reason: 'It is not a regular file (it may be a device or a pipe).', code: null };
    if (stats.size > limit) return { kind: 'tooLarge', size: stats.size, limit };

    const bytes = await readAtMost(fs, filePath, limit + 1);
    // The file may have grown between stat and read.
    if (bytes.length > limit) return { kind: 'tooLarge', size: bytes.length, limit };
    if (isPng(bytes)) return workspaceInPng(bytes);
    return { kind: 'read', content: decodeUtf8(bytes), source: 'workspace' };
  } catch (error) {
    if (error instanceof NotUtf8Error) return { kind: 'failed', reason: error.message, code: null };
    return { kind: 'failed', reason: describeFileError(error, 'read'), code: errorCode(error) };
  }
}

async function readAtMost(fs: WorkspaceFs, filePath: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
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

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new NotUtf8Error('The file is not UTF-8 text: it may be a binary file or use another text encoding.');
  }
}

export interface WriteAtomicOptions {
  readonly fs?: WorkspaceFs;
  /** Defaults to process.platform; decides whether a failed folder fsync is expected. */
  readonly platform?: NodeJS.Platform;
}

/** What writeFileAtomic accepts: text (written as UTF-8) or bytes (written as they are). */
export type FileContent = string | Uint8Array;

/**
 * Replaces a file's content so that a crash or power cut leaves either the old file or the new one, never a
 * broken one: writes a hidden temp file in the same folder (a rename is only atomic within one file system),
 * fsyncs it, renames it over the target, then fsyncs the folder so the rename itself is durable. Any failure
 * removes the temp file and leaves the target untouched. An existing target keeps its permission bits, and a
 * symbolic link is followed (the file it points to is replaced, the link stays a link).
 */
export async function writeFileAtomic(filePath: string, content: FileContent, options: WriteAtomicOptions = {}): Promise<void> {
  const prepared = await prepareAtomicWrite(filePath, content, options);
  await prepared.commit();
}

/** A file written in full to a temp file beside its target, waiting to replace it (see prepareAtomicWrite). */
export interface PreparedWrite {
  /** The file commit() replaces: `filePath` with symbolic links resolved. */
  readonly target: string;
  /** Whether the target existed when the write was prepared. */
  readonly existed: boolean;
  /** Renames the temp file over the target and makes the rename durable. On failure the target is untouched. */
  commit(): Promise<void>;
  /** Removes the temp file; the target was never touched. */
  abort(): Promise<void>;
}

/**
 * The first half of writeFileAtomic: the content is written and fsynced to a temp file in the target's folder,
 * so nearly every way a write can fail (disk full, permissions, a folder in the way) has already happened. For
 * several files that belong together (CSV export): prepare them all, then commit them all, and an error while
 * preparing leaves none of them changed. Throws after removing its temp file if the content cannot be written.
 */
export async function prepareAtomicWrite(filePath: string, content: FileContent, options: WriteAtomicOptions = {}): Promise<PreparedWrite> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const target = await resolveExistingTarget(fs, filePath);
  const existing = await statIfExists(fs, target);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  const mode = existing ? existing.mode & 0o7777 : undefined;

  const folder = path.dirname(target);
  const tempPath = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const removeTemp = () => fs.rm(tempPath, { force: true }).then(
    () => undefined,
    () => undefined,
  );
  try {
    // 'wx': never reuse a file that happens to have the temp name.
    const handle = await fs.open(tempPath, 'wx', mode ?? 0o666);
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask to the mode; restore the original bits exactly.
    if (mode !== undefined) await fs.chmod(tempPath, mode);
  } catch (error) {
    await removeTemp();
    throw error;
  }

  let settled = false;
  return {
    target,
    existed: existing !== null,
    async commit() {
      if (settled) throw new Error('This write was already committed or aborted.');
      settled = true;
      try {
        await renameWithRetry(fs, tempPath, target, platform);
      } catch (error) {
        await removeTemp();
        throw error;
      }
      await syncFolder(fs, folder);
    },
    async abort() {
      if (settled) return;
      settled = true;
      await removeTemp();
    },
  };
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
 * a failure here is not reported as a failed save: the user's file already holds the new content.
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
