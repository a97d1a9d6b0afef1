import { createHash } from 'node:crypto';
import { pathKey } from './path-key';

/*
 * Whether a workspace changed on disk behind the app's back (another program, a sync client, a colleague on a
 * shared drive). Main remembers, per file, what it read when the file was opened or what it wrote at the last
 * save in this session, and compares the file with that before saving over it.
 */

/** A file's content as main last saw it. The hash decides; size and time are kept for logs and a quick look. */
export interface FileFingerprint {
  readonly size: number;
  /** Modification time when read or written, or null when it could not be read. */
  readonly mtimeMs: number | null;
  /** SHA-256 of the bytes, in hex. */
  readonly sha256: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fingerprintOf(bytes: Uint8Array, mtimeMs: number | null): FileFingerprint {
  return { size: bytes.byteLength, mtimeMs, sha256: sha256Hex(bytes) };
}

/** What happened to a file since its fingerprint was taken. */
export type DiskChange = 'unchanged' | 'modified' | 'deleted';

/** The file as it is now: its bytes, too large to read, or gone (null). */
export type CurrentFile = { readonly kind: 'read'; readonly bytes: Uint8Array } | { readonly kind: 'tooLarge'; readonly size: number } | null;

/**
 * Compares a file as it is now with its fingerprint. Only the content counts: a file touched or rewritten with
 * the same bytes (some sync clients do that) has not changed, while a change that kept the size and, on a
 * coarse clock, the modification time has.
 */
export function compareWithFingerprint(fingerprint: FileFingerprint, current: CurrentFile): DiskChange {
  if (current === null) return 'deleted';
  // Read with a limit above the remembered size: a file over it is not the one remembered.
  if (current.kind === 'tooLarge') return 'modified';
  if (current.bytes.byteLength !== fingerprint.size) return 'modified';
  return sha256Hex(current.bytes) === fingerprint.sha256 ? 'unchanged' : 'modified';
}

/** The fingerprint of each file opened or saved in this session, by path (two spellings of one path are one). */
export class FileFingerprints {
  private readonly byPath = new Map<string, FileFingerprint>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  remember(filePath: string, fingerprint: FileFingerprint): void {
    this.byPath.set(pathKey(filePath, this.platform), fingerprint);
  }

  get(filePath: string): FileFingerprint | undefined {
    return this.byPath.get(pathKey(filePath, this.platform));
  }

  forget(filePath: string): void {
    this.byPath.delete(pathKey(filePath, this.platform));
  }
}
