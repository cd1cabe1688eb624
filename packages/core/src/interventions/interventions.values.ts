/**
 * The enumerated values of interventions, waiting lists and questionnaires, with their labels. Each
 * is one array from which its type, its zod schema and its labels derive. This module imports
 * nothing, so the tables and the zod schemas can both import it without a cycle.
 */

export const INTERVENTION_FORMATS = ['group', 'one_to_one'] as const;
export type InterventionFormat = (typeof INTERVENTION_FORMATS)[number];
export const INTERVENTION_FORMAT_LABELS: Record<InterventionFormat, string> = {
  group: 'Group',
  one_to_one: 'One-to-one',
};

export const INTERVENTION_STATUSES = ['running', 'paused', 'retired'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  retired: 'Retired',
};

/** School days an intervention's sessions may fall on (one session a week, on this day). */
export const SESSION_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type SessionDay = (typeof SESSION_DAYS)[number];
export const SESSION_DAY_LABELS: Record<SessionDay, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
};

/**
 * Where a pupil stands with an intervention (intervention_places.status): asked for and waiting, in
 * it, finished, left before the end, or taken off the list before starting.
 */
export const PLACE_STATUSES = ['waiting', 'in', 'completed', 'left_early', 'withdrawn'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export const PLACE_STATUS_LABELS: Record<PlaceStatus, string> = {
  waiting: 'Waiting',
  in: 'In the intervention',
  completed: 'Completed',
  left_early: 'Left early',
  withdrawn: 'Taken off the list',
};
/** Statuses that hold a pupil's one open request for an intervention. */
export const OPEN_PLACE_STATUSES = ['waiting', 'in'] as const satisfies readonly PlaceStatus[];

/** Who asked for the place: staff now; a parent from the portal plugs in as a second source. */
export const REQUEST_SOURCES = ['staff', 'parent'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];
export const REQUEST_SOURCE_LABELS: Record<RequestSource, string> = {
  staff: 'Staff',
  parent: 'Parent or carer',
};

/** How a pupil's place ended. */
export const PLACE_ENDINGS = ['completed', 'left_early'] as const satisfies readonly PlaceStatus[];
export type PlaceEnding = (typeof PLACE_ENDINGS)[number];

/** A pupil's attendance at one session. */
export const ATTENDANCE = ['attended', 'not_attended'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  not_attended: 'Did not attend',
};

/** When in an intervention a questionnaire is asked (questionnaires.timepoint). */
export const TIMEPOINTS = ['baseline', 'follow_up', 'check'] as const;
export type Timepoint = (typeof TIMEPOINTS)[number];
export const TIMEPOINT_LABELS: Record<Timepoint, string> = {
  baseline: 'Before (baseline)',
  follow_up: 'After (follow-up)',
  check: 'Check',
};

/** A questionnaire's progress: asked for, being answered, finished. */
export const QUESTIONNAIRE_STATUSES = ['due', 'in_progress', 'complete'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  due: 'Due',
  in_progress: 'Started',
  complete: 'Complete',
};

/** A school's own questionnaire versions: in use, or retired (kept, with the scores made on it). */
export const CUSTOM_MEASURE_STATUSES = ['in_use', 'retired'] as const;
export type CustomMeasureStatus = (typeof CUSTOM_MEASURE_STATUSES)[number];

/** The most places an intervention may offer at once, and sessions it may run. */
export const MAX_PLACES = 40;
export const MAX_SESSIONS = 52;
