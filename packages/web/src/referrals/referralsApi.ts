/** Addresses, answers and small words shared by the referral pages. */
import {
  DEFAULT_REFERRAL_WAIT_DAYS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralDetail,
  type ReferralStatus,
  type ReferralSummary,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { pupilApi, pupilPage, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const pupilReferralsApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/referrals`;
export const referralApi = (schoolId: string, referralId: string) =>
  `${schoolApi(schoolId)}/referrals/${enc(referralId)}`;
export const referralWaitsApi = (schoolId: string) => `${schoolApi(schoolId)}/referral-waits`;

export const referralPage = (schoolId: string, referralId: string) =>
  `${schoolPage(schoolId)}/referrals/${encodeURIComponent(referralId)}`;
export const referralWaitsPage = (schoolId: string) => `${schoolPage(schoolId)}/referral-waits`;
export const emergencyReferralPage = (schoolId: string, pupilId: string) =>
  `${pupilPage(schoolId, pupilId)}/emergency-referral`;

export const startedResponse = z.object({ id: z.string(), standardDays: z.number() });
export const savedResponse = z.object({ id: z.string(), version: z.number() });
export const steppedResponse = z.object({ id: z.string(), version: z.number(), status: z.string() });

export type Detail = ReferralDetail;
export type FullReferral = Detail['referral'];

/** Who may read the waits across the school: the Mental Health Lead and the headteacher. */
export const mayViewWaits = (school: SessionSchool | undefined): boolean => schoolCan(school, 'referral.viewWaits');

/** "CAMHS / CYPMHS": the kind of service (the directory entry, when chosen, is named beside it). */
export const serviceWords = (r: Pick<ReferralSummary, 'service'>): string => REFERRAL_SERVICE_LABELS[r.service];

const STATUS_TONES: Record<ReferralStatus, TagTone> = {
  draft: 'grey',
  sent: 'blue',
  acknowledged: 'blue',
  accepted: 'teal',
  declined: 'yellow',
  waiting: 'teal',
  first_appointment: 'green',
  closed: 'grey',
};
export const statusTone = (s: ReferralStatus): TagTone => STATUS_TONES[s];
export const statusLabel = (s: ReferralStatus): string => REFERRAL_STATUS_LABELS[s];

/** "12 days" */
export const daysWords = (n: number): string => `${String(n)} ${n === 1 ? 'day' : 'days'}`;

/** "4 weeks" for 28 days, else "30 days": the standard wait, in the words people use for it. */
export function standardWords(days: number): string {
  return days % 7 === 0 ? `${String(days / 7)} ${days === 7 ? 'week' : 'weeks'}` : daysWords(days);
}

/** The pupil's list does not carry the school's standard: the default's words ("over 4 weeks"). */
export const OVER_STANDARD = `Over ${standardWords(DEFAULT_REFERRAL_WAIT_DAYS)}`;

/** Statuses in which the family is waiting for the service: when "While you wait" is shown. */
export const WAITING_STATUSES: readonly ReferralStatus[] = ['sent', 'acknowledged', 'accepted', 'waiting'];

/** A fresh key for a form that creates something, so a double press or a retry creates one. */
export const newSubmissionKey = (): string => crypto.randomUUID();
