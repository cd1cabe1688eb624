/** Requests and answers of referrals. */
import { z } from 'zod';
import { REFERRAL_CONSENT, REFERRAL_PARTS, REFERRAL_SERVICES, REFERRAL_STATUSES } from './referrals.values';

const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);

/** Start a referral from a pupil's record (a case role), or in an emergency (any member of staff). */
export const startReferralSchema = z
  .strictObject({
    service: z.enum(REFERRAL_SERVICES, { error: 'Choose the service' }),
    /** Any member of staff may start a CAMHS referral in an emergency: the SENDCO and SMHL are alerted. */
    emergency: z.boolean().default(false),
    /** In an emergency, what is happening (the reason), so the leads can take it on. */
    reason: longText(5_000).default(''),
    submissionKey: z.string().min(8).max(64),
  })
  .superRefine((v, ctx) => {
    if (v.emergency && v.service !== 'camhs') {
      ctx.addIssue({ code: 'custom', path: ['service'], message: 'An emergency referral goes to CAMHS' });
    }
    if (v.emergency && v.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say what is happening, so the leads can act on it' });
    }
  });
export type StartReferralBody = z.infer<typeof startReferralSchema>;

/** Save a draft: any of its parts, the consent, and the directory entry it goes to. */
export const saveReferralSchema = z.strictObject({
  parts: z.partialRecord(z.enum(REFERRAL_PARTS), longText(10_000)),
  consent: z.enum(REFERRAL_CONSENT).nullable(),
  consentNote: longText(2_000).default(''),
  serviceId: z.uuid().nullable().default(null),
  /** The version the writer started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});
export type SaveReferralBody = z.infer<typeof saveReferralSchema>;

export const referralStepSchema = z.strictObject({
  to: z.enum(REFERRAL_STATUSES, { error: 'Choose the next step' }),
  on: z.iso.date('Enter the date as a date'),
  note: longText(2_000).default(''),
  declineReason: longText(2_000).optional(),
  signpostedTo: longText(500).optional(),
  version: z.number().int().min(1),
});
export type ReferralStepBody = z.infer<typeof referralStepSchema>;

/** Share a referral with the child's parents in the portal (never a restricted one, nor a draft). */
export const shareReferralSchema = z.strictObject({
  version: z.number().int().min(1),
});
export type ShareReferralBody = z.infer<typeof shareReferralSchema>;

export const referralParams = z.object({ schoolId: z.uuid(), referralId: z.uuid() });

const missingPart = z.object({ part: z.enum(REFERRAL_PARTS), label: z.string(), message: z.string() });

export const referralSummarySchema = z.object({
  id: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  service: z.enum(REFERRAL_SERVICES),
  serviceName: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  restricted: z.boolean(),
  emergency: z.boolean(),
  sentOn: z.string().nullable(),
  firstAppointmentOn: z.string().nullable(),
  /** Days from sent to first appointment (or to today while waiting); null before sent or when declined. */
  waitDays: z.number().nullable(),
  /** Waiting past the school's standard (four weeks by default). */
  overdue: z.boolean(),
  madeByName: z.string(),
  updatedAt: z.string(),
});
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

export const referralListSchema = z.object({
  referrals: z.array(referralSummarySchema),
  canStart: z.boolean(),
  /** The school's wait standard in days (four weeks unless changed in its settings). */
  standardDays: z.number(),
});

export const referralDetailSchema = z.object({
  referral: referralSummarySchema.extend({
    parts: z.partialRecord(z.enum(REFERRAL_PARTS), z.string()),
    consent: z.enum(REFERRAL_CONSENT).nullable(),
    consentNote: z.string(),
    serviceId: z.string().nullable(),
    declineReason: z.string().nullable(),
    signpostedTo: z.string().nullable(),
    /** When the referral was shared with the child's parents in the portal; null when not. */
    sharedWithParentsAt: z.string().nullable(),
    version: z.number(),
  }),
  required: z.array(z.enum(REFERRAL_PARTS)),
  missing: z.array(missingPart),
  nextSteps: z.array(z.enum(REFERRAL_STATUSES)),
  steps: z.array(
    z.object({ status: z.enum(REFERRAL_STATUSES), on: z.string(), note: z.string(), recordedByName: z.string() }),
  ),
  /** The pupil's record to draw the history from: entries the reader may see, newest first. */
  record: z.array(z.object({ id: z.string(), at: z.string(), title: z.string(), detail: z.string().nullable() })),
  /** Directory entries of this kind of service the referral may name. */
  serviceChoices: z.array(z.object({ id: z.string(), name: z.string() })),
  /** While the family waits: directory entries to suggest (free, for the pupil's age). */
  whileYouWait: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  waitStandardDays: z.number(),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

/** The lead's view: per service and for the school. */
export const referralWaitRowSchema = z.object({
  service: z.enum(REFERRAL_SERVICES).nullable(),
  name: z.string(),
  open: z.number(),
  seen: z.number(),
  medianWaitDays: z.number().nullable(),
  p90WaitDays: z.number().nullable(),
  overStandard: z.number(),
  decided: z.number(),
  declined: z.number(),
  declineRate: z.number().nullable(),
  commonDeclineReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
});
export const referralWaitsSchema = z.object({
  standardDays: z.number(),
  rows: z.array(referralWaitRowSchema),
  school: referralWaitRowSchema,
});
export type ReferralWaits = z.infer<typeof referralWaitsSchema>;
