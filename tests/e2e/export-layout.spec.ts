import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PDF_MARGINS_INCHES } from '../../shared/export/pdf-options';
import { expect, test } from './fixtures';

/*
 * What the reader of a printed map meets on page 1 (issue 17): nothing cut by the page edge (the legend and the
 * credit at its foot) and no text covering other text (labels clear of stakeholders and of each other). Read
 * with poppler's word boxes, on the bundled sample in every paper size and orientation the dialog offers.
 */
test.use({ firstRun: true });

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function pageOneWords(file: string): { width: number; height: number; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!),
  }));
  return { width: Number(page[1]), height: Number(page[2]), words };
}

/**
 * A word's ink, roughly: poppler's boxes span the font's whole ascent and descent, so the lines of one wrapped
 * name overlap there; the middle 40 % of the box is where letters are, and two words drawn over each other
 * overlap in it.
 */
const ink = (w: Word): Word => {
  const trim = 0.3 * (w.yMax - w.yMin);
  return { ...w, yMin: w.yMin + trim, yMax: w.yMax - trim };
};
const overlap = (a: Word, b: Word) => Math.max(0, Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)) * Math.max(0, Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin));
const area = (w: Word) => (w.xMax - w.xMin) * (w.yMax - w.yMin);

for (const [size, orientation] of [['A4', 'Landscape'], ['Letter', 'Portrait'], ['A3', 'Landscape']] as const) {
  test(`PDF page 1 on ${size} ${orientation.toLowerCase()}: the whole frame inside the page, no text over other text`, async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
    await app.menu('file.export');
    const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
    await dialog.getByRole('radio', { name: /^PDF/ }).check();
    await dialog.getByLabel('Page size').selectOption(size);
    await dialog.getByRole('radio', { name: orientation }).check();
    const target = path.join(app.tempDir, 'report.pdf');
    app.dialogs.answerExport(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'PDF report exported to' })).toBeVisible();

    const { width, height, words } = pageOneWords(target);
    const footer = words.filter((w) => w.yMin > height - PDF_MARGINS_INCHES.bottom * 72);
    expect(footer.map((w) => w.text).join(' ')).toMatch(/^Page 1 of \d+$/);
    // Everything else lies inside the printable area: the legend's last line and the credit included.
    const inside = words.filter((w) => !footer.includes(w));
    for (const w of inside) {
      expect(w.yMax, `"${w.text}" is cut by the foot of the printable area`).toBeLessThanOrEqual(height - PDF_MARGINS_INCHES.bottom * 72 + 0.5);
      expect(w.xMax, `"${w.text}" is cut by the right edge`).toBeLessThanOrEqual(width - PDF_MARGINS_INCHES.right * 72 + 0.5);
      expect(w.xMin).toBeGreaterThanOrEqual(PDF_MARGINS_INCHES.left * 72 - 0.5);
      expect(w.yMin).toBeGreaterThanOrEqual(PDF_MARGINS_INCHES.top * 72 - 0.5);
    }
    const text = inside.map((w) => w.text).join(' ');
    for (const expected of ['LEGEND', 'Outside party', 'Made with Stakemap', 'rule changes & audits', 'crisis response', 'Advertising regulator']) expect(text).toContain(expected);
    // No word covers another (a label under a stakeholder, or over a badge's count, would).
    const covered: string[] = [];
    for (let i = 0; i < inside.length; i++)
      for (let j = i + 1; j < inside.length; j++) {
        const a = ink(inside[i]!);
        const b = ink(inside[j]!);
        if (overlap(a, b) > 0.2 * Math.min(area(a), area(b))) covered.push(`"${a.text}" / "${b.text}"`);
      }
    expect(covered).toEqual([]);
  });
}
