import type { PdfPageSize } from './export-options';

/*
 * How the PDF report is printed. Electron (webContents.printToPDF, electron/main.ts) and the end-to-end harness
 * (Playwright's page.pdf, tests/e2e/harness/browser-app.ts) drive the same Chromium print engine; both build
 * their options from these constants so the harness's PDF is the one the app makes.
 */

/** What the renderer chose; the host adds everything else below. */
export interface PdfPrintRequest {
  readonly pageSize: PdfPageSize;
  readonly landscape: boolean;
}

/** The language of the report's text (the app's; index.html's lang), declared in the PDF's metadata. */
export const REPORT_LANGUAGE = 'en';

/** Page margins in inches (printToPDF takes inches; page.pdf takes CSS lengths, see pdfMarginsAsCss). */
export const PDF_MARGINS_INCHES = Object.freeze({ top: 0.5, bottom: 0.6, left: 0.5, right: 0.5 });

/** No running header: the report's first page carries its own title. */
export const PDF_HEADER_TEMPLATE = '<div></div>';

/**
 * "Page 2 of 5", centered in the bottom margin. Chromium renders the templates at a tiny default size with no
 * page styles, so the font size and colour are set here; pageNumber and totalPages are filled in by Chromium.
 */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:9px;color:#555;text-align:center;font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,sans-serif;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

/** The printing flags both hosts set: backgrounds (category colours), tagged PDF and outline for accessibility. */
export const PDF_PRINT_FLAGS = Object.freeze({
  printBackground: true,
  /** A tagged (accessible) PDF; experimental in Chromium, still better than none for screen readers. */
  tagged: true,
  /** Bookmarks from the report's headings. */
  outline: true,
  displayHeaderFooter: true,
});

/** The margins as CSS lengths, for Playwright's page.pdf. */
export function pdfMarginsAsCss(): { top: string; bottom: string; left: string; right: string } {
  const inches = (value: number) => `${value}in`;
  return {
    top: inches(PDF_MARGINS_INCHES.top),
    bottom: inches(PDF_MARGINS_INCHES.bottom),
    left: inches(PDF_MARGINS_INCHES.left),
    right: inches(PDF_MARGINS_INCHES.right),
  };
}
