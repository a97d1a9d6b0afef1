import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishReportPdf, xmpPacket } from '../../../../electron/services/pdf-finishing';
import { untaggedTextObjects, wrapUntaggedText } from '../../../../electron/services/pdf-footer-artifact';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('untaggedTextObjects', () => {
  it('finds the text objects outside every marked-content sequence, and only those', () => {
    const content = [
      '/P <</MCID 0>> BDC BT (tagged) Tj ET EMC',
      'BT (Page 1 of 2) Tj ET',
      '/Span <</MCID 1>> BDC /X BMC BT <0041> Tj ET EMC EMC',
      'BT (a \\) BT ET \\( (nested) string) Tj ET',
    ].join('\n');
    const spans = untaggedTextObjects(content).map(([start, end]) => content.slice(start, end));
    expect(spans).toEqual(['BT (Page 1 of 2) Tj ET', 'BT (a \\) BT ET \\( (nested) string) Tj ET']);
  });

  it('is not fooled by operators inside names, hex strings and comments, or by words that merely start with them', () => {
    const content = '/BDC gs % BT here is a comment\n<4254> Tj BTX ETX BT (x) Tj ET';
    expect(untaggedTextObjects(content).map(([s, e]) => content.slice(s, e))).toEqual(['BT (x) Tj ET']);
  });

  it('leaves a stream with nothing untagged alone, and wraps untagged text as a pagination artifact', () => {
    expect(wrapUntaggedText(latin1('/P <</MCID 0>> BDC BT (x) Tj ET EMC'))).toBeNull();
    const wrapped = Buffer.from(wrapUntaggedText(latin1('q BT (Page 1) Tj ET Q'))!).toString('latin1');
    expect(wrapped).toBe('q /Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT (Page 1) Tj ET\nEMC Q');
  });
});

/** A PDF with untagged text on each page, as Chromium's footer is. */
async function printedPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Spring & <workshop>');
  pdf.setProducer('Skia/PDF m142');
  pdf.setCreator('Chromium');
  pdf.setCreationDate(new Date('2026-03-04T10:20:30Z'));
  pdf.setModificationDate(new Date('2026-03-04T10:20:30Z'));
  for (let i = 1; i <= pages; i++) pdf.addPage([600, 400]).drawText(`Page ${i} of ${pages}`, { x: 260, y: 20, size: 9 });
  return pdf.save({ useObjectStreams: false });
}

describe('finishReportPdf', () => {
  it('appends XMP that agrees with the Info dictionary and names PDF/UA-1, keeping every original byte', async () => {
    const original = await printedPdf(2);
    const finished = await finishReportPdf(original, { title: 'ignored: Info has a title', language: 'en' }, new Date());
    expect(Buffer.from(finished.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);

    const pdf = await PDFDocument.load(finished, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Spring & <workshop>');
    const metadata = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    const xmp = Buffer.from(metadata.contents).toString('utf8');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Spring &amp; &lt;workshop&gt;</rdf:li>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdf:Producer>Skia/PDF m142</pdf:Producer>');
    expect(xmp).toContain('<xmp:CreateDate>2026-03-04T10:20:30Z</xmp:CreateDate>');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en)');

    // poppler reads the update as any reader does.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stakemap-pdf-'));
    const file = path.join(dir, 'finished.pdf');
    await writeFile(file, finished);
    expect(execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' })).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Page 2 of 2');
  });

  it('marks each page\'s untagged footer as an artifact', async () => {
    const pdf = await PDFDocument.load(await finishReportPdf(await printedPdf(3), { title: 'T', language: 'en' }, new Date()));
    for (const page of pdf.getPages()) {
      const contents = page.node.get(PDFName.of('Contents'));
      const refs = contents instanceof PDFArray ? (contents.asArray() as PDFRef[]) : [contents as PDFRef];
      const content = refs.map((ref) => inflateSync((pdf.context.lookup(ref) as PDFRawStream).contents).toString('latin1')).join('\n');
      expect(untaggedTextObjects(content)).toEqual([]);
      expect(content).toMatch(/\/Artifact <<\/Type \/Pagination \/Subtype \/Footer>> BDC\nBT[\s\S]*ET\nEMC/);
    }
  });

  it('refuses what is not a PDF, so the caller writes the report as printed', async () => {
    await expect(finishReportPdf(latin1('%PDF-1.7\n%fake\n%%EOF\n'), { title: 'T', language: 'en' }, new Date())).rejects.toThrow();
  });
});

describe('xmpPacket', () => {
  it('escapes what XML must not see raw', () => {
    const packet = xmpPacket({ title: `"A" & 'B' <C>`, language: 'en', creator: 'c', producer: 'p', created: new Date(0), modified: new Date(0) });
    expect(packet).toContain('&quot;A&quot; &amp; &apos;B&apos; &lt;C&gt;');
    expect(packet).toContain('<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>');
  });
});
