/**
 * What the anonymous staff wellbeing survey writes to the audit trail. An answer is audited with
 * the survey as its subject and NO detail: never the response's id, group or content, so the trail
 * cannot link a person to an answer. Gathered in audit/events.ts.
 */
export type StaffSurveyAuditEvent =
  | { action: 'survey.created'; detail: Record<string, never> }
  | { action: 'survey.changed'; detail: { fields: string[] } }
  | { action: 'survey.opened'; detail: { invited: number } }
  | { action: 'survey.closed'; detail: Record<string, never> }
  | { action: 'survey.answered'; detail: Record<string, never> }
  | { action: 'survey.reminded'; detail: { reminded: number } }
  | { action: 'survey.results_viewed'; detail: { freeText: boolean } };

export const STAFF_SURVEY_AUDIT_LABELS: Record<StaffSurveyAuditEvent['action'], string> = {
  'survey.created': 'Prepared a staff wellbeing survey',
  'survey.changed': 'Changed a staff wellbeing survey',
  'survey.opened': 'Opened a staff wellbeing survey',
  'survey.closed': 'Closed a staff wellbeing survey',
  'survey.answered': 'Answered a staff wellbeing survey',
  'survey.reminded': 'Reminded staff about a survey',
  'survey.results_viewed': 'Read the results of a staff wellbeing survey',
};

export const STAFF_SURVEY_SUBJECT_TYPES = ['staff_survey'] as const;
export const STAFF_SURVEY_SUBJECT_LABELS: Record<(typeof STAFF_SURVEY_SUBJECT_TYPES)[number], string> = {
  staff_survey: 'Staff wellbeing survey',
};
