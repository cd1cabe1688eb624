/**
 * The printed chronology: a confidential record of what the reader may see about one pupil, in
 * time order, newest first. Pure layout from entries already filtered by the reader's rights;
 * nothing here reads the database. When the reader is on the DSL team and entries from the
 * restricted safeguarding record are included, every page says so.
 */
import PDFDocument from 'pdfkit';
import type { ChronologyEntry, LevelCode } from '@tandem/core';
import { CONFIDENTIAL_MARK, longDate, printable } from '../levels/sharing.pdf';

export interface ChronologyPdfInput {
  schoolName: string;
  date: Date;
  preparedBy: string;
  pupil: {
    name: string;
    legalName: string;
    dateOfBirth: string;
    upn: string;
    yearGroup: number;
    form: string;
    level: LevelCode | null;
  };
  entries: ChronologyEntry[];
}

export const RESTRICTED_MARK =
  'Contains the restricted safeguarding record: for the DSL team only. Do not copy or pass on.';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 54, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const DATE_COLUMN = 92;
const TEXT_X = MARGIN.left + DATE_COLUMN;
const TEXT_WIDTH = CONTENT_WIDTH - DATE_COLUMN;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1b1f24';
const MUTED = '#4d5761';
const ACCENT = '#1d4f73';
const ALERT = '#8a1c1c';
const RULE = '#c5ced8';

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const DOB = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function yearLabel(year: number): string {
  if (year === -1) return 'Nursery';
  if (year === 0) return 'Reception';
  return `Year ${year}`;
}

export function renderChronology(input: ChronologyPdfInput): Promise<Buffer> {
  const includesRestricted = input.entries.some((e) => e.restricted === true);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: printable(`Chronology: ${input.pupil.name}`),
      Author: printable(input.schoolName),
      Creator: 'Tandem',
      CreationDate: input.date,
    },
  });

  // The running header may be drawn mid-paragraph (a long account running over the page), so the
  // paragraph's style is remembered and put back afterwards.
  let style = { font: REGULAR, size: 10, color: INK };
  const use = (font: string, size: number, color = INK) => {
    style = { font, size, color };
    return doc.font(font).fontSize(size).fillColor(color);
  };

  doc.on('pageAdded', () => {
    doc.font(BOLD).fontSize(8.5).fillColor(INK);
    doc.text(CONFIDENTIAL_MARK, MARGIN.left, MARGIN.top - 40, { width: CONTENT_WIDTH, lineBreak: false });
    if (includesRestricted) {
      doc.fillColor(ALERT).text(RESTRICTED_MARK, MARGIN.left, MARGIN.top - 28, {
        width: CONTENT_WIDTH,
        lineBreak: false,
      });
    }
    doc
      .moveTo(MARGIN.left, MARGIN.top - 14)
      .lineTo(PAGE.width - MARGIN.right, MARGIN.top - 14)
      .lineWidth(0.75)
      .strokeColor(RULE)
      .stroke();
    doc.y = MARGIN.top;
    doc.font(style.font).fontSize(style.size).fillColor(style.color);
  });

  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });

  doc.addPage();
  use(BOLD, 18, ACCENT).text(printable(`Chronology: ${input.pupil.name}`), MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
  });
  doc.moveDown(0.3);
  const p = input.pupil;
  const facts = [
    p.legalName !== p.name ? `Legal name ${p.legalName}` : null,
    `Born ${DOB.format(new Date(`${p.dateOfBirth}T00:00:00Z`))}`,
    `${yearLabel(p.yearGroup)}${p.form ? `, form ${p.form}` : ''}`,
    `UPN ${p.upn}`,
    `Level ${p.level ?? 'Thriving'}`,
  ].filter((f): f is string => f !== null);
  use(REGULAR, 10.5, INK).text(printable(facts.join(' · ')), { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  doc
    .fillColor(MUTED)
    .text(printable(`${input.schoolName} · printed by ${input.preparedBy} on ${longDate(input.date)}`), {
      width: CONTENT_WIDTH,
    });
  doc.moveDown(0.4);
  doc
    .fontSize(9.5)
    .text(
      'Newest first. This record shows only what the person who printed it may see, and is correct at the time of printing. Store it securely and destroy it when no longer needed.',
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(0.8);
  use(BOLD, 10, INK).text(`${input.entries.length} entries`, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);

  for (const e of input.entries) {
    const at = new Date(e.at);
    const flags = [
      e.restricted ? 'Safeguarding record' : null,
      e.urgent && e.kind === 'concern_logged' ? 'Urgent' : null,
    ]
      .filter((f): f is string => f !== null)
      .join(' · ');
    const title = printable(e.title);
    const by = e.byName ? printable(`By ${e.byName}`) : null;
    const detail = e.detail ? printable(e.detail) : null;
    doc.font(BOLD).fontSize(10.5);
    let height = doc.heightOfString(title, { width: TEXT_WIDTH });
    doc.font(REGULAR).fontSize(9.5);
    if (flags) height += doc.heightOfString(flags, { width: TEXT_WIDTH }) + 2;
    if (by) height += doc.heightOfString(by, { width: TEXT_WIDTH }) + 2;
    const detailHeight = detail ? doc.heightOfString(detail, { width: TEXT_WIDTH, lineGap: 1.5 }) + 4 : 0;
    // Keep an entry's heading with its first lines; a long account runs on over the page.
    if (doc.y + height + Math.min(detailHeight, 40) > BOTTOM) doc.addPage();
    const top = doc.y;
    use(BOLD, 9.5, INK).text(DAY.format(at), MARGIN.left, top, { width: DATE_COLUMN - 8 });
    use(REGULAR, 9.5, MUTED).text(TIME.format(at), { width: DATE_COLUMN - 8 });
    doc.y = top;
    if (flags) {
      use(BOLD, 8.5, ALERT).text(flags.toUpperCase(), TEXT_X, doc.y, { width: TEXT_WIDTH });
      doc.moveDown(0.1);
    }
    use(BOLD, 10.5, INK).text(title, TEXT_X, doc.y, { width: TEXT_WIDTH });
    if (by) {
      doc.moveDown(0.1);
      use(REGULAR, 9.5, MUTED).text(by, TEXT_X, doc.y, { width: TEXT_WIDTH });
    }
    if (detail) {
      doc.moveDown(0.2);
      use(REGULAR, 10, INK).text(detail, TEXT_X, doc.y, { width: TEXT_WIDTH, lineGap: 1.5 });
    }
    doc.moveDown(0.5);
    if (doc.y + 6 < BOTTOM) {
      doc
        .moveTo(MARGIN.left, doc.y)
        .lineTo(PAGE.width - MARGIN.right, doc.y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.y += 8;
    }
    doc.x = MARGIN.left;
  }

  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    use(REGULAR, 8.5, MUTED).text(
      printable(`${input.pupil.name} · chronology · ${longDate(input.date)} · Page ${i + 1} of ${count}`),
      MARGIN.left,
      PAGE.height - MARGIN.bottom + 22,
      { width: CONTENT_WIDTH, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return ended;
}
