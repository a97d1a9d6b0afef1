import { pathKey } from './path-key';

/**
 * Which files the renderer may ask main to read or write. A compromised renderer must not be able to read or
 * overwrite arbitrary files, so paths are granted only by the user's own actions, seen by main:
 * - read: a file given on the command line, opened from the OS, picked in the Open dialog or in Open Recent;
 * - write: a file opened successfully or saved with Save As during this session.
 * The recent list (kept in settings) is checked separately by the handlers.
 */
export class FileAccessList {
  private readonly readable = new Set<string>();
  private readonly writable = new Set<string>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /** The user pointed at this file (command line, OS, dialog, Open Recent): the renderer may read it. */
  grantRead(filePath: string): void {
    this.readable.add(pathKey(filePath, this.platform));
  }

  /** The file was opened or saved this session: the renderer may read it and save over it. */
  grantWrite(filePath: string): void {
    const key = pathKey(filePath, this.platform);
    this.readable.add(key);
    this.writable.add(key);
  }

  canRead(filePath: string): boolean {
    return this.readable.has(pathKey(filePath, this.platform));
  }

  canWrite(filePath: string): boolean {
    return this.writable.has(pathKey(filePath, this.platform));
  }
}
