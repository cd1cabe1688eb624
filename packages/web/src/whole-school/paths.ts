/** The addresses of the whole-school tools' pages, shared by the hub, the home page and each tool. */
import { enc } from '../api/client';

export const wholeSchoolPage = (schoolId: string) => `/schools/${enc(schoolId)}/whole-school`;
export const selfAssessmentPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/self-assessment`;
export const actionPlanPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/action-plan`;
export const actionPage = (schoolId: string, actionId: string) => `${actionPlanPage(schoolId)}/${enc(actionId)}`;
export const resourcesPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/resources`;
export const editResourcePage = (schoolId: string, resourceId: string) =>
  `${resourcesPage(schoolId)}/${enc(resourceId)}/edit`;
export const surveysPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/survey`;
export const answerSurveyPage = (schoolId: string, surveyId: string) =>
  `${surveysPage(schoolId)}/${enc(surveyId)}/answer`;
export const trainingPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/training`;
export const trainingRecordPage = (schoolId: string, recordId: string) => `${trainingPage(schoolId)}/${enc(recordId)}`;
export const policiesPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/policies`;
export const policyPage = (schoolId: string, policyId: string) => `${policiesPage(schoolId)}/${enc(policyId)}`;
