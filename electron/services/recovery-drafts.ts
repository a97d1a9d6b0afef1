import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  recoveryDraftIdSchema,
  recoveryDraftSchema,
  type RecoveryDraft,
  type RecoveryDraftInfo,
} from '../../shared/host/channels';
import { MAX_WORKSPACE_BYTES } from '../../shared/document/format';
import { errorCode } from './file-errors';
import { writeFileAtomic, type WorkspaceFs } from './workspace-files';

/*
 * Recovery drafts: the unsaved work of each open workspace, written every few seconds by the renderer's request
 * into the app's own data folder (`<userData>/recovery`), never beside the user's file. A draft is removed once
 * its work is saved or discarded on purpose, so whatever is left at the next start was cut off by a crash or a
 * power cut, and is offered back. One file per draft, `<draftId>.json`:
 *
 *   { "draftId": "…", "savedAt": "2026-11-22T10:00:00.000Z", "filePath": "/…/Workshop.stakemap" | null,
 *     "displayName": "Workshop.stakemap", "content": "<the workspace text>",
 *     "fileFingerprint": { "size": 1234, "sha256": "<hex>", "hmac": "<hex>" } }
 *
 * `fileFingerprint` (optional): the draft's file as main knew it when the draft was written, so that saving the
 * restored work notices a file changed on disk meanwhile; `hmac` lets main tell its own records from forged ones.
 * Both are made and checked by electron/ipc/recovery-handlers.ts; this module only keeps them. A draft without
 * one, or with one that is malformed, is still a draft: its work is offered back, only without the fingerprint.
 *
 * Each write is atomic (writeFileAtomic: temp file, fsync, rename, fsync the folder), so a crash mid-write leaves
 * the previous draft or the new one, never a broken one. A file that does not read as a draft anyway (damaged
 * by something else, written by hand) is removed rather than offered.
 */

/** Largest workspace text a draft may hold: the size of workspace the app opens at all. */
export const MAX_DRAFT_CONTENT_BYTES = MAX_WORKSPACE_BYTES;

/**
 * Largest draft file read back. The text is stored as a JSON string, where escaping (\n, \", \\) can double it;
 * a save that would exceed this is refused, so no valid draft is ever larger.
 */
export const MAX_DRAFT_FILE_BYTES = 2 * MAX_DRAFT_CONTENT_BYTES + 64 * 1024;

/** Longest title listed for a draft (the list is a short menu, not the map). */
const MAX_LISTED_TITLE = 200;

const DRAFT_EXTENSION = '.json';
/** The names of drafts, and of the temp files writeFileAtomic leaves behind when killed mid-write. */
const DRAFT_FILE = /^([A-Za-z0-9-]{8,64})\.json$/;
const LEFTOVER_TEMP_FILE = /^\.[A-Za-z0-9-]{8,64}\.json\.[0-9a-f]{12}\.tmp$/;

export type RecoveryDraftsFs = WorkspaceFs & Pick<typeof nodeFs, 'mkdir' | 'readFile'>;

export interface RecoveryDraftsOptions {
  /** The folder holding the drafts: `<userData>/recovery`. Created on the first save. */
  readonly dir: string;
  readonly now: () => Date;
  /** Defaults to node:fs/promises; tests inject failures. */
  readonly fs?: RecoveryDraftsFs;
}

export interface RecoveryDrafts {
  /**
   * Keeps `draft`, replacing the draft with the same id, with the fingerprint main recorded for its file (if
   * any). Throws (nothing changed) when it cannot be written.
   */
  save(draft: RecoveryDraft, fileFingerprint?: DraftFileFingerprint | null): Promise<void>;
  /** Removes a draft; nothing happens if there is none with this id. */
  discard(draftId: string): Promise<void>;
  /** The drafts in the folder, newest first. Files that are not drafts (damaged, foreign) are removed. */
  list(): Promise<RecoveryDraftInfo[]>;
  /** A draft's workspace text, or null when there is no such draft (a damaged one is removed). */
  read(draftId: string): Promise<string | null>;
  /** The whole draft (text, file, name, time, file fingerprint), or null as for read(). */
  readDraft(draftId: string): Promise<StoredRecoveryDraft | null>;
}

/**
 * The fingerprint of a draft's file (size and SHA-256 of its bytes, see file-fingerprint.ts) as main recorded it,
 * with the HMAC main computed over it. Never comes from the renderer.
 */
export const draftFileFingerprintSchema = z.object({
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  hmac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DraftFileFingerprint = z.infer<typeof draftFileFingerprintSchema>;

/** A draft as kept on disk. `fileFingerprint` is null when it has none (or a malformed one). */
export type StoredRecoveryDraft = RecoveryDraft & { readonly savedAt: string; readonly fileFingerprint: DraftFileFingerprint | null };

/**
 * A draft file's content; the id must also match the file's name. The fingerprint is checked on its own
 * (parseDraftFile): a damaged one must not cost the user the draft's work.
 */
const draftFileSchema = recoveryDraftSchema.extend({ savedAt: z.iso.datetime(), fileFingerprint: z.unknown().optional() });

/** Refusal of a draft whose workspace text is over the limit. */
export function draftTooLargeReason(size: number): string {
  return `The unsaved work is ${size.toLocaleString('en-US')} bytes, more than the ${MAX_DRAFT_CONTENT_BYTES.toLocaleString('en-US')} bytes a recovery draft may hold.`;
}

export function createRecoveryDrafts(options: RecoveryDraftsOptions): RecoveryDrafts {
  const fs = options.fs ?? nodeFs;
  const { dir } = options;
  /** One operation at a time per draft, in call order: a discard sent after a save is never undone by it. */
  const queues = new Map<string, Promise<unknown>>();
  /** Saves under way in this process: leftover temp files are only cleaned up while there are none. */
  let savesInFlight = 0;

  const fileOf = (draftId: string) => path.join(dir, `${validId(draftId)}${DRAFT_EXTENSION}`);

  const inOrder = <T>(draftId: string, operation: () => Promise<T>): Promise<T> => {
    const previous = queues.get(draftId) ?? Promise.resolve();
    const result = previous.then(operation, operation);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(draftId, settled);
    void settled.then(() => {
      if (queues.get(draftId) === settled) queues.delete(draftId);
    });
    return result;
  };

  const remove = (file: string) => fs.rm(file, { force: true }).catch(() => undefined);

  /** Reads and checks one draft file; removes it (and gives null) when it is not a valid draft. */
  const readDraftFile = async (draftId: string): Promise<{ draft: StoredRecoveryDraft } | null> => {
    const file = fileOf(draftId);
    let text: string;
    try {
      const stats = await fs.stat(file);
      if (!stats.isFile()) return null;
      if (stats.size > MAX_DRAFT_FILE_BYTES) {
        await remove(file);
        return null;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    const draft = parseDraftFile(text, draftId);
    if (!draft) {
      await remove(file);
      return null;
    }
    return { draft };
  };

  const readDraft = async (draftId: string): Promise<StoredRecoveryDraft | null> => {
    validId(draftId);
    // Unreadable (not missing, not damaged): the error says why.
    const found = await inOrder(draftId, () => readDraftFile(draftId));
    return found ? found.draft : null;
  };

  const removeLeftoverTempFiles = async (names: readonly string[]) => {
    if (savesInFlight > 0) return;
    for (const name of names) {
      if (LEFTOVER_TEMP_FILE.test(name)) await remove(path.join(dir, name));
    }
  };

  return {
    // No await before inOrder in these functions: each joins its draft's queue at the moment it is called.
    async save(draft, fileFingerprint = null) {
      const valid = recoveryDraftSchema.parse(draft);
      const fingerprint = fileFingerprint === null ? null : draftFileFingerprintSchema.parse(fileFingerprint);
      const size = Buffer.byteLength(valid.content, 'utf8');
      if (size > MAX_DRAFT_CONTENT_BYTES) throw new Error(draftTooLargeReason(size));
      return inOrder(valid.draftId, async () => {
        const file = {
          draftId: valid.draftId,
          savedAt: options.now().toISOString(),
          filePath: valid.filePath,
          displayName: valid.displayName,
          content: valid.content,
          // Only written when there is one: drafts of never-saved work look as they always did.
          ...(fingerprint ? { fileFingerprint: fingerprint } : {}),
        };
        const text = `${JSON.stringify(file)}\n`;
        if (Buffer.byteLength(text, 'utf8') > MAX_DRAFT_FILE_BYTES) throw new Error(draftTooLargeReason(size));
        savesInFlight++;
        try {
          await fs.mkdir(dir, { recursive: true });
          await writeFileAtomic(fileOf(valid.draftId), text, { fs });
        } finally {
          savesInFlight--;
        }
      });
    },

    async discard(draftId) {
      const file = fileOf(draftId);
      return inOrder(draftId, () => fs.rm(file, { force: true }));
    },

    async list() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
      await removeLeftoverTempFiles(names);
      const drafts: RecoveryDraftInfo[] = [];
      for (const name of names) {
        const draftId = DRAFT_FILE.exec(name)?.[1];
        if (draftId === undefined) continue;
        // One draft that cannot be read (permissions) is left alone; the others are still offered.
        const found = await inOrder(draftId, () => readDraftFile(draftId)).catch(() => null);
        if (found) drafts.push(describeDraft(found.draft));
      }
      return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.draftId.localeCompare(b.draftId));
    },

    async read(draftId) {
      return (await readDraft(draftId))?.content ?? null;
    },

    readDraft,
  };
}

function validId(draftId: string): string {
  const checked = recoveryDraftIdSchema.safeParse(draftId);
  if (!checked.success) throw new Error(`Not a recovery draft id: ${JSON.stringify(draftId.slice(0, 80))}`);
  return checked.data;
}

/** The draft in a file's text, or null if it is not one (damaged, foreign, or filed under another id). */
export function parseDraftFile(text: string, draftId: string): StoredRecoveryDraft | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = draftFileSchema.safeParse(raw);
  if (!checked.success || checked.data.draftId !== draftId) return null;
  const { fileFingerprint, ...draft } = checked.data;
  const fingerprint = draftFileFingerprintSchema.safeParse(fileFingerprint);
  return { ...draft, fileFingerprint: fingerprint.success ? fingerprint.data : null };
}

/** What the list shows of a draft. The title is read from the workspace text, which may not even be JSON. */
function describeDraft(draft: StoredRecoveryDraft): RecoveryDraftInfo {
  return {
    draftId: draft.draftId,
    savedAt: draft.savedAt,
    filePath: draft.filePath,
    displayName: draft.displayName,
    title: workspaceTitle(draft.content) ?? draft.displayName,
    size: Buffer.byteLength(draft.content, 'utf8'),
  };
}

/** The `title` of a workspace text, shortened for a list, or null when it has none. */
export function workspaceTitle(content: string): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'title')) return null;
  const title = (raw as { title: unknown }).title;
  if (typeof title !== 'string' || title.trim() === '') return null;
  return title.length > MAX_LISTED_TITLE ? `${title.slice(0, MAX_LISTED_TITLE)}…` : title;
}
