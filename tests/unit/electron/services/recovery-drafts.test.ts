import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { createWorkspace } from '../../../../shared/operations/workspace';
import type { RecoveryDraft } from '../../../../shared/host/channels';
import {
  createRecoveryDrafts,
  MAX_DRAFT_CONTENT_BYTES,
  MAX_DRAFT_FILE_BYTES,
  parseDraftFile,
  workspaceTitle,
  type RecoveryDraftsFs,
} from '../../../../electron/services/recovery-drafts';
import { makeTempDir } from '../helpers';

const ID_A = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID_B = '9f0c3d5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const ID_C = 'cccccccc-0000-4000-8000-000000000000';

const workspaceText = (title: string) => serializeWorkspace(createWorkspace(title, new Date('2026-11-22T10:00:00.000Z')));

/** A clock that moves one second on each call. */
function steppingClock(start = '2026-11-22T10:00:00.000Z') {
  let t = new Date(start).getTime();
  return () => new Date((t += 1000));
}

async function setUp(options: { fs?: RecoveryDraftsFs } = {}) {
  const root = await makeTempDir('stakemap-recovery-');
  const dir = path.join(root, 'userData', 'recovery');
  const drafts = createRecoveryDrafts({ dir, now: steppingClock(), ...(options.fs ? { fs: options.fs } : {}) });
  const draft = (draftId: string, title: string, filePath: string | null = null): RecoveryDraft => ({
    draftId,
    filePath,
    displayName: filePath ? path.basename(filePath) : title,
    content: workspaceText(title),
  });
  return { root, dir, drafts, draft };
}

describe('createRecoveryDrafts', () => {
  it('keeps a draft as <dir>/<draftId>.json with its time, file, name and content, creating the folder', async () => {
    const { dir, drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Spring workshop', '/work/Spring.stakemap'));
    expect(await fs.readdir(dir)).toEqual([`${ID_A}.json`]);
    const stored = JSON.parse(await fs.readFile(path.join(dir, `${ID_A}.json`), 'utf8'));
    expect(stored).toEqual({
      draftId: ID_A,
      savedAt: '2026-11-22T10:00:01.000Z',
      filePath: '/work/Spring.stakemap',
      displayName: 'Spring.stakemap',
      content: workspaceText('Spring workshop'),
    });
    expect(await drafts.read(ID_A)).toBe(workspaceText('Spring workshop'));
  });

  it('lists drafts newest first, with the workspace title and the size in bytes', async () => {
    const { drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Older', '/work/Older.stakemap'));
    await drafts.save({ ...draft(ID_B, 'Zürich workshop'), displayName: 'Untitled' });
    expect(await drafts.list()).toEqual([
      {
        draftId: ID_B,
        savedAt: '2026-11-22T10:00:02.000Z',
        filePath: null,
        displayName: 'Untitled',
        title: 'Zürich workshop',
        size: Buffer.byteLength(workspaceText('Zürich workshop'), 'utf8'),
      },
      {
        draftId: ID_A,
        savedAt: '2026-11-22T10:00:01.000Z',
        filePath: '/work/Older.stakemap',
        displayName: 'Older.stakemap',
        title: 'Older',
        size: Buffer.byteLength(workspaceText('Older'), 'utf8'),
      },
    ]);
  });

  it('replaces a draft saved again under the same id, which moves it to the top', async () => {
    const { drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'First'));
    await drafts.save(draft(ID_B, 'Second'));
    await drafts.save(draft(ID_A, 'First, edited'));
    const listed = await drafts.list();
    expect(listed.map((d) => [d.draftId, d.title])).toEqual([
      [ID_A, 'First, edited'],
      [ID_B, 'Second'],
    ]);
  });

  it('falls back to the display name when the content has no title, and shortens a long title', async () => {
    const { drafts } = await setUp();
    await drafts.save({ draftId: ID_A, filePath: null, displayName: 'Notes.stakemap', content: 'not json at all' });
    await drafts.save({ draftId: ID_B, filePath: null, displayName: 'Blank', content: '{"format":"stakemap","title":"   "}' });
    await drafts.save({ draftId: ID_C, filePath: null, displayName: 'Long', content: JSON.stringify({ title: 'T'.repeat(5000) }) });
    const titles = Object.fromEntries((await drafts.list()).map((d) => [d.draftId, d.title]));
    expect(titles[ID_A]).toBe('Notes.stakemap');
    expect(titles[ID_B]).toBe('Blank');
    expect(titles[ID_C]).toBe(`${'T'.repeat(200)}…`);
    expect(workspaceTitle('\uFEFF{"title":"With BOM"}')).toBe('With BOM');
    expect(workspaceTitle('{"title":42}')).toBeNull();
    expect(workspaceTitle('[1]')).toBeNull();
  });

  it('discards a draft; discarding an unknown one, or before any draft exists, does nothing', async () => {
    const { dir, drafts, draft } = await setUp();
    await drafts.discard(ID_A);
    await drafts.save(draft(ID_A, 'A'));
    await drafts.save(draft(ID_B, 'B'));
    await drafts.discard(ID_A);
    await drafts.discard(ID_C);
    expect((await drafts.list()).map((d) => d.draftId)).toEqual([ID_B]);
    expect(await drafts.read(ID_A)).toBeNull();
    expect(await fs.readdir(dir)).toEqual([`${ID_B}.json`]);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    const { drafts } = await setUp();
    expect(await drafts.list()).toEqual([]);
    expect(await drafts.read(ID_A)).toBeNull();
  });

  it('applies a save and a discard of the same draft in the order they were asked for', async () => {
    const { drafts, draft } = await setUp();
    // The renderer does not wait: the work was saved to its file while the draft was still being written.
    const saving = drafts.save(draft(ID_A, 'A'));
    const discarding = drafts.discard(ID_A);
    await Promise.all([saving, discarding]);
    expect(await drafts.list()).toEqual([]);
    // And the other way round.
    const discarded = drafts.discard(ID_B);
    const saved = drafts.save(draft(ID_B, 'B'));
    await Promise.all([discarded, saved]);
    expect((await drafts.list()).map((d) => d.draftId)).toEqual([ID_B]);
  });

  it.each([
    '../../../etc/passwd',
    '..',
    'a/b/c/d/e/f/g/h',
    'a\\b\\c\\d\\e\\f',
    'short',
    'x'.repeat(65),
    'draft-id.json',
    'ünïcødé-draft-id',
    '',
  ])('refuses the draft id %j for every operation, writing nothing', async (draftId) => {
    const { root, drafts } = await setUp();
    await expect(drafts.save({ draftId, filePath: null, displayName: 'x', content: '{}' })).rejects.toThrow();
    await expect(drafts.discard(draftId)).rejects.toThrow(/Not a recovery draft id/);
    await expect(drafts.read(draftId)).rejects.toThrow(/Not a recovery draft id/);
    await expect(drafts.readDraft(draftId)).rejects.toThrow(/Not a recovery draft id/);
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('refuses a draft over the 100 MB workspace limit, keeping the previous one', async () => {
    const { drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Small'));
    // 2 bytes a character: just over the limit in half as many characters.
    const huge = 'é'.repeat(MAX_DRAFT_CONTENT_BYTES / 2 + 1);
    await expect(drafts.save({ draftId: ID_A, filePath: null, displayName: 'Huge', content: huge })).rejects.toThrow(
      /more than the 104,857,600 bytes a recovery draft may hold/,
    );
    expect(await drafts.read(ID_A)).toBe(workspaceText('Small'));
  });

  it('removes files that are not valid drafts instead of offering them, and leaves other files alone', async () => {
    const { dir, drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Good'));
    const put = (name: string, text: string) => fs.writeFile(path.join(dir, name), text);
    const damaged = {
      'dddddddd-0000-4000-8000-000000000001.json': '{"draftId":"dddddddd-0000-4000-8000-000000000001","savedAt":"2026-',
      'dddddddd-0000-4000-8000-000000000002.json': JSON.stringify({ draftId: 'dddddddd-0000-4000-8000-000000000002', content: 'x' }),
      // Filed under another id than the one inside.
      'dddddddd-0000-4000-8000-000000000003.json': JSON.stringify({ draftId: ID_B, savedAt: '2026-11-22T10:00:00.000Z', filePath: null, displayName: 'x', content: '{}' }),
      'dddddddd-0000-4000-8000-000000000004.json': '',
      'dddddddd-0000-4000-8000-000000000005.json': JSON.stringify({ draftId: 'dddddddd-0000-4000-8000-000000000005', savedAt: 'yesterday', filePath: null, displayName: 'x', content: '{}' }),
    };
    for (const [name, text] of Object.entries(damaged)) await put(name, text);
    await put('README.txt', 'not a draft name');
    await fs.mkdir(path.join(dir, 'eeeeeeee-0000-4000-8000-000000000000.json'));
    expect((await drafts.list()).map((d) => d.draftId)).toEqual([ID_A]);
    expect((await fs.readdir(dir)).sort()).toEqual([`${ID_A}.json`, 'README.txt', 'eeeeeeee-0000-4000-8000-000000000000.json'].sort());
    // read() of a damaged draft removes it too.
    await put('dddddddd-0000-4000-8000-000000000006.json', '{');
    expect(await drafts.read('dddddddd-0000-4000-8000-000000000006')).toBeNull();
    expect(await fs.readdir(dir)).not.toContain('dddddddd-0000-4000-8000-000000000006.json');
  });

  it('removes a draft file larger than any save could write, without reading it', async () => {
    const { dir, drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Good'));
    const huge = path.join(dir, `${ID_B}.json`);
    await fs.writeFile(huge, '');
    await fs.truncate(huge, MAX_DRAFT_FILE_BYTES + 1); // sparse: no disk used
    expect((await drafts.list()).map((d) => d.draftId)).toEqual([ID_A]);
    await expect(fs.stat(huge)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('cleans up temp files left by a write that was killed, when no save is under way', async () => {
    const { dir, drafts, draft } = await setUp();
    await drafts.save(draft(ID_A, 'Good'));
    const leftover = `.${ID_B}.json.0123456789ab.tmp`;
    await fs.writeFile(path.join(dir, leftover), '{"draftId":');
    await fs.writeFile(path.join(dir, '.unrelated.tmp'), 'kept');
    expect((await drafts.list()).map((d) => d.draftId)).toEqual([ID_A]);
    expect((await fs.readdir(dir)).sort()).toEqual(['.unrelated.tmp', `${ID_A}.json`].sort());
  });

  it('rejects a save that cannot be written and keeps the previous draft whole', async () => {
    let failOpen = false;
    const failing: RecoveryDraftsFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        if (failOpen && String(args[0]).endsWith('.tmp')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return fs.open(...args);
      }),
    };
    const { drafts, draft } = await setUp({ fs: failing });
    await drafts.save(draft(ID_A, 'Before'));
    failOpen = true;
    await expect(drafts.save(draft(ID_A, 'After'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await drafts.read(ID_A)).toBe(workspaceText('Before'));
    expect((await drafts.list()).map((d) => d.title)).toEqual(['Before']);
  });

  it('still lists the other drafts when one cannot be read, and leaves that one in place', async () => {
    const unreadable = `${ID_B}.json`;
    const flaky: RecoveryDraftsFs = {
      ...fs,
      readFile: (async (...args: Parameters<typeof fs.readFile>) => {
        if (typeof args[0] === 'string' && args[0].endsWith(unreadable)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return fs.readFile(...args);
      }) as typeof fs.readFile,
    };
    const { dir, drafts, draft } = await setUp({ fs: flaky });
    await drafts.save(draft(ID_A, 'Readable'));
    await drafts.save(draft(ID_B, 'Unreadable'));
    expect((await drafts.list()).map((d) => d.title)).toEqual(['Readable']);
    expect(await fs.readdir(dir)).toContain(unreadable);
    await expect(drafts.read(ID_B)).rejects.toMatchObject({ code: 'EACCES' });
  });
});

describe('parseDraftFile', () => {
  const valid = { draftId: ID_A, savedAt: '2026-11-22T10:00:00.000Z', filePath: null, displayName: 'x', content: '{}' };
  it('accepts a draft filed under its own id only', () => {
    expect(parseDraftFile(JSON.stringify(valid), ID_A)).toEqual({ ...valid, fileFingerprint: null });
    expect(parseDraftFile(JSON.stringify(valid), ID_B)).toBeNull();
  });
  it('gives the file fingerprint main recorded, and keeps a draft whose fingerprint is damaged, without it', () => {
    const fileFingerprint = { size: 2, sha256: 'a'.repeat(64), hmac: 'b'.repeat(64) };
    expect(parseDraftFile(JSON.stringify({ ...valid, fileFingerprint }), ID_A)).toEqual({ ...valid, fileFingerprint });
    for (const damaged of [{ ...fileFingerprint, hmac: 'not hex' }, { ...fileFingerprint, size: -1 }, 'a string', null]) {
      // The work in the draft is not lost over it: only the fingerprint is dropped.
      expect(parseDraftFile(JSON.stringify({ ...valid, fileFingerprint: damaged }), ID_A)).toEqual({ ...valid, fileFingerprint: null });
    }
  });
  it.each([
    ['not JSON', '{'],
    ['a list', '[]'],
    ['a relative file path', JSON.stringify({ ...valid, filePath: '' })],
    ['a missing content', JSON.stringify({ ...valid, content: undefined })],
    ['a bad id inside', JSON.stringify({ ...valid, draftId: '../x' })],
  ])('refuses %s', (_, text) => {
    expect(parseDraftFile(text, ID_A)).toBeNull();
  });
});
