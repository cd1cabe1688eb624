/**
 * Addresses and words shared by the questionnaire (outcome measure) pages. Light on purpose (no
 * schemas): the home page's My work links here. The requests are in questionnaireRequests.ts.
 */
import type { CompleteQuestionnaireResponse, Questionnaire } from '@tandem/core';
import { enc } from '../api/client';
import { formatDate, formatIsoDay } from '../components/dates';
import { pupilApi, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const pupilOutcomesApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/outcomes`;
export const pupilQuestionnairesApi = (schoolId: string, pupilId: string) =>
  `${pupilApi(schoolId, pupilId)}/questionnaires`;
export const questionnaireApi = (schoolId: string, questionnaireId: string) =>
  `${schoolApi(schoolId)}/questionnaires/${enc(questionnaireId)}`;
export const measuresApi = (schoolId: string) => `${schoolApi(schoolId)}/measures`;
export const measureApi = (schoolId: string, measureKey: string) => `${measuresApi(schoolId)}/${enc(measureKey)}`;

export const questionnairePage = (schoolId: string, questionnaireId: string) =>
  `${schoolPage(schoolId)}/questionnaires/${encodeURIComponent(questionnaireId)}`;
export const measuresPage = (schoolId: string) => `${schoolPage(schoolId)}/measures`;
export const newMeasurePage = (schoolId: string) => `${measuresPage(schoolId)}/new`;
export const editMeasurePage = (schoolId: string, measureKey: string) =>
  `${measuresPage(schoolId)}/${encodeURIComponent(measureKey)}/edit`;

/**
 * What finishing a questionnaire answered, kept for this page load so the member of staff sees the
 * urgent panel with who is on duty once the device is handed back (the pupil's screen never shows it).
 */
const completions = new Map<string, CompleteQuestionnaireResponse>();

export function rememberCompletion(questionnaireId: string, result: CompleteQuestionnaireResponse): void {
  completions.set(questionnaireId, result);
}

export function completionOf(questionnaireId: string): CompleteQuestionnaireResponse | undefined {
  return completions.get(questionnaireId);
}

export type QuestionnaireScore = NonNullable<Questionnaire['scores']>[number];

/** "12 (Moderate, in the clinical range)", or why there is no score. */
export function scoreInWords(s: QuestionnaireScore): string {
  if (s.value === null) {
    return `Not scored: ${String(s.answered)} of ${String(s.of)} questions answered`;
  }
  const value = Number.isInteger(s.value) ? String(s.value) : s.value.toFixed(1);
  const parts = [
    s.band,
    s.clinical === true ? 'in the clinical range' : s.clinical === false ? 'not in the clinical range' : null,
    s.prorated ? `from ${String(s.answered)} of ${String(s.of)} answers` : null,
  ].filter((x): x is string => x !== null);
  return parts.length === 0 ? value : `${value} (${parts.join(', ')})`;
}

/** "22 Nov 2026" from a calendar day ("2026-11-22") or a moment. */
export function dayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDay(value) : formatDate(value);
}
