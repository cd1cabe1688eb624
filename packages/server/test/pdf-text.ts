/**
 * Reading back what a PDF made by pdfkit shows, for tests: its pages' text, in order.
 */
import zlib from 'node:zlib';

const winAnsi = new TextDecoder('windows-1252');

/**
 * The text shown on each page, in order: every content stream is inflated and the strings of its
 * text operators decoded (pdfkit writes the built-in fonts' text as WinAnsi hex strings).
 */
export function pageTexts(pdf: Buffer): string[] {
  const pages: string[] = [];
  const marker = Buffer.from('stream\n');
  let at = pdf.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length;
    const end = pdf.indexOf(Buffer.from('\nendstream'), start);
    const dict = pdf.subarray(Math.max(0, at - 200), at).toString('latin1');
    const raw = pdf.subarray(start, end);
    const content = (dict.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw).toString('latin1');
    if (content.includes(' TJ')) {
      const pieces = [...content.matchAll(/\[(.*?)\] TJ/g)].map((m) =>
        [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)]
          .map((h) => winAnsi.decode(Buffer.from(h[1] ?? '', 'hex')))
          .join(''),
      );
      pages.push(pieces.join(' ').replace(/\s+/g, ' '));
    }
    at = pdf.indexOf(marker, end + '\nendstream'.length);
  }
  return pages;
}
