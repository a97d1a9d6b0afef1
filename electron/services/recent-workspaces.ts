import path from 'node:path';
import { recentWorkspaceSchema, type RecentWorkspace } from '../../shared/host/channels';
import { SETTINGS_KEYS, type KeyValueStore } from './key-value-store';
import { pathKey } from './path-key';

/** How many workspaces File > Open Recent and the start view list. */
export const MAX_RECENT_WORKSPACES = 10;

/**
 * The recent workspaces list, most recent first, without duplicates, at most MAX_RECENT_WORKSPACES entries,
 * persisted in the settings store. Entries whose file has disappeared are kept (and shown): the user decides
 * when to forget them, nothing is dropped silently.
 */
export class RecentWorkspaces {
  private readonly listeners = new Set<(list: readonly RecentWorkspace[]) => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The stored list. Entries that are not valid (a hand-edited settings file) are skipped, never thrown on. */
  list(): RecentWorkspace[] {
    const stored = this.store.get(SETTINGS_KEYS.recentWorkspaces);
    if (!Array.isArray(stored)) return [];
    const seen = new Set<string>();
    const entries: RecentWorkspace[] = [];
    for (const item of stored) {
      const parsed = recentWorkspaceSchema.safeParse(item);
      if (!parsed.success) continue;
      const key = pathKey(parsed.data.filePath, this.platform);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(parsed.data);
    }
    return entries.slice(0, MAX_RECENT_WORKSPACES);
  }

  has(filePath: string): boolean {
    const key = pathKey(filePath, this.platform);
    return this.list().some((entry) => pathKey(entry.filePath, this.platform) === key);
  }

  /** Puts the file at the top (moving it if it was already listed) and trims the list to its limit. */
  add(filePath: string, openedAt: Date): RecentWorkspace[] {
    const key = pathKey(filePath, this.platform);
    const entry: RecentWorkspace = { filePath, fileName: path.basename(filePath), openedAt: openedAt.toISOString() };
    const rest = this.list().filter((item) => pathKey(item.filePath, this.platform) !== key);
    return this.save([entry, ...rest].slice(0, MAX_RECENT_WORKSPACES));
  }

  remove(filePath: string): RecentWorkspace[] {
    const key = pathKey(filePath, this.platform);
    return this.save(this.list().filter((item) => pathKey(item.filePath, this.platform) !== key));
  }

  clear(): RecentWorkspace[] {
    return this.save([]);
  }

  /** Called after every change, e.g. to rebuild File > Open Recent. Returns an unsubscribe function. */
  onChange(listener: (list: readonly RecentWorkspace[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(list: RecentWorkspace[]): RecentWorkspace[] {
    this.store.set(SETTINGS_KEYS.recentWorkspaces, list);
    for (const listener of this.listeners) listener(list);
    return list;
  }
}
