import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { untaggedTextObjects } from '../../electron/services/pdf-footer-artifact';

/*
 * Reads a PDF's structure tree (the tags a screen reader follows) with pdf-lib: each structure element's type,
 * its alternative text, and the page it is on. Used by the export tests to check what assistive technology
 * meets in the report.
 */

export interface StructureElement {
  readonly type: string;
  readonly alt: string | null;
  /** 0-based index of the element's page: its own /Pg, else that of the first of its contents that has one. */
  readonly page: number | null;
  /** It is a Figure's content: read as the Figure's alternative text, not on its own. */
  readonly withinFigure: boolean;
}

/** The untagged text objects left on each page (Chromium's footer is marked as an artifact, so none should be). */
export async function untaggedTextPerPage(bytes: Uint8Array): Promise<number[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const text = refs
      .map((ref) => pdf.context.lookup(ref as PDFRef))
      .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
      .join('\n');
    return untaggedTextObjects(text).length;
  });
}

export async function structureElements(bytes: Uint8Array): Promise<StructureElement[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]));
  const found: StructureElement[] = [];
  const resolve = (object: PDFObject | undefined) => (object instanceof PDFRef ? pdf.context.lookup(object) : object);
  const text = (object: PDFObject | undefined) => {
    const value = resolve(object);
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
  };
  const pageOf = (node: PDFDict) => {
    const pg = node.get(PDFName.of('Pg'));
    return pg instanceof PDFRef ? (pageIndex.get(pg.toString()) ?? null) : null;
  };
  /** Visits a node and its contents; gives the first page found in them. */
  const visit = (object: PDFObject | undefined, withinFigure: boolean): number | null => {
    const node = resolve(object);
    if (node instanceof PDFArray) {
      let first: number | null = null;
      for (const child of node.asArray()) {
        const page = visit(child, withinFigure);
        first ??= page;
      }
      return first;
    }
    if (!(node instanceof PDFDict) || node instanceof PDFNumber) return null;
    const type = node.get(PDFName.of('S'));
    if (!(type instanceof PDFName)) return pageOf(node) ?? visit(node.get(PDFName.of('K')), withinFigure); // the root, an MCR
    const name = type.decodeText();
    const index = found.length;
    found.push({ type: name, alt: text(node.get(PDFName.of('Alt'))), page: null, withinFigure });
    const page = visit(node.get(PDFName.of('K')), withinFigure || name === 'Figure') ?? null;
    found[index] = { ...found[index]!, page: pageOf(node) ?? page };
    return found[index].page;
  };
  visit(pdf.catalog.get(PDFName.of('StructTreeRoot')), false);
  return found;
}
