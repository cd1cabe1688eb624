/**
 * The printed chronology: a confidential record of what the reader may see about one pupil, in
 * time order, newest or oldest first as the reader chose. Pure layout from entries already filtered by the reader's rights;
 * nothing here reads the database. When the reader is on the DSL team and entries from the
 * restricted safeguarding record are included, every page says so.
 */
import type { ChronologyEntry, LevelCode } from '@tandem/core';
import {
  ACCENT,
  ALERT,
  BOLD,
  CONFIDENTIAL_MARK,
  INK,
  MUTED,
  numberPages,
  openDocument,
  Pen,
  printable,
  RECORD_LAYOUT,
  REGULAR,
  ruleAcross,
  runningHeader,
  toBuffer,
  type HeaderLine,
} from '../pdf-layout';
import { longCalendarDate, longDate, shortDate, yearLabel } from '../dates';

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
  /** The order the entries are already in, said on the first page. */
  order: 'oldest' | 'newest';
}

export const RESTRICTED_MARK =
  'Contains the restricted safeguarding record: for the DSL team only. Do not copy or pass on.';

const { margin: MARGIN, contentWidth: CONTENT_WIDTH, bottom: BOTTOM } = RECORD_LAYOUT;
const DATE_COLUMN = 92;
const TEXT_X = MARGIN.left + DATE_COLUMN;
const TEXT_WIDTH = CONTENT_WIDTH - DATE_COLUMN;

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export function renderChronology(input: ChronologyPdfInput): Promise<Buffer> {
  const includesRestricted = input.entries.some((e) => e.restricted === true);
  const doc = openDocument({
    title: printable(`Chronology: ${input.pupil.name}`),
    author: printable(input.schoolName),
    date: input.date,
    layout: RECORD_LAYOUT,
    bufferPages: true,
  });
  // The running header may be drawn mid-paragraph (a long account running over the page), so the
  // paragraph's style is remembered and put back afterwards.
  const pen = new Pen(doc, RECORD_LAYOUT, { size: 10 });
  const header: HeaderLine[] = [{ text: CONFIDENTIAL_MARK, font: BOLD, size: 8.5, color: INK, above: 40 }];
  if (includesRestricted) header.push({ text: RESTRICTED_MARK, font: BOLD, size: 8.5, color: ALERT, above: 28 });
  doc.on('pageAdded', () => {
    runningHeader(pen, header, 14);
  });

  return toBuffer(doc, () => {
    drawChronology(pen, input);
  });
}

function drawChronology(pen: Pen, input: ChronologyPdfInput): void {
  const doc = pen.doc;
  const use = (font: string, size: number, color = INK) => pen.use(font, size, color).doc;
  doc.addPage();
  use(BOLD, 18, ACCENT).text(printable(`Chronology: ${input.pupil.name}`), MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
  });
  doc.moveDown(0.3);
  const p = input.pupil;
  const facts = [
    p.legalName !== p.name ? `Legal name ${p.legalName}` : null,
    `Born ${longCalendarDate(new Date(`${p.dateOfBirth}T00:00:00Z`))}`,
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
      `${input.order === 'oldest' ? 'Oldest first' : 'Newest first'}. This record shows only what the person who printed it may see, and is correct at the time of printing. Store it securely and destroy it when no longer needed.`,
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
    use(BOLD, 9.5, INK).text(shortDate(at), MARGIN.left, top, { width: DATE_COLUMN - 8 });
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
      ruleAcross(doc, RECORD_LAYOUT, doc.y, 0.5);
      doc.y += 8;
    }
    doc.x = MARGIN.left;
  }

  numberPages(pen, `${input.pupil.name} · chronology · ${longDate(input.date)}`, 8.5, 22);
}
