/** Addresses and small words shared by the early identification pages. */
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { pupilPage, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const earlyApi = (schoolId: string) => `${schoolApi(schoolId)}/early`;
export const earlyPupilsApi = (schoolId: string) => `${earlyApi(schoolId)}/pupils`;
export const earlyReviewApi = (schoolId: string, pupilId: string) =>
  `${earlyPupilsApi(schoolId)}/${enc(pupilId)}/reviews`;
export const earlyRulesApi = (schoolId: string) => `${earlyApi(schoolId)}/rules`;
export const earlyRatesApi = (schoolId: string) => `${earlyApi(schoolId)}/rates`;

export const toReviewPage = (schoolId: string) => `${schoolPage(schoolId)}/pupils-to-review`;
export const reviewPage = (schoolId: string, pupilId: string) =>
  `${toReviewPage(schoolId)}/${encodeURIComponent(pupilId)}/review`;
export const rulesPage = (schoolId: string) => `${toReviewPage(schoolId)}/rules`;
export const ratesPage = (schoolId: string) => `${toReviewPage(schoolId)}/rates`;

/** Where the lead changes the pupil's level, and where referrals are made (the pupil's record). */
export const changeLevelPage = (schoolId: string, pupilId: string) => `${pupilPage(schoolId, pupilId)}/level`;
export const referralsOfPupil = (schoolId: string, pupilId: string) =>
  `${pupilPage(schoolId, pupilId)}#pupil-referrals-title`;

/** Only the SMHL reviews (the server decides; this only hides the way in). */
export function mayReview(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'early.review');
}

/** "23%", or "–" for an empty group. */
export function percent(rate: number | null): string {
  return rate === null ? 'No pupils' : `${String(Math.round(rate * 1000) / 10)}%`;
}
