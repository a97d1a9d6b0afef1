import type { WebContents } from 'electron';
import { captureWithDevtools, type PageCaptureRequest } from '../shared/export/page-capture';

/*
 * The host's capturePage dependency in Electron: the window's own DevTools protocol connection
 * (webContents.debugger), attached for the one capture. Only types come from 'electron', so it is unit-tested
 * with a stand-in debugger; the test harness takes the same capture through a Playwright CDP session.
 */

type CaptureContents = Pick<WebContents, 'debugger'>;

export function createPageCapturer(getWebContents: () => CaptureContents | null) {
  return async (request: PageCaptureRequest): Promise<string> => {
    const contents = getWebContents();
    if (!contents) throw new Error('There is no window to capture.');
    const devtools = contents.debugger;
    // Someone else's session (DevTools' own does not count) is left as it was; the renderer then falls back.
    const attachedHere = !devtools.isAttached();
    if (attachedHere) devtools.attach('1.3');
    try {
      return await captureWithDevtools((method, params) => devtools.sendCommand(method, params) as Promise<unknown>, request);
    } finally {
      if (attachedHere) devtools.detach();
    }
  };
}
