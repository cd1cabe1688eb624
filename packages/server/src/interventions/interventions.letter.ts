/**
 * The letter home when a pupil starts an intervention (seed 000, level 2: "Letter from school sent
 * with regard to intervention"), in plain words: what, when, how long, and that a short
 * questionnaire is asked before and after. No case detail: the letter may be read by anyone at home.
 */
import { INTERVENTION_FORMAT_LABELS, SESSION_DAY_LABELS, type MeasureDefinition } from '@tandem/core';
import { calendarDay } from '../platform/dates';
import { BOLD, MUTED, openDocument, Pen, REGULAR, pageLayout, toBuffer } from '../platform/pdf-layout';
import type { InterventionRow } from './interventions.queries';

const LAYOUT = pageLayout({ top: 64, bottom: 60, left: 64, right: 64 });

export interface LetterFacts {
  schoolName: string;
  pupilFirstName: string;
  pupilFullName: string;
  intervention: InterventionRow;
  startedOn: string;
  measure: MeasureDefinition | undefined;
  signedBy: string;
  date: Date;
}

/** The paragraphs of the letter, apart from the PDF (so they can be tested as words). */
export function letterParagraphs(f: LetterFacts): string[] {
  const i = f.intervention;
  const format = INTERVENTION_FORMAT_LABELS[i.format].toLowerCase();
  return [
    'Dear parent or carer,',
    `We are writing to let you know that ${f.pupilFirstName} has been offered a place on ${i.name} at school. ` +
      `It is ${format === 'group' ? 'a small group' : 'one-to-one'} support that helps children and young people with how they feel.`,
    `Sessions are on ${SESSION_DAY_LABELS[i.sessionDay]}s, starting on ${calendarDay(f.startedOn)}. ` +
      `There are ${i.sessionCount} sessions, each about ${i.sessionMinutes} minutes long.`,
    ...(f.measure
      ? [
          `Before the sessions start and again when they finish, ${f.pupilFirstName} will be asked to fill in a short questionnaire (${f.measure.shortName}). ` +
            'It helps us see whether the support is making a difference, and we will share what it shows with you.',
        ]
      : []),
    'You can help at home by asking how the sessions are going and by letting school know about anything that changes at home.',
    `If you have any questions, please contact ${f.schoolName} and ask for the Senior Mental Health Lead.`,
    'Yours sincerely,',
    f.signedBy,
  ];
}

export async function letterPdf(f: LetterFacts): Promise<Buffer> {
  const doc = openDocument({
    title: `${f.intervention.name}: letter home`,
    author: f.schoolName,
    date: f.date,
    layout: LAYOUT,
    bufferPages: false,
  });
  const pen = new Pen(doc, LAYOUT, { size: 11.5, lineGap: 3 });
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 14).paragraph(f.schoolName);
    pen.use(REGULAR, 10, MUTED).paragraph(calendarDay(f.date.toISOString().slice(0, 10)));
    pen.gap(18);
    pen.use(BOLD, 12).paragraph(`${f.intervention.name}: ${f.pupilFullName}`);
    pen.gap(12);
    pen.use(REGULAR, 11.5);
    for (const p of letterParagraphs(f)) {
      pen.paragraph(p);
      pen.gap(8);
    }
  });
}
