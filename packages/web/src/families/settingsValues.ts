/**
 * The portal settings form: its answers as typed, the body sent to the server, and the order of
 * its fields for the error summary (a question's boxes are named by their place in the list).
 */
import {
  CHECKIN_FREQUENCIES,
  familySettingsSchema,
  type CheckinFrequency,
  type FamilySettings,
  type FamilySettingsBody,
} from '@tandem/core';
import { z } from 'zod';
import type { FieldError } from '../components/formErrors';
import { isOneOf } from '../components/format';
import { newKey } from '../components/RepeatableRows';

export interface QuestionRow {
  key: string;
  question: string;
  answer: string;
}
export interface LineRow {
  key: string;
  text: string;
}

export interface SettingsValues {
  intro: string;
  questions: QuestionRow[];
  commitments: LineRow[];
  /** One word or phrase a line, as typed. */
  riskWords: string;
  checkinFrequency: CheckinFrequency | '';
  helpLocation: string;
  dayEndsAt: string;
  years: string[];
}

export const questionPath = (i: number, part: 'question' | 'answer') => `partnership.questions.${String(i)}.${part}`;
export const commitmentPath = (i: number) => `partnership.homeCommitments.${String(i)}`;

export function valuesFrom(s: FamilySettings): SettingsValues {
  return {
    intro: s.partnership.intro,
    questions: s.partnership.questions.map((q) => ({ key: newKey('q'), question: q.question, answer: q.answer })),
    commitments: s.partnership.homeCommitments.map((text) => ({ key: newKey('c'), text })),
    riskWords: s.riskWords.join('\n'),
    checkinFrequency: isOneOf(CHECKIN_FREQUENCIES, s.checkinFrequency) ? s.checkinFrequency : '',
    helpLocation: s.helpLocation,
    dayEndsAt: s.dayEndsAt,
    years: s.pupilAccountYears.map(String),
  };
}

export const riskLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function fieldOrder(v: SettingsValues): string[] {
  return [
    'partnership.intro',
    ...v.questions.flatMap((_, i) => [questionPath(i, 'question'), questionPath(i, 'answer')]),
    'partnership.questions',
    ...v.commitments.map((_, i) => commitmentPath(i)),
    'partnership.homeCommitments',
    'riskWords',
    'checkinFrequency',
    'helpLocation',
    'dayEndsAt',
    'pupilAccountYears',
  ];
}

/** The body to send, checked with the server's own schema; and the form's own checks. */
export function settingsBody(
  v: SettingsValues,
  version: number,
): { result: z.ZodSafeParseResult<FamilySettingsBody>; extra: FieldError[] } {
  const lines = riskLines(v.riskWords);
  const extra: FieldError[] = [];
  const long = lines.findIndex((l) => l.length > 80);
  if (long !== -1) {
    extra.push({
      path: 'riskWords',
      message: `Line ${String(long + 1)} is too long: each word or phrase must be 80 characters or fewer`,
    });
  } else if (lines.length === 0) {
    extra.push({ path: 'riskWords', message: 'Keep at least one word or phrase' });
  }
  // Which question or line: the schema's own words do not say.
  v.questions.forEach((q, i) => {
    const n = String(i + 1);
    if (q.question.trim() === '') {
      extra.push({ path: questionPath(i, 'question'), message: `Write question ${n}, or remove it` });
    }
    if (q.answer.trim() === '') {
      extra.push({ path: questionPath(i, 'answer'), message: `Write the answer to question ${n}` });
    }
  });
  v.commitments.forEach((c, i) => {
    if (c.text.trim() === '') {
      extra.push({
        path: commitmentPath(i),
        message: `Write point ${String(i + 1)} of what home can do, or remove it`,
      });
    }
  });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.dayEndsAt.trim())) {
    extra.push({ path: 'dayEndsAt', message: 'Enter when the school day ends as a time like 15:30' });
  }
  const result = familySettingsSchema.safeParse({
    partnership: {
      intro: v.intro,
      questions: v.questions.map((q) => ({ question: q.question, answer: q.answer })),
      homeCommitments: v.commitments.map((c) => c.text),
    },
    riskWords: lines,
    checkinFrequency: v.checkinFrequency === '' ? undefined : v.checkinFrequency,
    helpLocation: v.helpLocation,
    dayEndsAt: v.dayEndsAt.trim(),
    pupilAccountYears: v.years.map(Number),
    version,
  });
  return { result, extra };
}

/** The editor's draft, kept in the tab: the answers, and the version they were made from. */
export const settingsDraftSchema = z.object({
  version: z.number(),
  values: z.object({
    intro: z.string(),
    questions: z.array(z.object({ key: z.string(), question: z.string(), answer: z.string() })),
    commitments: z.array(z.object({ key: z.string(), text: z.string() })),
    riskWords: z.string(),
    checkinFrequency: z.enum([...CHECKIN_FREQUENCIES, '']),
    helpLocation: z.string(),
    dayEndsAt: z.string(),
    years: z.array(z.string()),
  }),
}) satisfies z.ZodType<SettingsDraft>;
export interface SettingsDraft {
  version: number;
  values: SettingsValues;
}
export const settingsDraftKey = (schoolId: string) => `portal-settings:${schoolId}`;
