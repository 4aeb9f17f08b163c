import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** A4 margin of the zone's printed documents, in points. */
export const A4_MARGIN = 56;

/** `path` or `path:FaceName` (a face of a .ttc collection). */
export function parseFontSpec(spec: string): { path: string; face?: string } {
  const m = /^(.*\.tt[cf]|.*\.otf):([^/\\]+)$/i.exec(spec);
  return m ? { path: m[1]!, face: m[2]! } : { path: spec };
}

/** Whether the font a printed document needs is on this machine (checked before a number is used up). */
export function fontInstalled(spec: string): boolean {
  return existsSync(parseFontSpec(spec).path);
}

/**
 * An A4 document in the zone's Chinese font, buffered so page numbers can be added at the end.
 * The font is embedded as a subset of the glyphs used (pdfkit's default), with a ToUnicode map,
 * so the text can be searched and extracted. `finish()` numbers the pages and answers the bytes.
 */
export function openA4(
  fontSpec: string,
  info: { Title: string; Author: string; Subject?: string },
): { doc: PDFKit.PDFDocument; width: number; finish: () => Promise<Buffer> } {
  const font = parseFontSpec(fontSpec);
  const doc = new PDFDocument({ size: 'A4', margin: A4_MARGIN, info, bufferPages: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  const width = doc.page.width - 2 * A4_MARGIN;
  const finish = () => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
      doc.page.margins.bottom = 0;
      doc
        .fontSize(9)
        .fillColor('#666')
        .text(`第 ${i + 1} 页 / 共 ${range.count} 页`, A4_MARGIN, doc.page.height - A4_MARGIN + 16, {
          width,
          align: 'center',
          lineBreak: false,
        });
    }
    doc.end();
    return done;
  };
  return { doc, width, finish };
}
