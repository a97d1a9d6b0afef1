import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { invokeChannels, type InvokeArgs, type InvokeChannel } from '../../shared/host/channels';
import { isAppUrl } from '../app-protocol';
import type { HostHandlers } from './host-handlers';

/*
 * The one door from the renderer into main: every invoke channel is registered here, and every request is
 * checked (sender, channel, arguments) before its handler runs. Only types come from 'electron', so the checks
 * are unit-tested without it and reused by the end-to-end harness.
 */

/** A request was refused before reaching its handler. The renderer's invoke() rejects with this message. */
export class IpcRequestError extends Error {
  override name = 'IpcRequestError';
}

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeChannels, channel);
}

/**
 * Validates a request's arguments with its channel's zod schema and returns the parsed value (unknown object
 * properties stripped). Throws IpcRequestError naming the channel and each problem.
 */
export function validateInvokeArgs<C extends InvokeChannel>(channel: C, args: unknown): InvokeArgs<C> {
  const schema = invokeChannels[channel].args;
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(arguments)'}: ${issue.message}`)
      .join('; ');
    throw new IpcRequestError(`Invalid arguments for "${channel}": ${problems}`);
  }
  return parsed.data as InvokeArgs<C>;
}

/**
 * The function both the Electron wrapper and the test harness call for a request that passed the sender check:
 * refuses unknown channels, validates the arguments, runs the handler.
 */
export function createInvokeDispatcher(handlers: HostHandlers): (channel: unknown, args: unknown) => Promise<unknown> {
  return async (channel, args) => {
    if (!isInvokeChannel(channel)) throw new IpcRequestError(`Unknown channel ${JSON.stringify(channel)}`);
    const valid = validateInvokeArgs(channel, args);
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return handler(valid);
  };
}

/** The parts of a frame the sender check reads (WebFrameMain in Electron). */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'processId' | 'routingId'>;

/**
 * True when a request comes from the main frame of our window showing our own page (app://stakemap), not from
 * an iframe, another window or a page navigated elsewhere. `getMainFrame` returns the window's main frame, or
 * null when there is no window.
 */
export function isTrustedSender(senderFrame: SenderFrame | null | undefined, mainFrame: SenderFrame | null | undefined): boolean {
  if (!senderFrame || !mainFrame) return false;
  const sameFrame =
    senderFrame === mainFrame ||
    (senderFrame.processId === mainFrame.processId && senderFrame.routingId === mainFrame.routingId);
  return sameFrame && isAppUrl(senderFrame.url);
}

/**
 * Registers every invoke channel on ipcMain. A request from an untrusted sender or with invalid arguments is
 * rejected with an IpcRequestError and logged; the handler never sees it. Returns a function that unregisters
 * them all (for a window re-created on macOS).
 */
export function registerInvokeHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: HostHandlers,
  getMainFrame: () => SenderFrame | null | undefined,
  log: (message: string) => void = (message) => console.warn(message),
): () => void {
  const dispatch = createInvokeDispatcher(handlers);
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrustedSender(event.senderFrame, getMainFrame())) {
        const message = `Refused "${channel}" from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`;
        log(message);
        throw new IpcRequestError(message);
      }
      try {
        return await dispatch(channel, args);
      } catch (error) {
        if (error instanceof IpcRequestError) log(error.message);
        throw error;
      }
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
