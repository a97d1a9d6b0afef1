import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVersionHistory, VERSION_ID_PATTERN, VERSIONS_KEPT, type VersionHistoryFs } from '../../../../electron/services/version-history';
import { makeTempDir } from '../helpers';

/** A clock that moves on by one second at each reading, from 2026-11-22 10:00:00 UTC. */
function steppingClock(start = Date.parse('2026-11-22T10:00:00.000Z'), stepMs = 1000) {
  let next = start;
  return () => {
    const now = new Date(next);
    next += stepMs;
    return now;
  };
}

async function setUp(options: { now?: () => Date; fs?: VersionHistoryFs; platform?: NodeJS.Platform } = {}) {
  const userData = await makeTempDir('stakemap-userdata-');
  const docs = await makeTempDir('stakemap-docs-');
  const logged: string[] = [];
  const history = createVersionHistory({
    dir: path.join(userData, 'versions'),
    now: options.now ?? steppingClock(),
    log: (message) => logged.push(message),
    ...(options.fs ? { fs: options.fs } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
  });
  return { userData, docs, history, logged, file: path.join(docs, 'Workshop.stakemap') };
}

describe('createVersionHistory', () => {
  it('keeps each saved content in the app data folder, listed newest first', async () => {
    const t = await setUp();
    expect(await t.history.list(t.file)).toEqual([]);
    expect(await t.history.record(t.file, 'first\n')).toBe(true);
    expect(await t.history.record(t.file, 'second, longer\n')).toBe(true);
    expect(await t.history.list(t.file)).toEqual([
      { versionId: '2026-11-22T10-00-01.000Z-2', savedAt: '2026-11-22T10:00:01.000Z', size: 15 },
      { versionId: '2026-11-22T10-00-00.000Z-1', savedAt: '2026-11-22T10:00:00.000Z', size: 6 },
    ]);
    expect(await t.history.read(t.file, '2026-11-22T10-00-00.000Z-1')).toBe('first\n');
    expect(await t.history.read(t.file, '2026-11-22T10-00-01.000Z-2')).toBe('second, longer\n');
    // Nothing beside the user's file (drawio-desktop#1872).
    expect(await fs.readdir(t.docs)).toEqual([]);
  });

  it('stores them under a hash of the path, with an index naming the workspace and no ":" in any name', async () => {
    const t = await setUp();
    await t.history.record(t.file, 'content\n');
    const folder = path.join(t.userData, 'versions', createHash('sha256').update(t.file).digest('hex').slice(0, 16));
    expect(t.history.folderFor(t.file)).toBe(folder);
    expect((await fs.readdir(folder)).sort()).toEqual(['2026-11-22T10-00-00.000Z-1.stakemap', 'index.json']);
    expect(JSON.parse(await fs.readFile(path.join(folder, 'index.json'), 'utf8'))).toMatchObject({ workspace: t.file });
    expect(await fs.readFile(path.join(folder, '2026-11-22T10-00-00.000Z-1.stakemap'), 'utf8')).toBe('content\n');
  });

  it(`keeps the last ${VERSIONS_KEPT} versions and removes older ones from disk`, async () => {
    const t = await setUp();
    for (let i = 1; i <= VERSIONS_KEPT + 3; i++) expect(await t.history.record(t.file, `version ${i}\n`)).toBe(true);
    const listed = await t.history.list(t.file);
    expect(listed).toHaveLength(VERSIONS_KEPT);
    expect(await t.history.read(t.file, listed[0]!.versionId)).toBe(`version ${VERSIONS_KEPT + 3}\n`);
    expect(await t.history.read(t.file, listed.at(-1)!.versionId)).toBe('version 4\n');
    const files = (await fs.readdir(t.history.folderFor(t.file))).filter((name) => name.endsWith('.stakemap'));
    expect(files).toHaveLength(VERSIONS_KEPT);
    // No temp files of the atomic writes either.
    expect(await fs.readdir(t.history.folderFor(t.file))).toHaveLength(VERSIONS_KEPT + 1);
  });

  it('does not keep the same content twice in a row', async () => {
    const t = await setUp();
    expect(await t.history.record(t.file, 'same\n')).toBe(true);
    expect(await t.history.record(t.file, 'same\n')).toBe(false);
    expect(await t.history.record(t.file, 'other\n')).toBe(true);
    expect(await t.history.record(t.file, 'same\n')).toBe(true);
    expect((await t.history.list(t.file)).map((v) => v.size)).toEqual([5, 6, 5]);
  });

  it('keeps versions saved in the same millisecond, or after the clock went back, apart and in order', async () => {
    const times = ['2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z', '2026-11-22T09:00:00.000Z'];
    const t = await setUp({ now: () => new Date(times.shift()!) });
    await t.history.record(t.file, 'a\n');
    await t.history.record(t.file, 'b\n');
    await t.history.record(t.file, 'c\n');
    const listed = await t.history.list(t.file);
    expect(listed.map((v) => v.versionId)).toEqual(['2026-11-22T09-00-00.000Z-3', '2026-11-22T10-00-00.000Z-2', '2026-11-22T10-00-00.000Z-1']);
    expect(await Promise.all(listed.map((v) => t.history.read(t.file, v.versionId)))).toEqual(['c\n', 'b\n', 'a\n']);
  });

  it('keeps each workspace apart, and two spellings of one path together where case does not count', async () => {
    const t = await setUp({ platform: 'darwin' });
    const other = path.join(t.docs, 'Other.stakemap');
    await t.history.record(t.file, 'workshop\n');
    await t.history.record(other, 'other\n');
    expect(await t.history.list(t.file.toUpperCase())).toHaveLength(1);
    const [version] = await t.history.list(other);
    expect(await t.history.read(t.file, version!.versionId)).toBeNull();
    expect(await t.history.read(other, version!.versionId)).toBe('other\n');
  });

  it('reads only versions it listed: no paths, no made-up ids', async () => {
    const t = await setUp();
    await t.history.record(t.file, 'kept\n');
    const secret = path.join(t.userData, 'secret.stakemap');
    await fs.writeFile(secret, 'secret');
    for (const id of [
      '../../secret',
      '..\\..\\secret',
      '2026-11-22T10-00-00.000Z-1/../../../secret',
      '2026-11-22T10-00-00.000Z-2',
      '2026-11-22T10-00-00.000Z-1.stakemap',
      'index',
      '',
    ]) {
      expect(await t.history.read(t.file, id), id).toBeNull();
    }
    expect(VERSION_ID_PATTERN.test('2026-11-22T10-00-00.000Z-1')).toBe(true);
  });

  it('lists nothing from a folder whose index names another workspace', async () => {
    const t = await setUp();
    await t.history.record(t.file, 'kept\n');
    await fs.writeFile(path.join(t.history.folderFor(t.file), 'index.json'), JSON.stringify({ workspace: '/elsewhere/x.stakemap' }));
    expect(await t.history.list(t.file)).toEqual([]);
    expect(await t.history.record(t.file, 'more\n')).toBe(false);
    expect(t.logged.join('\n')).toMatch(/already holds the versions of \/elsewhere\/x\.stakemap/);
  });

  it('never throws when a version cannot be kept: it logs and says so', async () => {
    const t = await setUp();
    // The versions folder cannot be created: a file is in the way.
    await fs.writeFile(path.join(t.userData, 'versions'), 'not a folder');
    expect(await t.history.record(t.file, 'content\n')).toBe(false);
    expect(await t.history.list(t.file)).toEqual([]);
    expect(await t.history.read(t.file, '2026-11-22T10-00-00.000Z-1')).toBeNull();
    expect(t.logged[0]).toMatch(/^Could not keep a previous version of .*Workshop\.stakemap: /);
  });

  it('never throws when the disk is full while writing a version', async () => {
    const full: VersionHistoryFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const t = await setUp({ fs: full });
    expect(await t.history.record(t.file, 'content\n')).toBe(false);
    expect(t.logged).toHaveLength(1);
    // No temp file left in the versions folder either.
    const versions = path.join(t.userData, 'versions');
    for (const folder of await fs.readdir(versions)) expect(await fs.readdir(path.join(versions, folder))).toEqual([]);
  });
});

describe('removeLeftoverTempFiles (temp files a crash left in the versions folder)', () => {
  /** A versions folder with one workspace's history, as a killed save leaves it: versions, plus temp files. */
  async function withLeftovers() {
    const t = await setUp();
    await t.history.record(t.file, 'kept\n');
    const folder = t.history.folderFor(t.file);
    const leftovers = ['.2026-11-22T10-00-05.000Z-2.stakemap.0123456789ab.tmp', '.index.json.fedcba987654.tmp'];
    for (const name of leftovers) await fs.writeFile(path.join(folder, name), 'half a vers');
    // Not ours, or not of the exact pattern: left alone.
    const strangers = ['.notes.txt.0123456789ab.tmp', '.2026-11-22T10-00-05.000Z-2.stakemap.XYZ.tmp', 'keep.tmp'];
    for (const name of strangers) await fs.writeFile(path.join(folder, name), 'someone else’s');
    await fs.mkdir(path.join(folder, '.index.json.aaaaaaaaaaaa.tmp'));
    const outside = path.join(t.userData, 'versions', '.index.json.0123456789ab.tmp');
    await fs.writeFile(outside, 'not in a workspace folder');
    return { ...t, folder, strangers, outside };
  }

  it('removes the temp files of versions and indexes, and only those', async () => {
    const t = await withLeftovers();
    expect(await t.history.removeLeftoverTempFiles()).toBe(2);
    expect((await fs.readdir(t.folder)).sort()).toEqual(
      ['.index.json.aaaaaaaaaaaa.tmp', '2026-11-22T10-00-00.000Z-1.stakemap', 'index.json', ...t.strangers].sort(),
    );
    await expect(fs.readFile(t.outside, 'utf8')).resolves.toBe('not in a workspace folder');
    // The history itself is intact.
    expect(await t.history.read(t.file, '2026-11-22T10-00-00.000Z-1')).toBe('kept\n');
    // The folder that carries a temp name stayed, and was reported.
    expect(t.logged.join('\n')).toMatch(/Could not remove the leftover temp file .*\.index\.json\.aaaaaaaaaaaa\.tmp/);
  });

  it('never removes the temp file of a version being kept right now', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let tempSeen: string | null = null;
    // Holds the write of a version just before its temp file is renamed into place.
    const slowRename: VersionHistoryFs = {
      ...fs,
      rename: async (from, to) => {
        if (String(to).endsWith('.stakemap')) {
          tempSeen = String(from);
          await held;
        }
        return fs.rename(from, to);
      },
    };
    const t = await setUp({ fs: slowRename });
    const recording = t.history.record(t.file, 'being kept\n');
    while (tempSeen === null) await new Promise((resolve) => setImmediate(resolve));
    expect(await t.history.removeLeftoverTempFiles()).toBe(0);
    await expect(fs.stat(tempSeen)).resolves.toBeTruthy();
    release();
    expect(await recording).toBe(true);
    expect(await t.history.list(t.file)).toHaveLength(1);
  });

  it('does nothing, and does not throw, when there is no versions folder yet', async () => {
    const t = await setUp();
    expect(await t.history.removeLeftoverTempFiles()).toBe(0);
    expect(t.logged).toEqual([]);
  });
});
