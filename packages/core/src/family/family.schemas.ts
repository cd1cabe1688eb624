/**
 * Requests and answers of the parent portal, and of the staff pages that run it: invitations,
 * no-access flags, the partnership statement and the portal settings. What a parent may see of a
 * child is the `ParentChildView`: each feature fills its own part (server registries `familyView`),
 * and nothing outside it is ever sent to a parent.
 */
import { z } from 'zod';
import {
  CHECKIN_FREQUENCIES,
  CONFIRMABLE_ITEMS,
  FAMILY_MESSAGE_KINDS,
  FAMILY_MESSAGE_STATES,
  NO_ACCESS_REASONS,
} from './family.values';
import { YEAR_GROUP_MAX, YEAR_GROUP_MIN } from '../pupils/pupils.schemas';
import type { VisitKind } from '../provision/provision.values';

const text = (max: number, empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const submissionKey = z.string().min(8).max(64);

// ---------------------------------------------------------------------------------------------
// The partnership statement (seed 000): what school can and cannot offer, and how home helps.

export const partnershipStatementSchema = z.strictObject({
  intro: text(2_000, 'Write a few words to introduce the statement'),
  questions: z
    .array(
      z.strictObject({
        question: text(300, 'Write the question'),
        answer: text(2_000, 'Write the answer'),
      }),
    )
    .max(40, 'At most 40 questions'),
  /** What the school asks of parents and carers in return. */
  homeCommitments: z.array(text(500, 'Write what home can do, or remove the line')).max(20, 'At most 20 lines'),
});
export type PartnershipStatement = z.infer<typeof partnershipStatementSchema>;

// ---------------------------------------------------------------------------------------------
// Portal settings (the lead).

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 15:30');

export const familySettingsSchema = z.strictObject({
  partnership: partnershipStatementSchema,
  riskWords: z
    .array(text(80, 'Write the word or phrase, or remove the line'))
    .min(1, 'Keep at least one word or phrase')
    .max(200, 'At most 200 words and phrases'),
  checkinFrequency: z.enum(CHECKIN_FREQUENCIES, { error: 'Choose how often pupils check in' }),
  helpLocation: optionalText(300),
  dayEndsAt: hhmm,
  pupilAccountYears: z
    .array(z.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX))
    .max(16)
    .transform((ys) => [...new Set(ys)].sort((a, b) => a - b)),
  /** The version the editor started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});
export type FamilySettingsBody = z.infer<typeof familySettingsSchema>;
export type FamilySettings = Omit<FamilySettingsBody, 'version'> & {
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
};

// ---------------------------------------------------------------------------------------------
// Staff: parents and carers, invitations, no-access flags.

export const PARENT_ACCOUNT_STATES = ['not_invitable', 'not_invited', 'invited', 'signed_up', 'no_access'] as const;
export type ParentAccountState = (typeof PARENT_ACCOUNT_STATES)[number];
export const PARENT_ACCOUNT_STATE_LABELS: Record<ParentAccountState, string> = {
  not_invitable: 'Cannot be invited',
  not_invited: 'Not invited',
  invited: 'Invited',
  signed_up: 'Signed up',
  no_access: 'No access',
};

export const familyContactsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(PARENT_ACCOUNT_STATES).optional(),
  yearGroup: z.coerce.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX).optional(),
  cursor: z.string().max(200).optional(),
});

export interface FamilyContactRow {
  contactId: string;
  name: string;
  relationship: string;
  /** Shown to the lead so they can see where the invitation goes. */
  email: string | null;
  pupilId: string;
  pupilName: string;
  form: string;
  yearGroup: number;
  state: ParentAccountState;
  /** Why the contact cannot be invited (no parental responsibility, no contact, no e-mail). */
  notInvitableReason: string | null;
  invitedAt: string | null;
  lastSeenAt: string | null;
  noAccess: { reasonKind: (typeof NO_ACCESS_REASONS)[number]; reason: string; setAt: string; setByName: string } | null;
}
export interface FamilyContactsResponse {
  rows: FamilyContactRow[];
  nextCursor: string | null;
  counts: Record<ParentAccountState, number>;
}

export const contactParams = z.object({ schoolId: z.uuid(), contactId: z.uuid() });

export const noAccessSchema = z.strictObject({
  reasonKind: z.enum(NO_ACCESS_REASONS, { error: 'Choose why' }),
  reason: text(2_000, 'Say why this parent or carer must not see the child in Tandem'),
});
export type NoAccessBody = z.infer<typeof noAccessSchema>;
export const liftNoAccessSchema = z.strictObject({
  reason: text(2_000, 'Say why access is given back'),
});

// ---------------------------------------------------------------------------------------------
// The parent (and pupil) account: who they are, which children they see.

export interface FamilyChildSummary {
  schoolId: string;
  schoolName: string;
  pupilId: string;
  /** The name the family uses: preferred given name and family name. */
  name: string;
  firstName: string;
  yearLabel: string;
}
export interface FamilyMeResponse {
  kind: 'parent' | 'pupil';
  displayName: string;
  children: FamilyChildSummary[];
  emailNews: boolean;
}

export const familyPreferencesSchema = z.strictObject({ emailNews: z.boolean() });

export const familyChildParams = z.object({ schoolId: z.uuid(), pupilId: z.uuid() });
export const familySchoolParams = z.object({ schoolId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// What a parent sees of one child. Each part is filled by the feature that owns it.

export interface ParentLevelPart {
  /** null = Thriving. */
  code: string | null;
  name: string;
  /** The level in plain words, for parents. */
  summary: string;
  homeToDo: string[];
  schoolDoes: string[];
  since: string | null;
}
export interface ParentPlanPart {
  id: string;
  kindLabel: string;
  version: number;
  agreedOn: string;
  reviewDue: string;
  sections: { label: string; text: string }[];
  contacts: { name: string; relationship: string; phone: string }[];
  /** When this parent confirmed they had read this version; null when not yet. */
  readAt: string | null;
}
export interface ParentMeetingPart {
  id: string;
  kindLabel: string;
  heldAt: string;
  place: string;
  upcoming: boolean;
  nextSteps: { description: string; ownerName: string; dueOn: string; done: boolean; theirs: boolean }[];
}
export interface ParentInterventionPart {
  name: string;
  description: string;
  state: 'in' | 'waiting';
  dayLabel: string;
  startedOn: string | null;
  /** On a waiting list: the place in the queue (1 = next) and the expected start, when known. */
  position: number | null;
  expectedStart: string | null;
}
export interface ParentReferralPart {
  id: string;
  serviceLabel: string;
  stateLabel: string;
  sentOn: string | null;
  /** Days since it was sent, while waiting to be seen. */
  waitedDays: number | null;
  firstAppointmentOn: string | null;
  whileYouWait: { name: string; how: string; url: string | null }[];
}
export interface ParentQuestionnairePart {
  id: string;
  title: string;
  dueOn: string | null;
  started: boolean;
}
export interface ParentLetterPart {
  id: string;
  sharedAt: string;
  levelName: string;
  readAt: string | null;
}
export interface ParentMessagePart {
  id: string;
  kind: (typeof FAMILY_MESSAGE_KINDS)[number];
  text: string;
  sentAt: string;
  state: (typeof FAMILY_MESSAGE_STATES)[number];
  readAt: string | null;
  /** For a support request: what was asked for. */
  interventionName: string | null;
}
export interface SupportOffer {
  interventionId: string;
  name: string;
  description: string;
}

/** A reduced timetable as home sees it: the hours, dates, return plan and next review; never why. */
export interface ParentTimetablePart {
  hours: string;
  sessionsPerWeek: number;
  startOn: string;
  endOn: string;
  returnPlan: string;
  nextReviewOn: string | null;
}
/** A safeguarding visit or call as home sees it: when, which kind, whether seen; never how they seemed. */
export interface ParentVisitPart {
  at: string;
  kind: VisitKind;
  seen: boolean;
}

/** Everything the features contribute about one child, for their parent. */
export interface ParentChildParts {
  level: ParentLevelPart | null;
  plans: ParentPlanPart[];
  meetings: ParentMeetingPart[];
  interventions: ParentInterventionPart[];
  referrals: ParentReferralPart[];
  questionnaires: ParentQuestionnairePart[];
  letters: ParentLetterPart[];
  supportOffers: SupportOffer[];
  /** The reduced timetable running now (none or one). */
  reducedTimetables: ParentTimetablePart[];
  welfareVisits: ParentVisitPart[];
}
export interface ParentChildView extends ParentChildParts {
  child: FamilyChildSummary;
  messages: ParentMessagePart[];
}

export const tellSchoolSchema = z.strictObject({
  text: text(5_000, 'Tell us what is happening'),
  submissionKey,
});
export type TellSchoolBody = z.infer<typeof tellSchoolSchema>;

export const askSupportSchema = z.strictObject({
  /** The support asked for; null when the parent does not know which would help. */
  interventionId: z.uuid().nullable(),
  text: text(2_000, 'Tell us why you are asking'),
  submissionKey,
});
export type AskSupportBody = z.infer<typeof askSupportSchema>;

export const confirmReadSchema = z.strictObject({
  item: z.enum(CONFIRMABLE_ITEMS),
  itemId: z.uuid(),
  /** A plan's agreed version; 0 for a letter. */
  version: z.number().int().min(0).default(0),
});
export type ConfirmReadBody = z.infer<typeof confirmReadSchema>;

export const letterParams = z.object({ schoolId: z.uuid(), pupilId: z.uuid(), letterId: z.uuid() });

/** The school's directory, for families: services for parents (or pupils), with how to get in touch. */
export interface FamilyService {
  id: string;
  name: string;
  description: string;
  phone: string;
  url: string | null;
  openingHours: string;
  selfReferral: boolean;
  howToRefer: string;
}

export interface PartnershipResponse {
  schoolName: string;
  statement: PartnershipStatement;
}

// ---------------------------------------------------------------------------------------------
// Staff: pupil accounts.

export const pupilAccountsQuery = z.strictObject({
  yearGroup: z.coerce.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX).optional(),
  cursor: z.string().max(200).optional(),
});
export const PUPIL_ACCOUNT_STATES = ['none', 'code_issued', 'active'] as const;
export type PupilAccountState = (typeof PUPIL_ACCOUNT_STATES)[number];
export const PUPIL_ACCOUNT_STATE_LABELS: Record<PupilAccountState, string> = {
  none: 'No account',
  code_issued: 'Set-up code given',
  active: 'Signed up',
};
export interface PupilAccountRow {
  pupilId: string;
  name: string;
  form: string;
  yearGroup: number;
  state: PupilAccountState;
  signInName: string | null;
  lastSeenAt: string | null;
}
export interface PupilAccountsResponse {
  rows: PupilAccountRow[];
  nextCursor: string | null;
  /** The year groups the school gives accounts to. */
  years: number[];
}

/**
 * Set-up codes for the pupils named, or for a whole year group; answered with a printable PDF.
 * Exactly one of the two is given (checked by the server, which says so in a clear message).
 */
export const issueCodesSchema = z.strictObject({
  yearGroup: z.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX).optional(),
  pupilIds: z.array(z.uuid()).max(500, 'At most 500 pupils at once').optional(),
});
export type IssueCodesBody = z.infer<typeof issueCodesSchema>;

/** A pupil sets up their account with the code from the sheet. */
export const pupilSetUpSchema = z.strictObject({
  code: z
    .string({ error: 'Enter the code from your sheet' })
    .trim()
    .min(1, 'Enter the code from your sheet')
    .max(40, 'Enter the code from your sheet'),
});
export interface PupilSetUpResponse {
  firstName: string;
  signInName: string;
  /** A one-time token for the set-password page. */
  token: string;
}
