import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryHandlers } from '../../../../electron/ipc/recovery-handlers';
import { validateInvokeArgs } from '../../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { FileFingerprints, fingerprintOf } from '../../../../electron/services/file-fingerprint';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { createRecoveryDrafts } from '../../../../electron/services/recovery-drafts';
import { invokeChannels } from '../../../../shared/host/channels';
import { makeTempDir, MemoryStore } from '../helpers';

const DRAFT_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const NOW = new Date('2026-11-22T10:00:00.000Z');

/** One run of the app: its own access list and fingerprints; the drafts folder and settings are the profile's. */
function startApp(profile: { dir: string; settings: MemoryStore }, withDrafts = true) {
  const access = new FileAccessList('linux');
  const recent = new RecentWorkspaces(profile.settings, 'linux');
  const fingerprints = new FileFingerprints('linux');
  const recovery = withDrafts ? createRecoveryDrafts({ dir: path.join(profile.dir, 'recovery'), now: () => NOW }) : undefined;
  const handlers = createRecoveryHandlers({ access, recent, settings: profile.settings, fingerprints, ...(recovery ? { recovery } : {}) });
  return { access, recent, fingerprints, handlers };
}

async function setUp(withDrafts = true) {
  const profile = { dir: await makeTempDir('stakemap-recovery-handlers-'), settings: new MemoryStore() };
  return { ...profile, ...startApp(profile, withDrafts), restart: () => startApp(profile, withDrafts) };
}

describe('recovery handlers', () => {
  it('save, list, read and discard a draft, with results that match the channel table', async () => {
    const { handlers } = await setUp();
    const draft = { draftId: DRAFT_ID, filePath: '/work/Spring.stakemap', displayName: 'Spring.stakemap', content: '{"title":"Spring"}' };
    await expect(handlers['recovery:save'](draft)).resolves.toBeUndefined();
    const listed = await handlers['recovery:list'](undefined);
    expect(invokeChannels['recovery:list'].result.parse(listed)).toEqual([
      { draftId: DRAFT_ID, savedAt: NOW.toISOString(), filePath: '/work/Spring.stakemap', displayName: 'Spring.stakemap', title: 'Spring', size: 18 },
    ]);
    const read = await handlers['recovery:read']({ draftId: DRAFT_ID });
    expect(invokeChannels['recovery:read'].result.parse(read)).toEqual({ kind: 'read', content: '{"title":"Spring"}', writable: false });
    await handlers['recovery:discard']({ draftId: DRAFT_ID });
    expect(await handlers['recovery:read']({ draftId: DRAFT_ID })).toEqual({ kind: 'missing' });
    expect(await handlers['recovery:list'](undefined)).toEqual([]);
  });

  it('lets a restored draft be saved back to its file only if that file is in the recent list', async () => {
    const t = await setUp();
    t.recent.add('/work/Known.stakemap', NOW);
    // Opened in the run the draft is made in: writable, with the fingerprint main read.
    t.access.grantWrite('/work/Known.stakemap');
    t.fingerprints.remember('/work/Known.stakemap', fingerprintOf(Buffer.from('{}'), null));
    const known = { draftId: DRAFT_ID, filePath: '/work/Known.stakemap', displayName: 'Known.stakemap', content: '{}' };
    const foreign = { draftId: 'ffffffff-0000-4000-8000-000000000000', filePath: '/etc/passwd', displayName: 'passwd', content: '{}' };
    await t.handlers['recovery:save'](known);
    await t.handlers['recovery:save'](foreign);

    // The next start (after a crash): nothing is writable until a draft is restored.
    const next = t.restart();
    expect(next.access.canWrite('/work/Known.stakemap')).toBe(false);
    await next.handlers['recovery:read']({ draftId: known.draftId });
    expect(next.access.canWrite('/work/Known.stakemap')).toBe(true);
    // A draft naming a file the user never opened grants nothing: a compromised renderer cannot use drafts to
    // get write access to arbitrary files.
    await next.handlers['recovery:read']({ draftId: foreign.draftId });
    expect(next.access.canWrite('/etc/passwd')).toBe(false);
    expect(next.access.canRead('/etc/passwd')).toBe(false);
  });

  it('keeps and offers nothing without a drafts folder', async () => {
    const { handlers } = await setUp(false);
    await handlers['recovery:save']({ draftId: DRAFT_ID, filePath: null, displayName: 'x', content: '{}' });
    await handlers['recovery:discard']({ draftId: DRAFT_ID });
    expect(await handlers['recovery:list'](undefined)).toEqual([]);
    expect(await handlers['recovery:read']({ draftId: DRAFT_ID })).toEqual({ kind: 'missing' });
  });
});

describe('recovery channel arguments', () => {
  const valid = { draftId: DRAFT_ID, filePath: null, displayName: 'Untitled', content: '{}' };

  it('accept a draft with a file path or none', () => {
    expect(validateInvokeArgs('recovery:save', valid)).toEqual(valid);
    expect(validateInvokeArgs('recovery:save', { ...valid, filePath: '/w/a.stakemap' })).toMatchObject({ filePath: '/w/a.stakemap' });
  });

  it.each<[string, unknown]>([
    ['a path in the id', { ...valid, draftId: '../../../../etc/passwd' }],
    ['a dot in the id', { ...valid, draftId: 'abcdefgh.json' }],
    ['a short id', { ...valid, draftId: 'abc' }],
    ['an empty file path', { ...valid, filePath: '' }],
    ['no content', { draftId: DRAFT_ID, filePath: null, displayName: 'x' }],
    ['a long display name', { ...valid, displayName: 'x'.repeat(1025) }],
    ['content that is not text', { ...valid, content: 42 }],
  ])('refuse %s', (_, args) => {
    expect(() => validateInvokeArgs('recovery:save', args)).toThrow(/Invalid arguments for "recovery:save"/);
  });

  it('refuse bad ids for read and discard, and arguments for list', () => {
    expect(() => validateInvokeArgs('recovery:read', { draftId: '..%2F..%2Fetc' })).toThrow(/draftId/);
    expect(() => validateInvokeArgs('recovery:discard', { draftId: 'a/b/c/d/e/f' })).toThrow(/draftId/);
    expect(() => validateInvokeArgs('recovery:list', { all: true })).toThrow(/recovery:list/);
  });
});
