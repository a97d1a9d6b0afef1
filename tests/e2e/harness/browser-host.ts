import type { EventChannel, EventPayload } from '../../../shared/host/channels';
import { createHostApi, HOST_API_GLOBAL, type HostTransport } from '../../../shared/host/host-api';

/*
 * Runs in the page before the app's scripts (page.addInitScript), bundled by esbuild at test start. It plays the
 * preload's part: window.stakemap = createHostApi(transport), where invoke goes to the Node side through a
 * Playwright binding (the real host handlers) and events come from the test through window.__stakemapEmit.
 */

declare global {
  interface Window {
    /** Exposed by the harness with page.exposeBinding: runs the host handler for a channel. */
    __stakemapInvoke(channel: string, args: unknown): Promise<unknown>;
  }
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

const transport: HostTransport = {
  invoke: (channel, args) => window.__stakemapInvoke(channel, args) as never,
  subscribe: <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void) => {
    const forward: Listener = (payload) => listener(payload as EventPayload<C>);
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(forward);
    return () => {
      listeners.get(channel)?.delete(forward);
    };
  },
};

// Frozen and non-writable, as contextBridge makes it: the page cannot swap or extend the host API.
Object.defineProperty(window, HOST_API_GLOBAL, { value: Object.freeze(createHostApi(transport)), enumerable: true });

/**
 * Delivers a main → renderer event. Waits (up to `timeoutMs`) until the renderer has subscribed to the channel,
 * then calls the listeners in a later task, as an IPC message would arrive: an exception in a listener
 * becomes a page error, not a failure of the test's own call.
 */
async function emit(channel: string, payload: unknown, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((listeners.get(channel)?.size ?? 0) === 0) {
    if (Date.now() > deadline) throw new Error(`The renderer never subscribed to "${channel}" (waited ${timeoutMs} ms).`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const copy = payload === undefined ? undefined : structuredClone(payload);
  setTimeout(() => {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(copy);
  }, 0);
}

Object.defineProperty(window, '__stakemapEmit', { value: emit });

// Chromium logs CSP violations as console errors; say it in plain words as well, with the blocked resource.
document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
});
