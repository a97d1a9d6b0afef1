import { toCanvas } from 'html-to-image';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { WorkspaceDocument } from '@shared/document/schema';
import { serializeWorkspace } from '@shared/document/serialize';
import { embedWorkspaceInPng } from '@shared/export/png-text-chunk';
import { ExportFrame } from './ExportFrame';
import { fitScale } from './canvas-limits';
import { fontEmbedCss } from './font-embedding';
import type { MapLayout } from './map-layout';

export interface PngOptions {
  readonly scale: number;
  readonly background: 'white' | 'transparent';
  readonly dateLabel: string;
}

export interface RenderedPng {
  readonly bytes: Uint8Array;
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
 * Draws the whole map (title, map, legend) into a PNG at `scale`, with the workspace embedded in it so the
 * image opens again in Stakemap. The frame is rendered off screen with the app's own styles and fonts, so the
 * picture matches the editor and does not depend on the zoom or scroll position of the canvas.
 */
export async function renderPng(doc: WorkspaceDocument, layout: MapLayout, options: PngOptions, signal?: AbortSignal): Promise<RenderedPng> {
  const stage = document.createElement('div');
  stage.className = 'export-stage';
  stage.setAttribute('aria-hidden', 'true');
  document.body.append(stage);
  const root = createRoot(stage);
  try {
    flushSync(() => root.render(createElement(ExportFrame, { doc, layout, dateLabel: options.dateLabel, background: options.background })));
    await document.fonts.ready;
    throwIfCanceled(signal);
    const frame = stage.firstElementChild as HTMLElement;
    const width = Math.ceil(frame.offsetWidth);
    const height = Math.ceil(frame.offsetHeight);
    const { scale, reduced } = fitScale(width, height, options.scale);
    fontCss ??= fontEmbedCss();
    // A failed attempt is not kept: the next export tries again.
    fontCss.catch(() => {
      fontCss = null;
    });
    const fontEmbedCSS = await fontCss;
    throwIfCanceled(signal);
    const canvas = await toCanvas(frame, {
      width,
      height,
      pixelRatio: scale,
      // html-to-image would otherwise shrink anything over 16,384 px silently; fitScale has done it, and says so.
      skipAutoScale: true,
      fontEmbedCSS,
      ...(options.background === 'white' ? { backgroundColor: '#ffffff' } : {}),
    });
    throwIfCanceled(signal);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`The browser could not encode a ${canvas.width} × ${canvas.height} px image.`);
    const png = new Uint8Array(await blob.arrayBuffer());
    throwIfCanceled(signal);
    return { bytes: embedWorkspaceInPng(png, serializeWorkspace(doc)), scale, reduced, width: canvas.width, height: canvas.height };
  } finally {
    root.unmount();
    stage.remove();
  }
}

/** Base64 of bytes, in chunks: one String.fromCharCode over 50 MB would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
