/** Addresses, answers and small words shared by the training record's pages. */
import { TRAINING_COURSE_SHORT_LABELS, type TrainingCourse, type TrainingStatus } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const myTrainingApi = (schoolId: string) => `${schoolApi(schoolId)}/my-training`;
export const trainingApi = (schoolId: string) => `${schoolApi(schoolId)}/training`;
export const trainingCsvApi = (schoolId: string) => `${schoolApi(schoolId)}/training.csv`;
export const trainingRecordApi = (schoolId: string, recordId: string) => `${trainingApi(schoolId)}/${enc(recordId)}`;

export const trainingPage = (schoolId: string) => `${schoolPage(schoolId)}/whole-school/training`;
export const newTrainingPage = (schoolId: string) => `${trainingPage(schoolId)}/new`;
export const trainingRecordPage = (schoolId: string, recordId: string) =>
  `${trainingPage(schoolId)}/${encodeURIComponent(recordId)}`;
export const editTrainingPage = (schoolId: string, recordId: string) =>
  `${trainingRecordPage(schoolId, recordId)}/edit`;

export const savedResponse = z.object({ id: z.string(), version: z.number() });

/** Every member of staff keeps their own record (the server decides; this only hides the way in). */
export function mayKeepOwnTraining(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'staff.wholeSchool');
}

/** The Senior Mental Health Lead, the headteacher and the school administrator keep everyone's. */
export function mayManageTraining(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'training.manage');
}

/** One colour language: the word always says it too. */
export const STATUS_TONES: Record<TrainingStatus, TagTone> = {
  up_to_date: 'green',
  due: 'yellow',
  overdue: 'red',
  missing: 'red',
  awaiting: 'blue',
};

export const EXPIRY_TONES: Record<'up_to_date' | 'due' | 'overdue', TagTone> = {
  up_to_date: 'green',
  due: 'yellow',
  overdue: 'red',
};

export const shortCourse = (course: TrainingCourse) => TRAINING_COURSE_SHORT_LABELS[course];
