import { describe, expect, it } from 'vitest';
import { PDF_FOOTER_TEMPLATE, pdfMarginsAsCss } from '../../../shared/export/pdf-options';
import { createPdfPrinter, electronPrintToPdfOptions } from '../../../electron/pdf-printer';

describe('electronPrintToPdfOptions', () => {
  it('prints the chosen paper with backgrounds, tags, outline, a page-number footer and the report margins', () => {
    expect(electronPrintToPdfOptions({ pageSize: 'A3', landscape: true })).toEqual({
      pageSize: 'A3',
      landscape: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margins: { top: 0.5, bottom: 0.6, left: 0.5, right: 0.5 },
    });
    expect(electronPrintToPdfOptions({ pageSize: 'Letter', landscape: false })).toMatchObject({ pageSize: 'Letter', landscape: false });
  });

  it('has a small centered "Page n of m" footer, and the same margins in CSS for page.pdf', () => {
    expect(PDF_FOOTER_TEMPLATE).toMatch(/font-size:9px/);
    expect(PDF_FOOTER_TEMPLATE).toMatch(/text-align:center/);
    expect(PDF_FOOTER_TEMPLATE).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    expect(pdfMarginsAsCss()).toEqual({ top: '0.5in', bottom: '0.6in', left: '0.5in', right: '0.5in' });
  });
});

describe('createPdfPrinter', () => {
  it('prints the window’s page and returns its bytes', async () => {
    const calls: unknown[] = [];
    const print = createPdfPrinter(() => ({
      printToPDF: async (options) => {
        calls.push(options);
        return Buffer.from('%PDF-1.7');
      },
    }));
    expect(new TextDecoder().decode(await print({ pageSize: 'A4', landscape: true }))).toBe('%PDF-1.7');
    expect(calls).toEqual([electronPrintToPdfOptions({ pageSize: 'A4', landscape: true })]);
  });

  it('fails clearly without a window', async () => {
    await expect(createPdfPrinter(() => null)({ pageSize: 'A4', landscape: true })).rejects.toThrow('There is no window to print.');
  });
});
