/** A small table drawer for PDFKit: wrapped cells, borders, shaded rows, header repeated on each page. */
export interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface PdfRow {
  readonly cells: readonly string[];
  readonly bold?: boolean;
  readonly fill?: string;
  /** A smaller grey line under the cell of column `noteColumn` (default 1). */
  readonly note?: string;
  readonly noteColumn?: number;
  /** Cells spanning the whole width (a group heading). */
  readonly span?: boolean;
  /** Overrides every column's alignment (the header row is centred). */
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableFonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

const PAD_X = 4;
const PAD_Y = 2;

export function drawTable(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], rows: readonly PdfRow[], fonts: TableFonts, size = 8.5): void {
  const left = doc.page.margins.left;
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heightOf = (row: PdfRow): number => {
    if (row.span) {
      doc.font(row.bold ? fonts.bold : fonts.regular).fontSize(size);
      return doc.heightOfString(row.cells[0] ?? '', { width: totalWidth - 2 * PAD_X }) + 2 * PAD_Y;
    }
    let h = 0;
    columns.forEach((c, i) => {
      doc.font(row.bold ? fonts.bold : fonts.regular).fontSize(size);
      let cellHeight = doc.heightOfString(row.cells[i] ?? '', { width: c.width - 2 * PAD_X });
      if (row.note && i === (row.noteColumn ?? 1)) {
        doc.font(fonts.italic).fontSize(size - 1.5);
        cellHeight += doc.heightOfString(row.note, { width: c.width - 2 * PAD_X }) + 1;
      }
      h = Math.max(h, cellHeight);
    });
    return h + 2 * PAD_Y;
  };

  const drawRow = (row: PdfRow, y: number, height: number): void => {
    if (row.fill) doc.save().rect(left, y, totalWidth, height).fill(row.fill).restore();
    doc.lineWidth(0.5).strokeColor('#555555');
    if (row.span) {
      doc.rect(left, y, totalWidth, height).stroke();
      doc.fillColor('#000000').font(row.bold ? fonts.bold : fonts.regular).fontSize(size)
        .text(row.cells[0] ?? '', left + PAD_X, y + PAD_Y, { width: totalWidth - 2 * PAD_X, lineBreak: true });
      return;
    }
    let x = left;
    columns.forEach((c, i) => {
      doc.rect(x, y, c.width, height).stroke();
      doc.fillColor('#000000').font(row.bold ? fonts.bold : fonts.regular).fontSize(size)
        .text(row.cells[i] ?? '', x + PAD_X, y + PAD_Y, { width: c.width - 2 * PAD_X, align: row.align ?? c.align ?? 'left' });
      if (row.note && i === (row.noteColumn ?? 1)) {
        doc.fillColor('#555555').font(fonts.italic).fontSize(size - 1.5)
          .text(row.note, x + PAD_X, doc.y + 1, { width: c.width - 2 * PAD_X, align: c.align ?? 'left' });
      }
      x += c.width;
    });
    doc.fillColor('#000000');
  };

  const header: PdfRow = { cells: columns.map((c) => c.header), bold: true, fill: '#D9E1F2', align: 'center' };
  const headerHeight = heightOf(header);
  let y = doc.y;
  const drawHeader = () => {
    drawRow(header, y, headerHeight);
    y += headerHeight;
  };
  if (y + headerHeight + heightOf(rows[0] ?? header) > bottom()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawHeader();
  rows.forEach((row, i) => {
    const h = heightOf(row);
    // A heading row (span) stays with the row after it.
    const next = row.span && rows[i + 1] ? heightOf(rows[i + 1]) : 0;
    if (y + h + next > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(row, y, h);
    y += h;
  });
  doc.x = left;
  doc.y = y + 6;
}
