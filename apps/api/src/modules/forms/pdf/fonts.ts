import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * DejaVu (Bitstream Vera licence, shipped by the `dejavu-fonts-ttf` npm package) covers every
 * precomposed Vietnamese letter, so text is drawn in NFC and needs no shaping. Serif for A4 letters
 * (the look of an official document), condensed sans for the 72 mm a thermal printer prints.
 */
export type FontFamily = 'serif' | 'sans';
export type FontFace = { regular: Uint8Array; bold: Uint8Array; italic: Uint8Array };

const files: Record<FontFamily, Record<keyof FontFace, string>> = {
  serif: { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', italic: 'DejaVuSerif-Italic.ttf' },
  sans: { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf', italic: 'DejaVuSansCondensed-Oblique.ttf' },
};

const cache = new Map<FontFamily, FontFace>();

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The three faces of a family, read once per process. */
export function fontFace(family: FontFamily): FontFace {
  let face = cache.get(family);
  if (!face) {
    const dir = fontDir();
    const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(dir, f)));
    face = { regular: read(files[family].regular), bold: read(files[family].bold), italic: read(files[family].italic) };
    cache.set(family, face);
  }
  return face;
}
