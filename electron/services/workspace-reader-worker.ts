import { parentPort, workerData } from 'node:worker_threads';
import { readAndCheckWorkspace, type WorkerAnswer, type WorkerRequest } from './workspace-reader';

/*
 * The worker thread behind createWorkspaceReader (workspace-reader.ts): reads, decodes and checks the one file
 * named in its workerData, posts one answer and ends. Bundled by scripts/build-electron.mjs into
 * dist/electron/workspace-reader-worker.cjs, beside main.cjs, which starts it.
 */

function answer(message: WorkerAnswer): void {
  parentPort?.postMessage(message);
}

/** The request as main sent it; checked anyway, so a wrong start gives a clear error rather than a strange read. */
function requestFrom(data: unknown): WorkerRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const { filePath, maxBytes } = data as Record<string, unknown>;
  if (typeof filePath !== 'string' || typeof maxBytes !== 'number' || !(maxBytes >= 0)) return null;
  return { filePath, maxBytes };
}

const request = requestFrom(workerData);
if (request === null) {
  answer({ kind: 'error', message: 'the reading thread was started without a file to read' });
} else {
  readAndCheckWorkspace(request.filePath, { maxBytes: request.maxBytes }).then(
    (outcome) => answer({ kind: 'outcome', outcome }),
    (error: unknown) => answer({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}
