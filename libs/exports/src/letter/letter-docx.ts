import {
  AlignmentType, BorderStyle, Document, type ISectionOptions, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow,
  TextRun, WidthType,
} from 'docx';
import type { AppendixSection, MonthlyAppendix } from '../appendix/monthly-appendix';
import { cellText } from '../text/cells';
import type { LetterParagraph, MonthlyLetter } from './monthly-letter';

/** Administrative documents are set in Times New Roman 13–14 pt (Decree 30/2020/NĐ-CP, appendix I). */
const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;
/** Page sizes in twentieths of a point: A4 210 × 297 mm. */
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 };

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function run(text: string, style: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, bold: style.bold, italics: style.italics, size: pt(style.size ?? 13), underline: style.underline ? {} : undefined });
}

function line(text: string, style: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({ alignment: style.align ?? AlignmentType.CENTER, children: [run(text, style)] });
}

function letterhead(letter: MonthlyLetter): Table {
  const h = letter.header;
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: `${width}%`, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: '100%', type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([line(h.authority, { size: 12 }), line(h.office, { bold: true, size: 12, underline: true }), line(h.number, { size: 12 }), line(letter.subject, { size: 11 })], 42),
          cell([line(h.nation, { bold: true, size: 12 }), line(h.motto, { bold: true, size: 13, underline: true }), line(h.placeAndDate, { italics: true, size: 13 })], 58),
        ],
      }),
    ],
  });
}

function bodyParagraph(p: LetterParagraph): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: p.kind === 'text' ? 567 : 0, left: p.kind === 'item' ? 567 : 0 },
    spacing: { before: p.kind === 'heading' ? 120 : 60, after: 60, line: 300 },
    children: [run(p.text, { bold: p.kind === 'heading' })],
  });
}

function signature(letter: MonthlyLetter): Table {
  const s = letter.signature;
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: `${width}%`, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: '100%', type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({
      children: [
        cell([line(s.recipientsLabel, { bold: true, italics: true, size: 12, align: AlignmentType.LEFT }), ...s.recipients.map((r) => line(r, { size: 11, align: AlignmentType.LEFT }))], 50),
        cell([...s.title.map((t) => line(t, { bold: true })), line(s.note, { italics: true, size: 12 })], 50),
      ],
    })],
  });
}

/** Appendix column widths as shares of the table (the spreadsheet widths, scaled). */
function appendixTable(appendix: MonthlyAppendix, section: AppendixSection): Table {
  const total = appendix.columns.reduce((s, c) => s + c.width, 0);
  const cell = (text: string, width: number, style: { bold?: boolean; header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }) => new TableCell({
    width: { size: `${Math.round((width / total) * 1000) / 10}%`, type: WidthType.PERCENTAGE },
    shading: style.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E1F2' } : undefined,
    children: [new Paragraph({ alignment: style.align ?? AlignmentType.CENTER, children: [run(text, { bold: style.bold, size: 10 })] })],
  });
  const header = new TableRow({ tableHeader: true, children: appendix.columns.map((c) => cell(c.header, c.width, { bold: true, header: true })) });
  const rows = section.rows.map((r) => new TableRow({
    children: appendix.columns.map((c) => cell(cellText(r.cells[c.key], appendix.decimals, { percentSign: false }), c.width, {
      bold: r.own === true, align: c.key === 'name' || c.key === 'code' ? AlignmentType.LEFT : AlignmentType.CENTER,
    })),
  }));
  return new Table({ width: { size: '100%', type: WidthType.PERCENTAGE }, layout: TableLayoutType.AUTOFIT, rows: [header, ...rows] });
}

function appendixSection(letter: MonthlyLetter, section: AppendixSection): ISectionOptions {
  const a = letter.appendix;
  return {
    properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: 850, right: 850 } } },
    children: [
      line(`PHỤ LỤC ${section.numeral}`, { bold: true }),
      line(a.title, { bold: true, size: 12 }),
      line(section.subheading, { bold: true, size: 12 }),
      line(`(Kèm theo Công văn số ……/VP-KSTT ngày …… của ${letter.header.sender}; ${a.dataTime.charAt(0).toLocaleLowerCase('vi')}${a.dataTime.slice(1)})`, { italics: true, size: 11 }),
      new Paragraph({ children: [] }),
      appendixTable(a, section),
      new Paragraph({ spacing: { before: 120 }, children: [run('Ghi chú:', { bold: true, italics: true, size: 10 })] }),
      ...a.notes.map((n) => new Paragraph({ children: [run(`- ${n}`, { italics: true, size: 10 })] })),
    ],
  };
}

/**
 * The letter as an editable Word document: the letterhead and body on A4 portrait, then each
 * appendix on its own landscape section, so the office can fill the number, date and signer and
 * send it as it sends its own letters.
 */
export async function letterDocx(letter: MonthlyLetter): Promise<Buffer> {
  const first: ISectionOptions = {
    properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGINS } },
    children: [
      ...(letter.banner ? [line(letter.banner, { bold: true, size: 12 })] : []),
      letterhead(letter),
      new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [run('Kính gửi:', { size: 14 })] }),
      ...letter.recipients.map((r) => line(`- ${r}`, { size: 14 })),
      new Paragraph({ children: [] }),
      ...letter.body.map(bodyParagraph),
      new Paragraph({ children: [] }),
      signature(letter),
    ],
  };
  const doc = new Document({
    creator: 'QĐ 766 real-time index',
    title: letter.subject,
    description: `${letter.unit.name} (${letter.unit.code}), tháng ${letter.month}${letter.provisional ? ' — số liệu tạm tính' : ''}`,
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [first, ...letter.appendix.sections.map((s) => appendixSection(letter, s))],
  });
  return Packer.toBuffer(doc);
}
