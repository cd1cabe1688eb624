/**
 * A referral as a letter for services that take paper or e-mail: who the pupil is, each written part
 * in the service's order, consent, and who made it. Confidential: it carries case text.
 */
import {
  REFERRAL_CONSENT_LABELS,
  REFERRAL_PART_LABELS,
  REFERRAL_PARTS,
  REFERRAL_SERVICE_LABELS,
  REQUIRED_PARTS,
} from '@tandem/core';
import { calendarDay, isoDay } from '../platform/dates';
import {
  BOLD,
  CONFIDENTIAL_MARK,
  MUTED,
  openDocument,
  Pen,
  REGULAR,
  RECORD_LAYOUT,
  toBuffer,
} from '../platform/pdf-layout';
import type { ReferralRow } from './referrals.queries';

export interface ReferralLetterFacts {
  referral: ReferralRow;
  schoolName: string;
  pupil: { name: string; dateOfBirth: string; yearGroup: number; upn: string };
  madeByName: string;
  serviceName: string | null;
  date: Date;
}

export async function referralPdf(f: ReferralLetterFacts): Promise<Buffer> {
  const r = f.referral;
  const to = f.serviceName ?? REFERRAL_SERVICE_LABELS[r.service];
  const doc = openDocument({
    title: `Referral to ${to}`,
    author: f.schoolName,
    date: f.date,
    layout: RECORD_LAYOUT,
    bufferPages: false,
  });
  const pen = new Pen(doc, RECORD_LAYOUT, { size: 10.5, lineGap: 2 });
  const order = [...REQUIRED_PARTS[r.service], ...REFERRAL_PARTS.filter((p) => !REQUIRED_PARTS[r.service].includes(p))];
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 9).paragraph(CONFIDENTIAL_MARK);
    pen.gap(10);
    pen.use(BOLD, 16).paragraph(`Referral to ${to}`);
    pen.use(REGULAR, 10, MUTED).paragraph(`From ${f.schoolName}, ${calendarDay(isoDay(f.date))}`);
    pen.gap(12);
    pen.use(BOLD, 11).paragraph('The pupil');
    pen
      .use(REGULAR, 10.5)
      .paragraph(
        `${f.pupil.name}. Date of birth ${calendarDay(f.pupil.dateOfBirth)}. Year ${f.pupil.yearGroup}. UPN ${f.pupil.upn}.`,
      );
    for (const part of order) {
      if (part === 'consent') continue;
      const text = r.parts[part];
      if (!text) continue;
      pen.gap(10);
      pen.ensure(40);
      pen.use(BOLD, 11).paragraph(REFERRAL_PART_LABELS[part].label);
      pen.use(REGULAR, 10.5).paragraph(text);
    }
    pen.gap(10);
    pen.use(BOLD, 11).paragraph('Parental consent');
    pen
      .use(REGULAR, 10.5)
      .paragraph(
        [r.consent ? REFERRAL_CONSENT_LABELS[r.consent] : 'Not recorded', r.consentNote].filter(Boolean).join('. '),
      );
    pen.gap(10);
    pen.use(BOLD, 11).paragraph('Referred by');
    pen
      .use(REGULAR, 10.5)
      .paragraph(`${f.madeByName}, ${f.schoolName}${r.sentOn ? `. Sent ${calendarDay(r.sentOn)}` : ''}.`);
  });
}
