/**
 * Turns the errors Node's fs raises into sentences for people. The OS error code (ENOENT, EACCES ...) is kept
 * separately in results for tests and logs; users read the reason.
 */

/**
 * A failure that already carries its sentence for people, e.g. a saved file that does not read back as written.
 * `code` is the OS error code when one caused it, else absent (errorCode gives null).
 */
export class DescribedFileError extends Error {
  override name = 'DescribedFileError';
  readonly code?: string;

  constructor(readonly reason: string, code: string | null = null) {
    super(reason);
    if (code !== null) this.code = code;
  }
}

/** Which operation failed: the same code means different things when reading and when writing. */
export type FileOperation = 'read' | 'write';

/** The errno code of a Node fs error (`ENOENT`), or null for anything that is not one. */
export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return null;
}

const COMMON_REASONS: Record<string, string> = {
  EISDIR: 'It is a folder, not a file.',
  ENOSPC: 'The disk is full.',
  EDQUOT: 'The disk quota is exceeded.',
  EROFS: 'The disk is read-only.',
  EBUSY: 'The file is in use by another program.',
  ETXTBSY: 'The file is in use by another program.',
  EMFILE: 'Too many files are open at once. Close some programs and try again.',
  ENFILE: 'Too many files are open at once. Close some programs and try again.',
  ENAMETOOLONG: 'The file name or path is too long.',
  ELOOP: 'The path contains a loop of symbolic links.',
  EIO: 'The disk reported an input/output error.',
  ETIMEDOUT: 'The network location did not respond in time.',
  EHOSTDOWN: 'The network location is not reachable.',
  EHOSTUNREACH: 'The network location is not reachable.',
  ECONNRESET: 'The connection to the network location was lost.',
  ESTALE: 'The network file is no longer available (stale file handle).',
  EINVAL: 'The file name is not valid on this disk.',
  EFBIG: 'The file is too large for this disk.',
};

const READ_REASONS: Record<string, string> = {
  ENOENT: 'The file does not exist.',
  ENOTDIR: 'The file does not exist: a part of its path is a file, not a folder.',
  EACCES: 'Permission denied.',
  EPERM: 'Permission denied.',
};

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'The folder does not exist (it may have been moved, renamed or removed).',
  ENOTDIR: 'The folder does not exist: a part of the path is a file, not a folder.',
  EACCES: 'Permission denied: you are not allowed to write to this file or folder.',
  EPERM: 'Permission denied: you are not allowed to write to this file or folder.',
  EEXIST: 'A file with the same name appeared while saving. Try again.',
};

/**
 * A human reason for a failed read or write, e.g. "The file does not exist." or "The disk is full.".
 * Unknown errors still say what the system reported, so nothing is hidden.
 */
export function describeFileError(error: unknown, operation: FileOperation = 'read'): string {
  if (error instanceof DescribedFileError) return error.reason;
  const code = errorCode(error);
  if (code !== null) {
    const specific = (operation === 'read' ? READ_REASONS : WRITE_REASONS)[code] ?? COMMON_REASONS[code];
    if (specific) return specific;
  }
  const message = error instanceof Error ? error.message : String(error);
  return code ? `The system reported an error (${code}): ${message}` : `The system reported an error: ${message}`;
}
