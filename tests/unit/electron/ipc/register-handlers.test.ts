import { describe, expect, it, vi } from 'vitest';
import { invokeChannels, type InvokeChannel } from '../../../../shared/host/channels';
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
    const dispose = registerInvokeHandlers(ipc as never, recordingHandlers().handlers, () => null, () => undefined);
    expect([...ipc.registered.keys()].sort()).toEqual((Object.keys(invokeChannels) as InvokeChannel[]).sort());
    dispose();
    expect(ipc.registered.size).toBe(0);
  });

  it('answers a trusted, valid request and refuses an untrusted one before the handler runs', async () => {
    const ipc = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    const main = frame('app://stakemap/index.html');
    const log = vi.fn();
    registerInvokeHandlers(ipc as never, handlers, () => main, log);
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
