import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { meetingActions, meetings } from './meetings.tables';
import {
  KIND_SECTIONS,
  REQUIRED_SECTIONS,
  SAFETY_SCALE_MAX,
  SAFETY_SCALE_MESSAGE,
  SAFETY_SCALE_MIN,
  SAFETY_SCALE_ONLY_SOS_MESSAGE,
} from './plans';
import { planAgreements, planReviews, plans, planVersions } from './plans.tables';
import {
  ADJUSTMENTS,
  AGREEMENT_HOW,
  AGREEMENT_PARTIES,
  ATTENDEE_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PLAN_KINDS,
  PLAN_READER_REASONS,
  PLAN_SECTIONS,
  PLAN_STATUSES,
  SECTION_INFO,
  type PlanKind,
} from './plans.values';

const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const day = (what: string) => z.iso.date(`Enter ${what} as a date`);

const safetyScale = z
  .number({ error: SAFETY_SCALE_MESSAGE })
  .int('Choose a whole number from 0 to 10')
  .min(SAFETY_SCALE_MIN, SAFETY_SCALE_MESSAGE)
  .max(SAFETY_SCALE_MAX, SAFETY_SCALE_MESSAGE);

export const planContactSchema = z.strictObject({
  name: needed('the contact’s name', 200),
  relationship: longText(200).default(''),
  phone: needed('a phone number', 40).regex(/^[0-9+() -]{6,40}$/, 'Enter a phone number using digits, spaces and +'),
});

export const planContentSchema = z.strictObject({
  sections: z.partialRecord(z.enum(PLAN_SECTIONS), longText(10_000)).default({}),
  adjustments: z.partialRecord(z.enum(ADJUSTMENTS), longText(2_000)).default({}),
  contacts: z.array(planContactSchema).max(10, 'List at most 10 contacts').default([]),
  /** Signs of Safety only: where the case is today on the 0..10 scale. */
  safetyScale: safetyScale.nullable().default(null),
});
export type PlanContent = z.infer<typeof planContentSchema>;

/**
 * Checks that depend on the kind of plan: the required sections are written, only the kind's own
 * sections are used, and a Signs of Safety record is rated.
 */
export function checkContentForKind(
  kind: PlanKind,
  content: PlanContent,
  ctx: { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void },
  prefix: string[] = ['content'],
): void {
  const own = new Set<string>(KIND_SECTIONS[kind]);
  for (const key of Object.keys(content.sections)) {
    if (!own.has(key)) {
      ctx.addIssue({ code: 'custom', path: [...prefix, 'sections', key], message: 'This plan has no such section' });
    }
  }
  for (const key of REQUIRED_SECTIONS[kind]) {
    if (!content.sections[key]?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, 'sections', key],
        message: `Enter ${SECTION_INFO[key].label.toLowerCase().replace(/\?$/, '')}`,
      });
    }
  }
  if (kind === 'signs_of_safety' && content.safetyScale === null) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'safetyScale'], message: SAFETY_SCALE_MESSAGE });
  }
  if (kind !== 'signs_of_safety' && content.safetyScale !== null) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'safetyScale'], message: SAFETY_SCALE_ONLY_SOS_MESSAGE });
  }
}

const sharingFields = {
  /** Every member of staff who teaches the pupil is given the plan. */
  shareWithTeaching: z.boolean().default(false),
  /** Named staff given the plan. */
  sharedWith: z.array(z.uuid()).max(50, 'Name at most 50 staff').default([]),
  /** The parent-facing parts show on the parent portal once agreed. */
  parentShareable: z.boolean().default(false),
};

export const createPlanBody = z
  .strictObject({
    kind: z.enum(PLAN_KINDS, { error: 'Choose the kind of plan' }),
    content: planContentSchema,
    reviewDue: day('the review date'),
    /** Who must record agreement before the plan can be marked agreed. */
    agreementsNeeded: z.array(z.enum(AGREEMENT_PARTIES)).max(3).default([]),
    ...sharingFields,
    /** The writer's key for this form: sent twice (a double click, a retry), it makes one plan. */
    submissionKey: z.uuid(),
  })
  .superRefine((v, ctx) => checkContentForKind(v.kind, v.content, ctx));
export type CreatePlanBody = z.infer<typeof createPlanBody>;

/** A change of a plan's content makes a new version; `version` is the one the writer started from. */
export const revisePlanBody = z.strictObject({
  version: z.number().int().min(1),
  content: planContentSchema,
  reviewDue: day('the review date'),
  agreementsNeeded: z.array(z.enum(AGREEMENT_PARTIES)).max(3).default([]),
  reason: needed('why the plan is changing', 1000),
});
export type RevisePlanBody = z.infer<typeof revisePlanBody>;

export const planSharingBody = z.strictObject({
  version: z.number().int().min(1),
  leadUserId: z.uuid(),
  ...sharingFields,
});
export type PlanSharingBody = z.infer<typeof planSharingBody>;

export const recordAgreementBody = z.strictObject({
  version: z.number().int().min(1),
  party: z.enum(AGREEMENT_PARTIES, { error: 'Choose who agreed' }),
  name: needed('the name of the person who agreed', 200),
  /** e.g. "Mother", "CAMHS nurse". */
  relationship: longText(200).default(''),
  how: z.enum(AGREEMENT_HOW, { error: 'Choose how they agreed' }),
  agreedOn: day('the date they agreed'),
  note: longText(1000).default(''),
});
export type RecordAgreementBody = z.infer<typeof recordAgreementBody>;

export const markAgreedBody = z.strictObject({ version: z.number().int().min(1) });
export const confirmReadBody = z.strictObject({ version: z.number().int().min(1) });

export const recordReviewBody = z.strictObject({
  version: z.number().int().min(1),
  reviewedOn: day('the date of the review'),
  /** Do: what was done since the plan or the last review. */
  whatWasDone: needed('what was done', 5000),
  /** Review: what changed, and whether the plan is working. */
  whatChanged: needed('what changed', 5000),
  nextReviewOn: day('the next review date'),
  safetyScale: safetyScale.nullable().default(null),
});
export type RecordReviewBody = z.infer<typeof recordReviewBody>;

export const endPlanBody = z.strictObject({
  version: z.number().int().min(1),
  reason: needed('why the plan is ending', 1000),
});

const planContentOut = z.object({
  sections: z.partialRecord(z.enum(PLAN_SECTIONS), z.string()),
  adjustments: z.partialRecord(z.enum(ADJUSTMENTS), z.string()),
  contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string() })),
  safetyScale: z.number().int().nullable(),
});

const planRow = createSelectSchema(plans, {
  agreementsNeeded: () => z.array(z.enum(AGREEMENT_PARTIES)),
  endedAt: isoTime,
  createdAt: isoTime,
  updatedAt: isoTime,
}).shape;

export const planSummarySchema = z.object({
  id: planRow.id,
  pupilId: planRow.pupilId,
  kind: planRow.kind,
  version: planRow.version,
  status: z.enum(PLAN_STATUSES),
  reviewDue: planRow.reviewDue,
  reviewOverdue: z.boolean(),
  leadName: z.string(),
  updatedAt: planRow.updatedAt,
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planListResponse = z.object({ plans: z.array(planSummarySchema) });

const person = z.object({ id: z.uuid(), name: z.string() });

const agreementRow = createSelectSchema(planAgreements, { recordedAt: isoTime }).shape;

export const agreementSchema = z.object({
  id: agreementRow.id,
  version: agreementRow.version,
  party: agreementRow.party,
  name: agreementRow.name,
  relationship: agreementRow.relationship,
  how: agreementRow.how,
  agreedOn: agreementRow.agreedOn,
  note: agreementRow.note,
  recordedByName: z.string(),
  recordedAt: agreementRow.recordedAt,
});

const reviewRow = createSelectSchema(planReviews).shape;

export const reviewSchema = z.object({
  id: reviewRow.id,
  version: reviewRow.version,
  reviewedOn: reviewRow.reviewedOn,
  whatWasDone: reviewRow.whatWasDone,
  whatChanged: reviewRow.whatChanged,
  nextReviewOn: reviewRow.nextReviewOn,
  safetyScale: reviewRow.safetyScale,
  recordedByName: z.string(),
});

const versionRow = createSelectSchema(planVersions, { createdAt: isoTime }).shape;

export const planVersionMeta = z.object({
  version: versionRow.version,
  reason: versionRow.reason,
  createdByName: z.string(),
  createdAt: versionRow.createdAt,
});

export const planDetailResponse = z.discriminatedUnion('view', [
  z.object({
    view: z.literal('case'),
    plan: planSummarySchema.extend({
      pupilName: z.string(),
      agreedVersion: planRow.agreedVersion,
      agreementsNeeded: planRow.agreementsNeeded,
      missingAgreements: z.array(z.enum(AGREEMENT_PARTIES)),
      lead: person,
      shareWithTeaching: planRow.shareWithTeaching,
      sharedWith: z.array(person),
      parentShareable: planRow.parentShareable,
      endedAt: planRow.endedAt,
      endedReason: planRow.endedReason,
      createdAt: planRow.createdAt,
    }),
    content: planContentOut,
    versions: z.array(planVersionMeta),
    agreements: z.array(agreementSchema),
    reviews: z.array(reviewSchema),
    /** Signs of Safety: each rating on the 0..10 scale, oldest first. */
    ratings: z.array(z.object({ on: z.string(), value: z.number().int() })),
    /** Staff given the plan, and whether each has confirmed reading the current version. */
    readers: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        confirmedAt: z.string().nullable(),
        why: z.enum(PLAN_READER_REASONS),
      }),
    ),
    /** What parents would see on the portal now (null: nothing). */
    parentView: z
      .object({
        version: z.number().int(),
        sections: z.array(z.object({ key: z.string(), label: z.string(), text: z.string() })),
        contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string() })),
      })
      .nullable(),
  }),
  z.object({
    view: z.literal('staff'),
    plan: z.object({
      id: planRow.id,
      pupilId: planRow.pupilId,
      pupilName: z.string(),
      kind: planRow.kind,
      version: planRow.version,
      updatedAt: planRow.updatedAt,
      leadName: z.string(),
    }),
    content: planContentOut,
    confirmedAt: z.string().nullable(),
  }),
]);
export type PlanDetailResponse = z.infer<typeof planDetailResponse>;

export const planVersionResponse = planVersionMeta.extend({ content: planContentOut });

/** A plan given to a member of staff, shown on the pupil's staff summary. */
export const sharedPlanSchema = z.object({
  id: planRow.id,
  kind: planRow.kind,
  version: planRow.version,
  updatedAt: planRow.updatedAt,
  leadName: z.string(),
  content: planContentOut,
  confirmedAt: z.string().nullable(),
});
export type SharedPlan = z.infer<typeof sharedPlanSchema>;

export const reviewsDueResponse = z.object({
  reviews: z.array(
    z.object({
      planId: planRow.id,
      kind: planRow.kind,
      pupilId: planRow.pupilId,
      pupilName: z.string(),
      reviewDue: planRow.reviewDue,
      overdue: z.boolean(),
      leadName: z.string(),
    }),
  ),
  /** Of those listed, how many are overdue. */
  overdue: z.number().int(),
});

export const planMutationResponse = z.object({
  id: planRow.id,
  version: planRow.version,
  status: z.enum(PLAN_STATUSES),
});

// ---- Meetings ----

export const attendeeSchema = z.strictObject({
  kind: z.enum(ATTENDEE_KINDS, { error: 'Choose who attended' }),
  /** For staff: their account, so their name stays right. */
  userId: z.uuid().nullable().default(null),
  name: needed('the name of each person who attended', 200),
  /** e.g. "Mother", "School nurse", "CAMHS practitioner". */
  role: longText(200).default(''),
});

export const nextStepInput = z
  .strictObject({
    description: needed('what was agreed', 1000),
    /** A member of staff owns it ... */
    ownerUserId: z.uuid().nullable().default(null),
    /** ... or someone else (a parent, the pupil, a professional), by name. */
    ownerName: longText(200).default(''),
    dueOn: day('when it is due'),
  })
  .superRefine((v, ctx) => {
    if (!v.ownerUserId && !v.ownerName) {
      ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'Say who will do it' });
    }
  });

const meetingFields = {
  kind: z.enum(MEETING_KINDS, { error: 'Choose the kind of meeting' }),
  heldAt: z.iso.datetime({ offset: true, error: 'Enter the date and time of the meeting' }),
  place: needed('where the meeting is held', 200),
  attendees: z.array(attendeeSchema).max(30, 'List at most 30 people').default([]),
  aims: longText(5000).default(''),
  notes: longText(20_000).default(''),
  /** The plan this meeting reviews, if any. */
  planId: z.uuid().nullable().default(null),
};

export const createMeetingBody = z.strictObject({
  ...meetingFields,
  nextSteps: z.array(nextStepInput).max(30).default([]),
  /** Record the meeting as held now (it must then meet the rules for a completed meeting). */
  complete: z.boolean().default(false),
  /** The writer's key for this form: sent twice (a double click, a retry), it records one meeting. */
  submissionKey: z.uuid(),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

/** Edits a planned meeting; completes it when `complete` is true. Next steps given here are added. */
export const updateMeetingBody = z.strictObject({
  version: z.number().int().min(1),
  ...meetingFields,
  nextSteps: z.array(nextStepInput).max(30).default([]),
  complete: z.boolean().default(false),
});
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const completeNextStepBody = z.strictObject({ note: longText(1000).default('') });

const nextStepRow = createSelectSchema(meetingActions, { completedAt: isoTime }).shape;

export const nextStepSchema = z.object({
  id: nextStepRow.id,
  description: nextStepRow.description,
  ownerUserId: nextStepRow.ownerUserId,
  ownerName: nextStepRow.ownerName,
  dueOn: nextStepRow.dueOn,
  overdue: z.boolean(),
  completedAt: nextStepRow.completedAt,
  completedByName: z.string().nullable(),
  completionNote: nextStepRow.completionNote,
});

const meetingRow = createSelectSchema(meetings, {
  heldAt: isoTime,
  completedAt: isoTime,
}).shape;

export const meetingSummarySchema = z.object({
  id: meetingRow.id,
  pupilId: meetingRow.pupilId,
  kind: meetingRow.kind,
  heldAt: meetingRow.heldAt,
  place: meetingRow.place,
  status: z.enum(MEETING_STATUSES),
  nextSteps: z.number().int(),
  openNextSteps: z.number().int(),
});
export const meetingListResponse = z.object({ meetings: z.array(meetingSummarySchema) });

export const meetingDetailResponse = z.object({
  meeting: meetingSummarySchema.extend({
    version: meetingRow.version,
    pupilName: z.string(),
    attendees: z.array(
      z.object({ kind: z.enum(ATTENDEE_KINDS), userId: z.uuid().nullable(), name: z.string(), role: z.string() }),
    ),
    aims: meetingRow.aims,
    notes: meetingRow.notes,
    plan: z.object({ id: planRow.id, kind: planRow.kind }).nullable(),
    createdByName: z.string(),
    completedAt: meetingRow.completedAt,
    completedByName: z.string().nullable(),
  }),
  nextSteps: z.array(nextStepSchema),
});
export type MeetingDetailResponse = z.infer<typeof meetingDetailResponse>;

export const meetingMutationResponse = z.object({
  id: meetingRow.id,
  version: meetingRow.version,
  status: z.enum(MEETING_STATUSES),
});
