import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** DejaVu Sans covers Vietnamese (precomposed and combining marks); PDFKit embeds a subset of it. */
export interface PdfFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
}

let cached: PdfFonts | undefined;

/** The DejaVu Sans TTF files of the dejavu-fonts-ttf package, read once. */
export function dejaVuFonts(): PdfFonts {
  if (!cached) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
      italic: readFileSync(join(dir, 'DejaVuSans-Oblique.ttf')),
    };
  }
  return cached;
}
