import { createHostApi, HOST_API_GLOBAL, type HostTransport } from '../../shared/host/host-api';
import { DEFAULT_PREFERENCES } from '../../shared/host/preferences';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/export-options';

/*
 * The benchmark's window.stakemap for the app page: the real host API object (createHostApi, as the preload
 * builds it) over a transport answered inside the page, so no Node round trip adds noise to what is measured.
 * "Open" returns the generated workspace's text, so it goes through the app's real parse → validate → load
 * path; exports "save" at once; the PDF is printed by Chromium's print engine through a binding that calls
 * page.pdf (the same engine as Electron's printToPDF). Channels this fake does not know are answered with an
 * empty list or nothing, and reported by the runner, so a new channel cannot silently break the benchmark.
 */

declare global {
  interface Window {
    /** Exposed by the runner with page.exposeBinding: prints the page with page.pdf; resolves with its timing. */
    __benchPrintPdf?: (request: { pageSize: string; landscape: boolean }) => Promise<{ ms: number; bytes: number }>;
    __benchCapture?: (request: unknown) => Promise<{ width: number; height: number }>;
    __benchSaveCapture?: (workspace: string, pixelsPerMeter: number) => Promise<number>;
  }
}

type Listener = (payload: unknown) => void;

interface HostCall {
  readonly channel: string;
  readonly at: number;
  /** Set when the call's answer was given (after any awaited work, such as printing). */
  answeredAt: number | null;
  readonly detail?: unknown;
}

const listeners = new Map<string, Set<Listener>>();

const state = {
  /** What the next Open dialog picks. */
  nextOpen: null as { filePath: string; content: string } | null,
  /** The options the Export dialog starts with. */
  exportOptions: { format: 'png', png: { scale: 2, background: 'white' }, pdf: { pageSize: 'A4', landscape: true } } as unknown,
  /** The answer to "unsaved changes?". */
  unsavedChoice: 'discard' as 'save' | 'discard' | 'cancel',
  calls: [] as HostCall[],
  unknownChannels: [] as string[],
  pdf: null as null | { ms: number; bytes: number },
  /** Delivers a main → renderer event synchronously (the runner timestamps just before). */
  emit(channel: string, payload: unknown): number {
    const set = listeners.get(channel);
    if (!set || set.size === 0) throw new Error(`The app has not subscribed to ${channel}`);
    for (const listener of [...set]) listener(payload);
    return set.size;
  },
  subscribers(channel: string): number {
    return listeners.get(channel)?.size ?? 0;
  },
  lastCall(channel: string): HostCall | null {
    for (let i = state.calls.length - 1; i >= 0; i--) if (state.calls[i]!.channel === channel) return state.calls[i]!;
    return null;
  },
};

async function answer(channel: string, args: unknown, call: HostCall): Promise<unknown> {
  const a = (args ?? {}) as Record<string, unknown>;
  switch (channel) {
    case 'app:launch-state':
      return { firstRun: false, pendingFilePath: null, platform: 'linux' };
    case 'workspace:open-dialog':
    case 'workspace:open-path': {
      const next = state.nextOpen;
      if (!next) return { kind: 'canceled' };
      return { kind: 'opened', filePath: next.filePath, content: next.content, source: 'workspace' };
    }
    case 'workspace:save':
      return { kind: 'saved', filePath: String(a.filePath) };
    case 'workspace:save-as':
      return { kind: 'saved', filePath: '/bench/saved.stakemap' };
    case 'export:save':
      (call as { detail?: unknown }).detail = { format: a.format, bytes: typeof a.data === 'string' ? Math.floor((a.data.length * 3) / 4) : 0 };
      return { kind: 'saved', filePath: a.format === 'png' ? '/bench/export.png' : '/bench/export.md' };
    case 'export:csv':
      return { kind: 'saved', filePaths: ['/bench/pain points.csv', '/bench/solutions.csv'] };
    case 'export:pdf': {
      if (!window.__benchPrintPdf) throw new Error('The runner did not expose __benchPrintPdf');
      state.pdf = await window.__benchPrintPdf({ pageSize: String(a.pageSize), landscape: Boolean(a.landscape) });
      return { kind: 'saved', filePath: '/bench/report.pdf' };
    }
    case 'export:capture': {
      if (!window.__benchCapture) throw new Error('The runner did not expose __benchCapture');
      return window.__benchCapture(a);
    }
    case 'export:save-capture': {
      if (!window.__benchSaveCapture) throw new Error('The runner did not expose __benchSaveCapture');
      (call as { detail?: unknown }).detail = { bytes: await window.__benchSaveCapture(String(a.workspace), Number(a.pixelsPerMeter)) };
      return { kind: 'saved', filePath: '/bench/export.png' };
    }
    case 'export:options-get':
      // The runner sets the parts it measures; the rest (safe to share, wrap-up only) are the defaults.
      return structuredClone({ ...DEFAULT_EXPORT_OPTIONS, ...(state.exportOptions as object) });
    case 'live:resumable':
      // No live session was cut short: the start view offers none.
      return null;
    case 'preferences:get':
      // The app's defaults: the benchmark measures the map as a first run shows it.
      return { ...DEFAULT_PREFERENCES };
    case 'preferences:set':
    case 'export:options-set':
    case 'window:document-state':
    case 'window:close-confirmed':
      return undefined;
    case 'dialog:unsaved-changes':
      return state.unsavedChoice;
    case 'recent:list':
    case 'recent:remove':
    case 'recovery:list':
    case 'versions:list':
      return [];
    case 'recovery:save':
    case 'recovery:discard':
      // Recovery drafts are written a few seconds after a change (renderer/src/commands/recovery.ts): the
      // serializing is the app's cost and is measured; the write itself is the host's.
      return undefined;
    case 'recovery:read':
    case 'versions:read':
      return { kind: 'missing' };
    default:
      if (!state.unknownChannels.includes(channel)) state.unknownChannels.push(channel);
      // Lists (recovery drafts, versions ...) are empty; anything else has nothing to say.
      return /list|drafts/i.test(channel) ? [] : undefined;
  }
}

const transport: HostTransport = {
  invoke: (async (channel: string, args: unknown) => {
    const call: HostCall = { channel, at: performance.now(), answeredAt: null };
    state.calls.push(call);
    const result = await answer(channel, args, call);
    call.answeredAt = performance.now();
    return result;
  }) as HostTransport['invoke'],
  subscribe: ((channel: string, listener: Listener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return () => {
      listeners.get(channel)?.delete(listener);
    };
  }) as HostTransport['subscribe'],
};

// Frozen and non-writable, as contextBridge makes it.
Object.defineProperty(window, HOST_API_GLOBAL, { value: Object.freeze(createHostApi(transport)), enumerable: true });
Object.defineProperty(window, '__benchHost', { value: state });

export type FakeHostState = typeof state;
