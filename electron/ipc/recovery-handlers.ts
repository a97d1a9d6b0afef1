import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InvokeHandlers } from '../../shared/host/channels';
import type { FileAccessList } from '../services/file-access';
import type { FileFingerprint, FileFingerprints } from '../services/file-fingerprint';
import { SETTINGS_KEYS, type KeyValueStore } from '../services/key-value-store';
import type { RecentWorkspaces } from '../services/recent-workspaces';
import type { DraftFileFingerprint, RecoveryDrafts, StoredRecoveryDraft } from '../services/recovery-drafts';

/*
 * The recovery:* channels (see recovery-drafts.ts). Arguments arrive validated by the channel table: a draft id
 * is letters, digits and dashes only, so it never names a path outside the drafts folder.
 *
 * Restored work is saved back to its file, as it would have been before the crash, and that save must still
 * notice a file changed on disk since the draft was made (issue 11, defect 3). So when main writes a draft of
 * a workspace that has a file, it records in the draft the file's fingerprint as main itself last read or wrote
 * it (handler-context.ts keeps them; the renderer never sends one), with an HMAC over the draft id, the file's path
 * and that fingerprint. Restoring a draft makes its file writable again only when the draft carries such a
 * fingerprint, its HMAC verifies, and the file is in the recent list; the fingerprint is then what the next save
 * compares the file on disk with, so a changed file gets the usual `conflict` (Overwrite / Save As / Reload).
 * Any other draft (written before this check existed, edited, forged, or of a file main never read this
 * session) opens as unsaved work that must be saved with Save As.
 *
 * What the HMAC protects against, and what not: its key is random, made once per profile and kept in the app's
 * settings (SETTINGS_KEYS.recoveryDraftKey, in `<userData>/config.json`). A draft written into the recovery
 * folder by anything that cannot read that key (a compromised renderer cannot: it never sees it; nor can a
 * draft copied from another profile or machine, or one edited by hand) does not verify, so it cannot make a
 * file writable or skip the change check. Anyone who can read the settings file can compute valid HMACs and
 * forge drafts; such a program runs with the user's own rights and could change the workspace file directly
 * anyway, so this is no boundary against it. Even then a forged draft only reaches files in the recent list,
 * and a save still compares the file with the fingerprint the draft names.
 */

export type RecoveryChannel = 'recovery:save' | 'recovery:discard' | 'recovery:list' | 'recovery:read';

export interface RecoveryHandlerDependencies {
  /** The drafts folder of this profile; without it nothing is kept and nothing is offered. */
  readonly recovery?: RecoveryDrafts;
  readonly access: FileAccessList;
  readonly recent: RecentWorkspaces;
  /** Keeps the key drafts are authenticated with (created on the first draft of a file). */
  readonly settings: KeyValueStore;
  /**
   * Each workspace as main read it when opened or wrote it at the last save in this session (handler-context.ts):
   * read when a draft is written, updated when a draft is restored.
   */
  readonly fingerprints: FileFingerprints;
}

/** Identifies what the HMAC covers, so that the key can never authenticate anything else by accident. */
const MAC_CONTEXT = 'stakemap recovery draft file fingerprint v1';
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Builds the handlers of the recovery:* channels. */
export function createRecoveryHandlers(deps: RecoveryHandlerDependencies): InvokeHandlers<RecoveryChannel> {
  const { recovery } = deps;

  /** The stored key, or null if none was ever made; with `create`, one is made and stored when missing. */
  const draftKey = (create: boolean): Buffer | null => {
    const stored = deps.settings.get(SETTINGS_KEYS.recoveryDraftKey);
    if (typeof stored === 'string' && KEY_PATTERN.test(stored)) return Buffer.from(stored, 'hex');
    if (!create) return null;
    const key = randomBytes(32);
    deps.settings.set(SETTINGS_KEYS.recoveryDraftKey, key.toString('hex'));
    return key;
  };

  /** The fingerprint to record in a draft of `filePath`: main's own, for a file this session may save over. */
  const fingerprintToRecord = (draftId: string, filePath: string | null): DraftFileFingerprint | null => {
    if (filePath === null || !deps.access.canWrite(filePath)) return null;
    const known = deps.fingerprints.get(filePath);
    if (!known) return null;
    const key = draftKey(true)!;
    return { size: known.size, sha256: known.sha256, hmac: draftMac(key, draftId, filePath, known) };
  };

  /** The draft's fingerprint if main recorded it (its HMAC verifies with this profile's key), else null. */
  const verifiedFingerprint = (draft: StoredRecoveryDraft): FileFingerprint | null => {
    const recorded = draft.fileFingerprint;
    if (draft.filePath === null || recorded === null) return null;
    const key = draftKey(false);
    if (key === null) return null;
    const expected = Buffer.from(draftMac(key, draft.draftId, draft.filePath, recorded), 'hex');
    // Both are 32 bytes: the draft file's schema allows only 64 hex digits.
    if (!timingSafeEqual(expected, Buffer.from(recorded.hmac, 'hex'))) return null;
    return { size: recorded.size, sha256: recorded.sha256, mtimeMs: null };
  };

  return {
    'recovery:save': async (draft) => {
      await recovery?.save(draft, fingerprintToRecord(draft.draftId, draft.filePath));
    },

    'recovery:discard': async ({ draftId }) => {
      await recovery?.discard(draftId);
    },

    'recovery:list': async () => (recovery ? recovery.list() : []),

    'recovery:read': async ({ draftId }) => {
      const draft = recovery ? await recovery.readDraft(draftId) : null;
      if (draft === null) return { kind: 'missing' };
      // A draft names its file itself: only a file the user really opened or saved before (the recent list),
      // recorded by main (see the top of this file), becomes writable again, and its next save compares the
      // file on disk with the file as it was when the draft was made.
      let writable = false;
      if (draft.filePath !== null && deps.recent.has(draft.filePath)) {
        const fingerprint = verifiedFingerprint(draft);
        if (fingerprint !== null) {
          deps.fingerprints.remember(draft.filePath, fingerprint);
          deps.access.grantWrite(draft.filePath);
          writable = true;
        }
      }
      return { kind: 'read', content: draft.content, writable };
    },
  };
}

/** HMAC-SHA256, in hex, of what a draft says about its file, in an unambiguous encoding (a JSON array). */
function draftMac(key: Buffer, draftId: string, filePath: string, fingerprint: { readonly size: number; readonly sha256: string }): string {
  const message = JSON.stringify([MAC_CONTEXT, draftId, filePath, fingerprint.size, fingerprint.sha256]);
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}
