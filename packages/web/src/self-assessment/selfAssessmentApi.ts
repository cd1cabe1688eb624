/** The self-assessment's addresses (API and pages) and the words its pages share. */
import { RATING_LABELS, type Framework, type Rating } from '@tandem/core';
import { enc, withQuery } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { resourcesPage, selfAssessmentPage } from '../whole-school/paths';

export { selfAssessmentPage };

const api = (schoolId: string) => `/api/schools/${enc(schoolId)}/self-assessments`;
export const assessmentsApi = api;
export const assessmentApi = (schoolId: string, id: string) => `${api(schoolId)}/${enc(id)}`;
export const statementApi = (schoolId: string, id: string, key: string) =>
  `${assessmentApi(schoolId, id)}/statements/${enc(key)}`;
export const confirmApi = (schoolId: string, id: string) => `${assessmentApi(schoolId, id)}/confirm`;
export const progressApi = (schoolId: string, framework: Framework) =>
  withQuery(`${api(schoolId)}/progress`, { framework });
export const progressCsvApi = (schoolId: string, framework: Framework) =>
  withQuery(`${api(schoolId)}/progress.csv`, { framework });
export const evidenceRecordsApi = (schoolId: string) => `${api(schoolId)}/evidence-records`;

export const assessmentPage = (schoolId: string, id: string) => `${selfAssessmentPage(schoolId)}/${enc(id)}`;
export const areaResourcesPage = (schoolId: string, areaKey: string) =>
  withQuery(resourcesPage(schoolId), { area: areaKey });
export const proposeActionPage = (schoolId: string, areaKey: string, statementKey?: string) =>
  withQuery(`/schools/${enc(schoolId)}/whole-school/action-plan/new`, { area: areaKey, statement: statementKey });

/** Contributors and the lead read the self-assessments (the head is both). */
export const readsAssessments = (school: SessionSchool | undefined) =>
  schoolCan(school, 'improvement.contribute') || schoolCan(school, 'improvement.lead');

const TONES: Record<Rating, TagTone> = {
  not_in_place: 'red',
  emerging: 'yellow',
  established: 'green',
  embedded: 'teal',
};
export const ratingTone = (r: Rating): TagTone => TONES[r];
export const ratingWords = (r: Rating | null): string => (r === null ? 'Not rated' : RATING_LABELS[r]);
