import { z } from 'zod';
import { DEFAULT_SAFE_TO_SHARE, safeToShareSchema } from './safe-to-share';

/*
 * The choices of the Export dialog, remembered between exports and between runs (in the app's settings, under
 * SETTINGS_KEYS.exportOptions). The settings file lives on the user's disk and may have been edited by hand or
 * written by another version, so what is read back goes through readExportOptions.
 */

/** What an export produces. */
export const EXPORT_FORMATS = ['png', 'pdf', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** PNG resolution as a multiple of the map's size on screen; 2 and above stay sharp on projectors. */
export const PNG_SCALES = [1, 2, 3, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

export const PNG_BACKGROUNDS = ['white', 'transparent'] as const;
export type PngBackground = (typeof PNG_BACKGROUNDS)[number];

/** What the PNG pictures: the map, or the power/interest grid. */
export const PNG_PICTURES = ['map', 'grid'] as const;
export type PngPicture = (typeof PNG_PICTURES)[number];

/** Paper sizes offered for the PDF report; names as Chromium's print engine (printToPDF, page.pdf) spells them. */
export const PDF_PAGE_SIZES = ['A4', 'Letter', 'A3'] as const;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];

export const pngExportOptionsSchema = z.object({
  scale: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  background: z.enum(PNG_BACKGROUNDS),
  /** Settings written before the grid existed have none: the map. */
  picture: z.enum(PNG_PICTURES).default('map'),
});

export const pdfExportOptionsSchema = z.object({
  pageSize: z.enum(PDF_PAGE_SIZES),
  landscape: z.boolean(),
});

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  png: pngExportOptionsSchema,
  pdf: pdfExportOptionsSchema,
  /** Applies to every format (safe-to-share.ts). */
  safeToShare: safeToShareSchema,
  /** The PDF and Markdown reports hold the wrap-up alone (the one page the room leaves with), not the whole report. */
  wrapUpOnly: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

/** The choices before the user has exported anything: a sharp PNG on white, an A4 landscape report. */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = Object.freeze({
  format: 'png',
  png: Object.freeze({ scale: 2, background: 'white', picture: 'map' }),
  pdf: Object.freeze({ pageSize: 'A4', landscape: true }),
  safeToShare: DEFAULT_SAFE_TO_SHARE,
  wrapUpOnly: false,
});

/**
 * The export options stored in settings, or the defaults for whatever part of them is missing or invalid
 * (each of `format`, `png` and `pdf` falls back on its own, so one bad value does not forget the rest).
 * Always returns a new object.
 */
export function readExportOptions(stored: unknown): ExportOptions {
  const whole = exportOptionsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const parts = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const format = exportOptionsSchema.shape.format.safeParse(parts.format);
  const png = pngExportOptionsSchema.safeParse(parts.png);
  const pdf = pdfExportOptionsSchema.safeParse(parts.pdf);
  const safeToShare = safeToShareSchema.safeParse(parts.safeToShare);
  return {
    format: format.success ? format.data : DEFAULT_EXPORT_OPTIONS.format,
    png: png.success ? png.data : { ...DEFAULT_EXPORT_OPTIONS.png },
    pdf: pdf.success ? pdf.data : { ...DEFAULT_EXPORT_OPTIONS.pdf },
    safeToShare: safeToShare.success ? safeToShare.data : { ...DEFAULT_SAFE_TO_SHARE },
    wrapUpOnly: parts.wrapUpOnly === true,
  };
}
