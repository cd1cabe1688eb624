/**
 * Checking the log-a-concern form as the server will, reading a saved draft, and the schemas of
 * the answers the form receives. These need zod and core's schemas, so the page fetches this
 * module lazily (see ResponseSchema in client.ts) rather than before the form can be shown.
 */
import {
  DISCLOSURE_CONSENT,
  logConcernBody,
  MAX_FILES_PER_CONCERN,
  WARNING_SIGN_CODES,
  type LogConcernBody,
} from '@tandem/core';
import { z } from 'zod';
import { ukWallTimeToIso } from '../components/dates';
import { dateTimeProblem } from '../components/DateInput';
import { isOneOf } from '../components/format';
import type { FieldError } from '../components/formErrors';
import { fileProblem } from './files';
import { noRiskIn, type Values, type YesNo } from './logConcernValues';

export {
  concernFileSchema,
  dslDutyResponse,
  logConcernResponse,
  pupilListResponse,
  pupilProfileResponse,
} from '@tandem/core';

const yesNoSchema = z.enum(['', 'yes', 'no']).catch('');

/** A saved draft, read leniently: anything unexpected falls back to an empty answer. */
export const draftSchema = z.object({
  version: z.literal(1),
  submissionKey: z.uuid(),
  medicalEmergency: yesNoSchema,
  riskOfImmediateHarm: yesNoSchema,
  possibleChildProtection: yesNoSchema,
  pupils: z
    .array(z.object({ id: z.uuid(), name: z.string(), form: z.string(), yearGroup: z.number().int().nullable() }))
    .max(10)
    .catch([]),
  date: z.string().catch(''),
  time: z.string().catch(''),
  location: z.string().catch(''),
  account: z.string().catch(''),
  pupilWords: z.string().catch(''),
  warningSigns: z.array(z.string()).catch([]),
  othersPresent: z.string().catch(''),
  isDisclosure: z.boolean().catch(false),
  toldWho: z.string().catch(''),
  toldWhat: z.string().catch(''),
  toldWhy: z.string().catch(''),
  consent: z.enum(['', ...DISCLOSURE_CONSENT]).catch(''),
  consentNote: z.string().catch(''),
  pupilWillTellParents: z.boolean().catch(false),
});

export const draftResponse = z.object({
  draft: z.record(z.string(), z.unknown()).nullable(),
  savedAt: z.string().nullable(),
});
export const draftSaved = z.object({ savedAt: z.string() });

/** The saved draft, with the form's answers read from it (null when there are none to read). */
export const draftWithValues = draftResponse.transform(({ draft, savedAt }) => {
  const parsed = draftSchema.safeParse(draft);
  return { draft: parsed.success ? (parsed.data satisfies Values) : null, savedAt };
});

/** GOV.UK-style messages for the three questions ("Select yes if…"). */
const QUESTION_MESSAGES: Record<string, string> = {
  medicalEmergency: 'Select yes if this is a medical emergency',
  riskOfImmediateHarm: 'Select yes if there is a risk of immediate harm',
  possibleChildProtection: 'Select yes if this could be a child-protection matter',
};

/**
 * The concern to send, checked as the server will check it, with the problems only the page can
 * see (a date that does not exist, a time in the future, files it will refuse).
 */
export function checkConcern(
  values: Values,
  files: readonly File[],
): { ok: true; body: LogConcernBody } | { ok: false; issues: z.core.$ZodIssue[]; extra: FieldError[] } {
  const noRisk = noRiskIn(values);
  const yesNo = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : undefined);
  const occurredAt = ukWallTimeToIso(values.date, values.time);
  const consentNeedsNote = values.consent === 'refused' || values.consent === 'not_sought';
  const candidate = {
    submissionKey: values.submissionKey,
    pupilIds: values.pupils.map((p) => p.id),
    occurredAt: occurredAt ?? undefined,
    location: values.location,
    account: values.account,
    pupilWords: values.pupilWords.trim() === '' ? undefined : values.pupilWords,
    warningSigns: values.warningSigns.filter((w) => isOneOf(WARNING_SIGN_CODES, w)),
    othersPresent: values.othersPresent,
    riskOfImmediateHarm: yesNo(values.riskOfImmediateHarm),
    possibleChildProtection: yesNo(values.possibleChildProtection),
    medicalEmergency: yesNo(values.medicalEmergency),
    isDisclosure: values.isDisclosure,
    disclosure: values.isDisclosure
      ? {
          toldWho: values.toldWho,
          toldWhat: values.toldWhat,
          toldWhy: values.toldWhy,
          consent: values.consent === '' ? undefined : values.consent,
          consentNote: consentNeedsNote && values.consentNote.trim() !== '' ? values.consentNote : undefined,
        }
      : undefined,
    pupilWillTellParents: noRisk && values.pupilWillTellParents,
  };
  const parsed = logConcernBody.safeParse(candidate);
  const extra: FieldError[] = [];
  const when = dateTimeProblem(values.date, values.time, { date: 'Date it happened', time: 'time it happened' });
  if (when !== null) {
    extra.push({ path: 'occurredAt', message: when });
  } else if (occurredAt !== null && Date.parse(occurredAt) > Date.now() + 5 * 60_000) {
    extra.push({ path: 'occurredAt', message: 'The time it happened cannot be in the future' });
  }
  if (files.length > MAX_FILES_PER_CONCERN) {
    extra.push({ path: 'files', message: `Choose at most ${String(MAX_FILES_PER_CONCERN)} files` });
  }
  const problem = files.map(fileProblem).find((p) => p !== null);
  if (problem !== undefined && problem !== null) extra.push({ path: 'files', message: problem });
  if (!parsed.success || extra.length > 0) {
    const issues = (parsed.success ? [] : parsed.error.issues).map((i) => {
      const message = QUESTION_MESSAGES[String(i.path[0])];
      return message === undefined ? i : { ...i, message };
    });
    // A date problem found here replaces the schema's general one (see useFormErrors).
    return { ok: false, issues, extra };
  }
  return { ok: true, body: parsed.data };
}
