import path from 'node:path';

/**
 * A key that is equal for two spellings of the same file path: resolved to an absolute, normalized path, and
 * case-folded where the usual file systems ignore case (Windows, macOS), so "C:\\A.stakemap" and "c:\\a.stakemap"
 * are one recent entry and one grant.
 */
export function pathKey(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = platform === 'win32' ? path.win32.resolve(filePath) : path.resolve(filePath);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
