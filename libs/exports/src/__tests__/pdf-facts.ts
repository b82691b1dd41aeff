import { inflateSync } from 'node:zlib';

/** What a test can check in a PDF without a PDF library: pages, page size, fonts, the characters the fonts map. */
export interface PdfFacts {
  readonly header: string;
  readonly pages: number;
  readonly mediaBoxes: readonly string[];
  readonly baseFonts: readonly string[];
  readonly embeddedFontFiles: number;
  /** Every character some embedded font's ToUnicode map gives a glyph for. */
  readonly mappedCharacters: ReadonlySet<string>;
}

export function pdfFacts(pdf: Buffer): PdfFacts {
  const text = pdf.toString('latin1');
  const mapped = new Set<string>();
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!body.includes('/CMapName /Adobe-Identity-UCS')) continue;
    for (const hex of body.slice(body.indexOf('beginbfrange')).matchAll(/<([0-9a-f]{4,})>/gi)) mapped.add(String.fromCodePoint(parseInt(hex[1], 16)));
  }
  return {
    header: text.slice(0, 8),
    pages: (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length,
    mediaBoxes: [...new Set([...text.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1].trim()))],
    baseFonts: [...new Set([...text.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]))].sort(),
    embeddedFontFiles: (text.match(/\/FontFile2 \d+ 0 R/g) ?? []).length,
    mappedCharacters: mapped,
  };
}

