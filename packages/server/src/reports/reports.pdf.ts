/**
 * The school's figures printed for governors: counts only, small numbers already hidden (the
 * governors' version), each figure as a table with, where it has a chart, a bar for each row. It
 * names no pupil.
 */
import { formatCell, REPORT_SECTION_LABELS, REPORT_SECTIONS, type CellValue, type Figure } from '@tandem/core';
import { longDate } from '../platform/dates';
import {
  ACCENT,
  BOLD,
  INK,
  MUTED,
  numberPages,
  openDocument,
  PANEL,
  Pen,
  printable,
  RECORD_LAYOUT,
  REGULAR,
  ruleAcross,
  runningHeader,
  toBuffer,
} from '../platform/pdf-layout';

const L = RECORD_LAYOUT;

export interface ReportPdfInput {
  schoolName: string;
  /** e.g. "Autumn term 2026 so far (1 September to 6 December 2026)" */
  scopeLabel: string;
  /** e.g. "Year 9, pupil premium" or "" for every pupil. */
  groupLabel: string;
  figures: readonly Figure[];
  date: Date;
  title: string;
}

function widthsFor(f: Figure): number[] {
  const first = Math.min(170, L.contentWidth * 0.34);
  const rest = (L.contentWidth - first) / Math.max(1, f.columns.length);
  return [first, ...f.columns.map(() => rest)];
}

function rowHeight(pen: Pen, cells: readonly string[], widths: readonly number[], size: number, font: string): number {
  pen.use(font, size, INK);
  return Math.max(...cells.map((c, i) => pen.doc.heightOfString(printable(c), { width: (widths[i] ?? 0) - 8 }))) + 8;
}

function drawRow(
  pen: Pen,
  cells: readonly string[],
  widths: readonly number[],
  o: { size: number; font: string; fill?: string },
) {
  const { doc } = pen;
  const h = rowHeight(pen, cells, widths, o.size, o.font);
  if (doc.y + h > L.bottom) doc.addPage();
  const y = doc.y;
  if (o.fill) doc.rect(L.margin.left, y, L.contentWidth, h).fill(o.fill);
  pen.use(o.font, o.size, INK);
  let x = L.margin.left;
  cells.forEach((c, i) => {
    doc.text(printable(c), x + 4, y + 4, { width: (widths[i] ?? 0) - 8, align: i === 0 ? 'left' : 'right' });
    x += widths[i] ?? 0;
  });
  ruleAcross(doc, L, y + h, 0.5);
  doc.x = L.margin.left;
  doc.y = y + h;
}

function bars(pen: Pen, f: Figure): void {
  if (!f.chart || f.chart.kind === 'line') return;
  const col = f.columns.findIndex((c) => c.key === f.chart!.columns[0]);
  if (col < 0) return;
  const unit = f.columns[col]!.unit;
  const values = f.rows.map((r) => (typeof r.values[col] === 'number' ? r.values[col] : null));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  if (max <= 0 || f.rows.length > 16) return;
  const { doc } = pen;
  const labelWidth = 150;
  const barWidth = L.contentWidth - labelWidth - 70;
  pen.ensure(f.rows.length * 14 + 10);
  for (const [i, r] of f.rows.entries()) {
    const y = doc.y;
    pen.use(REGULAR, 8, MUTED);
    doc.text(printable(r.label), L.margin.left, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const v = values[i] ?? null;
    if (v !== null && v > 0) doc.rect(L.margin.left + labelWidth, y + 1, (v / max) * barWidth, 8).fill(ACCENT);
    pen.use(REGULAR, 8, INK);
    const cell = r.values[col] as CellValue;
    doc.text(formatCell(cell, unit), L.margin.left + labelWidth + (v ? (v / max) * barWidth : 0) + 4, y, {
      lineBreak: false,
    });
    doc.x = L.margin.left;
    doc.y = y + 13;
  }
  pen.gap(4);
}

function drawFigure(pen: Pen, f: Figure): void {
  const widths = widthsFor(f);
  const size = f.columns.length > 6 ? 7.5 : 9;
  pen.ensure(90);
  pen.use(BOLD, 11, INK).paragraph(f.title);
  pen.use(REGULAR, 8.5, MUTED).paragraph(f.description);
  pen.gap(4);
  bars(pen, f);
  drawRow(pen, [f.rowHeading, ...f.columns.map((c) => c.label)], widths, { size, font: BOLD, fill: PANEL });
  for (const r of f.rows) {
    const label = r.highlight ? `${r.label} (${r.highlight})` : r.label;
    drawRow(pen, [label, ...f.columns.map((c, i) => formatCell(r.values[i], c.unit))], widths, { size, font: REGULAR });
  }
  if (f.total) {
    drawRow(pen, [f.total.label, ...f.columns.map((c, i) => formatCell(f.total!.values[i], c.unit))], widths, {
      size,
      font: BOLD,
    });
  }
  pen.gap(12);
}

export async function reportPdf(input: ReportPdfInput): Promise<Buffer> {
  const doc = openDocument({
    title: printable(`${input.title}: ${input.schoolName}`),
    author: printable(input.schoolName),
    date: input.date,
    layout: L,
    bufferPages: true,
  });
  const pen = new Pen(doc, L, { size: 10, lineGap: 2 });
  const running = printable(`${input.schoolName} · ${input.title} · ${input.scopeLabel}`);
  doc.on('pageAdded', () => {
    runningHeader(pen, [{ text: running, font: REGULAR, size: 8.5, color: MUTED, above: 28 }], 14);
  });
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 18, ACCENT).paragraph(input.title);
    pen.use(BOLD, 12, INK).paragraph(input.schoolName);
    pen
      .use(REGULAR, 10, MUTED)
      .paragraph(
        `${input.scopeLabel}. ${input.groupLabel ? `Pupils: ${input.groupLabel}. ` : ''}Printed ${longDate(input.date)}.`,
      );
    pen
      .use(REGULAR, 9.5, MUTED)
      .paragraph(
        'Counts only. A count from 1 to 4 is shown as “fewer than 5”, and where it could be worked out from a total a second figure is hidden too. No pupil is named.',
      );
    pen.gap(12);
    for (const section of REPORT_SECTIONS) {
      const figures = input.figures.filter((f) => f.section === section);
      if (figures.length === 0) continue;
      pen.ensure(120);
      pen.use(BOLD, 14, ACCENT).paragraph(REPORT_SECTION_LABELS[section]);
      pen.gap(6);
      for (const f of figures) drawFigure(pen, f);
    }
    numberPages(pen, `${input.schoolName} · ${input.title}`, 8.5, 22);
  });
}
