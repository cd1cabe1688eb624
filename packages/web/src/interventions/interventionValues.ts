/**
 * The intervention editor's answers as typed (numbers as text, nothing chosen yet), and how they
 * become the body the server takes. The checks are core's schemas, the ones the server uses.
 */
import {
  changeInterventionSchema,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUSES,
  interventionInputSchema,
  LEVEL_CODES,
  SESSION_DAYS,
  type InterventionStatus,
  type InterventionSummary,
  type LevelCode,
} from '@tandem/core';
import { isOneOf } from '../components/format';
import type { FieldError } from '../components/formErrors';

export interface InterventionFormValues {
  name: string;
  description: string;
  format: string;
  places: string;
  sessionCount: string;
  sessionMinutes: string;
  sessionDay: string;
  suitsLevels: string[];
  /** A measure's key, or NO_MEASURE. */
  measureKey: string;
  staffUserIds: string[];
  status: InterventionStatus;
}

export const NO_MEASURE = 'none';

/** The fields in the order the form asks them, for the error summary. */
export const INTERVENTION_FIELDS = [
  'name',
  'description',
  'format',
  'places',
  'sessionCount',
  'sessionMinutes',
  'sessionDay',
  'suitsLevels',
  'measureKey',
  'staffUserIds',
  'status',
] as const;

export function emptyInterventionValues(): InterventionFormValues {
  return {
    name: '',
    description: '',
    format: '',
    places: '',
    sessionCount: '',
    sessionMinutes: '',
    sessionDay: '',
    suitsLevels: [],
    measureKey: NO_MEASURE,
    staffUserIds: [],
    status: 'running',
  };
}

export function valuesFromIntervention(i: InterventionSummary): InterventionFormValues {
  return {
    name: i.name,
    description: i.description,
    format: i.format,
    places: String(i.places),
    sessionCount: String(i.sessionCount),
    sessionMinutes: String(i.sessionMinutes),
    sessionDay: i.sessionDay,
    suitsLevels: [...i.suitsLevels],
    measureKey: i.measureKey ?? NO_MEASURE,
    staffUserIds: i.staff.map((s) => s.id),
    status: i.status,
  };
}

/** Text to a number for the schema: empty is missing, anything else not a number is NaN (refused). */
function numberOf(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

function candidate(v: InterventionFormValues) {
  return {
    name: v.name,
    description: v.description,
    format: isOneOf(INTERVENTION_FORMATS, v.format) ? v.format : undefined,
    places: numberOf(v.places),
    sessionCount: numberOf(v.sessionCount),
    sessionMinutes: numberOf(v.sessionMinutes),
    sessionDay: isOneOf(SESSION_DAYS, v.sessionDay) ? v.sessionDay : undefined,
    suitsLevels: v.suitsLevels.filter((l): l is LevelCode => isOneOf(LEVEL_CODES, l)),
    measureKey: v.measureKey === NO_MEASURE ? null : v.measureKey,
    staffUserIds: v.staffUserIds,
    status: isOneOf(INTERVENTION_STATUSES, v.status) ? v.status : 'running',
  };
}

/** A new intervention's body, checked: always running at first. */
export function newInterventionBody(v: InterventionFormValues) {
  return interventionInputSchema.safeParse({ ...candidate(v), status: 'running' });
}

/** A change's body, checked, made from `version` (the one loaded, or a newer one found on saving). */
export function changeInterventionBody(v: InterventionFormValues, version: number) {
  return changeInterventionSchema.safeParse({ ...candidate(v), version });
}

const NUMBER_QUESTIONS = [
  ['places', 'Enter the number of places'],
  ['sessionCount', 'Enter the number of sessions'],
  ['sessionMinutes', 'Enter the length of a session in minutes'],
] as const;

/** The form's own words for a number left empty (core's say "as a number", for text that is not one). */
export function emptyNumberProblems(v: InterventionFormValues): FieldError[] {
  return NUMBER_QUESTIONS.filter(([field]) => v[field].trim() === '').map(([path, message]) => ({ path, message }));
}
