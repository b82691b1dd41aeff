import { inflateSync } from 'node:zlib';

/** Inflated stream bodies by object number (streams that are not Flate-compressed are left out). */
function streamsByObject(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const out = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index ?? 0;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt < 0 || streamAt > end) continue;
    const bodyStart = text.indexOf('\n', streamAt) + 1;
    try {
      out.set(Number(m[1]), inflateSync(pdf.subarray(bodyStart, text.indexOf('endstream', bodyStart))).toString('latin1'));
    } catch {
      // not a Flate stream (fonts are, images may not be)
    }
  }
  return out;
}

/** A ToUnicode CMap as PDFKit writes it ("<0000> <00ff> [<0041> …]" ranges and bfchar pairs): glyph id → text. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const r of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const first = parseInt(r[1], 16);
    [...r[3].matchAll(/<([0-9a-f]+)>/gi)].forEach((h, i) => map.set(first + i, utf16(h[1])));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(p[1], 16), utf16(p[2]));
  }
  return map;
}

/**
 * The text a PDF shows, in drawing order, decoded through each font's ToUnicode map: every text
 * operation becomes a space-separated piece (lines wrap at spaces) and a justified gap (a TJ offset
 * wider than a thin space) a space, so "xếp hạng thứ 12/34" reads back whole across a wrap.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = streamsByObject(pdf);
  const fontCmap = new Map<number, Map<number, string>>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)endobj/g)) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(m[2]);
    const cmap = ref ? streams.get(Number(ref[1])) : undefined;
    if (cmap) fontCmap.set(Number(m[1]), toUnicode(cmap));
  }
  const byName = new Map<string, Map<number, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const cmap = fontCmap.get(Number(m[2]));
    if (cmap) byName.set(m[1], cmap);
  }
  const pieces: string[] = [];
  for (const body of streams.values()) {
    if (!/\bTf\b/.test(body)) continue;
    let font: Map<number, string> | undefined;
    for (const op of body.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1]) {
        font = byName.get(op[1]);
        continue;
      }
      const decode = (hex: string) => (hex.match(/.{4}/g) ?? []).map((g) => font?.get(parseInt(g, 16)) ?? '\uFFFD').join('');
      if (op[3] !== undefined) {
        pieces.push(decode(op[3]));
        continue;
      }
      let piece = '';
      for (const part of (op[2] ?? '').matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/gi)) {
        if (part[1] !== undefined) piece += decode(part[1]);
        else if (Number(part[2]) < -150) piece += ' ';
      }
      pieces.push(piece);
    }
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}
