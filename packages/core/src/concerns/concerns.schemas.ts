import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { concernActions, concernAddenda, concernCorrections, concerns } from './concerns.tables';
import {
  CONCERN_ACTION_FATES,
  CONCERN_CATEGORIES,
  CONCERN_OUTCOMES,
  CONCERN_QUEUE_FILTERS,
  CONCERN_QUEUES,
  CONCERN_ROUTES,
  DISCLOSURE_CONSENT,
  PARENTS_TOLD_HOW,
} from './concerns.values';
import { concernFiles } from './files.tables';
import { WARNING_SIGN_CODES } from './warning-signs';

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);

const yesNo = (question: string) => z.boolean({ error: `Answer: ${question}` });

export const logConcernBody = z
  .strictObject({
    /** Made by the form when it opens; the same key twice creates one concern. */
    submissionKey: z.uuid(),
    pupilIds: z.array(z.uuid()).min(1, 'Choose the pupil or pupils this is about').max(10, 'Choose at most 10 pupils'),
    occurredAt: z.iso.datetime({ offset: true, error: 'Enter when it happened' }),
    location: text('where it happened', 200),
    account: text('what you saw or heard', 10_000),
    pupilWords: z.string().trim().max(10_000, 'Must be 10,000 characters or fewer').optional(),
    warningSigns: z.array(z.enum(WARNING_SIGN_CODES)).max(WARNING_SIGN_CODES.length),
    othersPresent: z.string().trim().max(500, 'Must be 500 characters or fewer').default(''),
    riskOfImmediateHarm: yesNo('is there a risk of immediate harm?'),
    possibleChildProtection: yesNo('may this be a child-protection matter?'),
    medicalEmergency: yesNo('is this a medical emergency?'),
    isDisclosure: z.boolean().default(false),
    disclosure: z
      .strictObject({
        toldWho: text('who you told the pupil the information would be passed to', 500),
        toldWhat: text('what you told the pupil would be passed on', 1000),
        toldWhy: text('why you told the pupil it must be passed on', 1000),
        consent: z.enum(DISCLOSURE_CONSENT, { error: 'Say whether the pupil agreed' }),
        consentNote: z.string().trim().max(1000).optional(),
      })
      .optional(),
    /** The pupil wants to tell their parents themselves (only possible without immediate risk). */
    pupilWillTellParents: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.isDisclosure && !v.disclosure) {
      ctx.addIssue({
        code: 'custom',
        path: ['disclosure'],
        message: 'Record what you told the pupil about sharing this',
      });
    }
    if (v.disclosure && v.disclosure.consent !== 'given' && !v.disclosure.consentNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['disclosure', 'consentNote'],
        message: 'Say why the pupil did not agree, or why consent was not sought',
      });
    }
    if (v.pupilWillTellParents && (v.riskOfImmediateHarm || v.possibleChildProtection)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pupilWillTellParents'],
        message:
          'A pupil cannot be given time to tell their parents when there is a risk of harm or it may be a child-protection matter',
      });
    }
  });
export type LogConcernBody = z.infer<typeof logConcernBody>;

export const dslOnDutySchema = z.object({ name: z.string(), whereToFind: z.string() });

export const logConcernResponse = z.object({
  id: z.uuid(),
  reference: z.string(),
  route: z.enum(CONCERN_ROUTES),
  urgent: z.boolean(),
  findDslNow: z.boolean(),
  dslOnDuty: z.array(dslOnDutySchema),
  showEmergencyProcedure: z.boolean(),
  emergencyProcedure: z.array(z.string()),
  /** Who Tandem alerted (in-app and by e-mail), group by group, so the logger knows who knows. */
  alerted: z.array(z.object({ who: z.string(), names: z.array(z.string()) })),
  /** True when this submission had already been received (a double submit). */
  alreadyReceived: z.boolean(),
});

const concernRow = createSelectSchema(concerns, {
  loggedAt: isoTime,
  occurredAt: isoTime,
  warningSigns: () => z.array(z.enum(WARNING_SIGN_CODES)),
  acknowledgedAt: isoTime,
  escalatedToDslAt: isoTime,
  closedAt: isoTime,
  pupilTellsBy: isoTime,
  parentsToldAt: isoTime,
}).shape;

export const concernSummarySchema = z.object({
  id: concernRow.id,
  reference: concernRow.reference,
  loggedAt: concernRow.loggedAt,
  loggedByName: z.string(),
  occurredAt: concernRow.occurredAt,
  pupils: z.array(z.object({ id: z.uuid(), name: z.string(), form: z.string() })),
  category: concernRow.category,
  route: concernRow.route,
  urgent: concernRow.urgent,
  restricted: concernRow.restricted,
  status: concernRow.status,
  overdueActions: z.number().int(),
  parentsStatus: concernRow.parentsStatus,
  pupilTellsBy: concernRow.pupilTellsBy,
  /** Sent by a parent or carer from the family portal ("From a parent or carer" in the queue). */
  fromParent: concernRow.fromParent,
});
export type ConcernSummary = z.infer<typeof concernSummarySchema>;

export const concernQueueQuery = z.strictObject({
  /** 'mental_health' = the Mental Health Lead's queue; 'dsl' = the DSL team's. */
  queue: z.enum(CONCERN_QUEUES).default('mental_health'),
  status: z.enum(CONCERN_QUEUE_FILTERS).default('active'),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const concernQueueResponse = z.object({
  concerns: z.array(concernSummarySchema),
  nextBefore: z.string().nullable(),
  total: z.number().int(),
});

const addendumRow = createSelectSchema(concernAddenda, { addedAt: isoTime }).shape;
const addendumSchema = z.object({
  id: addendumRow.id,
  text: addendumRow.text,
  reason: addendumRow.reason,
  addedByName: z.string(),
  addedAt: addendumRow.addedAt,
});
const actionRow = createSelectSchema(concernActions, { completedAt: isoTime }).shape;
const actionSchema = z.object({
  id: actionRow.id,
  description: actionRow.description,
  ownerUserId: actionRow.ownerUserId,
  ownerName: z.string(),
  dueOn: actionRow.dueOn,
  overdue: z.boolean(),
  completedAt: actionRow.completedAt,
  completionNote: actionRow.completionNote,
  /** When its concern was closed with it carried to the pupil's case (it is still open). */
  carriedAt: z.string().nullable(),
  /** When its concern was closed with it dropped, and why. */
  droppedAt: z.string().nullable(),
  dropReason: z.string().nullable(),
});
const correctionRow = createSelectSchema(concernCorrections, { changedAt: isoTime }).shape;
const correctionSchema = z.object({
  id: correctionRow.id,
  field: correctionRow.field,
  /** The old and new values, as stored (from_value, to_value). */
  from: z.unknown(),
  to: z.unknown(),
  reason: correctionRow.reason,
  changedByName: z.string(),
  changedAt: correctionRow.changedAt,
});
const fileRow = createSelectSchema(concernFiles).shape;

export const concernDetailSchema = concernSummarySchema.extend({
  location: concernRow.location,
  account: concernRow.account,
  pupilWords: concernRow.pupilWords,
  warningSigns: concernRow.warningSigns,
  othersPresent: concernRow.othersPresent,
  riskOfImmediateHarm: concernRow.riskOfImmediateHarm,
  possibleChildProtection: concernRow.possibleChildProtection,
  medicalEmergency: concernRow.medicalEmergency,
  isDisclosure: concernRow.isDisclosure,
  /** Present for a disclosure: the disclosure_* columns together. */
  disclosure: z
    .object({
      toldWho: z.string(),
      toldWhat: z.string(),
      toldWhy: z.string(),
      consent: concernRow.disclosureConsent.unwrap(),
      consentNote: concernRow.disclosureConsentNote,
    })
    .nullable(),
  acknowledgedAt: concernRow.acknowledgedAt,
  acknowledgedByName: z.string().nullable(),
  escalatedToDslAt: concernRow.escalatedToDslAt,
  outcome: concernRow.outcome,
  outcomeNote: concernRow.outcomeNote,
  closedAt: concernRow.closedAt,
  parentsToldAt: concernRow.parentsToldAt,
  parentsToldHow: concernRow.parentsToldHow,
  addenda: z.array(addendumSchema),
  actions: z.array(actionSchema),
  corrections: z.array(correctionSchema),
  files: z.array(
    z.object({ id: fileRow.id, fileName: fileRow.fileName, contentType: fileRow.contentType, size: fileRow.size }),
  ),
  /** What the reader may do, so the page offers only what the server would allow. */
  canTriage: z.boolean(),
  canMoveToRestricted: z.boolean(),
});
export type ConcernDetail = z.infer<typeof concernDetailSchema>;

/** What a logger sees of a concern they logged. */
export const concernForLoggerSchema = z.object({
  id: concernRow.id,
  reference: concernRow.reference,
  loggedAt: concernRow.loggedAt,
  pupils: z.array(z.object({ id: z.uuid(), name: z.string(), form: z.string() })),
  /** For a restricted concern, only: "Sent to the DSL". */
  sentToDsl: z.boolean(),
  /** Account and status are withheld (null) for a restricted concern. */
  account: concernRow.account.nullable(),
  status: concernRow.status.nullable(),
});

export const concernViewResponse = z.discriminatedUnion('access', [
  z.object({ access: z.literal('full'), concern: concernDetailSchema }),
  z.object({ access: z.literal('logger'), concern: concernForLoggerSchema }),
]);

export const myConcernsResponse = z.object({ concerns: z.array(concernForLoggerSchema) });

export const addAddendumBody = z.strictObject({
  text: text('the addition', 10_000),
  reason: text('why you are adding this', 1000),
});

export const addActionBody = z.strictObject({
  description: text('the action', 1000),
  ownerUserId: z.uuid('Choose who will do this'),
  dueOn: z.iso.date('Enter a due date'),
});

export const completeActionBody = z.strictObject({ note: z.string().trim().max(1000).optional() });

/** What the closer says becomes of one open action. A dropped action needs its reason. */
export const openActionFateSchema = z
  .strictObject({
    actionId: z.uuid(),
    fate: z.enum(CONCERN_ACTION_FATES, { error: 'Choose what becomes of this action' }),
    note: z.string().trim().max(1000, 'Must be 1,000 characters or fewer').optional(),
  })
  .refine((a) => a.fate !== 'dropped' || (a.note ?? '') !== '', {
    path: ['note'],
    message: 'Say why this action is being dropped',
  });

export const closeConcernBody = z.strictObject({
  outcome: z.enum(CONCERN_OUTCOMES, { error: 'Choose an outcome' }),
  note: text('a note on the outcome', 4000),
  /** Every action still open must be named here: a concern is never closed with work left hanging. */
  openActions: z.array(openActionFateSchema).max(200).default([]),
});

export const escalateBody = z.strictObject({ reason: text('why this needs the DSL', 2000) });

export const correctConcernBody = z.strictObject({
  category: z.enum(CONCERN_CATEGORIES).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  pupilIds: z.array(z.uuid()).min(1).max(10).optional(),
  reason: text('the reason for the correction', 1000),
});

export const recordParentsToldBody = z.strictObject({
  how: z.enum(PARENTS_TOLD_HOW, { error: 'Choose how parents were told' }),
  when: z.iso.datetime({ offset: true, error: 'Enter when parents were told' }),
  note: z.string().trim().max(2000).optional(),
});

export const pupilWillTellBody = z.strictObject({ note: z.string().trim().max(1000).optional() });
