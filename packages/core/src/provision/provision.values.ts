/**
 * Provision for a pupil too unwell for a full timetable: a part-time (reduced) timetable, education
 * taught elsewhere (medical education, hospital school, alternative provision, virtual learning),
 * and the school's safeguarding visits or calls while the pupil is not in school. From the
 * Department for Education's "Working together to improve school attendance" (statutory from
 * August 2024): a part-time timetable is exceptional, agreed with parents, time-limited, with a
 * plan to return to full time, reviewed regularly, and recorded with attendance code C2.
 */

/** A reduced timetable may run this long from its start without a reason for running longer. */
export const TIMETABLE_MAX_WEEKS_WITHOUT_REASON = 6;
/** The lead is reminded this many days before each review and before the end date. */
export const TIMETABLE_REMINDER_DAYS = 3;

/** How parents or carers agreed: the same words as a plan's agreements (plans.values AGREEMENT_HOW). */

export const TIMETABLE_STATUSES = ['active', 'ended'] as const;
export type TimetableStatus = (typeof TIMETABLE_STATUSES)[number];

/** How a reduced timetable ended. */
export const TIMETABLE_ENDINGS = ['full_time', 'alternative_provision', 'left_school', 'other'] as const;
export type TimetableEnding = (typeof TIMETABLE_ENDINGS)[number];
export const TIMETABLE_ENDING_LABELS: Record<TimetableEnding, string> = {
  full_time: 'Back to a full timetable',
  alternative_provision: 'Now taught elsewhere',
  left_school: 'Left the school',
  other: 'Something else',
};

/** Where a pupil is taught when not (only) in school. */
export const PROVISION_KINDS = [
  'medical_education',
  'hospital_school',
  'alternative_provision',
  'virtual_learning',
] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];
export const PROVISION_KIND_LABELS: Record<ProvisionKind, string> = {
  medical_education: 'Medical education provision',
  hospital_school: 'Hospital school',
  alternative_provision: 'Alternative provision',
  virtual_learning: 'Virtual learning',
};

/** School days, Monday first. */
export const SCHOOL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type SchoolDay = (typeof SCHOOL_DAYS)[number];
export const SCHOOL_DAY_LABELS: Record<SchoolDay, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
};

/** A safeguarding contact with a pupil not in school. */
export const VISIT_KINDS = ['home_visit', 'phone_call', 'video_call', 'visit_at_provision'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  home_visit: 'Home visit',
  phone_call: 'Phone call',
  video_call: 'Video call',
  visit_at_provision: 'Visit where they are taught',
};

/** How often a scheduled visit or call is due, in days. */
export const VISIT_FREQUENCIES = [7, 14, 28] as const;
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];
export const VISIT_FREQUENCY_LABELS: Record<`${VisitFrequency}`, string> = {
  '7': 'Every week',
  '14': 'Every two weeks',
  '28': 'Every four weeks',
};
