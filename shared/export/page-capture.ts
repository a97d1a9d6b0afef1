import { z } from 'zod';

/*
 * PNG export by Chromium's own rasterizer. The renderer lays the export frame out on the page and asks the host
 * for a picture of that rectangle; the host takes it with the DevTools protocol's Page.captureScreenshot
 * (webContents.debugger in Electron, a CDP session in the test harness and the benchmark), the same commands in
 * all three. Serializing the DOM into an SVG and drawing that into a canvas (html-to-image) took 6 s for a map
 * of 100 stakeholders; the rasterizer draws it in a fraction of that, and stays the fallback when a capture
 * cannot be taken (DevTools attached elsewhere, an old host).
 */

/** The largest side a capture may ask for, in device pixels: Chromium's canvas limit, as canvas-limits.ts. */
export const MAX_CAPTURE_SIDE = 32_767;

export const pageCaptureRequestSchema = z
  .object({
    /** The rectangle in CSS pixels of the page (document coordinates). */
    x: z.number().min(0).max(MAX_CAPTURE_SIDE),
    y: z.number().min(0).max(MAX_CAPTURE_SIDE),
    width: z.number().positive().max(MAX_CAPTURE_SIDE),
    height: z.number().positive().max(MAX_CAPTURE_SIDE),
    /** Device pixels per CSS pixel (the export's 1x, 2x, 3x, 4x, or less for a very large map). */
    scale: z.number().positive().max(8),
    /** Where the page paints nothing the image stays transparent instead of the page's white. */
    transparent: z.boolean(),
  })
  .refine((r) => r.width * r.scale <= MAX_CAPTURE_SIDE && r.height * r.scale <= MAX_CAPTURE_SIDE, {
    message: `the picture would be larger than ${MAX_CAPTURE_SIDE} px on a side`,
  });
export type PageCaptureRequest = z.infer<typeof pageCaptureRequestSchema>;

/** One DevTools protocol command: `webContents.debugger.sendCommand`, or Playwright's `CDPSession.send`. */
export type DevtoolsSend = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/** Takes the picture: the PNG's bytes in base64, as the protocol gives them. */
export async function captureWithDevtools(send: DevtoolsSend, request: PageCaptureRequest): Promise<string> {
  const { x, y, width, height, scale, transparent } = request;
  if (transparent) await send('Emulation.setDefaultBackgroundColorOverride', { color: { r: 0, g: 0, b: 0, a: 0 } });
  try {
    const result = (await send('Page.captureScreenshot', {
      format: 'png',
      clip: { x, y, width, height, scale },
      // The frame is usually larger than the window: the protocol lays the page out large enough for the clip.
      captureBeyondViewport: true,
      fromSurface: true,
      // Chromium's faster PNG encoding: the file is about a fifth larger, the capture a fifth faster (1,000
      // stakeholders at 2x, 224 million pixels: 16 s to 13 s here; the sample: 0.45 s to 0.3 s).
      optimizeForSpeed: true,
    })) as { data?: unknown };
    if (typeof result?.data !== 'string' || result.data.length === 0) throw new Error('The page capture returned no image.');
    return result.data;
  } finally {
    // Without a color the override is cleared: the window paints its own background again.
    if (transparent) await send('Emulation.setDefaultBackgroundColorOverride', {});
  }
}
