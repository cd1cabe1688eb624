/**
 * Requests and answers of interventions, waiting lists and sessions. Questionnaires and scores are
 * in questionnaires.schemas.ts.
 */
import { z } from 'zod';
import { LEVEL_CODES } from '../levels/levels.values';
import { scoreChangeSchema } from './questionnaires.schemas';
import {
  ATTENDANCE,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUSES,
  MAX_PLACES,
  MAX_SESSIONS,
  PLACE_STATUSES,
  QUESTIONNAIRE_STATUSES,
  REQUEST_SOURCES,
  SESSION_DAYS,
} from './interventions.values';

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
const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label} as a number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${min} or more`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} or fewer`);
const submissionKey = z.string().min(8).max(64);

/** Adding or changing an intervention in the catalogue. */
export const interventionInputSchema = z.strictObject({
  name: needed('the name of the intervention', 120),
  description: optional(2_000),
  format: z.enum(INTERVENTION_FORMATS, { error: 'Choose group or one-to-one' }),
  places: whole('the number of places', 1, MAX_PLACES),
  sessionCount: whole('the number of sessions', 1, MAX_SESSIONS),
  sessionMinutes: whole('the length of a session in minutes', 5, 240),
  sessionDay: z.enum(SESSION_DAYS, { error: 'Choose the day sessions are held' }),
  suitsLevels: z
    .array(z.enum(LEVEL_CODES))
    .min(1, 'Choose at least one level it suits')
    .max(LEVEL_CODES.length)
    .transform((l) => [...new Set(l)].sort()),
  /** A built-in measure's key or "custom:<id>"; null for none. */
  measureKey: z.string().min(1).max(80).nullable(),
  staffUserIds: z.array(z.uuid()).min(1, 'Choose at least one member of staff who runs it').max(20),
  status: z.enum(INTERVENTION_STATUSES).default('running'),
});
export type InterventionInput = z.infer<typeof interventionInputSchema>;

export const changeInterventionSchema = interventionInputSchema.extend({
  /** The version the editor started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});
export type ChangeInterventionBody = z.infer<typeof changeInterventionSchema>;

export const interventionParams = z.object({ schoolId: z.uuid(), interventionId: z.uuid() });
export const placeParams = z.object({ schoolId: z.uuid(), interventionId: z.uuid(), placeId: z.uuid() });

const staffMember = z.object({ id: z.string(), name: z.string() });

export const interventionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  format: z.enum(INTERVENTION_FORMATS),
  places: z.number(),
  sessionCount: z.number(),
  sessionMinutes: z.number(),
  sessionDay: z.enum(SESSION_DAYS),
  suitsLevels: z.array(z.enum(LEVEL_CODES)),
  measureKey: z.string().nullable(),
  measureName: z.string().nullable(),
  status: z.enum(INTERVENTION_STATUSES),
  version: z.number(),
  staff: z.array(staffMember),
  inCount: z.number(),
  waitingCount: z.number(),
  /** Whether the reader runs it. */
  mine: z.boolean(),
  /** Whether the reader may open it (case roles and its own staff). */
  canOpen: z.boolean(),
});
export type InterventionSummary = z.infer<typeof interventionSummarySchema>;

export const interventionListSchema = z.object({
  interventions: z.array(interventionSummarySchema),
  canManage: z.boolean(),
  /** For the lead's editor: staff of the school who may be named as running an intervention. */
  staffChoices: z.array(staffMember),
  /** For the editor's measure question: the measures the school may choose, with their licences. */
  measureChoices: z.array(
    z.object({ key: z.string(), name: z.string(), licenceName: z.string(), licenceNote: z.string() }),
  ),
});
export type InterventionList = z.infer<typeof interventionListSchema>;

const pupilBrief = z.object({
  pupilId: z.string(),
  name: z.string(),
  yearGroup: z.number().nullable(),
  form: z.string().nullable(),
  level: z.enum(LEVEL_CODES).nullable(),
});

const questionnaireBrief = z.object({
  id: z.string(),
  status: z.enum(QUESTIONNAIRE_STATUSES),
});

export const placeInSchema = pupilBrief.extend({
  placeId: z.string(),
  startedOn: z.string().nullable(),
  sessionsAttended: z.number(),
  sessionsMissed: z.number(),
  sessionsLeft: z.number(),
  parentsToldAt: z.string().nullable(),
  baseline: questionnaireBrief.nullable(),
  followUp: questionnaireBrief.nullable(),
});

export const waitingEntrySchema = pupilBrief.extend({
  placeId: z.string(),
  position: z.number(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  source: z.enum(REQUEST_SOURCES),
  reason: z.string(),
  /** An estimate (see WAITING_ORDER_RULE and expectedStartDates); null while paused or retired. */
  expectedStart: z.string().nullable(),
  movedReason: z.string().nullable(),
});

export const pastPlaceSchema = pupilBrief.extend({
  placeId: z.string(),
  status: z.enum(PLACE_STATUSES),
  startedOn: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  followUp: questionnaireBrief.nullable(),
  /** Before and after, once both are complete: each score's change (see measures/score.ts). */
  changes: z.array(scoreChangeSchema).nullable(),
});

export const sessionSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  cancelled: z.boolean(),
  note: z.string(),
  recordedByName: z.string(),
  attendance: z.array(z.object({ placeId: z.string(), name: z.string(), attendance: z.enum(ATTENDANCE) })),
});

export const interventionDetailSchema = z.object({
  intervention: interventionSummarySchema,
  waitingOrderRule: z.string(),
  inPlaces: z.array(placeInSchema),
  waiting: z.array(waitingEntrySchema),
  past: z.array(pastPlaceSchema),
  sessions: z.array(sessionSchema),
  /** The order the reader saw, sent back with a move so a list changed meanwhile is not reordered blindly. */
  waitingOrder: z.array(z.string()),
  canManage: z.boolean(),
  canRecordSessions: z.boolean(),
  canRequest: z.boolean(),
});
export type InterventionDetail = z.infer<typeof interventionDetailSchema>;

export const requestPlaceSchema = z.strictObject({
  pupilId: z.uuid({ error: 'Choose a pupil' }),
  reason: needed('why the pupil needs a place', 2_000),
  submissionKey,
});
export type RequestPlaceBody = z.infer<typeof requestPlaceSchema>;

export const movePlaceSchema = z.strictObject({
  placeId: z.uuid(),
  toPosition: whole('the new position', 1, 1_000),
  reason: needed('why the pupil is moved', 1_000),
  /** The waiting list's order as the reader saw it (place ids, first first). */
  expectedOrder: z.array(z.uuid()).max(1_000),
});
export type MovePlaceBody = z.infer<typeof movePlaceSchema>;

export const allocatePlaceSchema = z.strictObject({
  placeId: z.uuid(),
  startOn: z.iso.date('Enter the start date as a date'),
  /** Needed when the pupil is not first on the list. */
  reason: optional(1_000),
});
export type AllocatePlaceBody = z.infer<typeof allocatePlaceSchema>;

export const endPlaceSchema = z.strictObject({
  ending: z.enum(['completed', 'left_early'], { error: 'Choose whether the pupil completed or left early' }),
  reason: needed('how the place ended', 1_000),
});
export type EndPlaceBody = z.infer<typeof endPlaceSchema>;

export const withdrawPlaceSchema = z.strictObject({
  reason: needed('why the pupil is taken off the list', 1_000),
});
export type WithdrawPlaceBody = z.infer<typeof withdrawPlaceSchema>;

export const recordSessionSchema = z.strictObject({
  heldOn: z.iso.date('Enter the date of the session'),
  cancelled: z.boolean(),
  note: optional(1_000),
  attendance: z.array(z.strictObject({ placeId: z.uuid(), attendance: z.enum(ATTENDANCE) })).max(60),
  submissionKey,
});
export type RecordSessionBody = z.infer<typeof recordSessionSchema>;

/** A pupil's places, for the pupil record (case roles) with positions and expected starts. */
export const pupilPlacesSchema = z.object({
  places: z.array(
    z.object({
      placeId: z.string(),
      interventionId: z.string(),
      interventionName: z.string(),
      status: z.enum(PLACE_STATUSES),
      position: z.number().nullable(),
      expectedStart: z.string().nullable(),
      requestedAt: z.string(),
      startedOn: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ),
});
export type PupilPlaces = z.infer<typeof pupilPlacesSchema>;

/** The lead's view: one row per intervention and one for the school. */
export const outcomeRowSchema = z.object({
  interventionId: z.string().nullable(),
  name: z.string(),
  servedThisYear: z.number(),
  waitingNow: z.number(),
  medianWaitDays: z.number().nullable(),
  longestWaitDays: z.number().nullable(),
  /** Attended ÷ (attended + did not attend), 0..1; null before any session. */
  attendanceRate: z.number().nullable(),
  /** Pairs with a reliable-change threshold, and how many of them improved reliably. */
  pairs: z.number(),
  reliableImprovement: z.number(),
  improvementShare: z.number().nullable(),
});
export const outcomesReportSchema = z.object({
  since: z.string(),
  rows: z.array(outcomeRowSchema),
  school: outcomeRowSchema,
});
export type OutcomesReport = z.infer<typeof outcomesReportSchema>;
