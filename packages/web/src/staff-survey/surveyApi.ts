/** Addresses and small words shared by the staff wellbeing survey's pages. */
import {
  HIDDEN_LABELS,
  type DifferenceFigure,
  type StatFigure,
  type SurveyStatus,
  type CountFigure,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { schoolApi } from '../pupils/pupilsApi';
import { surveysPage } from '../whole-school/paths';

export const surveysApi = (schoolId: string) => `${schoolApi(schoolId)}/staff-surveys`;
export const surveyApi = (schoolId: string, surveyId: string) => `${surveysApi(schoolId)}/${enc(surveyId)}`;
export const surveyPage = (schoolId: string, surveyId: string) => `${surveysPage(schoolId)}/${enc(surveyId)}`;
export const newSurveyPage = (schoolId: string) => `${surveysPage(schoolId)}/new`;

export const createdResponse = z.object({ id: z.string() });
export const openedResponse = z.object({ invited: z.number() });
export const remindedResponse = z.object({ reminded: z.number() });
export const okResponse = z.object({ ok: z.literal(true) });
export const answeredResponse = z.object({ answered: z.literal(true) });

/** Every member of staff may answer a survey they are asked to (the server decides). */
export const mayUseSurveys = (school: SessionSchool | undefined) => schoolCan(school, 'staff.wholeSchool');
export const mayManageSurveys = (school: SessionSchool | undefined) => schoolCan(school, 'survey.manage');

export const STATUS_TONES: Record<SurveyStatus, TagTone> = { draft: 'grey', open: 'blue', closed: 'green' };

export function countWords(f: CountFigure): string {
  return f.shown ? String(f.value) : HIDDEN_LABELS[f.reason];
}

export function agreeWords(f: StatFigure): string {
  return f.shown ? `${String(f.agreePercent)}%` : HIDDEN_LABELS[f.reason];
}

export function meanWords(f: StatFigure): string {
  return f.shown ? f.mean.toFixed(1) : HIDDEN_LABELS[f.reason];
}

/** "+12 points", "−3 points", "no change", or why it is hidden. */
export function pointsWords(f: DifferenceFigure | null): string {
  if (f === null) return 'no earlier figure';
  if (!f.shown) return HIDDEN_LABELS[f.reason];
  if (f.agreePoints === 0) return 'no change';
  return `${f.agreePoints > 0 ? '+' : '−'}${String(Math.abs(f.agreePoints))} points`;
}
