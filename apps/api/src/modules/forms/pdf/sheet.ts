import type { Color, PDFDocument, PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { fontFace, type FontFamily } from './fonts.ts';

/**
 * A small flow layout over pdf-lib: text that wraps, key/value lines, tables that break across
 * pages with their header repeated, and two-column blocks. Everything is measured with the embedded
 * font, so what fits on paper is decided here, not guessed.
 */
export type Layout = 'a4' | 'thermal';
export type Align = 'left' | 'center' | 'right';
export type TextStyle = { size?: number; bold?: boolean; italic?: boolean; align?: Align; indent?: number; after?: number; underline?: boolean };
export type Column = { header: string; width: number; align?: Align };

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM, margin: { top: 15 * MM, bottom: 12 * MM, left: 22 * MM, right: 15 * MM }, size: 10.5 };
// A thermal roll is one long page: drawn on the tallest page PDF allows, then cut to what was used.
const THERMAL = { width: 80 * MM, height: 14_400, margin: { top: 4 * MM, bottom: 6 * MM, left: 4 * MM, right: 4 * MM }, size: 9 };

export type SheetMeta = { title: string; subject: string; author: string; keywords?: string[]; createdAt: Date };

let black: Color;
let grey: Color;

export class Sheet {
  readonly doc: PDFDocument;
  readonly layout: Layout;
  readonly baseSize: number;
  private fonts!: { regular: PDFFont; bold: PDFFont; italic: PDFFont };
  private page!: PDFPage;
  private y = 0;
  private readonly geo: typeof A4;

  private constructor(doc: PDFDocument, layout: Layout) {
    this.doc = doc;
    this.layout = layout;
    this.geo = layout === 'a4' ? A4 : THERMAL;
    this.baseSize = this.geo.size;
  }

  static async create(layout: Layout, meta: SheetMeta, family: FontFamily = layout === 'a4' ? 'serif' : 'sans'): Promise<Sheet> {
    // Loaded on the first form: pdf-lib and fontkit weigh more at start-up than the rest of the server.
    const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
    black = rgb(0, 0, 0);
    grey = rgb(0.93, 0.93, 0.93);
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(nfc(meta.title));
    doc.setSubject(nfc(meta.subject));
    doc.setAuthor(nfc(meta.author));
    doc.setCreator('Motcua');
    doc.setProducer('Motcua (pdf-lib)');
    doc.setLanguage('vi-VN');
    if (meta.keywords) doc.setKeywords(meta.keywords.map(nfc));
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    const s = new Sheet(doc, layout);
    const face = fontFace(family);
    s.fonts = {
      regular: await doc.embedFont(face.regular, { subset: true }),
      bold: await doc.embedFont(face.bold, { subset: true }),
      italic: await doc.embedFont(face.italic, { subset: true }),
    };
    s.newPage();
    return s;
  }

  get contentWidth(): number {
    return this.geo.width - this.geo.margin.left - this.geo.margin.right;
  }

  private get left(): number {
    return this.geo.margin.left;
  }

  private newPage(): void {
    this.page = this.doc.addPage([this.geo.width, this.geo.height]);
    this.y = this.geo.height - this.geo.margin.top;
  }

  /** Starts a new page when `height` does not fit on this one (never on a thermal roll). */
  private ensure(height: number): void {
    if (this.layout === 'a4' && this.y - height < this.geo.margin.bottom) this.newPage();
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : style.italic ? this.fonts.italic : this.fonts.regular;
  }

  measure(text: string, style: TextStyle = {}): number {
    return this.font(style).widthOfTextAtSize(nfc(text), style.size ?? this.baseSize);
  }

  /** Breaks text into lines no wider than `width`; words longer than a line are cut. */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const lines: string[] = [];
    for (const paragraph of nfc(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.measure(candidate, style) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (this.measure(line, style) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.measure(line.slice(0, cut), style) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private lineHeight(size: number): number {
    return size * 1.3;
  }

  private drawLine(text: string, x: number, width: number, style: TextStyle): void {
    const size = style.size ?? this.baseSize;
    const w = this.measure(text, style);
    const dx = style.align === 'center' ? (width - w) / 2 : style.align === 'right' ? width - w : 0;
    const baseline = this.y - size;
    this.page.drawText(text, { x: x + dx, y: baseline, size, font: this.font(style), color: black });
    if (style.underline && text) {
      this.page.drawLine({ start: { x: x + dx, y: baseline - 2 }, end: { x: x + dx + w, y: baseline - 2 }, thickness: 0.6 });
    }
  }

  /** A paragraph that wraps and flows onto the next page. */
  text(text: string, style: TextStyle = {}): this {
    const size = style.size ?? this.baseSize;
    const indent = style.indent ?? 0;
    for (const line of this.wrap(text, this.contentWidth - indent, style)) {
      this.ensure(this.lineHeight(size));
      this.drawLine(line, this.left + indent, this.contentWidth - indent, style);
      this.y -= this.lineHeight(size);
    }
    this.y -= style.after ?? size * 0.3;
    return this;
  }

  /** "Label: value" with the label in bold; the value wraps beside it, or under it when the label is long. */
  field(label: string, value: string, style: TextStyle = {}): this {
    const size = style.size ?? this.baseSize;
    const indent = style.indent ?? 0;
    const labelText = `${nfc(label)}: `;
    const labelWidth = this.measure(labelText, { ...style, bold: true });
    const beside = labelWidth <= (this.contentWidth - indent) * 0.5;
    if (!beside) this.text(labelText.trim(), { ...style, bold: true, after: 0 });
    const offset = beside ? labelWidth : 14;
    const lines = this.wrap(value || '—', this.contentWidth - indent - offset, style);
    lines.forEach((line, i) => {
      this.ensure(this.lineHeight(size));
      if (i === 0 && beside) this.drawLine(labelText, this.left + indent, labelWidth, { ...style, bold: true, align: 'left' });
      this.drawLine(line, this.left + indent + offset, this.contentWidth - indent - offset, { ...style, align: 'left' });
      this.y -= this.lineHeight(size);
    });
    this.y -= size * 0.2;
    return this;
  }

  /** An image at the left with lines of text beside it (a QR code and what it opens). */
  aside(img: PDFImage, width: number, lines: [string, TextStyle?][]): this {
    const height = (img.height / img.width) * width;
    const gap = 8;
    const textWidth = this.contentWidth - width - gap;
    const textHeight = lines.reduce((h, [t, st]) => h + this.wrap(t, textWidth, st).length * this.lineHeight(st?.size ?? this.baseSize), 0);
    this.ensure(Math.max(height, textHeight));
    const top = this.y;
    this.page.drawImage(img, { x: this.left, y: top - height, width, height });
    this.y = top - Math.max(0, (height - textHeight) / 2);
    for (const [t, st = {}] of lines) {
      for (const line of this.wrap(t, textWidth, st)) {
        this.drawLine(line, this.left + width + gap, textWidth, { ...st, align: 'left' });
        this.y -= this.lineHeight(st.size ?? this.baseSize);
      }
    }
    this.y = Math.min(this.y, top - height) - this.baseSize * 0.5;
    return this;
  }

  space(height: number): this {
    this.y -= height;
    return this;
  }

  rule(): this {
    this.ensure(6);
    this.page.drawLine({ start: { x: this.left, y: this.y - 3 }, end: { x: this.left + this.contentWidth, y: this.y - 3 }, thickness: 0.5, dashArray: this.layout === 'thermal' ? [2, 2] : [] });
    this.y -= 8;
    return this;
  }

  /** Side-by-side blocks (letterhead, signatures): each column is a list of styled lines. */
  columns(cols: { width: number; lines: [string, TextStyle?][] }[]): this {
    const startY = this.y;
    let lowest = startY;
    let x = this.left;
    const heights = cols.map((c) => c.lines.reduce((h, [t, st]) => h + this.wrap(t, c.width * this.contentWidth, st).length * this.lineHeight(st?.size ?? this.baseSize), 0));
    this.ensure(Math.max(...heights));
    const top = this.y;
    for (const col of cols) {
      const width = col.width * this.contentWidth;
      this.y = top;
      for (const [t, st = {}] of col.lines) {
        for (const line of this.wrap(t, width, st)) {
          this.drawLine(line, x, width, { align: 'center', ...st });
          this.y -= this.lineHeight(st.size ?? this.baseSize);
        }
      }
      lowest = Math.min(lowest, this.y);
      x += width;
    }
    this.y = lowest - this.baseSize * 0.4;
    return this;
  }

  /** A bordered table; rows wrap inside their cells and the header repeats on a new page. */
  table(columns: Column[], rows: string[][], style: TextStyle = {}): this {
    const size = style.size ?? this.baseSize - 1;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const layoutRow = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((c, i) => this.wrap(c, widths[i]! - 2 * pad, { size, bold }));
      return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * this.lineHeight(size) + 2 * pad };
    };
    const drawRow = (cells: string[], bold: boolean) => {
      const { wrapped, height } = layoutRow(cells, bold);
      if (this.layout === 'a4' && this.y - height < this.geo.margin.bottom) {
        this.newPage();
        if (!bold) drawRow(columns.map((c) => c.header), true);
      }
      let x = this.left;
      const top = this.y;
      wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: top - height, width: w, height, borderWidth: 0.5, borderColor: black, ...(bold ? { color: grey } : {}) });
        this.y = top - pad;
        for (const line of lines) {
          this.drawLine(line, x + pad, w - 2 * pad, { size, bold, align: bold ? 'center' : (columns[i]!.align ?? 'left') });
          this.y -= this.lineHeight(size);
        }
        x += w;
      });
      this.y = top - height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    this.y -= size * 0.6;
    return this;
  }

  /** An image of `width` points, centred, with an optional caption under it. */
  image(img: PDFImage, width: number, caption?: string, align: Align = 'center'): this {
    const height = (img.height / img.width) * width;
    this.ensure(height + (caption ? this.lineHeight(this.baseSize - 2) * 2 : 0));
    const x = align === 'center' ? this.left + (this.contentWidth - width) / 2 : align === 'right' ? this.left + this.contentWidth - width : this.left;
    this.page.drawImage(img, { x, y: this.y - height, width, height });
    this.y -= height + 2;
    if (caption) this.text(caption, { size: this.baseSize - 2, align });
    return this;
  }

  async save(): Promise<Uint8Array> {
    if (this.layout === 'thermal') {
      const bottom = Math.max(0, this.y - this.geo.margin.bottom);
      this.page.setMediaBox(0, bottom, this.geo.width, this.geo.height - bottom);
    }
    return this.doc.save({ useObjectStreams: false });
  }

  /** The page being drawn and the cursor, for callers that place something themselves (a signature box). */
  position(): { page: PDFPage; y: number; left: number; width: number } {
    return { page: this.page, y: this.y, left: this.left, width: this.contentWidth };
  }
}

export const nfc = (s: string) => s.normalize('NFC');
