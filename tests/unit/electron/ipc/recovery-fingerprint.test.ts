import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeArgs } from '../../../../shared/host/channels';
import { createHostHandlers, type HostHandlers } from '../../../../electron/ipc/host-handlers';
import { SAVE_NOT_GRANTED_REASON } from '../../../../electron/ipc/workspace-handlers';
import { validateInvokeArgs } from '../../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { sha256Hex } from '../../../../electron/services/file-fingerprint';
import { SETTINGS_KEYS } from '../../../../electron/services/key-value-store';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { createRecoveryDrafts } from '../../../../electron/services/recovery-drafts';
import { makeTempDir, MemoryStore } from '../helpers';

/*
 * Issue 11, defect 3: a restored recovery draft must not skip the check for changes on disk. Each test runs the
 * app twice on one profile (settings and drafts folder), as a crash and a relaunch would: the first run opens a
 * workspace and writes a draft of unsaved work, the second restores it and saves.
 */

const FIXTURE = path.resolve(__dirname, '../../../fixtures/workspaces/valid-minimal.stakemap');
const DRAFT_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER_ID = '9f0c3d5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

const workspaceText = (title: string) =>
  `${JSON.stringify({ format: 'stakemap', version: 1, title, stakeholders: [], relationships: [], painPoints: [], solutions: [], categories: [] }, null, 2)}\n`;

/** A profile (settings, drafts folder) and a folder of workspaces, shared by every run of the app. */
async function makeProfile(settings = new MemoryStore()) {
  const dir = await fs.realpath(await makeTempDir('stakemap-docs-'));
  const userData = await makeTempDir('stakemap-userdata-');
  return { dir, userData, settings, recoveryDir: path.join(userData, 'recovery') };
}
type Profile = Awaited<ReturnType<typeof makeProfile>>;

/** One run of the app on `profile`: a fresh access list and fresh fingerprints, as after a restart. */
function runApp(profile: Profile) {
  const openAnswers: string[] = [];
  const access = new FileAccessList('linux');
  const handlers: HostHandlers = createHostHandlers({
    dialogs: {
      showOpenDialog: async () => openAnswers.shift() ?? null,
      showSaveDialog: async () => null,
      askUnsavedChanges: async () => 'cancel',
      confirmReplace: async () => false,
    },
    settings: profile.settings,
    recent: new RecentWorkspaces(profile.settings, 'linux'),
    access,
    window: { setDocumentState: () => undefined, closeConfirmed: () => undefined },
    launch: { platform: 'linux', takePendingFilePath: () => null },
    now: () => new Date('2026-11-22T10:00:00.000Z'),
    printToPdf: async () => new Uint8Array(),
    capturePage: async () => '',
    recovery: createRecoveryDrafts({ dir: profile.recoveryDir, now: () => new Date('2026-11-22T10:00:00.000Z') }),
  });
  /** Calls a handler with arguments as main receives them: validated (and stripped) by the channel table. */
  const call = async <C extends keyof typeof invokeChannels>(channel: C, args: InvokeArgs<C>) => {
    const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
    const result = await handler(validateInvokeArgs(channel, args));
    return invokeChannels[channel].result.parse(result);
  };
  const open = async (filePath: string) => {
    openAnswers.push(filePath);
    expect(await call('workspace:open-dialog', undefined)).toMatchObject({ kind: 'opened', filePath });
  };
  return { access, handlers, call, open };
}

/** Run 1: opens a copy of the fixture and writes a draft of unsaved work for it. Gives the file's path. */
async function openAndDraft(profile: Profile, name = 'Workshop.stakemap', draftId = DRAFT_ID) {
  const filePath = path.join(profile.dir, name);
  await fs.copyFile(FIXTURE, filePath);
  const first = runApp(profile);
  await first.open(filePath);
  await first.call('recovery:save', { draftId, filePath, displayName: name, content: workspaceText('Unsaved work') });
  return filePath;
}

const draftFile = (profile: Profile, draftId = DRAFT_ID) => path.join(profile.recoveryDir, `${draftId}.json`);
/** A draft as main stores it (electron/services/recovery-drafts.ts), read back to tamper with. */
interface StoredDraft {
  readonly filePath: string | null;
  readonly content: string;
  readonly fileFingerprint?: { readonly size: number; readonly sha256: string; readonly hmac: string };
  readonly [key: string]: unknown;
}
const readDraftJson = async (profile: Profile, draftId = DRAFT_ID) => JSON.parse(await fs.readFile(draftFile(profile, draftId), 'utf8')) as StoredDraft;
const writeDraftJson = (profile: Profile, draft: unknown, draftId = DRAFT_ID) =>
  fs.writeFile(draftFile(profile, draftId), `${JSON.stringify(draft)}\n`);

describe('a restored recovery draft and changes on disk', () => {
  it('reproduction: the file changed on disk after the draft was made, so saving the restored work is a conflict', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    // Meanwhile (between the crash and the restart, or before the crash) someone else changes the file.
    const theirs = workspaceText('A colleague’s changes');
    await fs.writeFile(filePath, theirs);

    const second = runApp(profile);
    expect(await second.call('recovery:read', { draftId: DRAFT_ID })).toEqual({ kind: 'read', content: workspaceText('Unsaved work'), writable: true });
    expect(await second.call('workspace:save', { filePath, content: workspaceText('Unsaved work') })).toEqual({
      kind: 'conflict',
      filePath,
      change: 'modified',
    });
    expect(await fs.readFile(filePath, 'utf8')).toBe(theirs);
    // The user's choice (Overwrite) still works.
    expect(await second.call('workspace:save', { filePath, content: workspaceText('Unsaved work'), overwrite: true })).toEqual({ kind: 'saved', filePath });
    expect(await fs.readFile(filePath, 'utf8')).toBe(workspaceText('Unsaved work'));
  });

  it('saves the restored work over its file when the file did not change', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    const second = runApp(profile);
    await second.call('recovery:read', { draftId: DRAFT_ID });
    expect(await second.call('workspace:save', { filePath, content: workspaceText('Unsaved work') })).toEqual({ kind: 'saved', filePath });
    expect(await fs.readFile(filePath, 'utf8')).toBe(workspaceText('Unsaved work'));
  });

  it('reports a file deleted since the draft was made as a conflict (deleted)', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    await fs.rm(filePath);
    const second = runApp(profile);
    await second.call('recovery:read', { draftId: DRAFT_ID });
    expect(await second.call('workspace:save', { filePath, content: workspaceText('Unsaved work') })).toEqual({
      kind: 'conflict',
      filePath,
      change: 'deleted',
    });
    await expect(fs.stat(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('records the fingerprint main read, not one the renderer sends, and only for a file main knows', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    const bytes = await fs.readFile(FIXTURE);
    const stored = await readDraftJson(profile);
    expect(stored.fileFingerprint).toEqual({ size: bytes.length, sha256: sha256Hex(bytes), hmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(profile.settings.get(SETTINGS_KEYS.recoveryDraftKey)).toMatch(/^[0-9a-f]{64}$/);

    // A renderer sending its own fingerprint: the channel table drops it before main sees it.
    const forgedArgs = { draftId: OTHER_ID, filePath, displayName: 'x', content: '{}', fileFingerprint: stored.fileFingerprint };
    expect(validateInvokeArgs('recovery:save', forgedArgs)).not.toHaveProperty('fileFingerprint');

    // A draft naming a file this run never opened gets no fingerprint, so restoring it grants nothing.
    const elsewhere = path.join(profile.dir, 'Elsewhere.stakemap');
    await fs.copyFile(FIXTURE, elsewhere);
    await runApp(profile).call('recovery:save', { draftId: OTHER_ID, filePath: elsewhere, displayName: 'x', content: '{}' });
    expect(await readDraftJson(profile, OTHER_ID)).not.toHaveProperty('fileFingerprint');
  });

  it('keeps one key per profile: later drafts are authenticated with the same one', async () => {
    const profile = await makeProfile();
    await openAndDraft(profile, 'One.stakemap', DRAFT_ID);
    const key = profile.settings.get(SETTINGS_KEYS.recoveryDraftKey);
    await openAndDraft(profile, 'Two.stakemap', OTHER_ID);
    expect(profile.settings.get(SETTINGS_KEYS.recoveryDraftKey)).toBe(key);
    const second = runApp(profile);
    await second.call('recovery:read', { draftId: DRAFT_ID });
    await second.call('recovery:read', { draftId: OTHER_ID });
    expect(second.access.canWrite(path.join(profile.dir, 'One.stakemap'))).toBe(true);
    expect(second.access.canWrite(path.join(profile.dir, 'Two.stakemap'))).toBe(true);
  });
});

describe('drafts main did not write', () => {
  /** Run 1 opens the file (so it is in the recent list) and makes no draft; gives the file. */
  async function openOnly(profile: Profile) {
    const filePath = path.join(profile.dir, 'Workshop.stakemap');
    await fs.copyFile(FIXTURE, filePath);
    await runApp(profile).open(filePath);
    return filePath;
  }

  /** Run 2 restores the draft: its work opens, but its file may not be saved over (Save As instead). */
  async function expectRestoredWithoutWrite(profile: Profile, filePath: string, content: string) {
    const before = await fs.readFile(filePath);
    const second = runApp(profile);
    expect(await second.call('recovery:read', { draftId: DRAFT_ID })).toEqual({ kind: 'read', content, writable: false });
    expect(second.access.canWrite(filePath)).toBe(false);
    expect(await second.call('workspace:save', { filePath, content })).toEqual({
      kind: 'writeFailed',
      filePath,
      reason: SAVE_NOT_GRANTED_REASON,
      code: null,
    });
    expect(await fs.readFile(filePath)).toEqual(before);
  }

  it('a forged draft (written by hand into the recovery folder) naming a recent file does not make it writable', async () => {
    const profile = await makeProfile();
    const filePath = await openOnly(profile);
    await fs.mkdir(profile.recoveryDir, { recursive: true });
    const content = workspaceText('Forged');
    await writeDraftJson(profile, { draftId: DRAFT_ID, savedAt: '2026-11-22T10:00:00.000Z', filePath, displayName: 'Workshop.stakemap', content });
    await expectRestoredWithoutWrite(profile, filePath, content);
  });

  it('nor does one with the file’s real fingerprint and a made-up HMAC', async () => {
    const profile = await makeProfile();
    const filePath = await openOnly(profile);
    // Make sure the profile has a key, so the made-up HMAC is checked against a real one.
    await openAndDraft(profile, 'Other.stakemap', OTHER_ID);
    const bytes = await fs.readFile(filePath);
    const content = workspaceText('Forged');
    await writeDraftJson(profile, {
      draftId: DRAFT_ID,
      savedAt: '2026-11-22T10:00:00.000Z',
      filePath,
      displayName: 'Workshop.stakemap',
      content,
      fileFingerprint: { size: bytes.length, sha256: sha256Hex(bytes), hmac: '0'.repeat(64) },
    });
    await expectRestoredWithoutWrite(profile, filePath, content);
  });

  it('a real draft whose fingerprint was changed to match the file changed on disk does not skip the check', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    const theirs = Buffer.from(workspaceText('A colleague’s changes'));
    await fs.writeFile(filePath, theirs);
    const draft = await readDraftJson(profile);
    // The tampering that would make the stale draft look current: the HMAC no longer verifies.
    await writeDraftJson(profile, { ...draft, fileFingerprint: { ...draft.fileFingerprint, size: theirs.length, sha256: sha256Hex(theirs) } });
    await expectRestoredWithoutWrite(profile, filePath, draft.content);
  });

  it('a real draft moved to another recent file by editing its path does not make that file writable', async () => {
    const profile = await makeProfile();
    await openAndDraft(profile);
    const victim = await openOnly(profile);
    const renamedVictim = path.join(profile.dir, 'Victim.stakemap');
    await fs.rename(victim, renamedVictim);
    await runApp(profile).open(renamedVictim);
    const draft = await readDraftJson(profile);
    await writeDraftJson(profile, { ...draft, filePath: renamedVictim });
    await expectRestoredWithoutWrite(profile, renamedVictim, draft.content);
  });

  it('a draft from another profile (another key), or after the key was lost, opens without write access', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    // The settings file was reset (a damaged config.json) or replaced: a new key is made on the next draft.
    profile.settings.set(SETTINGS_KEYS.recoveryDraftKey, 'not a key');
    await openAndDraft(profile, 'Other.stakemap', OTHER_ID);
    expect(profile.settings.get(SETTINGS_KEYS.recoveryDraftKey)).toMatch(/^[0-9a-f]{64}$/);
    await expectRestoredWithoutWrite(profile, filePath, workspaceText('Unsaved work'));
  });

  it('a draft whose fingerprint is damaged is still offered, as unsaved work', async () => {
    const profile = await makeProfile();
    const filePath = await openAndDraft(profile);
    const draft = await readDraftJson(profile);
    await writeDraftJson(profile, { ...draft, fileFingerprint: { ...draft.fileFingerprint, sha256: 'not hex' } });
    expect(await runApp(profile).call('recovery:list', undefined)).toMatchObject([{ draftId: DRAFT_ID, filePath }]);
    await expectRestoredWithoutWrite(profile, filePath, draft.content);
  });
});
