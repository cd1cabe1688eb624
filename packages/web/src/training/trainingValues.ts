/** The training form's values, checks and request body, kept apart from the page that shows them. */
import {
  TRAINING_COURSES,
  TRAINING_DEFAULT_RENEWAL_MONTHS,
  addTrainingSchema,
  type DocumentInfo,
  type TrainingCourse,
  type TrainingRecord,
} from '@tandem/core';
import { dateProblem, isIsoDay } from '../components/DateInput';
import { ukIsoDay } from '../components/dates';
import type { FieldError } from '../components/formErrors';
import { isOneOf } from '../components/format';

export interface TrainingFormValues {
  /** '' for yourself. */
  userId: string;
  course: TrainingCourse | '';
  otherName: string;
  completedOn: string;
  provider: string;
  /** As typed: '' when it does not expire. */
  renewal: string;
  /** Whether the renewal period was typed (else it follows the course's usual one). */
  renewalTouched: boolean;
  certificate: DocumentInfo | null;
  notes: string;
}

export const TRAINING_FIELDS = [
  'userId',
  'course',
  'otherName',
  'completedOn',
  'provider',
  'renewalMonths',
  'certificateDocumentId',
  'notes',
] as const;

export const emptyTrainingValues = (): TrainingFormValues => ({
  userId: '',
  course: '',
  otherName: '',
  completedOn: '',
  provider: '',
  renewal: '',
  renewalTouched: false,
  certificate: null,
  notes: '',
});

export function valuesFromRecord(r: TrainingRecord): TrainingFormValues {
  return {
    userId: r.userId,
    course: r.course,
    otherName: r.otherName,
    completedOn: r.completedOn,
    provider: r.provider,
    renewal: r.renewalMonths === null ? '' : String(r.renewalMonths),
    renewalTouched: true,
    certificate: r.certificate,
    notes: r.notes,
  };
}

/** Choosing a course sets its usual renewal period, unless one was typed. */
export function withCourse(v: TrainingFormValues, course: string): TrainingFormValues {
  if (!isOneOf(TRAINING_COURSES, course)) return v;
  const usual = TRAINING_DEFAULT_RENEWAL_MONTHS[course];
  return { ...v, course, renewal: v.renewalTouched ? v.renewal : usual === null ? '' : String(usual) };
}

/** The form's own checks, beyond the schema: a real date, not in the future; a whole number of months. */
export function ownProblems(v: TrainingFormValues): FieldError[] {
  const problems: FieldError[] = [];
  const date = dateProblem(v.completedOn, 'Date the training was done');
  if (date !== null) problems.push({ path: 'completedOn', message: date });
  else if (isIsoDay(v.completedOn) && v.completedOn > ukIsoDay()) {
    problems.push({ path: 'completedOn', message: 'The date the training was done must be today or in the past' });
  }
  if (v.renewal.trim() !== '' && !/^\d+$/.test(v.renewal.trim())) {
    problems.push({ path: 'renewalMonths', message: 'Enter the renewal period as a whole number of months' });
  }
  return problems;
}

/** The request's details (the person and the form's key are added by the page). */
export function detailsOf(v: TrainingFormValues) {
  return {
    course: v.course === '' ? undefined : v.course,
    otherName: v.otherName,
    completedOn: v.completedOn,
    provider: v.provider,
    renewalMonths: v.renewal.trim() === '' ? null : Number(v.renewal.trim()),
    certificateDocumentId: v.certificate?.id ?? null,
    notes: v.notes,
  };
}

/** Checks the whole form as the server will (the add schema holds every field's rule). */
export function parseTraining(v: TrainingFormValues) {
  return addTrainingSchema.safeParse({ ...detailsOf(v), userId: v.userId === '' ? undefined : v.userId });
}
