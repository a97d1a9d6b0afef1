import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { wrapUntaggedText } from './pdf-footer-artifact';

/*
 * What Chromium's print engine leaves out of the report PDF and a PDF/UA checker asks for first (issue 17): XMP
 * metadata that agrees with the Info dictionary (title, language, dates, tools) and identifies the file as
 * PDF/UA-1, and the "Page N of M" footer marked as an artifact rather than left as untagged content (Chromium
 * already writes the catalog's /Lang, /MarkInfo, the structure tree and DisplayDocTitle). pdf-lib reads the file;
 * the changes are appended as an incremental update written here, so everything Chromium wrote stays byte for
 * byte, and a report of hundreds of pages is finished in about a second.
 */

export interface ReportPdfFacts {
  /** The workspace's title (the PDF's title). */
  readonly title: string;
  /** BCP 47 language of the report's text: the app's. */
  readonly language: string;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** XMP dates: ISO 8601 in UTC, to the second, as the Info dictionary holds them. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface XmpFacts {
  readonly title: string;
  readonly language: string;
  readonly creator: string;
  readonly producer: string;
  readonly created: Date;
  readonly modified: Date;
}

export function xmpPacket(facts: XmpFacts): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(facts.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(facts.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreatorTool>${escapeXml(facts.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${xmpDate(facts.created)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(facts.modified)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(facts.modified)}</xmp:MetadataDate>`,
    `   <pdf:Producer>${escapeXml(facts.producer)}</pdf:Producer>`,
    '   <pdfuaid:part>1</pdfuaid:part>',
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The offset the file's last `startxref` points at: the incremental update's /Prev. */
function lastXrefOffset(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 1024)).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('The printed PDF has no startxref at its end.');
  return Number(match[1]);
}

/** The printed report, finished (see above). `now` dates the metadata when Chromium wrote no dates. */
export async function finishReportPdf(bytes: Uint8Array, facts: ReportPdfFacts, now: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { context } = pdf;
  const root = context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw new Error('The printed PDF has no catalog.');
  const changed = new Map<number, Buffer>();
  const streamObject = (dict: string, data: Uint8Array) => Buffer.concat([ascii(`${dict}\nstream\n`), data, ascii('\nendstream')]);

  // The footer, page by page.
  for (const page of pdf.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray().filter((x): x is PDFRef => x instanceof PDFRef) : [];
    for (const ref of refs) {
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      // Chromium deflates every content stream; Node's zlib does that many times faster than a JS inflater.
      const plainFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
      const decoded = plainFlate ? new Uint8Array(inflateSync(stream.contents)) : decodePDFRawStream(stream).decode();
      const wrapped = wrapUntaggedText(decoded);
      if (!wrapped) continue;
      const data = deflateSync(wrapped);
      changed.set(ref.objectNumber, streamObject(`<</Length ${data.length} /Filter /FlateDecode>>`, data));
    }
  }

  // XMP metadata, saying what the Info dictionary says.
  const title = pdf.getTitle()?.trim() || facts.title.trim() || 'Stakemap report';
  const created = pdf.getCreationDate() ?? now;
  const xmp = ascii(
    Buffer.from(
      xmpPacket({
        title,
        language: facts.language,
        creator: pdf.getCreator() ?? 'Stakemap',
        producer: pdf.getProducer() ?? 'Stakemap',
        created,
        modified: pdf.getModificationDate() ?? created,
      }),
      'utf8',
    ).toString('latin1'),
  );
  const metadataNumber = context.largestObjectNumber + 1;
  changed.set(metadataNumber, streamObject(`<</Type /Metadata /Subtype /XML /Length ${xmp.length}>>`, xmp));
  const catalog = pdf.catalog.clone(context);
  catalog.set(PDFName.of('Metadata'), PDFRef.of(metadataNumber));
  if (!catalog.has(PDFName.of('Lang'))) catalog.set(PDFName.of('Lang'), PDFString.of(facts.language));
  changed.set(root.objectNumber, ascii(catalog.toString()));

  // The update: the objects, a cross-reference section for them, and a trailer pointing back at the original.
  const parts: Buffer[] = [ascii('\n')];
  let offset = bytes.byteLength + 1;
  const offsets = new Map<number, number>();
  for (const [number, body] of [...changed].sort(([a], [b]) => a - b)) {
    offsets.set(number, offset);
    const object = Buffer.concat([ascii(`${number} 0 obj\n`), body, ascii('\nendobj\n')]);
    parts.push(object);
    offset += object.length;
  }
  const xrefAt = offset;
  const xref = ['xref'];
  for (const [number, at] of offsets) xref.push(`${number} 1`, `${String(at).padStart(10, '0')} 00000 n\r`);
  const trailer = [`/Size ${metadataNumber + 1}`, `/Root ${root.toString()}`, `/Prev ${lastXrefOffset(bytes)}`];
  const info = context.trailerInfo.Info;
  if (info) trailer.push(`/Info ${info.toString()}`);
  const id = context.trailerInfo.ID;
  if (id) trailer.push(`/ID ${id.toString()}`);
  parts.push(ascii(`${xref.join('\n')}\ntrailer\n<<${trailer.join(' ')}>>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...parts]));
}
