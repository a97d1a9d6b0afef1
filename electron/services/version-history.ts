import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './file-errors';
import { sha256Hex } from './file-fingerprint';
import { pathKey } from './path-key';
import { writeFileAtomic, type WorkspaceFs } from './workspace-files';

/*
 * Previous versions of each workspace, kept in the app's own data folder (<userData>/versions), never beside the
 * user's file: draw.io's .bkp files next to documents annoy its users (drawio-desktop#1872). Each workspace gets
 * a folder named after a hash of its path, holding its last saved versions and an index.json naming the path:
 *
 *   versions/3f2a9c0d1e4b5a6c/index.json
 *   versions/3f2a9c0d1e4b5a6c/2026-11-22T10-00-00.000Z-1.stakemap
 *   versions/3f2a9c0d1e4b5a6c/2026-11-22T10-05-12.345Z-2.stakemap
 *
 * The time in a name is ISO 8601 with "-" for ":" (Windows forbids ":" in file names); the number after it
 * counts up, so the order holds even if the clock goes back.
 */

/** How many versions of each workspace are kept. */
export const VERSIONS_KEPT = 10;

/** One kept version, as listed for the user. */
export interface SavedVersion {
  /** Names the version in read(); only ids list() gave are accepted. */
  readonly versionId: string;
  /** When it was saved, ISO 8601. */
  readonly savedAt: string;
  /** Its size in bytes. */
  readonly size: number;
}

/** A version id: the ISO time with "-" for ":", then a counter. */
export const VERSION_ID_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}\.\d{3}Z)-([1-9]\d{0,8})$/;
const VERSION_EXTENSION = '.stakemap';
const INDEX_FILE = 'index.json';
/** A workspace's folder in the versions folder: the first 16 hex digits of a SHA-256 (see folderFor). */
const WORKSPACE_FOLDER = /^[0-9a-f]{16}$/;
/**
 * The temp files writeFileAtomic leaves when it is killed while writing a version or an index (its names are
 * `.<target name>.<12 hex digits>.tmp`, see tempFilePattern in workspace-files.ts), and nothing else.
 */
const LEFTOVER_TEMP_FILE = new RegExp(
  `^\\.(?:index\\.json|${VERSION_ID_PATTERN.source.slice(1, -1)}\\.stakemap)\\.[0-9a-f]{12}\\.tmp$`,
);

export type VersionHistoryFs = WorkspaceFs & Pick<typeof nodeFs, 'mkdir' | 'readFile'>;

export interface VersionHistoryOptions {
  /** The folder holding all histories: `<userData>/versions`. */
  readonly dir: string;
  readonly now: () => Date;
  /** Defaults to node:fs/promises; tests inject failures. */
  readonly fs?: VersionHistoryFs;
  /** Defaults to VERSIONS_KEPT. */
  readonly keep?: number;
  /** Decides how paths are compared (case-folded on Windows and macOS). Defaults to process.platform. */
  readonly platform?: NodeJS.Platform;
  /** Where a failure to keep a version is reported; defaults to console.warn. */
  readonly log?: (message: string) => void;
}

export interface VersionHistory {
  /**
   * Keeps `content` as the newest version of `filePath`, then forgets all but the newest `keep`. Content equal
   * to the newest version is not kept twice. Never throws: a failure is logged and gives false, because keeping
   * a version must never make a save fail.
   */
  record(filePath: string, content: string): Promise<boolean>;
  /** The kept versions of `filePath`, newest first; [] when there are none or they cannot be read. */
  list(filePath: string): Promise<SavedVersion[]>;
  /** The content of one version list() gave, or null (an unknown id, a version since forgotten, a failure). */
  read(filePath: string, versionId: string): Promise<string | null>;
  /** The folder holding the versions of `filePath` (for tests and support). */
  folderFor(filePath: string): string;
  /**
   * Removes the temp files left in the workspaces' version folders when the app was killed (or the machine lost
   * power) while keeping a version: each version has a new name, so no later write to the same name would ever
   * clean them up. Only names of writeFileAtomic's exact pattern for a version or an index, and never while a
   * version is being kept in this process. Meant for the app's start. Never throws; gives how many were removed.
   */
  removeLeftoverTempFiles(): Promise<number>;
}

interface Entry extends SavedVersion {
  readonly counter: number;
}

export function createVersionHistory(options: VersionHistoryOptions): VersionHistory {
  const fs = options.fs ?? nodeFs;
  const keep = Math.max(1, options.keep ?? VERSIONS_KEPT);
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((message: string) => console.warn(message));
  /** record() calls under way: their temp files are never taken for leftovers. */
  let recordsInFlight = 0;

  const folderFor = (filePath: string) => path.join(options.dir, sha256Hex(Buffer.from(pathKey(filePath, platform), 'utf8')).slice(0, 16));
  const versionFile = (folder: string, versionId: string) => path.join(folder, `${versionId}${VERSION_EXTENSION}`);

  /** The workspace path index.json names, or null when it is missing or unreadable. */
  const indexedPath = async (folder: string): Promise<string | null> => {
    try {
      const index: unknown = JSON.parse(String(await fs.readFile(path.join(folder, INDEX_FILE), 'utf8')));
      const workspace = typeof index === 'object' && index !== null ? (index as { workspace?: unknown }).workspace : undefined;
      return typeof workspace === 'string' ? workspace : null;
    } catch {
      return null;
    }
  };

  const isFolderOf = (indexed: string | null, filePath: string) => indexed !== null && pathKey(indexed, platform) === pathKey(filePath, platform);

  /** The versions in a folder, newest first. */
  const entries = async (folder: string): Promise<Entry[]> => {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const found: Entry[] = [];
    for (const name of names) {
      if (!name.endsWith(VERSION_EXTENSION)) continue;
      const versionId = name.slice(0, -VERSION_EXTENSION.length);
      const match = VERSION_ID_PATTERN.exec(versionId);
      if (!match) continue;
      try {
        const stats = await fs.stat(path.join(folder, name));
        if (!stats.isFile()) continue;
        found.push({ versionId, savedAt: `${match[1]}:${match[2]}:${match[3]}`, size: stats.size, counter: Number(match[4]) });
      } catch {
        // Removed meanwhile (pruned by a save): not listed.
      }
    }
    return found.sort((a, b) => b.counter - a.counter);
  };

  const list = async (filePath: string): Promise<SavedVersion[]> => {
    try {
      const folder = folderFor(filePath);
      // The index guards against two paths sharing a folder (a 64-bit hash prefix: in theory only).
      if (!isFolderOf(await indexedPath(folder), filePath)) return [];
      return (await entries(folder)).map(({ versionId, savedAt, size }) => ({ versionId, savedAt, size }));
    } catch (error) {
      log(`Could not list the previous versions of ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };

  return {
    folderFor,
    list,

    async record(filePath, content) {
      recordsInFlight++;
      try {
        const folder = folderFor(filePath);
        await fs.mkdir(folder, { recursive: true });
        const indexed = await indexedPath(folder);
        if (indexed !== null && !isFolderOf(indexed, filePath)) {
          throw new Error(`the folder ${folder} already holds the versions of ${indexed}`);
        }
        if (indexed === null) {
          const index = { workspace: filePath, about: `The last ${keep} saved versions of this workspace, kept by Stakemap.` };
          await writeFileAtomic(path.join(folder, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`, { fs });
        }
        const existing = await entries(folder);
        const bytes = Buffer.from(content, 'utf8');
        const newest = existing[0];
        if (newest && newest.size === bytes.length && bytes.equals(await fs.readFile(versionFile(folder, newest.versionId)))) return false;

        const versionId = `${options.now().toISOString().replace(/:/g, '-')}-${(newest?.counter ?? 0) + 1}`;
        if (!VERSION_ID_PATTERN.test(versionId)) throw new Error(`the clock gave a time that cannot name a version (${versionId})`);
        await writeFileAtomic(versionFile(folder, versionId), bytes, { fs });
        for (const old of existing.slice(keep - 1)) {
          await fs.rm(versionFile(folder, old.versionId), { force: true }).catch(() => undefined);
        }
        return true;
      } catch (error) {
        log(`Could not keep a previous version of ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      } finally {
        recordsInFlight--;
      }
    },

    async removeLeftoverTempFiles() {
      let removed = 0;
      let folders: string[];
      try {
        folders = await fs.readdir(options.dir);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') log(`Could not look for leftover temp files in ${options.dir}: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      }
      for (const folderName of folders) {
        if (!WORKSPACE_FOLDER.test(folderName)) continue;
        const folder = path.join(options.dir, folderName);
        let names: string[];
        try {
          names = await fs.readdir(folder);
        } catch {
          // Not a folder after all, or unreadable: nothing of ours to clean there.
          continue;
        }
        for (const name of names) {
          // Checked before each removal: a version being kept now may have a temp file of this very pattern.
          if (!LEFTOVER_TEMP_FILE.test(name) || recordsInFlight > 0) continue;
          try {
            // Not recursive: should a folder ever carry such a name, it stays. Forced: a version kept while this
            // ran may have renamed its temp file away meanwhile.
            await fs.rm(path.join(folder, name), { force: true });
            removed++;
          } catch (error) {
            log(`Could not remove the leftover temp file ${path.join(folder, name)}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
      return removed;
    },

    async read(filePath, versionId) {
      // Only an id list() gives: never a path, so nothing outside the workspace's folder can be named.
      if (!VERSION_ID_PATTERN.test(versionId)) return null;
      const listed = await list(filePath);
      if (!listed.some((version) => version.versionId === versionId)) return null;
      try {
        return String(await fs.readFile(versionFile(folderFor(filePath), versionId), 'utf8'));
      } catch (error) {
        log(`Could not read a previous version of ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },
  };
}
