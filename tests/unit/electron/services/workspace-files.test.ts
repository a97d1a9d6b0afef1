import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedWorkspaceInPng } from '../../../../shared/export/png-text-chunk';
import { DescribedFileError } from '../../../../electron/services/file-errors';
import {
  MAX_WORKSPACE_BYTES,
  PNG_WITHOUT_WORKSPACE_REASON,
  prepareAtomicWrite,
  readCurrentBytes,
  readWorkspaceFile,
  tempFilePattern,
  WRITE_MISMATCH_REASON,
  writeFileAtomic,
  type WorkspaceFs,
} from '../../../../electron/services/workspace-files';
import { makePng } from '../../shared/export/png-test-image';
import { makeTempDir } from '../helpers';

/** Files in a folder, hidden temp files included. */
const listFolder = async (dir: string) => (await fs.readdir(dir)).sort();

describe('readWorkspaceFile', () => {
  it('reads UTF-8 text, keeping a byte order mark for the parser to handle', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, '\uFEFF{"title":"Café ☕"}', 'utf8');
    expect(await readWorkspaceFile(file)).toEqual({ kind: 'read', content: '\uFEFF{"title":"Café ☕"}', source: 'workspace' });
  });

  it('reports a missing file in words, with its code', async () => {
    const dir = await makeTempDir();
    expect(await readWorkspaceFile(path.join(dir, 'missing.stakemap'))).toEqual({
      kind: 'failed',
      reason: 'The file does not exist.',
      code: 'ENOENT',
    });
  });

  it('refuses a folder', async () => {
    const dir = await makeTempDir();
    const folder = path.join(dir, 'looks-like.stakemap');
    await fs.mkdir(folder);
    expect(await readWorkspaceFile(folder)).toEqual({ kind: 'failed', reason: 'It is a folder, not a file.', code: 'EISDIR' });
  });

  it('refuses a path through a file as if it were a folder', async () => {
    const dir = await makeTempDir();
    await fs.writeFile(path.join(dir, 'plain'), 'x');
    const result = await readWorkspaceFile(path.join(dir, 'plain', 'a.stakemap'));
    expect(result).toMatchObject({ kind: 'failed', code: 'ENOTDIR' });
  });

  it('refuses a file over 100 MB without reading it (a sparse file: cheap to create)', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'huge.stakemap');
    await fs.writeFile(file, '');
    await fs.truncate(file, MAX_WORKSPACE_BYTES + 1);
    const opened: string[] = [];
    const spyFs: WorkspaceFs = { ...fs, open: ((p: string, ...rest: never[]) => (opened.push(p), fs.open(p, ...rest))) as WorkspaceFs['open'] };
    expect(await readWorkspaceFile(file, { fs: spyFs })).toEqual({ kind: 'tooLarge', size: MAX_WORKSPACE_BYTES + 1, limit: MAX_WORKSPACE_BYTES });
    expect(opened).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'edge.stakemap');
    await fs.writeFile(file, 'x'.repeat(64));
    expect(await readWorkspaceFile(file, { maxBytes: 64 })).toEqual({ kind: 'read', content: 'x'.repeat(64), source: 'workspace' });
    expect(await readWorkspaceFile(file, { maxBytes: 63 })).toEqual({ kind: 'tooLarge', size: 64, limit: 63 });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'latin1.stakemap');
    await fs.writeFile(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])); // {"é"} in Latin-1
    const result = await readWorkspaceFile(file);
    expect(result).toMatchObject({ kind: 'failed', code: null });
    expect(result.kind === 'failed' && result.reason).toMatch(/not UTF-8 text/);
  });

  it('never changes the file it reads', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'not json at all');
    const before = await fs.stat(file);
    await readWorkspaceFile(file);
    const after = await fs.stat(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(await fs.readFile(file, 'utf8')).toBe('not json at all');
  });
});

describe('readWorkspaceFile on a PNG image', () => {
  it('gives the workspace a Stakemap export embedded, with accents and emoji intact', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'map.png');
    const text = '{"format":"stakemap","title":"Café 🤝 équipe"}\n';
    await fs.writeFile(file, embedWorkspaceInPng(makePng(), text));
    expect(await readWorkspaceFile(file)).toEqual({ kind: 'read', content: text, source: 'png' });
  });

  it('refuses a PNG without a workspace, and a damaged one, with reasons and no code', async () => {
    const dir = await makeTempDir();
    const plain = path.join(dir, 'photo.png');
    await fs.writeFile(plain, makePng());
    expect(await readWorkspaceFile(plain)).toEqual({ kind: 'failed', reason: PNG_WITHOUT_WORKSPACE_REASON, code: null });

    const damaged = path.join(dir, 'damaged.png');
    const bytes = embedWorkspaceInPng(makePng(), '{}');
    bytes[44] = bytes[44]! ^ 0xff; // in the workspace chunk's keyword: its CRC no longer matches
    await fs.writeFile(damaged, bytes);
    const result = await readWorkspaceFile(damaged);
    expect(result).toEqual({
      kind: 'failed',
      reason: 'This PNG image is damaged or incomplete, so no Stakemap workspace can be read from it. The iTXt chunk is damaged (its checksum does not match).',
      code: null,
    });
  });

  it('reads a file that merely looks binary as text otherwise (the PNG signature decides)', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47])); // the first 4 bytes of the signature only
    expect(await readWorkspaceFile(file)).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/not UTF-8/) });
  });
});

describe('writeFileAtomic', () => {
  it('writes bytes as they are', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'map.png');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0xc3]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
    // A view into a larger buffer writes only its own bytes.
    const backing = new Uint8Array([1, 2, 3, 4, 5, 6]);
    await writeFileAtomic(file, backing.subarray(2, 4));
    expect([...(await fs.readFile(file))]).toEqual([3, 4]);
    expect(await listFolder(dir)).toEqual(['map.png']);
  });

  it('creates a new file and leaves no temp file', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'new.stakemap');
    await writeFileAtomic(file, '{"a":1}\n');
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}\n');
    expect(await listFolder(dir)).toEqual(['new.stakemap']);
  });

  it('replaces the content of an existing file and keeps its permission bits', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'old content that is longer than the new one');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });

  it('replaces the file a symbolic link points to and keeps the link', async () => {
    const dir = await makeTempDir();
    const real = path.join(dir, 'real.stakemap');
    const link = path.join(dir, 'link.stakemap');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
  });

  it('fails in a missing folder without leaving anything behind', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'gone', 'a.stakemap');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await listFolder(dir)).toEqual([]);
  });

  it('fails when the parent "folder" is a file, leaving that file intact', async () => {
    const dir = await makeTempDir();
    const parent = path.join(dir, 'parent');
    await fs.writeFile(parent, 'I am a file');
    await expect(writeFileAtomic(path.join(parent, 'a.stakemap'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await fs.readFile(parent, 'utf8')).toBe('I am a file');
    expect(await listFolder(dir)).toEqual(['parent']);
  });

  it('refuses to replace a folder', async () => {
    const dir = await makeTempDir();
    await fs.mkdir(path.join(dir, 'a.stakemap'));
    await expect(writeFileAtomic(path.join(dir, 'a.stakemap'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });

  it('keeps the original and removes the temp file when writing fails (disk full)', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'original');
    const diskFull: WorkspaceFs = {
      ...fs,
      open: (async (p: string, flags?: string, mode?: number) => {
        const handle = await fs.open(p, flags, mode);
        if (flags !== 'wx') return handle;
        // A handle whose writes fail after creating the temp file, as a full disk does.
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      }) as WorkspaceFs['open'],
    };
    await expect(writeFileAtomic(file, 'new', { fs: diskFull })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });

  it('keeps the original and removes the temp file when the final rename fails (read-only disk)', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'original');
    let tempSeen: string | null = null;
    const readOnly: WorkspaceFs = {
      ...fs,
      rename: async (from) => {
        tempSeen = String(from);
        throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' });
      },
    };
    await expect(writeFileAtomic(file, 'new', { fs: readOnly })).rejects.toMatchObject({ code: 'EROFS' });
    // The temp file was really written in the same folder, then removed.
    expect(tempSeen).not.toBeNull();
    expect(path.dirname(tempSeen!)).toBe(dir);
    expect(path.basename(tempSeen!)).toMatch(/^\.a\.stakemap\.[0-9a-f]{12}\.tmp$/);
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });

  it('retries a rename Windows refuses while another program holds the file briefly', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    let failures = 2;
    const busyOnce: WorkspaceFs = {
      ...fs,
      rename: async (from, to) => {
        if (failures-- > 0) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
        return fs.rename(from, to);
      },
    };
    await writeFileAtomic(file, 'new', { fs: busyOnce, platform: 'win32' });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    failures = 1;
    await expect(writeFileAtomic(file, 'newer', { fs: busyOnce, platform: 'linux' })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('writes large content completely', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'big.stakemap');
    const content = 'é'.repeat(3 * 1024 * 1024);
    await writeFileAtomic(file, content);
    expect(await fs.readFile(file, 'utf8')).toBe(content);
  });
});

describe('prepareAtomicWrite', () => {
  it('writes the content beside the target, which changes only on commit', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.csv');
    await fs.writeFile(file, 'old');
    const prepared = await prepareAtomicWrite(file, 'new');
    expect(prepared).toMatchObject({ target: file, existed: true });
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    const files = await listFolder(dir);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\.a\.csv\.[0-9a-f]{12}\.tmp$/);
    await prepared.commit();
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await listFolder(dir)).toEqual(['a.csv']);
    await expect(prepared.commit()).rejects.toThrow(/already committed/);
  });

  it('leaves the target untouched and no temp file when aborted', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'b.csv');
    const prepared = await prepareAtomicWrite(file, 'new');
    expect(prepared.existed).toBe(false);
    await prepared.abort();
    await prepared.abort();
    expect(await listFolder(dir)).toEqual([]);
  });

  it('fails before touching anything when the target is a folder', async () => {
    const dir = await makeTempDir();
    await fs.mkdir(path.join(dir, 'c.csv'));
    await expect(prepareAtomicWrite(path.join(dir, 'c.csv'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await listFolder(dir)).toEqual(['c.csv']);
  });
});

/** A file system whose rename really renames, then lets `afterRename` change the file (a failing disk, a sync client). */
const tamperingFs = (afterRename: (target: string) => Promise<void>): WorkspaceFs => ({
  ...fs,
  rename: async (from, to) => {
    await fs.rename(from, to);
    await afterRename(String(to));
  },
});

describe('writeFileAtomic reads the file back', () => {
  it('gives the file it wrote: the target, the bytes and the modification time', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    const written = await writeFileAtomic(file, 'Café\n');
    expect(written.target).toBe(file);
    expect(written.bytes).toEqual(Buffer.from('Café\n', 'utf8'));
    expect(written.mtimeMs).toBe((await fs.stat(file)).mtimeMs);
  });

  it.each([
    ['cut short', (t: string) => fs.truncate(t, 512), 'it holds 512 bytes of the 1,024 bytes written: it was cut short'],
    ['with a byte changed', async (t: string) => fs.writeFile(t, Buffer.from('x'.repeat(700) + 'Y' + 'x'.repeat(323))), 'it differs from byte 701 on'],
    ['with bytes added', (t: string) => fs.appendFile(t, 'more'), 'it holds more than the 1,024 bytes written'],
    ['replaced by a shorter, different file', (t: string) => fs.writeFile(t, 'other'), 'it differs from byte 1 on, and it holds 5 bytes instead of 1,024 bytes'],
  ])('reports a file that does not read back as written (%s)', async (_name, tamper, detail) => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    const error = await writeFileAtomic(file, 'x'.repeat(1024), { fs: tamperingFs(tamper) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DescribedFileError);
    expect((error as DescribedFileError).reason).toBe(`${WRITE_MISMATCH_REASON} (${detail}).`);
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });

  it('reports a file it cannot read back, with the reason and code', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    const unreadable: WorkspaceFs = {
      ...fs,
      open: (async (p: string, flags?: string, mode?: number) => {
        if (p === file && flags === 'r') throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.open(p, flags, mode);
      }) as WorkspaceFs['open'],
    };
    await expect(writeFileAtomic(file, 'new', { fs: unreadable })).rejects.toMatchObject({
      reason: 'The file was written but could not be read back to check it (Permission denied.)',
      code: 'EACCES',
    });
  });
});

describe('writeFileAtomic and temp files left behind', () => {
  it('names its temp files after the target, and recognises only those', () => {
    const pattern = tempFilePattern('Q3 (final) a+b.stakemap');
    expect(pattern.test('.Q3 (final) a+b.stakemap.0123456789ab.tmp')).toBe(true);
    for (const other of [
      '.Q3 (final) a+b.stakemap.0123456789AB.tmp',
      '.Q3 (final) a+b.stakemap.0123456789a.tmp',
      '.Q3 (final) aab.stakemap.0123456789ab.tmp',
      'Q3 (final) a+b.stakemap.0123456789ab.tmp',
      '.Q3 (final) a+b.stakemap.0123456789ab.tmp.bak',
      '.Q3 (final) a+b.stakemap',
    ]) {
      expect(pattern.test(other), other).toBe(false);
    }
  });

  it('removes the temp files an earlier write to the same file left (the app was killed), and nothing else', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'old');
    const leftovers = ['.a.stakemap.0123456789ab.tmp', '.a.stakemap.ffffffffffff.tmp'];
    const others = [
      '.a.stakemap.0123456789AB.tmp',
      '.a.stakemap.tmp',
      '.b.stakemap.0123456789ab.tmp',
      '.a.stakemapx.0123456789ab.tmp',
      'a.stakemap.0123456789ab.tmp',
      'notes.txt',
    ];
    for (const name of [...leftovers, ...others]) await fs.writeFile(path.join(dir, name), 'partial');
    // A folder with a leftover's name is not removed either.
    await fs.mkdir(path.join(dir, '.a.stakemap.aaaaaaaaaaaa.tmp'));
    await writeFileAtomic(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await listFolder(dir)).toEqual([...others, '.a.stakemap.aaaaaaaaaaaa.tmp', 'a.stakemap'].sort());
  });

  it('never removes the temp file of a write still under way in this process', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.csv');
    const pending = await prepareAtomicWrite(file, 'first');
    await writeFileAtomic(file, 'second');
    expect((await listFolder(dir)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    await pending.commit();
    expect(await fs.readFile(file, 'utf8')).toBe('first');
    expect(await listFolder(dir)).toEqual(['a.csv']);
  });

  it('saves even when the folder cannot be listed for the clean-up', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    const unlistable: WorkspaceFs = {
      ...fs,
      readdir: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    await writeFileAtomic(file, 'new', { fs: unlistable });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('reports the write failure, not the failed clean-up, and the next save removes what was left', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'original');
    // The disk fills up while writing, then refuses to delete the temp file too.
    const twoFaults: WorkspaceFs = {
      ...fs,
      open: (async (p: string, flags?: string, mode?: number) => {
        const handle = await fs.open(p, flags, mode);
        if (flags !== 'wx') return handle;
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      }) as WorkspaceFs['open'],
      rm: async () => {
        throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      },
    };
    await expect(writeFileAtomic(file, 'new', { fs: twoFaults })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect((await listFolder(dir)).filter((name) => tempFilePattern('a.stakemap').test(name))).toHaveLength(1);
    await writeFileAtomic(file, 'newer');
    expect(await listFolder(dir)).toEqual(['a.stakemap']);
  });
});

describe('readCurrentBytes', () => {
  it('gives the bytes and time of a file, null for a missing one, tooLarge over the limit', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.stakemap');
    await fs.writeFile(file, 'abc');
    expect(await readCurrentBytes(file, { maxBytes: 10 })).toEqual({ kind: 'read', bytes: Buffer.from('abc'), mtimeMs: (await fs.stat(file)).mtimeMs });
    expect(await readCurrentBytes(file, { maxBytes: 2 })).toEqual({ kind: 'tooLarge', size: 3 });
    expect(await readCurrentBytes(path.join(dir, 'gone.stakemap'), { maxBytes: 10 })).toBeNull();
    await fs.mkdir(path.join(dir, 'folder'));
    await expect(readCurrentBytes(path.join(dir, 'folder'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
