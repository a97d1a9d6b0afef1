import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/export-options';
import { invokeChannels, type InvokeArgs, type InvokeChannel } from '../../../../shared/host/channels';
import type { HostHandlers } from '../../../../electron/ipc/host-handlers';
import {
  createInvokeDispatcher,
  IpcRequestError,
  isTrustedSender,
  registerInvokeHandlers,
  validateInvokeArgs,
  type SenderFrame,
} from '../../../../electron/ipc/register-handlers';

/** Handlers that record their calls and answer something valid. */
function recordingHandlers() {
  const calls: [string, unknown][] = [];
  const handler = (channel: string) => async (args: unknown) => {
    calls.push([channel, args]);
    return channel === 'recent:list' ? [] : undefined;
  };
  const handlers = Object.fromEntries(Object.keys(invokeChannels).map((c) => [c, handler(c)])) as unknown as HostHandlers;
  return { handlers, calls };
}

const frame = (url: string, processId = 4, routingId = 1): SenderFrame => ({ url, processId, routingId });

describe('validateInvokeArgs', () => {
  it('returns the parsed arguments, without properties the schema does not know', () => {
    expect(validateInvokeArgs('workspace:save', { filePath: '/w/a.stakemap', content: 'x', extra: 1 })).toEqual({
      filePath: '/w/a.stakemap',
      content: 'x',
    });
    expect(validateInvokeArgs('recent:list', undefined)).toBeUndefined();
  });

  it('rejects wrong arguments with a message naming the channel and the field', () => {
    expect(() => validateInvokeArgs('workspace:save', { filePath: '', content: 'x' })).toThrow(IpcRequestError);
    expect(() => validateInvokeArgs('workspace:save', { filePath: '', content: 'x' })).toThrow(/Invalid arguments for "workspace:save": filePath: /);
    expect(() => validateInvokeArgs('workspace:open-path', { filePath: 42 })).toThrow(/filePath/);
    expect(() => validateInvokeArgs('workspace:open-path', '/etc/passwd')).toThrow(/\(arguments\)/);
    expect(() => validateInvokeArgs('recent:list', { sneaky: true })).toThrow(/recent:list/);
    expect(() => validateInvokeArgs('window:document-state', { displayName: 'a', filePath: null, dirty: 'yes' })).toThrow(/dirty/);
    expect(() => validateInvokeArgs('dialog:unsaved-changes', { displayName: 'x'.repeat(2000) })).toThrow(/displayName/);
  });
});

describe('createInvokeDispatcher', () => {
  it('runs the handler of a known channel with validated arguments', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createInvokeDispatcher(handlers);
    await dispatch('recent:remove', { filePath: '/w/a.stakemap', junk: 1 });
    expect(calls).toEqual([['recent:remove', { filePath: '/w/a.stakemap' }]]);
  });

  it('refuses unknown channels, including inherited object properties', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createInvokeDispatcher(handlers);
    await expect(dispatch('fs:read', {})).rejects.toThrow(/Unknown channel "fs:read"/);
    await expect(dispatch('constructor', undefined)).rejects.toThrow(/Unknown channel/);
    await expect(dispatch('toString', undefined)).rejects.toThrow(/Unknown channel/);
    expect(calls).toEqual([]);
  });

  it('never calls the handler when the arguments are invalid', async () => {
    const { handlers, calls } = recordingHandlers();
    await expect(createInvokeDispatcher(handlers)('workspace:save', { filePath: '/a' })).rejects.toThrow(IpcRequestError);
    expect(calls).toEqual([]);
  });
});

describe('isTrustedSender', () => {
  const main = frame('app://stakemap/index.html');

  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender(frame('app://stakemap/index.html#x'), main)).toBe(true);
  });

  it('refuses other frames, other pages and missing frames', () => {
    expect(isTrustedSender(frame('app://stakemap/index.html', 4, 2), main)).toBe(false); // an iframe
    expect(isTrustedSender(frame('app://stakemap/index.html', 5, 1), main)).toBe(false); // another renderer
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, { ...main, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...main, url: 'file:///etc/passwd' }, main)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'app://stakemap.evil/index.html' }, main)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('registerInvokeHandlers', () => {
  function fakeIpcMain() {
    const registered = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
    return {
      registered,
      handle: vi.fn((channel: string, listener: (event: unknown, args: unknown) => Promise<unknown>) => {
        registered.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => registered.delete(channel)),
    };
  }

  it('registers every channel of the table and can unregister them', () => {
    const ipc = fakeIpcMain();
    const dispose = registerInvokeHandlers(ipc, recordingHandlers().handlers, () => null, () => undefined);
    expect([...ipc.registered.keys()].sort()).toEqual((Object.keys(invokeChannels) as InvokeChannel[]).sort());
    dispose();
    expect(ipc.registered.size).toBe(0);
  });

  it('answers a trusted, valid request and refuses an untrusted one before the handler runs', async () => {
    const ipc = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    const main = frame('app://stakemap/index.html');
    const log = vi.fn();
    registerInvokeHandlers(ipc, handlers, () => main, log);
    const listener = ipc.registered.get('recent:list')!;
    await expect(listener({ senderFrame: main }, undefined)).resolves.toEqual([]);
    await expect(listener({ senderFrame: frame('https://evil.example/') }, undefined)).rejects.toThrow(/untrusted sender \(https:\/\/evil\.example\/\)/);
    await expect(listener({ senderFrame: null }, undefined)).rejects.toThrow(/no frame/);
    const save = ipc.registered.get('workspace:save')!;
    await expect(save({ senderFrame: main }, { filePath: 7 })).rejects.toThrow(/Invalid arguments/);
    expect(calls).toEqual([['recent:list', undefined]]);
    expect(log).toHaveBeenCalledTimes(3);
  });
});

/**
 * One valid request per channel. The mapped type makes the table exhaustive: a channel added to the table without
 * an example here is a type error, so the checks below cover every channel there is.
 */
const VALID_ARGS: { readonly [C in InvokeChannel]: InvokeArgs<C> } = {
  'workspace:open-dialog': undefined,
  'workspace:read-other': { purpose: 'merge' },
  'workspace:open-path': { filePath: '/w/a.stakemap' },
  'workspace:save': { filePath: '/w/a.stakemap', content: '{}' },
  'workspace:save-as': { suggestedName: 'Workshop', content: '{}' },
  'export:save': { format: 'markdown', suggestedName: 'Workshop', data: '# Workshop' },
  'export:csv': { suggestedName: 'Workshop', painPoints: 'a,b', solutions: 'c,d' },
  'export:pdf': { suggestedName: 'Workshop', pageSize: 'A4', landscape: true },
  'export:capture': { x: 0, y: 0, width: 800, height: 600, scale: 2, transparent: false },
  'export:save-capture': { suggestedName: 'map', workspace: '{}', pixelsPerMeter: 7559 },
  'import:open-dialog': undefined,
  'export:options-get': undefined,
  'export:options-set': DEFAULT_EXPORT_OPTIONS,
  'preferences:get': undefined,
  'preferences:set': { theme: 'high-contrast', largeText: true, legendExpanded: true },
  'versions:list': { filePath: '/w/a.stakemap' },
  'versions:read': { filePath: '/w/a.stakemap', versionId: '2026-11-22T10-00-00.000Z-1' },
  'recent:list': undefined,
  'recent:remove': { filePath: '/w/a.stakemap' },
  'app:launch-state': undefined,
  'window:document-state': { displayName: 'a.stakemap', filePath: null, dirty: false },
  'dialog:unsaved-changes': { displayName: 'a.stakemap' },
  'window:close-confirmed': undefined,
  'recovery:save': { draftId: '3b241101-e2bb-4255-8caf-4136c566a962', filePath: null, displayName: 'Untitled', content: '{}' },
  'recovery:discard': { draftId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  'recovery:list': undefined,
  'recovery:read': { draftId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  'live:host': { state: 'AAA=', bind: 'loopback', name: 'Facilitator', file: { filePath: '/w/a.stakemap', displayName: 'a.stakemap' } },
  'live:resumable': undefined,
  'live:resume': undefined,
  'live:discard-resumable': undefined,
  'live:join': { joinCode: '127.0.0.1:41234-ABCD-EFGH-JKLM-NPQR', name: 'P3' },
  'live:send': { update: 'AAA=' },
  'live:end': undefined,
  'live:set-role': { clientId: 'c-1', role: 'viewer' },
  'live:presence': { pointer: { x: 10, y: -4 }, selection: ['s-legal'] },
};

describe('every invoke channel', () => {
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  const main = frame('app://stakemap/index.html');

  function register() {
    const registered = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
    const ipc = { handle: (channel: string, listener: (event: unknown, args: unknown) => Promise<unknown>) => void registered.set(channel, listener), removeHandler: () => undefined };
    const recorded = recordingHandlers();
    registerInvokeHandlers(ipc as never, recorded.handlers, () => main, () => undefined);
    return { registered, calls: recorded.calls };
  }

  it.each(channels)('%s: a valid request from our window reaches the handler', async (channel) => {
    const { registered, calls } = register();
    await registered.get(channel)!({ senderFrame: main }, VALID_ARGS[channel]);
    expect(calls.map(([c]) => c)).toEqual([channel]);
  });

  it.each(channels)('%s: refused from another frame, window or page, before the handler runs', async (channel) => {
    const { registered, calls } = register();
    const listener = registered.get(channel)!;
    for (const senderFrame of [frame('app://stakemap/index.html', 4, 2), frame('app://stakemap/index.html', 9, 1), { ...main, url: 'https://evil.example/' }, null]) {
      await expect(listener({ senderFrame }, VALID_ARGS[channel])).rejects.toThrow(IpcRequestError);
    }
    expect(calls).toEqual([]);
  });

  it.each(channels)('%s: refuses arguments of the wrong shape before the handler runs', async (channel) => {
    const { registered, calls } = register();
    const listener = registered.get(channel)!;
    const valid = VALID_ARGS[channel] as Record<string, unknown> | undefined;
    // The whole argument of the wrong type, then each field of a valid request in turn.
    const bad: unknown[] = [42, 'text', null, [valid]];
    for (const key of Object.keys(valid ?? {})) bad.push({ ...valid, [key]: { wrong: true } });
    for (const args of bad) {
      await expect(listener({ senderFrame: main }, args), JSON.stringify(args)).rejects.toThrow(new RegExp(`Invalid arguments for "${channel}"`));
    }
    expect(calls).toEqual([]);
  });
});
