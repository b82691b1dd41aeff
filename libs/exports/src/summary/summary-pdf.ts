import { PDF_FONTS, viDocument } from '../pdf/vi-document';
import { drawTable, type PdfRow } from '../pdf/table';
import type { MonthlySummary } from './monthly-summary';

const FONTS = PDF_FONTS;
const MARGIN = 40;

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.4).font(FONTS.bold).fontSize(10).fillColor('#000000').text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3);
}

function keyFigures(doc: PDFKit.PDFDocument, s: MonthlySummary): void {
  const width = doc.page.width - 2 * MARGIN;
  const top = doc.y + 4;
  const cells: [string, string][] = [
    ['Tổng điểm', s.total],
    ['Xếp loại', s.band],
    ['Xếp hạng', s.rank ?? 'Chưa xếp hạng'],
    [s.averageLabel, s.averageTotal === '—' ? '—' : `${s.averageTotal}/100`],
  ];
  const w = width / cells.length;
  const height = 42;
  doc.save().rect(MARGIN, top, width, height).fill('#F2F5FA').restore();
  doc.lineWidth(0.5).strokeColor('#555555').rect(MARGIN, top, width, height).stroke();
  cells.forEach(([label, value], i) => {
    const x = MARGIN + i * w;
    if (i > 0) doc.moveTo(x, top).lineTo(x, top + height).stroke();
    doc.fillColor('#444444').font(FONTS.regular).fontSize(7.5).text(label, x + 4, top + 5, { width: w - 8, align: 'center' });
    doc.fillColor('#000000').font(FONTS.bold).fontSize(i === 0 ? 13 : 9.5).text(value, x + 4, top + 16, { width: w - 8, align: 'center' });
  });
  doc.x = MARGIN;
  doc.y = top + height + 4;
}

/**
 * The printable monthly summary of one unit, on A4 with DejaVu Sans embedded (subset) so every
 * Vietnamese letter renders: title, unit, month, data time, key figures, the 6 groups beside the
 * peers' average, and the 21 criteria. Pages are numbered "Trang i/n".
 */
export async function summaryPdf(s: MonthlySummary): Promise<Buffer> {
  const { doc, bytes: done } = viDocument(MARGIN, 14, {
    title: `${s.title} tháng ${s.month} — ${s.unit.name}`, subject: `${s.unit.name} (${s.unit.code}), tháng ${s.month}`, createdAt: s.generatedAt,
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font(FONTS.bold).fontSize(11).text(s.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.fontSize(11).text(`THÁNG ${s.month}`, { width, align: 'center' });
  doc.moveDown(0.4).font(FONTS.bold).fontSize(13).text(s.unit.name, { width, align: 'center' });
  const parent = s.unit.parentCode ? ` · trực thuộc ${s.unit.parentCode}` : '';
  doc.font(FONTS.regular).fontSize(9).text(`Mã đơn vị ${s.unit.code} · ${s.levelLabel}${parent}`, { width, align: 'center' });
  doc.moveDown(0.3).font(FONTS.italic).fontSize(8.5)
    .text([s.dataTime, s.latestEvent, `bộ quy tắc ${s.ruleSetId}`].filter(Boolean).join(' · '), { width, align: 'center' });
  doc.moveDown(0.4);
  keyFigures(doc, s);
  if (s.rescaledNote) doc.font(FONTS.italic).fontSize(8).fillColor('#444444').text(s.rescaledNote, MARGIN, doc.y, { width }).fillColor('#000000');

  heading(doc, 'I. KẾT QUẢ THEO NHÓM TIÊU CHÍ');
  const groupRows: PdfRow[] = s.groups.map((g, i) => ({ cells: [String(i + 1), g.name, g.score, g.rate, g.average] }));
  groupRows.push({ cells: ['', 'Tổng điểm', s.total, '', s.averageTotal], bold: true, fill: '#F2F2F2' });
  drawTable(doc, [
    { header: 'TT', width: 28, align: 'center' },
    { header: 'Nhóm tiêu chí', width: 217 },
    { header: 'Điểm đạt/tối đa', width: 90, align: 'center' },
    { header: 'Tỷ lệ đạt', width: 80, align: 'center' },
    { header: `${s.averageLabel} (điểm)`, width: width - 415, align: 'center' },
  ], groupRows, FONTS, 8);

  heading(doc, 'II. CHI TIẾT CÁC TIÊU CHÍ');
  const criterionRows: PdfRow[] = [];
  // Groups in the order of their first criterion, so the criteria read 1 … 21.
  const firstId = (groupId: string) => Math.min(...s.criteria.filter((c) => c.groupId === groupId).map((c) => c.id));
  for (const g of [...s.groups].sort((a, b) => firstId(a.id) - firstId(b.id))) {
    const members = s.criteria.filter((c) => c.groupId === g.id);
    if (members.length === 0) continue;
    criterionRows.push({ cells: [`${g.name} (${g.score})`], span: true, bold: true, fill: '#EEF2F8' });
    for (const c of members) {
      criterionRows.push({ cells: [String(c.id), c.name, c.numerator, c.denominator, c.rate, c.points], note: c.note ?? undefined });
    }
  }
  if (criterionRows.length === 0) criterionRows.push({ cells: ['Chưa có dữ liệu'], span: true });
  drawTable(doc, [
    { header: 'TT', width: 22, align: 'center' },
    { header: 'Tiêu chí', width: 233 },
    { header: 'Tử số', width: 44, align: 'right' },
    { header: 'Mẫu số', width: 44, align: 'right' },
    { header: 'Tỷ lệ', width: 112, align: 'center' },
    { header: 'Điểm', width: width - 455, align: 'center' },
  ], criterionRows, FONTS, 7.5);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(7).fillColor('#666666')
      .text(`${s.unit.name} · tháng ${s.month} · Trang ${i - range.start + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
