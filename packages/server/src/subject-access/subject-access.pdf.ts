/**
 * The subject access bundle as printed for the requester: the request, the pupil, every item
 * decided to disclose (redacted items as redacted), and how many were withheld under each
 * exemption. Pure layout from the export already decided; nothing here reads the database.
 */
import { EXEMPTION_CATEGORY_LABELS, REQUESTER_KIND_LABELS, type SubjectAccessExport } from '@tandem/core';
import {
  ACCENT,
  BOLD,
  INK,
  MUTED,
  numberPages,
  openDocument,
  Pen,
  printable,
  RECORD_LAYOUT,
  REGULAR,
  runningHeader,
  toBuffer,
} from '../platform/pdf-layout';
import { calendarDay, longDate, shortDate } from '../platform/dates';

const MARK = 'Personal data: a response to a subject access request. Keep it safe.';

export function renderBundle(input: { data: SubjectAccessExport; preparedBy: string; date: Date }): Promise<Buffer> {
  const { data } = input;
  const doc = openDocument({
    title: printable(`Subject access request: ${data.pupil.name}`),
    author: printable(data.school),
    date: input.date,
    layout: RECORD_LAYOUT,
    bufferPages: true,
  });
  const pen = new Pen(doc, RECORD_LAYOUT, { size: 10 });
  doc.on('pageAdded', () => {
    runningHeader(pen, [{ text: MARK, font: BOLD, size: 8.5, color: INK, above: 40 }], 14);
  });
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 18, ACCENT).paragraph(`Information held about ${data.pupil.name}`);
    pen.gap(6);
    pen.use(REGULAR, 10.5, INK);
    pen.paragraph(`${data.school}. Born ${calendarDay(data.pupil.dateOfBirth)}.`);
    pen.paragraph(
      `Requested by ${data.request.requesterName} (${REQUESTER_KIND_LABELS[data.request.requesterKind].toLowerCase()}), received ${calendarDay(data.request.receivedOn)}.`,
    );
    pen.use(REGULAR, 9.5, MUTED).paragraph(`Prepared by ${input.preparedBy} on ${longDate(input.date)}.`);
    pen.gap(10);
    pen
      .use(REGULAR, 10, INK)
      .paragraph(
        `${String(data.items.length)} ${data.items.length === 1 ? 'item is' : 'items are'} disclosed below${
          data.items.some((i) => i.redacted) ? '; where an item shows "[redacted]", information has been removed' : ''
        }.`,
      );
    pen.gap(8);
    for (const item of data.items) {
      const heading = `${shortDate(new Date(item.at))}  ${item.title}${item.redacted ? ' (redacted)' : ''}`;
      pen.ensure(pen.height(heading) + Math.min(pen.height(item.text), 40) + 12);
      pen.rule();
      pen.gap(5);
      pen.use(BOLD, 10.5, INK).paragraph(heading);
      pen.gap(2);
      pen.use(REGULAR, 10, INK).paragraph(item.text === '' ? '(No further text held.)' : item.text);
      pen.gap(8);
    }
    pen.gap(6);
    pen.ensure(80);
    pen.use(BOLD, 12, ACCENT).paragraph('Information not disclosed');
    pen.gap(4);
    if (data.withheld.count === 0) {
      pen.use(REGULAR, 10, INK).paragraph('Nothing held about the pupil has been withheld.');
    } else {
      pen
        .use(REGULAR, 10, INK)
        .paragraph(
          `${String(data.withheld.count)} ${data.withheld.count === 1 ? 'item was' : 'items were'} withheld under an exemption in the Data Protection Act 2018:`,
        );
      for (const c of data.withheld.byCategory) {
        pen.paragraph(`• ${EXEMPTION_CATEGORY_LABELS[c.category]}: ${String(c.count)}`);
      }
    }
    pen.gap(8);
    pen
      .use(REGULAR, 9.5, MUTED)
      .paragraph(
        'If you are unhappy with this response you may ask the school to review it, or complain to the Information Commissioner’s Office (ico.org.uk).',
      );
    numberPages(pen, printable(`Subject access: ${data.pupil.name}`), 8, 24);
  });
}
