/** The action plan's addresses (API and pages) and the words and tones its pages share. */
import { ACTION_STATUS_LABELS, RATING_LABELS, type ActionStatus, type Rating } from '@tandem/core';
import { enc, withQuery } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { actionPage, actionPlanPage } from '../whole-school/paths';

export { actionPage, actionPlanPage };

const schoolApi = (schoolId: string) => `/api/schools/${enc(schoolId)}`;
export const actionPlanApi = (schoolId: string, assessmentId?: string | null) =>
  withQuery(`${schoolApi(schoolId)}/action-plan`, { assessmentId: assessmentId ?? undefined });
export const actionPlanPdfApi = (schoolId: string, assessmentId?: string | null) =>
  withQuery(`${schoolApi(schoolId)}/action-plan.pdf`, { assessmentId: assessmentId ?? undefined });
export const actionsApi = (schoolId: string) => `${schoolApi(schoolId)}/improvement-actions`;
export const actionApi = (schoolId: string, actionId: string) => `${actionsApi(schoolId)}/${enc(actionId)}`;
export const staffDirectoryApi = (schoolId: string) => `${schoolApi(schoolId)}/staff-directory`;

export const newActionPage = (schoolId: string, o: { area?: string; statement?: string } = {}) =>
  withQuery(`${actionPlanPage(schoolId)}/new`, { area: o.area, statement: o.statement });
export const editActionPage = (schoolId: string, actionId: string) => `${actionPage(schoolId, actionId)}/edit`;
export const selfAssessmentPage = (schoolId: string) => `/schools/${enc(schoolId)}/whole-school/self-assessment`;

/** Who reads the whole plan: contributors to the self-assessment and the lead. */
export const readsPlan = (school: SessionSchool | undefined) =>
  schoolCan(school, 'improvement.contribute') || schoolCan(school, 'improvement.lead');
export const leadsPlan = (school: SessionSchool | undefined) => schoolCan(school, 'improvement.lead');

const STATUS_TONES: Record<ActionStatus, TagTone> = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  dropped: 'grey',
};
export const statusTone = (s: ActionStatus): TagTone => STATUS_TONES[s];
export const statusWords = (s: ActionStatus): string => ACTION_STATUS_LABELS[s];

const RATING_TONES: Record<Rating, TagTone> = {
  not_in_place: 'red',
  emerging: 'yellow',
  established: 'green',
  embedded: 'teal',
};
export const ratingTone = (r: Rating): TagTone => RATING_TONES[r];
export const ratingWords = (r: Rating): string => RATING_LABELS[r];
