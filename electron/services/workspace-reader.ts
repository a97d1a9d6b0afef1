import { Worker, type ResourceLimits } from 'node:worker_threads';
import { parseWorkspace } from '../../shared/document/parse';
import { errorCode } from './file-errors';
import { fingerprintOf, type FileFingerprint } from './file-fingerprint';
import { readWorkspaceFileAndBytes, type ReadWorkspaceResult, type WorkspaceFs } from './workspace-files';

/*
 * Opening a workspace, as far as main is concerned: read the bytes, decode them (strict UTF-8, or the workspace
 * inside an exported PNG), check that the text is a workspace the parser accepts (only then may Save write over
 * the file), and fingerprint the bytes (to notice a change on disk before saving). Each step is bounded by the
 * input's size, but on a 100 MB file that still means seconds of work, and a hostile file must not freeze every
 * window: in the app the whole read runs in a worker thread (createWorkspaceReader), off main's event loop. The
 * same steps run in-process (createInProcessWorkspaceReader) where no built worker exists: unit tests that build
 * the host handlers in Vitest, with a file system that injects failures.
 */

/** What reading a workspace file gives main. */
export interface WorkspaceReadOutcome {
  readonly read: ReadWorkspaceResult;
  /** Whether the text read is a workspace the parser accepts. False whenever nothing was read. */
  readonly valid: boolean;
  /** Of the bytes read, when `valid`; null otherwise (nothing that is not a workspace is ever saved over). */
  readonly fingerprint: FileFingerprint | null;
}

export interface WorkspaceReadRequest {
  /** Larger files are refused (tooLarge) before they are read. */
  readonly maxBytes: number;
}

/** Reads workspace files for the host handlers; one implementation in a worker, one in-process. */
export interface WorkspaceReader {
  /** Reads, decodes and checks one file. Never rejects: every failure is a `failed` result with its reason. */
  read(filePath: string, request: WorkspaceReadRequest): Promise<WorkspaceReadOutcome>;
  /** Stops the reads under way (they give `failed`) and refuses any later one. Called when the app quits. */
  dispose(): Promise<void>;
}

/**
 * The work itself, wherever it runs: readWorkspaceFile's bytes and result, then the parser's verdict and the
 * fingerprint of a valid workspace. Never rejects (the parser is not supposed to throw, and if it ever does the
 * file is simply not valid: the renderer parses it again and words the problem).
 */
export async function readAndCheckWorkspace(
  filePath: string,
  options: { readonly maxBytes: number; readonly fs?: WorkspaceFs },
): Promise<WorkspaceReadOutcome> {
  const { read, bytes, mtimeMs } = await readWorkspaceFileAndBytes(filePath, options);
  if (read.kind !== 'read' || bytes === null) return { read, valid: false, fingerprint: null };
  let valid: boolean;
  try {
    valid = parseWorkspace(read.content).ok;
  } catch {
    valid = false;
  }
  return { read, valid, fingerprint: valid ? fingerprintOf(bytes, mtimeMs) : null };
}

/** The in-process reader: the same work on the caller's event loop, with an injectable file system. */
export function createInProcessWorkspaceReader(options: { readonly fs?: WorkspaceFs } = {}): WorkspaceReader {
  let disposed = false;
  return {
    async read(filePath, request) {
      if (disposed) return failed(QUITTING_REASON, null);
      try {
        return await readAndCheckWorkspace(filePath, { maxBytes: request.maxBytes, ...(options.fs ? { fs: options.fs } : {}) });
      } catch (error) {
        return failed(unexpectedReason(error), null);
      }
    },
    async dispose() {
      disposed = true;
    },
  };
}

/** File name of the built worker entry (electron/services/workspace-reader-worker.ts), beside main.cjs. */
export const WORKSPACE_READER_WORKER_FILE = 'workspace-reader-worker.cjs';

/**
 * The worker's heap. A valid workspace near the 100 MB limit (600,000 stakeholders, 94 MB) is read and checked
 * in under 512 MB, so 1,536 MB is three times what any real file needs. The limit must stay generous: when a
 * worker reaches it, Node gives the current allocation only 16 MB of leeway before stopping the worker, and a
 * single larger allocation at that moment (the text of a big file, a long string in it) aborts the whole process
 * instead. It must also stay well below 4 GB: in Electron the worker's heap shares V8's pointer-compression cage
 * with main's.
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536 };

/**
 * A read that takes longer is answered `failed`, and its worker is told to stop. A 94 MB valid workspace takes
 * about 3 s, so only a runaway is cut. The worker itself stops at its next chance: a thread inside one long
 * native call (JSON.parse) cannot be interrupted, but main no longer waits for it.
 */
export const WORKER_READ_TIMEOUT_MS = 60_000;

export interface WorkspaceReaderOptions {
  /** The built worker entry: `<bundle folder>/workspace-reader-worker.cjs`. */
  readonly workerPath: string;
  /** Defaults to WORKER_RESOURCE_LIMITS. */
  readonly resourceLimits?: ResourceLimits;
  /** Defaults to WORKER_READ_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

/** The message the worker posts once, when its read is done. */
export type WorkerAnswer =
  | { readonly kind: 'outcome'; readonly outcome: WorkspaceReadOutcome }
  | { readonly kind: 'error'; readonly message: string };

/** What the worker is given (as workerData) for its one read. */
export interface WorkerRequest {
  readonly filePath: string;
  readonly maxBytes: number;
}

export const QUITTING_REASON = 'Stakemap is quitting, so the file was not read.';

/**
 * The reader main uses: each read runs in a worker thread of its own, started for that read and gone after it.
 *
 * Why one worker per read rather than one long-lived worker: opening a file is a rare user action, so the few
 * tens of milliseconds a worker takes to start are not felt, and in exchange every read starts from a clean heap
 * (a long-lived worker's heap stays at the high-water mark of the largest file it ever read), a crash or an
 * out-of-memory stop affects that one read only and the next read simply starts a new worker, and there is no
 * protocol state to recover after a crash. Reads run one at a time (the others wait their turn), so one worker's
 * heap at most sits beside main's (plus, after a timeout, a worker still winding down). Electron loads worker
 * scripts from app.asar since Electron 18 (electron/electron#33216).
 */
export function createWorkspaceReader(options: WorkspaceReaderOptions): WorkspaceReader {
  const resourceLimits = options.resourceLimits ?? WORKER_RESOURCE_LIMITS;
  const timeoutMs = options.timeoutMs ?? WORKER_READ_TIMEOUT_MS;
  let disposed = false;
  /** The worker reading now, if any: dispose() terminates it. */
  let running: { readonly worker: Worker; readonly stop: (reason: string) => void } | null = null;
  /** The end of the last read queued: reads run one after the other. */
  let queue: Promise<unknown> = Promise.resolve();

  const readInWorker = (request: WorkerRequest) =>
    new Promise<WorkspaceReadOutcome>((resolve) => {
      if (disposed) {
        resolve(failed(QUITTING_REASON, null));
        return;
      }
      let settled = false;
      let worker: Worker | undefined;
      const settle = (outcome: WorkspaceReadOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        running = null;
        resolve(outcome);
        // Its answer is in hand (or it has failed): nothing it still holds is wanted.
        void worker?.terminate().catch(() => undefined);
      };
      const timer = setTimeout(
        () => settle(failed(`Reading the file took longer than ${formatDuration(timeoutMs)}, so Stakemap stopped.`, null)),
        timeoutMs,
      );
      try {
        worker = new Worker(options.workerPath, { workerData: request, resourceLimits });
      } catch (error) {
        settle(failed(unexpectedReason(error), errorCode(error)));
        return;
      }
      const started = worker;
      running = { worker: started, stop: (reason) => settle(failed(reason, null)) };
      started.on('message', (answer: WorkerAnswer) => {
        settle(answer.kind === 'outcome' ? answer.outcome : failed(unexpectedReason(answer.message), null));
      });
      started.on('error', (error) => {
        const code = errorCode(error);
        settle(
          code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? failed(outOfMemoryReason(resourceLimits), code)
            : failed(unexpectedReason(error), code),
        );
      });
      started.on('exit', (exitCode) => settle(failed(unexpectedReason(`it stopped with exit code ${exitCode}`), null)));
    });

  return {
    read(filePath, { maxBytes }) {
      const result = queue.then(() => readInWorker({ filePath, maxBytes }));
      queue = result;
      return result;
    },
    async dispose() {
      disposed = true;
      const current = running;
      current?.stop(QUITTING_REASON);
      await current?.worker.terminate().catch(() => undefined);
    },
  };
}

function failed(reason: string, code: string | null): WorkspaceReadOutcome {
  return { read: { kind: 'failed', reason, code }, valid: false, fingerprint: null };
}

function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${(ms / 1000).toLocaleString('en-US')} seconds` : `${ms.toLocaleString('en-US')} milliseconds`;
}

function outOfMemoryReason(limits: ResourceLimits): string {
  const megabytes = limits.maxOldGenerationSizeMb;
  const limit = megabytes === undefined ? '' : ` (${megabytes.toLocaleString('en-US')} MB)`;
  return (
    `Reading the file needed more memory than Stakemap allows for opening a file${limit}, so it was stopped. ` +
    'The file may have been made to be hard to read.'
  );
}

function unexpectedReason(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Stakemap could not finish reading the file: the reading thread failed (${detail}).`;
}
