import PDFDocument from 'pdfkit';
import { pdfBytes } from './collect';
import { dejaVuFonts } from './fonts';
import type { TableFonts } from './table';

/** The names the DejaVu faces are registered under in every document of ours. */
export const PDF_FONTS: TableFonts = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique' };

export interface ViDocument {
  readonly doc: PDFKit.PDFDocument;
  /** The file's bytes, once `doc.end()` has been called. */
  readonly bytes: Promise<Buffer>;
}

/**
 * An A4 Vietnamese document with DejaVu Sans embedded (subset) so every Vietnamese letter renders,
 * pages buffered (for "Trang i/n" footers), titled for readers and screen readers.
 */
export function viDocument(
  margin: number, footer: number, info: { readonly title: string; readonly subject: string; readonly createdAt: number },
): ViDocument {
  const fonts = dejaVuFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin + footer, left: margin, right: margin },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: info.title, Author: 'QĐ 766 real-time index', Subject: info.subject, CreationDate: new Date(info.createdAt) },
  });
  const bytes = pdfBytes(doc);
  doc.registerFont(PDF_FONTS.regular, fonts.regular);
  doc.registerFont(PDF_FONTS.bold, fonts.bold);
  doc.registerFont(PDF_FONTS.italic, fonts.italic);
  return { doc, bytes };
}
