/**
 * The enumerated values of pupils, their chronology and MIS imports. Each is one array from which
 * its type, its zod schema and its labels derive. This module imports nothing, so the tables and
 * the zod schemas can both import it without a cycle.
 */

/** Special educational needs as the MIS records them (pupils.send). */
export const SEND_STATUSES = ['none', 'support', 'ehcp'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const SEND_STATUS_LABELS: Record<SendStatus, string> = {
  none: 'No special educational needs',
  support: 'SEN support',
  ehcp: 'Education, health and care plan (EHCP)',
};

/** What the pupil list may be filtered by (case roles only). */
export const CHARACTERISTICS = [
  'send',
  'ehcp',
  'pupil_premium',
  'looked_after',
  'child_in_need',
  'young_carer',
  'eal',
  'female',
  'male',
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];
export const CHARACTERISTIC_LABELS: Record<Characteristic, string> = {
  send: 'SEND (support or EHCP)',
  ehcp: 'EHCP',
  pupil_premium: 'Pupil premium',
  looked_after: 'Looked after',
  child_in_need: 'Child in need',
  young_carer: 'Young carer',
  eal: 'English as an additional language',
  female: 'Girls',
  male: 'Boys',
};

/** Sex as the MIS records it (pupils.sex): the school census's female and male; null when not given. */
export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male' };

/** Every kind of entry a pupil's chronology merges from the features. */
export const CHRONOLOGY_KINDS = [
  'level_change',
  'shared_with_parents',
  'shared_with_staff',
  'details_corrected',
  'pupil_joined',
  'pupil_left',
  'concern_logged',
  'concern_acknowledged',
  'concern_addendum',
  'concern_corrected',
  'concern_action_added',
  'concern_action_completed',
  'concern_escalated',
  'concern_closed',
  'parents_told',
  'plan_written',
  'plan_revised',
  'plan_agreement',
  'plan_agreed',
  'plan_reviewed',
  'plan_ended',
  'meeting_held',
  'next_step_agreed',
  'next_step_completed',
  'intervention_requested',
  'intervention_started',
  'intervention_ended',
  'questionnaire_completed',
  'referral_started',
  'referral_step',
  'timetable_started',
  'timetable_reviewed',
  'timetable_ended',
  'provision_started',
  'provision_ended',
  'visit_recorded',
  'missing_list_added',
  'missing_list_removed',
  'missing_absence',
  'early_reviewed',
  'transfer_file_sent',
  'transfer_file_received',
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

/** What an MIS file holds (pupil_imports.kind). */
export const IMPORT_KINDS = ['pupils', 'contacts', 'groups', 'ctf'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  pupils: 'Pupils',
  contacts: 'Parents and carers',
  groups: 'Teaching groups',
  ctf: 'Common transfer file (CTF)',
};

/** Where an import stands, as stored (pupil_imports.status). */
export const IMPORT_STORED_STATUSES = ['previewed', 'applied', 'discarded'] as const;
export type ImportStoredStatus = (typeof IMPORT_STORED_STATUSES)[number];

/** Where an import stands, as answered: a previewed import being applied now is 'applying'. */
export const IMPORT_STATUSES = ['previewed', 'applying', 'applied', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  previewed: 'Checked, not imported',
  applying: 'Importing',
  applied: 'Imported',
  discarded: 'Discarded',
};

/** The steps of applying an import, in order, for its progress. */
export const IMPORT_PHASES = ['checking', 'adding', 'updating', 'marking_left', 'memberships', 'finishing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
export const IMPORT_PHASE_LABELS: Record<ImportPhase, string> = {
  checking: 'Checking against your school’s records',
  adding: 'Adding',
  updating: 'Updating',
  marking_left: 'Marking leavers',
  memberships: 'Linking pupils and staff to groups',
  finishing: 'Finishing',
};

/** Special educational needs in the fewest words, for a list of changes such as the MIS import preview. */
export const SEND_STATUS_SHORT_LABELS: Record<SendStatus, string> = {
  none: 'None',
  support: 'SEN support',
  ehcp: 'EHCP',
};

export const YEAR_GROUP_MIN = -1;
export const YEAR_GROUP_MAX = 14;
export function yearGroupLabel(year: number): string {
  if (year === -1) return 'Nursery';
  if (year === 0) return 'Reception';
  return `Year ${year}`;
}
