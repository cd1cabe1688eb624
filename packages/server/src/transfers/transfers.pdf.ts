/**
 * A leaver's file as PDF, for a next school without Tandem: the school, the pupil, each item in
 * full, and a receipt slip for the next school to sign and return. Laid out with platform/pdf-layout.
 */
import { TRANSFER_FILE_LABELS, type PupilRecordItem, type TransferFile } from '@tandem/core';
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
  RECORD_LAYOUT,
  REGULAR,
  runningHeader,
  toBuffer,
} from '../platform/pdf-layout';

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const showDay = (d: string) => DAY.format(new Date(`${d.slice(0, 10)}T12:00:00Z`));

export async function transferPdf(o: {
  file: TransferFile;
  school: { name: string; urn: string | null };
  to: string | null;
  pupil: { name: string; upn: string; dateOfBirth: string };
  leftOn: string;
  items: readonly PupilRecordItem[];
  printedAt: Date;
  printedBy: string;
}): Promise<Buffer> {
  const title = `${TRANSFER_FILE_LABELS[o.file]}: ${o.pupil.name}`;
  const doc = openDocument({
    title,
    author: o.school.name,
    date: o.printedAt,
    layout: RECORD_LAYOUT,
    bufferPages: true,
  });
  const pen = new Pen(doc, RECORD_LAYOUT, { size: 10.5 });
  const header = () =>
    runningHeader(
      pen,
      [
        { text: CONFIDENTIAL_MARK, font: BOLD, size: 8.5, color: ALERT, above: 36 },
        { text: title, font: REGULAR, size: 8.5, color: MUTED, above: 24 },
      ],
      12,
    );
  doc.on('pageAdded', header);
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 18, ACCENT).paragraph(TRANSFER_FILE_LABELS[o.file]);
    pen.gap(6);
    pen.use(REGULAR, 10.5, INK);
    pen.paragraph(`Pupil: ${o.pupil.name} (UPN ${o.pupil.upn}), born ${showDay(o.pupil.dateOfBirth)}`);
    pen.paragraph(`From: ${o.school.name}${o.school.urn ? ` (URN ${o.school.urn})` : ''}`);
    pen.paragraph(`To: ${o.to ?? 'the next school'}`);
    pen.paragraph(`Left on ${showDay(o.leftOn)}. Printed ${showDay(o.printedAt.toISOString())} by ${o.printedBy}.`);
    if (o.file === 'child-protection') {
      pen.gap(6);
      pen
        .use(BOLD, 10.5, ALERT)
        .paragraph(
          'For the designated safeguarding lead of the receiving school only. Send separately from the main pupil file, by secure means, and ask for confirmation of receipt.',
        );
    }
    pen.gap(10);
    pen.rule();
    pen.gap(8);
    if (o.items.length === 0) pen.use(REGULAR, 10.5, INK).paragraph('Nothing is held in this file.');
    for (const item of o.items) {
      pen.ensure(60);
      pen.use(BOLD, 11, INK).paragraph(item.title);
      pen.use(REGULAR, 9, MUTED).paragraph(showDay(item.at));
      pen.use(REGULAR, 10.5, INK).paragraph(item.body);
      pen.gap(10);
    }
    pen.ensure(200);
    pen.gap(10);
    pen.rule();
    pen.gap(8);
    pen.use(BOLD, 12, ACCENT).paragraph('Confirmation of receipt');
    pen
      .use(REGULAR, 10.5, INK)
      .paragraph(
        `Please sign and return to ${o.school.name}: we received the ${TRANSFER_FILE_LABELS[o.file].toLowerCase()} for ${o.pupil.name} (UPN ${o.pupil.upn}).`,
      );
    pen.gap(14);
    for (const line of ['Name', 'Role', 'School', 'Date', 'Signature']) {
      pen.paragraph(`${line}: ______________________________________________`);
      pen.gap(8);
    }
    numberPages(pen, title, 8, 18);
  });
}
