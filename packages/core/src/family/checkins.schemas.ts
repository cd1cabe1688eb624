/**
 * Requests and answers of the pupil portal (check-ins, "Help now", the pupil's own page) and of the
 * staff side of check-ins (the trusted adult, talk requests to acknowledge).
 */
import { z } from 'zod';
import { CHECKIN_FREQUENCIES, MOODS } from './family.values';
import type { ParentTimetablePart, ParentVisitPart } from './family.schemas';

export const checkinSchema = z.strictObject({
  mood: z
    .number({ error: 'Choose how you are feeling' })
    .int('Choose how you are feeling')
    .min(MOODS[0], 'Choose how you are feeling')
    .max(MOODS[MOODS.length - 1] as number, 'Choose how you are feeling'),
  note: z.string().trim().max(2_000, 'Your note must be 2,000 characters or fewer').default(''),
  wantsToTalk: z.boolean().default(false),
  submissionKey: z.string().min(8).max(64),
});
export type CheckinBody = z.infer<typeof checkinSchema>;

export interface CheckinAnswer {
  id: string;
  /** The note held words that mean the pupil may not be safe: show "Help now" at once. */
  helpNow: boolean;
  /** Whose the "talk to someone" went to, by name, so the pupil knows who will come. */
  talkToName: string | null;
}

/** One of the pupil's own check-ins, as they see it. */
export interface PupilCheckin {
  id: string;
  at: string;
  mood: number;
  note: string;
  wantsToTalk: boolean;
  /** For a "talk to someone": when it reached school (always), and when someone read it. */
  readAt: string | null;
}

export interface PupilQuestionnairePart {
  id: string;
  title: string;
  dueOn: string | null;
  started: boolean;
}

/** The pupil's plan in their own words, written for them by the plan's author (last agreed version). */
export interface PupilPlanPart {
  planId: string;
  text: string;
  agreedOn: string;
}

/** What the features contribute to a pupil's own page. */
export interface PupilHomeParts {
  questionnaires: PupilQuestionnairePart[];
  myPlan: PupilPlanPart | null;
  myTimetable: ParentTimetablePart | null;
  myVisits: ParentVisitPart[];
}

export interface PupilHomeResponse extends PupilHomeParts {
  schoolId: string;
  schoolName: string;
  firstName: string;
  frequency: (typeof CHECKIN_FREQUENCIES)[number];
  /** Whether a check-in is asked for now (none yet today, or this week). */
  checkinDue: boolean;
  trustedAdultName: string | null;
  checkins: PupilCheckin[];
}

/** "Help now": who to talk to in school today, and the national lines. */
export interface HelpNowResponse {
  onDuty: { name: string }[];
  whereToFind: string;
}

// ---------------------------------------------------------------------------------------------
// Staff.

export const trustedAdultSchema = z.strictObject({
  userId: z.uuid({ error: 'Choose a member of staff' }),
});
export interface TrustedAdultResponse {
  /** The trusted adult set by the lead, or null when the default applies. */
  chosen: { userId: string; name: string } | null;
  /** Who a "talk to someone" goes to today: the chosen adult, else the tutor, else the lead. */
  effective: { userId: string; name: string; why: 'chosen' | 'tutor' | 'lead' } | null;
  /** Staff the lead may choose from. */
  candidates: { userId: string; name: string; roleLabel: string }[];
}

/** A pupil's "I'd like to talk to someone", for the trusted adult (or the lead after escalation). */
export interface TalkRequest {
  checkinId: string;
  pupilId: string;
  pupilName: string;
  form: string;
  at: string;
  mood: number;
  note: string;
  talkToName: string | null;
  escalated: boolean;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
}
export interface TalkRequestsResponse {
  waiting: TalkRequest[];
  /** Acknowledged in the last 14 days, newest first. */
  recent: TalkRequest[];
}

export const checkinParams = z.object({ schoolId: z.uuid(), checkinId: z.uuid() });

/** A pupil's check-ins for staff allowed to see them (case roles in scope, and the trusted adult). */
export interface StaffCheckinsResponse {
  checkins: (PupilCheckin & { acknowledgedByName: string | null; escalated: boolean; riskRaised: boolean })[];
}
