import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescribedFileError } from '../../../../electron/services/file-errors';
import {
  isReadOnlyMode,
  keepPreviousContent,
  notRegularFileReason,
  prepareAtomicWrite,
  READ_ONLY_REASON,
  readCurrentBytes,
  tempFilePattern,
  writeFileAtomic,
  type WorkspaceFs,
} from '../../../../electron/services/workspace-files';
import { makeTempDir } from '../helpers';

/*
 * The write half of workspace-files.ts against hostile targets (issue 11): what is not a regular file is refused
 * without being opened, a read-only file is not replaced, and keepPreviousContent can put a replaced file back.
 */

/** node:fs/promises, recording every path opened. */
function recordingOpens() {
  const opened: string[] = [];
  const spy: WorkspaceFs = {
    ...fs,
    open: ((p: string, ...rest: never[]) => {
      opened.push(p);
      return fs.open(p, ...rest);
    }) as WorkspaceFs['open'],
  };
  return { opened, spy };
}

describe('targets that are not regular files', () => {
  it('a named pipe is refused by readCurrentBytes and prepareAtomicWrite without being opened', { timeout: 10_000 }, async () => {
    const dir = await makeTempDir();
    const fifo = path.join(dir, 'pipe.stakemap');
    execFileSync('mkfifo', [fifo]);
    const { opened, spy } = recordingOpens();
    const reason = 'It is a named pipe (FIFO), not a regular file. Stakemap writes only to regular files, so it did not open or replace it.';
    await expect(readCurrentBytes(fifo, { maxBytes: 1024, fs: spy })).rejects.toEqual(new DescribedFileError(reason));
    await expect(writeFileAtomic(fifo, 'x', { fs: spy })).rejects.toEqual(new DescribedFileError(reason));
    // Neither the pipe (it would block) nor a temp file beside it was opened.
    expect(opened).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['pipe.stakemap']);
  });

  it('a device and a socket are named as such', async () => {
    await expect(prepareAtomicWrite('/dev/null', 'x')).rejects.toThrow(/^It is a device, not a regular file\./);
    const dir = await makeTempDir();
    const socketPath = path.join(dir, 'app.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      await expect(prepareAtomicWrite(socketPath, 'x')).rejects.toThrow(/^It is a socket, not a regular file\./);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('notRegularFileReason falls back to naming all three kinds', () => {
    const nothing = { isFIFO: () => false, isSocket: () => false, isCharacterDevice: () => false, isBlockDevice: () => false };
    expect(notRegularFileReason(nothing)).toMatch(/^It is something other than a file \(a named pipe, a device or a socket\)/);
  });
});

describe('read-only targets', () => {
  it('decides by the permission bits (as root, access() would allow everything)', () => {
    expect([0o444, 0o555, 0o400, 0o100444, 0o000].map(isReadOnlyMode)).toEqual([true, true, true, true, true]);
    expect([0o644, 0o200, 0o464, 0o446, 0o100644].map(isReadOnlyMode)).toEqual([false, false, false, false, false]);
  });

  it('a read-only file is not replaced, and nothing is written beside it', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'Locked.stakemap');
    await fs.writeFile(file, 'locked');
    await fs.chmod(file, 0o444);
    await expect(writeFileAtomic(file, 'new')).rejects.toEqual(new DescribedFileError(READ_ONLY_REASON));
    expect(await fs.readFile(file, 'utf8')).toBe('locked');
    expect(await fs.readdir(dir)).toEqual(['Locked.stakemap']);
  });

  it('a read-only file reached through a symbolic link is not replaced either', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'real.stakemap');
    await fs.writeFile(file, 'locked');
    await fs.chmod(file, 0o444);
    await fs.symlink(file, path.join(dir, 'link.stakemap'));
    await expect(writeFileAtomic(path.join(dir, 'link.stakemap'), 'new')).rejects.toEqual(new DescribedFileError(READ_ONLY_REASON));
    expect(await fs.readFile(file, 'utf8')).toBe('locked');
  });
});

describe('keepPreviousContent', () => {
  async function replacedFile(options: { fs?: WorkspaceFs } = {}) {
    const dir = await makeTempDir();
    const file = path.join(dir, 'export.csv');
    await fs.writeFile(file, 'previous');
    await fs.chmod(file, 0o640);
    const kept = await keepPreviousContent(file, options);
    expect(tempFilePattern('export.csv').test(path.basename(kept.path))).toBe(true);
    await writeFileAtomic(file, 'new', options);
    return { dir, file, kept };
  }

  it('puts the previous content back after the file was replaced (a hard link), leaving nothing beside it', async () => {
    const { dir, file, kept } = await replacedFile();
    await kept.restore();
    expect(await fs.readFile(file, 'utf8')).toBe('previous');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('discard keeps the new content and removes the kept one', async () => {
    const { dir, file, kept } = await replacedFile();
    await kept.discard();
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('copies where the file system has no hard links, with the same result', async () => {
    const noLinks: WorkspaceFs = {
      ...fs,
      link: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    };
    const { dir, file, kept } = await replacedFile({ fs: noLinks });
    expect((await fs.stat(kept.path)).nlink).toBe(1);
    await kept.restore();
    expect(await fs.readFile(file, 'utf8')).toBe('previous');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('restoring a file that was never replaced leaves it as it is, and nothing beside it', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'export.csv');
    await fs.writeFile(file, 'previous');
    const kept = await keepPreviousContent(file);
    // A rename between two links to one file does nothing (POSIX): the second name must still go.
    await kept.restore();
    expect(await fs.readFile(file, 'utf8')).toBe('previous');
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('is not removed as a leftover by another write to the same file while it is kept', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'export.csv');
    await fs.writeFile(file, 'previous');
    const kept = await keepPreviousContent(file);
    await writeFileAtomic(file, 'new');
    await writeFileAtomic(file, 'newer');
    await expect(fs.readFile(kept.path, 'utf8')).resolves.toBe('previous');
    await kept.discard();
  });

  it('throws and leaves nothing when neither a link nor a copy can be made', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'export.csv');
    await fs.writeFile(file, 'previous');
    const failing: WorkspaceFs = {
      ...fs,
      link: async () => {
        throw Object.assign(new Error('ENOTSUP: operation not supported'), { code: 'ENOTSUP' });
      },
      open: (async (p: string, flags?: string, mode?: number) => {
        const handle = await fs.open(p, flags, mode);
        if (flags !== 'wx') return handle;
        // The copy's disk fills up after it was created.
        return new Proxy(handle, {
          get(target, property, receiver) {
            if (property === 'write') {
              return async () => {
                throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      }) as WorkspaceFs['open'],
    };
    await expect(keepPreviousContent(file, { fs: failing })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
    expect(await fs.readFile(file, 'utf8')).toBe('previous');
  });
});
