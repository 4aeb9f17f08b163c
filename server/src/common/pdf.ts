import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { UnavailableError, problem } from './domain-errors.js';

/** A4 margin of the zone's printed documents, in points. */
export const A4_MARGIN = 56;

/** `path` or `path:FaceName` (a face of a .ttc collection), as REPORT_FONT names it. */
export function parseFontSpec(spec: string): { path: string; face?: string } {
  const m = /^(.*\.tt[cf]|.*\.otf):([^/\\]+)$/i.exec(spec);
  return m ? { path: m[1]!, face: m[2]! } : { path: spec };
}

/**
 * A 503 naming REPORT_FONT when the font is not installed, so the caller can check before it
 * uses anything up (a document number); `code` is the problem code the console words.
 */
export function requirePdfFont(fontSpec: string, code: string): void {
  if (existsSync(parseFontSpec(fontSpec).path)) return;
  throw new UnavailableError(
    problem(
      code,
      'The font the printed forms need is not installed on the server (REPORT_FONT); ask the operator to install fonts-wqy-microhei',
    ),
  );
}

/**
 * An A4 pdfkit document in the CJK font, and its bytes once `doc.end()` is called. The font is
 * embedded as a subset of the glyphs used (pdfkit's default) with a ToUnicode map, so the text
 * can be searched and extracted.
 */
export function createPdf(
  fontSpec: string,
  options: { margin: number; info: PDFKit.DocumentInfo },
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const font = parseFontSpec(fontSpec);
  const doc = new PDFDocument({ size: 'A4', margin: options.margin, info: options.info, bufferPages: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  return { doc, done };
}

/**
 * A numbered official document: A4 at the zone's margin, with `finish()` writing "第 i 页 / 共 n 页"
 * on every page before answering the bytes.
 */
export function openA4(
  fontSpec: string,
  info: { Title: string; Author: string; Subject?: string },
): { doc: PDFKit.PDFDocument; width: number; finish: () => Promise<Buffer> } {
  const { doc, done } = createPdf(fontSpec, { margin: A4_MARGIN, info });
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
