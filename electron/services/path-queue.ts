import { pathKey } from './path-key';

/**
 * Runs work on files one at a time per file: a second save of a workspace starts only once the first one has
 * finished (written, read back, recorded), so two quick saves never interleave their steps. Work on other files
 * runs alongside. A failed task does not stop the ones queued after it.
 */
export class PathQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /**
   * Runs `task` once every task queued earlier on any of `filePaths` has settled. Taking the tails of all the
   * paths at call time, and never holding one while waiting for another, keeps this free of deadlocks.
   */
  run<T>(filePaths: readonly string[], task: () => Promise<T>): Promise<T> {
    const keys = [...new Set(filePaths.map((filePath) => pathKey(filePath, this.platform)))];
    const before = keys.map((key) => this.tails.get(key) ?? Promise.resolve());
    const result = Promise.all(before).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of keys) this.tails.set(key, tail);
    // Forget a path once its last task is done, so the map does not grow with every file ever saved.
    void tail.then(() => {
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether a task on this path is queued or running (for tests). */
  isBusy(filePath: string): boolean {
    return this.tails.has(pathKey(filePath, this.platform));
  }
}
