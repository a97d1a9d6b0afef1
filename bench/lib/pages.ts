import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { createAssetServer } from '../../electron/asset-server';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_PRINT_FLAGS, pdfMarginsAsCss } from '../../shared/export/pdf-options';
import { captureWithDevtools, type PageCaptureRequest } from '../../shared/export/page-capture';
import { embedWorkspaceInPng, pngPixelSize } from '../../shared/export/png-text-chunk';
import type { PageBundles } from './bundles';
import { APP_DIST, APP_ORIGIN, BASELINE_DIST, BASELINE_ORIGIN, BLANK_ORIGIN } from './paths';

/*
 * Pages of the benchmark: the app (dist/bench/app with the fake host), the baseline (dist/bench/baseline) and a
 * blank page for the load/save micro-benchmark, all served from fake origins through context.route as the
 * end-to-end harness does (tests/e2e/harness/serve-renderer.ts), with the same asset server and CSP header as
 * Electron's app:// protocol. Nothing leaves the machine: any other request is blocked and reported.
 */

export const VIEWPORT = { width: 1280, height: 720 } as const;
export const DEVICE_SCALE_FACTOR = 1;

export type Target = 'app' | 'baseline';

export interface CanvasRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export async function newBenchContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR });
  const app = createAssetServer(APP_DIST, { protocol: 'http:', host: 'stakemap.localhost' });
  const baseline = createAssetServer(BASELINE_DIST, { protocol: 'http:', host: 'baseline.localhost' });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    const serve = url.startsWith(`${APP_ORIGIN}/`) ? app : url.startsWith(`${BASELINE_ORIGIN}/`) ? baseline : null;
    if (serve) {
      const response = await serve({ url, method: request.method() });
      await route.fulfill({ status: response.status, headers: response.headers, ...(response.body ? { body: response.body } : {}) });
      return;
    }
    if (url.startsWith(`${BLANK_ORIGIN}/`)) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Stakemap load bench</title>' });
      return;
    }
    problems.push(`blocked request to ${url}`);
    await route.abort('blockedbyclient');
  });
  return context;
}

export interface OpenedPage {
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly errors: string[];
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** The app on its start view, with the fake host and the probe installed, ready for menu commands. */
export async function openAppPage(context: BrowserContext, bundles: PageBundles): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.exposeBinding('__benchPrintPdf', async (_source, request: { pageSize: 'A4' | 'Letter' | 'A3'; landscape: boolean }) => {
    // The same options as the e2e harness's printToPdf, which are main's (electron/pdf-printer.ts).
    const start = performance.now();
    const pdf = await page.pdf({
      format: request.pageSize,
      landscape: request.landscape,
      printBackground: PDF_PRINT_FLAGS.printBackground,
      tagged: PDF_PRINT_FLAGS.tagged,
      outline: PDF_PRINT_FLAGS.outline,
      displayHeaderFooter: PDF_PRINT_FLAGS.displayHeaderFooter,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margin: pdfMarginsAsCss(),
    });
    return { ms: performance.now() - start, bytes: pdf.length };
  });
  // As main's export:capture and export:save-capture (electron/page-capture.ts, electron/ipc/export-handlers.ts):
  // the DevTools protocol's capture of the page, kept here; then the workspace embedded in it (nothing written).
  let kept: Buffer | null = null;
  await page.exposeBinding('__benchCapture', async (_source, request: PageCaptureRequest) => {
    const session = await context.newCDPSession(page);
    try {
      kept = Buffer.from(await captureWithDevtools((method, params) => session.send(method as 'Page.captureScreenshot', params), request), 'base64');
      return pngPixelSize(kept);
    } finally {
      await session.detach().catch(() => undefined);
    }
  });
  await page.exposeBinding('__benchSaveCapture', async (_source, workspace: string, pixelsPerMeter: number) => {
    if (kept === null) throw new Error('export:save-capture without a capture');
    const file = embedWorkspaceInPng(kept, workspace, { pixelsPerMeter });
    kept = null;
    return file.byteLength;
  });
  await page.addInitScript({ content: bundles.probe });
  await page.addInitScript({ content: bundles.fakeHost });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${APP_ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __benchHost: { subscribers(c: string): number } }).__benchHost.subscribers('menu:command') > 0, null, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Open…' }).waitFor({ timeout: 30_000 });
  return { page, cdp, errors };
}

/** The baseline page, its canvas placed where the app's canvas is, ready for window.__benchOpen. */
export async function openBaselinePage(context: BrowserContext, bundles: PageBundles, canvas: CanvasRect): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript({ content: bundles.probe });
  await page.addInitScript({ content: `window.__benchCanvasRect = ${JSON.stringify(canvas)};` });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${BASELINE_ORIGIN}/index.html`);
  await page.waitForFunction(() => typeof (window as unknown as { __benchOpen?: unknown }).__benchOpen === 'function', null, { timeout: 30_000 });
  return { page, cdp, errors };
}

export async function openBlankPage(context: BrowserContext): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${BLANK_ORIGIN}/`);
  return { page, cdp, errors };
}

/** V8 heap in use after two full garbage collections. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

export type CdpMetrics = Record<string, number>;

export async function cdpMetrics(cdp: CDPSession): Promise<CdpMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Main-thread time spent between two metric snapshots, by kind, in ms. */
export function cdpDelta(before: CdpMetrics, after: CdpMetrics) {
  const d = (name: string, scale = 1000) => ((after[name] ?? 0) - (before[name] ?? 0)) * scale;
  return {
    taskMs: d('TaskDuration'),
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration'),
    styleMs: d('RecalcStyleDuration'),
    layouts: d('LayoutCount', 1),
    styleRecalcs: d('RecalcStyleCount', 1),
  };
}
export type CdpDelta = ReturnType<typeof cdpDelta>;
