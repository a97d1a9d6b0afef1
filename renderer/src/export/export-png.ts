import { toCanvas } from 'html-to-image';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { WorkspaceDocument } from '@shared/document/schema';
import { serializeWorkspace } from '@shared/document/serialize';
import type { PageCaptureRequest } from '@shared/export/page-capture';
import { embedWorkspaceInPng, pixelsPerMeterAt, pngPixelSize } from '@shared/export/png-text-chunk';
import { ExportFrame } from './ExportFrame';
import { GridExportFrame } from './GridExportFrame';
import { fitScale } from './canvas-limits';
import { fontEmbedCss } from './font-embedding';
import type { MapLayout } from './map-layout';

export interface PngOptions {
  readonly scale: number;
  readonly background: 'white' | 'transparent';
  readonly dateLabel: string;
}

export interface RenderedPng {
  /**
   * The PNG file, workspace embedded; or 'kept by the host' when the host took the picture and keeps it: then
   * host().saveCapturedPng embeds the workspace and writes it (no 25 MB round trip through the renderer).
   */
  readonly bytes: Uint8Array | 'kept by the host';
  /** The scale used: the one asked for, or less when the map is too large for a canvas at that scale. */
  readonly scale: number;
  readonly reduced: boolean;
  readonly width: number;
  readonly height: number;
}

export class ExportCanceled extends Error {
  constructor() {
    super('Export canceled');
    this.name = 'ExportCanceled';
  }
}

const throwIfCanceled = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new ExportCanceled();
};

/** Embedding the app's fonts takes a while and never changes during a session: do it once. */
let fontCss: Promise<string> | null = null;

/**
 * Draws a picture of the workspace into a PNG at `scale`: the whole map (title, map, legend), or the
 * power/interest grid (`picture`), with the workspace embedded in it so the image opens again in Stakemap. The frame is rendered with the app's own styles and fonts, so the picture
 * matches the editor and does not depend on the zoom or scroll position of the canvas.
 */
export async function renderPng(
  doc: WorkspaceDocument,
  picture: { readonly kind: 'map'; readonly layout: MapLayout } | { readonly kind: 'grid' },
  options: PngOptions,
  { signal, capturePage }: { signal?: AbortSignal; capturePage: CapturePage },
): Promise<RenderedPng> {
  const stage = document.createElement('div');
  stage.className = 'export-stage';
  stage.setAttribute('aria-hidden', 'true');
  document.body.append(stage);
  const root = createRoot(stage);
  try {
    const frameProps = { doc, dateLabel: options.dateLabel, background: options.background };
    flushSync(() =>
      root.render(picture.kind === 'map' ? createElement(ExportFrame, { ...frameProps, layout: picture.layout }) : createElement(GridExportFrame, frameProps)),
    );
    await document.fonts.ready;
    throwIfCanceled(signal);
    const frame = stage.firstElementChild as HTMLElement;
    const width = Math.ceil(frame.offsetWidth);
    const height = Math.ceil(frame.offsetHeight);
    const { scale, reduced } = fitScale(width, height, options.scale);
    let captured: { width: number; height: number } | null = null;
    try {
      captured = await captureFrame(stage, frame, capturePage, { width, height, scale, background: options.background });
    } catch (error) {
      // The picture is still made, only slower: the user need not know why the fast way was not available.
      console.warn('The page capture failed; drawing the PNG with html-to-image instead.', error);
    }
    throwIfCanceled(signal);
    if (captured) return { bytes: 'kept by the host', scale, reduced, ...captured };
    const png = await drawWithHtmlToImage(frame, { width, height, scale, background: options.background }, signal);
    throwIfCanceled(signal);
    const size = pngPixelSize(png);
    return { bytes: embedWorkspaceInPng(png, serializeWorkspace(doc), { pixelsPerMeter: pixelsPerMeterAt(scale) }), scale, reduced, width: size.width, height: size.height };
  } finally {
    root.unmount();
    stage.remove();
  }
}

/** The host pictures a rectangle of the page and keeps the picture; its pixel size (host().capturePage). */
export type CapturePage = (request: PageCaptureRequest) => Promise<{ width: number; height: number }>;

interface FrameCapture {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly background: PngOptions['background'];
}

/**
 * The fast way: Chromium's rasterizer paints the frame and the host takes the picture (page-capture.ts). For
 * that moment (a fraction of a second for a workshop map, about two at 32,000 px) the window shows the frame
 * alone: the editor behind it is hidden, not unmounted, and the export's progress returns when it is taken.
 */
async function captureFrame(stage: HTMLElement, frame: HTMLElement, capturePage: CapturePage, capture: FrameCapture): Promise<{ width: number; height: number }> {
  const root = document.documentElement;
  stage.classList.add('export-stage--capture');
  root.classList.add('is-capturing-export');
  try {
    // The capture pictures what was painted: let the moved frame be painted once.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const box = frame.getBoundingClientRect();
    return await withTimeout(
      capturePage({
        x: box.left + window.scrollX,
        y: box.top + window.scrollY,
        width: capture.width,
        height: capture.height,
        scale: capture.scale,
        transparent: capture.background === 'transparent',
      }),
      captureTimeoutMs(capture),
    );
  } finally {
    root.classList.remove('is-capturing-export');
    stage.classList.remove('export-stage--capture');
  }
}

/**
 * How long a capture may take before the export gives up on it and draws the slow way: the editor is hidden
 * meanwhile, so a capture that never answers must not leave the window blank. 15 s, and a second more per
 * 10 million pixels (1,000 stakeholders at 2x, 225 million pixels, take about 12 s here).
 */
export function captureTimeoutMs(capture: Pick<FrameCapture, 'width' | 'height' | 'scale'>): number {
  return 15_000 + Math.ceil((capture.width * capture.height * capture.scale * capture.scale) / 10_000_000) * 1_000;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The page capture did not answer within ${Math.round(ms / 1000)} s.`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The slow way, kept for when no capture can be taken: the DOM serialized into an SVG and drawn to a canvas. */
async function drawWithHtmlToImage(frame: HTMLElement, capture: FrameCapture, signal?: AbortSignal): Promise<Uint8Array> {
  fontCss ??= fontEmbedCss();
  // A failed attempt is not kept: the next export tries again.
  fontCss.catch(() => {
    fontCss = null;
  });
  const fontEmbedCSS = await fontCss;
  throwIfCanceled(signal);
  const canvas = await toCanvas(frame, {
    width: capture.width,
    height: capture.height,
    pixelRatio: capture.scale,
    // html-to-image would otherwise shrink anything over 16,384 px silently; fitScale has done it, and says so.
    skipAutoScale: true,
    fontEmbedCSS,
    ...(capture.background === 'white' ? { backgroundColor: '#ffffff' } : {}),
  });
  throwIfCanceled(signal);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`The browser could not encode a ${canvas.width} × ${canvas.height} px image.`);
  return new Uint8Array(await blob.arrayBuffer());
}

/** Base64 of bytes, in chunks: one String.fromCharCode over 50 MB would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
