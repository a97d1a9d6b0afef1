import type { PrintToPDFOptions, WebContents } from 'electron';
import {
  PDF_FOOTER_TEMPLATE,
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_INCHES,
  PDF_PRINT_FLAGS,
  type PdfPrintRequest,
} from '../shared/export/pdf-options';

/*
 * The PDF report is printed by Chromium from the window's page as the renderer has laid it out (map on the first
 * page, then the report). Only types come from 'electron', so the options are unit-tested without it; the test
 * harness prints with Playwright's page.pdf from the same shared constants.
 */

/** webContents.printToPDF options for the page size and orientation the user chose. */
export function electronPrintToPdfOptions(request: PdfPrintRequest): PrintToPDFOptions {
  return {
    pageSize: request.pageSize,
    landscape: request.landscape,
    printBackground: PDF_PRINT_FLAGS.printBackground,
    generateTaggedPDF: PDF_PRINT_FLAGS.tagged,
    generateDocumentOutline: PDF_PRINT_FLAGS.outline,
    displayHeaderFooter: PDF_PRINT_FLAGS.displayHeaderFooter,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: PDF_FOOTER_TEMPLATE,
    // Inches. (Electron 21 dropped `marginType`: explicit margins are always custom.)
    margins: { ...PDF_MARGINS_INCHES },
  };
}

/** The host's printToPdf dependency for the window `getWebContents` returns (null: no window to print). */
export function createPdfPrinter(getWebContents: () => Pick<WebContents, 'printToPDF'> | null) {
  return async (request: PdfPrintRequest): Promise<Uint8Array> => {
    const contents = getWebContents();
    if (!contents) throw new Error('There is no window to print.');
    const pdf = await contents.printToPDF(electronPrintToPdfOptions(request));
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  };
}
