/**
 * "My work": what needs one member of staff today in one school, assembled from every feature's
 * part (plans to read and confirm, next steps and actions they own, concerns awaiting their triage,
 * 24-hour deadlines, reviews due). Each feature decides what goes in with the same need-to-know
 * rule as its own pages, so nothing is listed that the person could not open.
 */
import { z } from 'zod';
import { CONCERN_ROUTES } from '../concerns/concerns.values';
import { PLAN_KINDS } from '../plans/plans.values';
import { TIMEPOINTS } from '../interventions/interventions.values';
import { REFERRAL_SERVICES } from '../referrals/referrals.values';
import { RECORD_CLASSES } from '../records/record-classes';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const pupilRef = z.object({ id: z.uuid(), name: z.string() });

/** A plan given to this person whose current version they have not yet confirmed reading. */
export const planToReadSchema = z.object({
  planId: z.uuid(),
  kind: z.enum(PLAN_KINDS),
  version: z.number().int(),
  pupil: pupilRef,
  leadName: z.string(),
  /** When the version now in force was written (what they are asked to read). */
  since: z.string(),
});

/** A next step agreed at a meeting, owned by this person and not yet done. */
export const nextStepDueSchema = z.object({
  meetingId: z.uuid(),
  actionId: z.uuid(),
  description: z.string(),
  dueOn: day,
  overdue: z.boolean(),
  pupil: pupilRef,
});

/** An action on a concern, owned by this person and not yet done. */
export const concernActionDueSchema = z.object({
  concernId: z.uuid(),
  actionId: z.uuid(),
  reference: z.string(),
  description: z.string(),
  dueOn: day,
  overdue: z.boolean(),
  pupils: z.array(pupilRef),
});

/** A concern in a queue this person triages, not yet acknowledged by anyone. */
export const concernAwaitingSchema = z.object({
  concernId: z.uuid(),
  reference: z.string(),
  route: z.enum(CONCERN_ROUTES),
  urgent: z.boolean(),
  restricted: z.boolean(),
  loggedAt: z.string(),
  /** How long it has waited, in whole minutes. */
  waitingMinutes: z.number().int().nonnegative(),
  pupils: z.array(pupilRef),
});

/** A pupil was given 24 hours to tell their parents first: this person checks that they did. */
export const parentsDeadlineSchema = z.object({
  concernId: z.uuid(),
  reference: z.string(),
  deadline: z.string(),
  passed: z.boolean(),
  pupils: z.array(pupilRef),
});

/** A plan this person leads whose review is overdue or due within two weeks. */
export const reviewDueItemSchema = z.object({
  planId: z.uuid(),
  kind: z.enum(PLAN_KINDS),
  reviewDue: day,
  overdue: z.boolean(),
  pupil: pupilRef,
});

/** A questionnaire to ask a pupil in an intervention this person runs (a baseline or a follow-up). */
export const questionnaireDueItemSchema = z.object({
  questionnaireId: z.uuid(),
  measureName: z.string(),
  timepoint: z.enum(TIMEPOINTS),
  interventionName: z.string().nullable(),
  dueOn: day.nullable(),
  pupil: pupilRef,
});

/** A referral waiting past the school's standard for a first appointment (the lead's home page). */
export const referralOverdueSchema = z.object({
  referralId: z.uuid(),
  service: z.enum(REFERRAL_SERVICES),
  sentOn: day,
  waitDays: z.number().int(),
  pupil: pupilRef,
});

/** An emergency CAMHS referral started by a member of staff, still a draft: the leads take it on. */
export const emergencyReferralSchema = z.object({
  referralId: z.uuid(),
  startedAt: z.string(),
  startedByName: z.string(),
  pupil: pupilRef,
});

/** A local directory entry not checked for a year. */
export const serviceToCheckSchema = z.object({
  serviceId: z.uuid(),
  name: z.string(),
  lastCheckedOn: day,
});

/** A pupil's "I'd like to talk to someone" that this person (their trusted adult, or the lead after the school day) has to acknowledge. */
export const talkRequestItemSchema = z.object({
  checkinId: z.uuid(),
  at: z.string(),
  /** Passed to the lead because nobody acknowledged it by the end of the school day. */
  escalated: z.boolean(),
  pupil: pupilRef,
});

/** An action of the whole-school action plan that this person owns, not yet done. */
export const actionDueItemSchema = z.object({
  actionId: z.uuid(),
  title: z.string(),
  /** The framework area it serves, in words. */
  areaTitle: z.string(),
  dueOn: day,
  overdue: z.boolean(),
});

/** An open staff wellbeing survey this person is invited to and has not answered. */
export const surveyToAnswerSchema = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  closesOn: day,
});

/** A policy this person is asked to read whose current version they have not confirmed. */
export const policyToReadSchema = z.object({
  policyId: z.uuid(),
  title: z.string(),
  version: z.number().int(),
});

/** A policy this person owns (or, for the lead, any policy) whose review is due within a month or overdue. */
export const policyReviewDueSchema = z.object({
  policyId: z.uuid(),
  title: z.string(),
  nextReviewOn: day,
  overdue: z.boolean(),
});

/** Training a member of staff recorded for themself, waiting for the lead to confirm it. */
export const trainingToConfirmSchema = z.object({
  recordId: z.uuid(),
  staffName: z.string(),
  course: z.string(),
  completedOn: day,
});

/** This person's own training that needs renewing soon, is overdue, or is required and missing. */
export const myTrainingDueSchema = z.object({
  course: z.string(),
  /** null when the training is required of their role and they have none on record. */
  dueOn: day.nullable(),
  overdue: z.boolean(),
});

/** An entry of the resource library this person looks after, not reviewed for a year. */
export const resourceToReviewSchema = z.object({
  resourceId: z.uuid(),
  title: z.string(),
  lastReviewedOn: day,
});

/**
 * A reduced timetable or visits this person leads that need them: a review due within
 * TIMETABLE_REMINDER_DAYS or overdue, a timetable past its end date, a visit or call due or missed.
 */
export const provisionDueSchema = z.object({
  kind: z.enum(['timetable_review', 'timetable_past_end', 'visit']),
  pupil: pupilRef,
  dueOn: day,
  overdue: z.boolean(),
});

/** A pupil on the missing list absent without a reason, not yet followed up (the DSL team). */
export const missingAbsenceSchema = z.object({
  alertId: z.uuid(),
  pupil: pupilRef,
  on: day,
  session: z.enum(['am', 'pm']),
});

/** A subject access request within SAR_WARNING_DAYS of its deadline, or past it (those who manage requests). */
export const subjectAccessDueSchema = z.object({
  requestId: z.uuid(),
  pupil: pupilRef,
  dueOn: day,
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});

/** A leaver's file this person sends to the next school (the DSL team: child protection; the SMHL: wellbeing), not yet sent. */
export const transferDueSchema = z.object({
  transferId: z.uuid(),
  file: z.enum(['child-protection', 'wellbeing']),
  pupil: pupilRef,
  dueOn: day,
  overdue: z.boolean(),
});

/** A child-protection file proposed for destruction, waiting for a second person with records.retention (never its proposer). */
export const destructionToConfirmSchema = z.object({
  destructionId: z.uuid(),
  pupil: pupilRef,
  proposedByName: z.string(),
  proposedAt: z.string(),
});

/** For the DSL team: how many pupils' records of a kind are past their review date, none waiting for a second person. */
export const retentionPastReviewSchema = z.object({
  recordClass: z.enum(RECORD_CLASSES),
  pupils: z.number().int().positive(),
});

export const myWorkResponse = z.object({
  transfersDue: z.array(transferDueSchema),
  missingAbsences: z.array(missingAbsenceSchema),
  talkRequests: z.array(talkRequestItemSchema),
  toRead: z.array(planToReadSchema),
  nextSteps: z.array(nextStepDueSchema),
  concernActions: z.array(concernActionDueSchema),
  awaitingTriage: z.array(concernAwaitingSchema),
  parentsDeadlines: z.array(parentsDeadlineSchema),
  reviewsDue: z.array(reviewDueItemSchema),
  questionnairesDue: z.array(questionnaireDueItemSchema),
  referralsOverdue: z.array(referralOverdueSchema),
  emergencyReferrals: z.array(emergencyReferralSchema),
  servicesToCheck: z.array(serviceToCheckSchema),
  actionsDue: z.array(actionDueItemSchema),
  surveysToAnswer: z.array(surveyToAnswerSchema),
  policiesToRead: z.array(policyToReadSchema),
  policyReviewsDue: z.array(policyReviewDueSchema),
  trainingToConfirm: z.array(trainingToConfirmSchema),
  myTrainingDue: z.array(myTrainingDueSchema),
  resourcesToReview: z.array(resourceToReviewSchema),
  provisionDue: z.array(provisionDueSchema),
  subjectAccessDue: z.array(subjectAccessDueSchema).default([]),
  destructionsToConfirm: z.array(destructionToConfirmSchema).default([]),
  retentionPastReview: z.array(retentionPastReviewSchema).default([]),
  counts: z.object({
    /** Plans to read and confirm: shown in the header beside the alerts. */
    toRead: z.number().int().nonnegative(),
    /** Everything listed. */
    total: z.number().int().nonnegative(),
  }),
});

export type MyWork = z.infer<typeof myWorkResponse>;
/** What one feature contributes: any of the lists, each in any order (the platform sorts). */
export type MyWorkPart = Partial<Omit<MyWork, 'counts'>>;
export type PlanToRead = z.infer<typeof planToReadSchema>;
export type NextStepDue = z.infer<typeof nextStepDueSchema>;
export type ConcernActionDue = z.infer<typeof concernActionDueSchema>;
export type ConcernAwaiting = z.infer<typeof concernAwaitingSchema>;
export type ParentsDeadline = z.infer<typeof parentsDeadlineSchema>;
export type ReviewDueItem = z.infer<typeof reviewDueItemSchema>;
export type ReferralOverdueItem = z.infer<typeof referralOverdueSchema>;
export type EmergencyReferralItem = z.infer<typeof emergencyReferralSchema>;
export type ServiceToCheckItem = z.infer<typeof serviceToCheckSchema>;
export type QuestionnaireDueItem = z.infer<typeof questionnaireDueItemSchema>;
export type TalkRequestItem = z.infer<typeof talkRequestItemSchema>;
export type ActionDueItem = z.infer<typeof actionDueItemSchema>;
export type SurveyToAnswerItem = z.infer<typeof surveyToAnswerSchema>;
export type PolicyToReadItem = z.infer<typeof policyToReadSchema>;
export type PolicyReviewDueItem = z.infer<typeof policyReviewDueSchema>;
export type TrainingToConfirmItem = z.infer<typeof trainingToConfirmSchema>;
export type MyTrainingDueItem = z.infer<typeof myTrainingDueSchema>;
export type ResourceToReviewItem = z.infer<typeof resourceToReviewSchema>;
export type ProvisionDueItem = z.infer<typeof provisionDueSchema>;
export type MissingAbsenceItem = z.infer<typeof missingAbsenceSchema>;
export type TransferDueItem = z.infer<typeof transferDueSchema>;
export type SubjectAccessDueItem = z.infer<typeof subjectAccessDueSchema>;
export type DestructionToConfirmItem = z.infer<typeof destructionToConfirmSchema>;
export type RetentionPastReviewItem = z.infer<typeof retentionPastReviewSchema>;

/**
 * Puts the parts together, each list in the order its section is read: the oldest plan to read
 * first; what is due soonest first; for triage, urgent concerns first, then the longest waiting.
 */
export function mergeMyWork(parts: readonly MyWorkPart[]): MyWork {
  const all = <K extends keyof MyWorkPart>(k: K): NonNullable<MyWorkPart[K]> =>
    parts.reduce<unknown[]>((acc, p) => acc.concat(p[k] ?? []), []) as NonNullable<MyWorkPart[K]>;
  const talkRequests = all('talkRequests').sort((a, b) => a.at.localeCompare(b.at));
  const toRead = all('toRead').sort((a, b) => a.since.localeCompare(b.since));
  const nextSteps = all('nextSteps').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const concernActions = all('concernActions').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const awaitingTriage = all('awaitingTriage').sort(
    (a, b) => Number(b.urgent) - Number(a.urgent) || a.loggedAt.localeCompare(b.loggedAt),
  );
  const parentsDeadlines = all('parentsDeadlines').sort((a, b) => a.deadline.localeCompare(b.deadline));
  const reviewsDue = all('reviewsDue').sort((a, b) => a.reviewDue.localeCompare(b.reviewDue));
  const referralsOverdue = all('referralsOverdue').sort((a, b) => b.waitDays - a.waitDays);
  const emergencyReferrals = all('emergencyReferrals').sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const servicesToCheck = all('servicesToCheck').sort((a, b) => a.lastCheckedOn.localeCompare(b.lastCheckedOn));
  const questionnairesDue = all('questionnairesDue').sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const byDue = <T extends { dueOn: string | null }>(a: T, b: T) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '');
  const actionsDue = all('actionsDue').sort(byDue);
  const surveysToAnswer = all('surveysToAnswer').sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  const policiesToRead = all('policiesToRead').sort((a, b) => a.title.localeCompare(b.title));
  const policyReviewsDue = all('policyReviewsDue').sort((a, b) => a.nextReviewOn.localeCompare(b.nextReviewOn));
  const trainingToConfirm = all('trainingToConfirm').sort((a, b) => a.completedOn.localeCompare(b.completedOn));
  const myTrainingDue = all('myTrainingDue').sort(byDue);
  const provisionDue = all('provisionDue').sort(byDue);
  const transfersDue = all('transfersDue').sort(byDue);
  const subjectAccessDue = all('subjectAccessDue').sort(byDue);
  const destructionsToConfirm = all('destructionsToConfirm').sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
  const retentionPastReview = all('retentionPastReview');
  const missingAbsences = all('missingAbsences').sort(
    (a, b) => a.on.localeCompare(b.on) || a.session.localeCompare(b.session),
  );
  const resourcesToReview = all('resourcesToReview').sort((a, b) => a.lastReviewedOn.localeCompare(b.lastReviewedOn));
  const total =
    transfersDue.length +
    missingAbsences.length +
    provisionDue.length +
    subjectAccessDue.length +
    destructionsToConfirm.length +
    retentionPastReview.length +
    actionsDue.length +
    surveysToAnswer.length +
    policiesToRead.length +
    policyReviewsDue.length +
    trainingToConfirm.length +
    myTrainingDue.length +
    resourcesToReview.length +
    talkRequests.length +
    toRead.length +
    nextSteps.length +
    concernActions.length +
    awaitingTriage.length +
    parentsDeadlines.length +
    reviewsDue.length +
    questionnairesDue.length +
    referralsOverdue.length +
    emergencyReferrals.length +
    servicesToCheck.length;
  return {
    transfersDue,
    missingAbsences,
    talkRequests,
    toRead,
    nextSteps,
    concernActions,
    awaitingTriage,
    parentsDeadlines,
    reviewsDue,
    questionnairesDue,
    referralsOverdue,
    emergencyReferrals,
    servicesToCheck,
    actionsDue,
    surveysToAnswer,
    policiesToRead,
    policyReviewsDue,
    trainingToConfirm,
    myTrainingDue,
    resourcesToReview,
    provisionDue,
    subjectAccessDue,
    destructionsToConfirm,
    retentionPastReview,
    counts: { toRead: toRead.length, total },
  };
}
