import type { AppendixSection, MonthlyAppendix } from '../appendix/monthly-appendix';
import { PDF_FONTS, viDocument } from '../pdf/vi-document';
import { drawTable, type PdfColumn } from '../pdf/table';
import { cellText } from '../text/cells';
import type { MonthlyLetter } from './monthly-letter';

const FONTS = PDF_FONTS;
const MARGIN = 50;

function letterhead(doc: PDFKit.PDFDocument, letter: MonthlyLetter): void {
  const h = letter.header;
  const width = doc.page.width - 2 * MARGIN;
  const left = width * 0.42;
  const top = doc.y;
  doc.font(FONTS.regular).fontSize(9.5).text(h.authority, MARGIN, top, { width: left, align: 'center' });
  doc.font(FONTS.bold).text(h.office, { width: left, align: 'center', underline: true });
  doc.font(FONTS.regular).text(h.number, { width: left, align: 'center' });
  doc.fontSize(8.5).text(letter.subject, { width: left, align: 'center' });
  const leftBottom = doc.y;
  doc.font(FONTS.bold).fontSize(9.5).text(h.nation, MARGIN + left, top, { width: width - left, align: 'center' });
  doc.text(h.motto, { width: width - left, align: 'center', underline: true });
  doc.moveDown(0.4).font(FONTS.italic).text(h.placeAndDate, { width: width - left, align: 'center' });
  doc.x = MARGIN;
  doc.y = Math.max(leftBottom, doc.y) + 12;
}

function appendixPage(doc: PDFKit.PDFDocument, letter: MonthlyLetter, appendix: MonthlyAppendix, section: AppendixSection): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 36, bottom: 46, left: 30, right: 30 } });
  const width = doc.page.width - 60;
  doc.font(FONTS.bold).fontSize(11).text(`PHỤ LỤC ${section.numeral}`, 30, 36, { width, align: 'center' });
  doc.fontSize(9.5).text(appendix.title, { width, align: 'center' });
  doc.text(section.subheading, { width, align: 'center' });
  doc.font(FONTS.italic).fontSize(8).text(`(Kèm theo công văn của ${letter.header.sender}; ${appendix.dataTime})`, { width, align: 'center' });
  doc.moveDown(0.5);
  const share = width / appendix.columns.reduce((s, c) => s + c.width, 0);
  const columns: PdfColumn[] = appendix.columns.map((c) => ({ header: c.header, width: c.width * share, align: c.key === 'name' || c.key === 'code' ? 'left' : 'center' }));
  const rows = section.rows.map((r) => ({ cells: appendix.columns.map((c) => cellText(r.cells[c.key], appendix.decimals)), bold: r.own === true, fill: r.own ? '#F2F2F2' : undefined }));
  drawTable(doc, columns, rows.length > 0 ? rows : [{ cells: ['Chưa có dữ liệu'], span: true }], FONTS, 6.5);
  doc.font(FONTS.italic).fontSize(6.5).fillColor('#333333');
  for (const note of appendix.notes) doc.text(`- ${note}`, 30, doc.y, { width });
  doc.fillColor('#000000');
}

/**
 * The letter as a PDF with DejaVu Sans embedded (every Vietnamese letter renders): the letter on A4
 * portrait, each appendix on landscape pages; a provisional letter says so on every page.
 */
export async function letterPdf(letter: MonthlyLetter): Promise<Buffer> {
  const { doc, bytes: done } = viDocument(MARGIN, 10, {
    title: `${letter.subject} — ${letter.unit.name}`,
    subject: `${letter.unit.name} (${letter.unit.code}), tháng ${letter.month}${letter.provisional ? ' — số liệu tạm tính' : ''}`,
    createdAt: letter.generatedAt,
  });
  const width = doc.page.width - 2 * MARGIN;

  if (letter.banner) doc.font(FONTS.bold).fontSize(9).fillColor('#B00020').text(letter.banner, MARGIN, MARGIN, { width, align: 'center' }).fillColor('#000000').moveDown(0.5);
  letterhead(doc, letter);
  doc.font(FONTS.regular).fontSize(10.5).text('Kính gửi:', { width, align: 'center' });
  for (const r of letter.recipients) doc.text(`- ${r}`, { width, align: 'center' });
  doc.moveDown(0.6);
  for (const p of letter.body) {
    if (p.kind === 'heading') doc.moveDown(0.2).font(FONTS.bold).fontSize(10.5).text(p.text, MARGIN, doc.y, { width });
    else doc.font(FONTS.regular).fontSize(10.5).text(p.text, MARGIN + (p.kind === 'item' ? 18 : 0), doc.y, { width: width - (p.kind === 'item' ? 18 : 0), align: 'justify', indent: p.kind === 'text' ? 24 : 0 });
  }
  doc.moveDown(1);
  const top = doc.y;
  const s = letter.signature;
  doc.font(FONTS.bold).fontSize(9).text(s.recipientsLabel, MARGIN, top, { width: width / 2 });
  doc.font(FONTS.regular).fontSize(8.5);
  for (const r of s.recipients) doc.text(r, { width: width / 2 });
  doc.font(FONTS.bold).fontSize(10.5);
  s.title.forEach((t, i) => doc.text(t, MARGIN + width / 2, i === 0 ? top : doc.y, { width: width / 2, align: 'center' }));
  doc.font(FONTS.italic).fontSize(9).text(s.note, { width: width / 2, align: 'center' });

  for (const section of letter.appendix.sections) appendixPage(doc, letter, letter.appendix, section);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = `${letter.unit.name} · tháng ${letter.month}${letter.provisional ? ' · Số liệu tạm tính' : ''} · Trang ${i - range.start + 1}/${range.count}`;
    doc.font(FONTS.regular).fontSize(7).fillColor('#666666')
      .text(footer, doc.page.margins.left, doc.page.height - 30, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
