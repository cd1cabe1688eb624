/** Requests and answers of reduced timetables, education elsewhere and safeguarding visits. */
import { z } from 'zod';
import { AGREEMENT_HOW } from '../plans/plans.values';
import { PROVISION_KINDS, SCHOOL_DAYS, TIMETABLE_ENDINGS, TIMETABLE_STATUSES, VISIT_KINDS } from './provision.values';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');
const day = (error: string) => z.iso.date({ error });
const revision = z.number().int().positive();

/** What the SMHL or DSL writes about a reduced timetable (new or changed). */
export const timetableFields = {
  reason: needed('why the pupil needs a reduced timetable', 2_000),
  hours: needed('the hours or sessions the pupil is in school', 300),
  sessionsPerWeek: z
    .number({ error: 'Enter the sessions a week in school, from 0 to 9' })
    .int('Enter a whole number of sessions')
    .min(0, 'Enter the sessions a week in school, from 0 to 9')
    .max(9, 'A full week is 10 sessions: a reduced timetable has 9 or fewer'),
  startOn: day('Enter the date the reduced timetable starts'),
  endOn: day('Enter the date the reduced timetable ends: every reduced timetable has an end date'),
  /** Why it must run more than six weeks (required then). */
  longerReason: optional(1_000),
  returnPlan: needed('the plan to return to a full timetable', 2_000),
  parentsAgreedBy: needed('who agreed for the parents or carers: a reduced timetable needs their agreement', 120),
  parentsAgreedOn: day('Enter the date the parents or carers agreed'),
  parentsAgreedHow: z.enum(AGREEMENT_HOW, { error: 'Choose how the parents or carers agreed' }),
  laToldOn: day('Enter the date the local authority was told').nullable().default(null),
  laToldBy: optional(120),
  /** Reviews not yet held, in any order (at least one). */
  reviewDates: z.array(day('Enter each review date as a date')).max(20, 'Add 20 review dates or fewer').default([]),
};

export const recordTimetableBody = z.strictObject(timetableFields);
export type RecordTimetableBody = z.infer<typeof recordTimetableBody>;
export type TimetableInput = Omit<RecordTimetableBody, 'reviewDates'> & { reviewDates: readonly string[] };

export const changeTimetableBody = z.strictObject({ ...timetableFields, revision });
export type ChangeTimetableBody = z.infer<typeof changeTimetableBody>;

export const timetableReviewBody = z.strictObject({
  revision,
  heldOn: day('Enter the date the review was held'),
  outcome: needed('what the review decided', 2_000),
  /** The next review, when the timetable carries on. */
  nextReviewOn: day('Enter the next review date').nullable().default(null),
});
export type TimetableReviewBody = z.infer<typeof timetableReviewBody>;

export const extendTimetableBody = z.strictObject({
  revision,
  endOn: day('Enter the new end date'),
  longerReason: optional(1_000),
});
export type ExtendTimetableBody = z.infer<typeof extendTimetableBody>;

export const endTimetableBody = z.strictObject({
  revision,
  endedOn: day('Enter the date the reduced timetable ended'),
  ending: z.enum(TIMETABLE_ENDINGS, { error: 'Choose how the reduced timetable ended' }),
  endingNote: optional(2_000),
});
export type EndTimetableBody = z.infer<typeof endTimetableBody>;

const provisionFields = {
  kind: z.enum(PROVISION_KINDS, { error: 'Choose where the pupil is taught' }),
  provider: needed('the provider’s name', 200),
  days: z.array(z.enum(SCHOOL_DAYS)).min(1, 'Choose at least one day'),
  contactName: needed('the contact there', 120),
  contactPhone: optional(40),
  contactEmail: optional(200),
  attendanceReporting: needed('how attendance there is reported back to school', 1_000),
  schoolContact: needed('how the school keeps in touch with the pupil', 1_000),
  startOn: day('Enter the date it starts'),
  endOn: day('Enter the date it ends').nullable().default(null),
};
export const recordProvisionBody = z.strictObject(provisionFields);
export type RecordProvisionBody = z.infer<typeof recordProvisionBody>;
export const changeProvisionBody = z.strictObject({ ...provisionFields, revision });
export type ChangeProvisionBody = z.infer<typeof changeProvisionBody>;
export const endProvisionBody = z.strictObject({ revision, endOn: day('Enter the date it ended') });
export type EndProvisionBody = z.infer<typeof endProvisionBody>;

export const scheduleVisitsBody = z.strictObject({
  everyDays: z
    .number({ error: 'Choose how often' })
    .int('Choose how often')
    .min(1, 'Choose how often')
    .max(90, 'Choose at most every 90 days'),
  startOn: day('Enter the date the visits or calls start'),
});
export type ScheduleVisitsBody = z.infer<typeof scheduleVisitsBody>;

export const recordVisitBody = z.strictObject({
  kind: z.enum(VISIT_KINDS, { error: 'Choose a visit or call' }),
  at: z.iso.datetime({ offset: true, error: 'Enter when it happened' }),
  seen: z.boolean({ error: 'Say whether the pupil was seen or spoken to' }),
  howSeemed: needed('how the pupil seemed', 2_000),
});
export type RecordVisitBody = z.infer<typeof recordVisitBody>;

export const timetableReviewSchema = z.object({
  id: z.uuid(),
  dueOn: z.string(),
  heldOn: z.string().nullable(),
  outcome: z.string().nullable(),
  heldByName: z.string().nullable(),
});

export const timetableSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  hours: z.string(),
  sessionsPerWeek: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  longerReason: z.string().nullable(),
  returnPlan: z.string(),
  parentsAgreedBy: z.string(),
  parentsAgreedOn: z.string(),
  parentsAgreedHow: z.enum(AGREEMENT_HOW),
  laToldOn: z.string().nullable(),
  laToldBy: z.string().nullable(),
  leadName: z.string(),
  status: z.enum(TIMETABLE_STATUSES),
  endedOn: z.string().nullable(),
  ending: z.enum(TIMETABLE_ENDINGS).nullable(),
  endingNote: z.string().nullable(),
  revision: z.number().int(),
  weeksSoFar: z.number().int(),
  pastEnd: z.boolean(),
  nextReviewOn: z.string().nullable(),
  reviews: z.array(timetableReviewSchema),
});
export type TimetableView = z.infer<typeof timetableSchema>;

export const provisionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PROVISION_KINDS),
  provider: z.string(),
  days: z.array(z.enum(SCHOOL_DAYS)),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  attendanceReporting: z.string(),
  schoolContact: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  current: z.boolean(),
  revision: z.number().int(),
});
export type ProvisionView = z.infer<typeof provisionSchema>;

export const visitScheduleSchema = z.object({
  id: z.uuid(),
  everyDays: z.number().int(),
  startOn: z.string(),
  leadName: z.string(),
  nextDueOn: z.string(),
  overdue: z.boolean(),
});
export type VisitScheduleView = z.infer<typeof visitScheduleSchema>;

export const visitSchema = z.object({
  id: z.uuid(),
  kind: z.enum(VISIT_KINDS),
  at: z.string(),
  byName: z.string(),
  seen: z.boolean(),
  howSeemed: z.string(),
});
export type VisitView = z.infer<typeof visitSchema>;

/** A pupil's timetables, education elsewhere and visits (case roles). */
export const pupilProvisionResponse = z.object({
  pupilId: z.uuid(),
  pupilName: z.string(),
  today: z.string(),
  canManage: z.boolean(),
  active: timetableSchema.nullable(),
  past: z.array(timetableSchema),
  provisions: z.array(provisionSchema),
  schedule: visitScheduleSchema.nullable(),
  visits: z.array(visitSchema),
});
export type PupilProvisionResponse = z.infer<typeof pupilProvisionResponse>;

/** One pupil on the school's list: on a reduced timetable, taught elsewhere, or both (one row each). */
export const provisionListRowSchema = z.object({
  pupilId: z.uuid(),
  name: z.string(),
  yearGroup: z.number().int(),
  form: z.string(),
  what: z.enum(['timetable', 'provision']),
  /** The timetable's hours, or where they are taught. */
  detail: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  weeksSoFar: z.number().int(),
  pastEnd: z.boolean(),
  nextReviewOn: z.string().nullable(),
});
export type ProvisionListRow = z.infer<typeof provisionListRowSchema>;

export const provisionListResponse = z.object({
  today: z.string(),
  rows: z.array(provisionListRowSchema),
  counts: z.object({ timetables: z.number().int(), pastEnd: z.number().int(), elsewhere: z.number().int() }),
});
export type ProvisionListResponse = z.infer<typeof provisionListResponse>;

export const provisionChangedResponse = z.object({ id: z.uuid(), revision: z.number().int() });
