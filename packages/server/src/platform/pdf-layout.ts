/**
 * What the printed documents share: termly letters and the staff briefing (levels/sharing.pdf.ts),
 * the chronology (platform/chronology/chronology.pdf.ts) and plans (plans/plans.pdf.ts). A4 page
 * geometry, the built-in fonts and colours, dates as printed, text the built-in font can print, a
 * pen that remembers the current text style, and the running header, page numbers and table header
 * each draws in the same way. Pure layout; nothing here reads the database or logs.
 */
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

export const CONFIDENTIAL_MARK = 'Confidential: staff only. Do not leave this where pupils or visitors can see it.';

// Page geometry. A4 in points.
export const PAGE = { width: 595.28, height: 841.89 };

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PageLayout {
  margin: Margins;
  /** The width between the side margins. */
  contentWidth: number;
  /** How far down text may run: the top of the bottom margin. */
  bottom: number;
}

export function pageLayout(margin: Margins): PageLayout {
  return {
    margin,
    contentWidth: PAGE.width - margin.left - margin.right,
    bottom: PAGE.height - margin.bottom,
  };
}

/** The chronology and plans: room for two header lines above the text, margins about 2 cm. */
export const RECORD_LAYOUT = pageLayout({ top: 64, bottom: 54, left: 56, right: 56 });

// The built-in fonts, and colours.
export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const OBLIQUE = 'Helvetica-Oblique';
export const INK = '#1b1f24';
export const MUTED = '#4d5761';
export const ACCENT = '#1d4f73';
export const ALERT = '#8a1c1c';
export const RULE = '#c5ced8';
export const PANEL = '#eef3f8';
export const PANEL_EDGE = '#8fa7bf';

/** Characters the built-in Helvetica can print (WinAnsi): Latin-1 and a few typographic marks. */
const WIN_ANSI =
  /^[\t\n\r\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/u;
const FALLBACK: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', ħ: 'h', Ħ: 'H' };

/**
 * Text as the built-in font can print it. A name such as "Łucja" or "Dương" keeps its letters
 * without the marks the font lacks, rather than losing them.
 */
export function printable(text: string): string {
  const composed = text.normalize('NFC');
  if (WIN_ANSI.test(composed)) return composed;
  let out = '';
  for (const ch of composed) {
    if (WIN_ANSI.test(ch)) {
      out += ch;
      continue;
    }
    const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (bare.length > 0 && WIN_ANSI.test(bare)) out += bare;
    else out += FALLBACK[ch] ?? (/\p{M}/u.test(ch) ? '' : '?');
  }
  return out;
}

/** An A4 document, pages added by the caller. Title and author are printed as given. */
export function openDocument(options: {
  title: string;
  author: string;
  date: Date;
  layout: PageLayout;
  bufferPages: boolean;
}): Doc {
  return new PDFDocument({
    size: 'A4',
    margins: options.layout.margin,
    autoFirstPage: false,
    bufferPages: options.bufferPages,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Creator: 'Tandem', CreationDate: options.date },
  });
}

/** Draw the document, end it, and resolve with its bytes. */
export async function toBuffer(doc: Doc, draw: () => void | Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  await draw();
  doc.end();
  return ended;
}

interface Style {
  font: string;
  size: number;
  color: string;
}

/**
 * A thin layer over pdfkit that remembers the current text style, so that drawing a running header
 * on a page added mid-paragraph can put the paragraph's style back. Each document gives its own
 * starting size and the line gap of its paragraphs.
 */
export class Pen {
  readonly lineGap: number;
  private style: Style;

  constructor(
    readonly doc: Doc,
    readonly layout: PageLayout,
    options: { size: number; lineGap?: number },
  ) {
    this.style = { font: REGULAR, size: options.size, color: INK };
    this.lineGap = options.lineGap ?? 2;
  }

  use(font: string, size: number, color = INK): this {
    this.style = { font, size, color };
    this.apply();
    return this;
  }

  apply(): void {
    this.doc.font(this.style.font).fontSize(this.style.size).fillColor(this.style.color);
  }

  /** Start a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.doc.y + height > this.layout.bottom) this.doc.addPage();
  }

  /** Text that users typed (or that carries their words) always goes through `printable`. */
  paragraph(
    text: string,
    options: PDFKit.Mixins.TextOptions = {},
    x = this.layout.margin.left,
    width = this.layout.contentWidth,
  ): void {
    this.doc.text(printable(text), x, this.doc.y, { width, lineGap: this.lineGap, ...options });
    this.doc.x = this.layout.margin.left;
  }

  height(text: string, width = this.layout.contentWidth, lineGap = this.lineGap): number {
    return this.doc.heightOfString(printable(text), { width, lineGap });
  }

  rule(color = RULE): void {
    ruleAcross(this.doc, this.layout, this.doc.y, 0.75, color);
  }

  gap(points: number): void {
    this.doc.y += points;
  }
}

/** A line across the page between the side margins at `y`. */
export function ruleAcross(doc: Doc, layout: PageLayout, y: number, lineWidth = 0.75, color = RULE): void {
  doc
    .moveTo(layout.margin.left, y)
    .lineTo(PAGE.width - layout.margin.right, y)
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke();
}

export interface HeaderLine {
  text: string;
  font: string;
  size: number;
  color: string;
  /** How far above the top margin the line stands, in points. */
  above: number;
}

/**
 * A page's running header: lines above the top margin and, when `ruleAbove` is given, a rule that
 * far above it; then the pen goes back to the top margin in the style it had, since a page may be
 * added mid-paragraph.
 */
export function runningHeader(pen: Pen, lines: readonly HeaderLine[], ruleAbove?: number): void {
  const { doc, layout } = pen;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size).fillColor(line.color);
    doc.text(line.text, layout.margin.left, layout.margin.top - line.above, {
      width: layout.contentWidth,
      lineBreak: false,
    });
  }
  if (ruleAbove !== undefined) ruleAcross(doc, layout, layout.margin.top - ruleAbove);
  doc.x = layout.margin.left;
  doc.y = layout.margin.top;
  pen.apply();
}

/**
 * Number every page of a document whose pages are buffered: "<what> · Page 2 of 5", centred
 * `below` points under the top of the bottom margin.
 */
export function numberPages(pen: Pen, what: string, size: number, below: number): void {
  const { doc, layout } = pen;
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    pen.use(REGULAR, size, MUTED);
    doc.text(
      printable(`${what} · Page ${i + 1} of ${count}`),
      layout.margin.left,
      PAGE.height - layout.margin.bottom + below,
      { width: layout.contentWidth, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

/** A table's shaded header row, `height` tall, its titles `drop` points below its top. */
export function tableHeader(
  pen: Pen,
  columns: readonly { title: string }[],
  widths: readonly number[],
  height: number,
  drop: number,
): void {
  const { doc, layout } = pen;
  const y = doc.y;
  doc.rect(layout.margin.left, y, layout.contentWidth, height).fill(PANEL);
  pen.use(BOLD, 9.5, INK);
  let x = layout.margin.left;
  columns.forEach((c, i) => {
    doc.text(c.title, x + 5, y + drop, { width: (widths[i] ?? 0) - 10, lineBreak: false });
    x += widths[i] ?? 0;
  });
  doc.x = layout.margin.left;
  doc.y = y + height;
}
