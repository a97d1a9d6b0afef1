import { describe, expect, it } from 'vitest';
import { createPageCapturer } from '../../../electron/page-capture';

/** A stand-in for webContents.debugger that records what it was asked. */
function fakeDebugger({ attached = false, failCapture = false } = {}) {
  const calls: string[] = [];
  let isAttached = attached;
  const devtools = {
    isAttached: () => isAttached,
    attach: (version: string) => {
      calls.push(`attach ${version}`);
      isAttached = true;
    },
    detach: () => {
      calls.push('detach');
      isAttached = false;
    },
    sendCommand: async (method: string, params?: Record<string, unknown>) => {
      calls.push(`${method} ${JSON.stringify(params ?? {})}`);
      if (method === 'Page.captureScreenshot') {
        if (failCapture) throw new Error('Target closed');
        return { data: 'iVBORw0KGgo=' };
      }
      return {};
    },
  };
  return { calls, contents: { debugger: devtools } as never };
}

const request = { x: 10, y: 0, width: 800, height: 600, scale: 2, transparent: false };

describe('createPageCapturer', () => {
  it('attaches for the one capture, pictures the rectangle beyond the viewport, and detaches', async () => {
    const { calls, contents } = fakeDebugger();
    expect(await createPageCapturer(() => contents)(request)).toBe('iVBORw0KGgo=');
    expect(calls).toEqual([
      'attach 1.3',
      'Page.captureScreenshot {"format":"png","clip":{"x":10,"y":0,"width":800,"height":600,"scale":2},"captureBeyondViewport":true,"fromSurface":true,"optimizeForSpeed":true}',
      'detach',
    ]);
  });

  it('makes the page background transparent for a transparent picture, and clears that again even on failure', async () => {
    const { calls, contents } = fakeDebugger({ failCapture: true });
    await expect(createPageCapturer(() => contents)({ ...request, transparent: true })).rejects.toThrow('Target closed');
    expect(calls[1]).toBe('Emulation.setDefaultBackgroundColorOverride {"color":{"r":0,"g":0,"b":0,"a":0}}');
    expect(calls.slice(-2)).toEqual(['Emulation.setDefaultBackgroundColorOverride {}', 'detach']);
  });

  it('leaves a session someone else attached as it was', async () => {
    const { calls, contents } = fakeDebugger({ attached: true });
    await createPageCapturer(() => contents)(request);
    expect(calls.some((c) => c.startsWith('attach') || c === 'detach')).toBe(false);
  });

  it('says so when there is no window', async () => {
    await expect(createPageCapturer(() => null)(request)).rejects.toThrow('There is no window to capture.');
  });
});
