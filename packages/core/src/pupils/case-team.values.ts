/**
 * How a member of staff came to be on a pupil's case team (their caseload). This module imports
 * nothing, so the tables and the zod schemas can both import it without a cycle.
 */
export const CASE_TEAM_SOURCES = [
  'added_by_lead',
  'concern_routed',
  'plan_lead',
  'meeting_lead',
  'emergency_referral',
] as const;
export type CaseTeamSource = (typeof CASE_TEAM_SOURCES)[number];
export const CASE_TEAM_SOURCE_LABELS: Record<CaseTeamSource, string> = {
  added_by_lead: 'Added by the SMHL or DSL',
  concern_routed: 'A concern was routed to them',
  plan_lead: 'Leads a plan',
  meeting_lead: 'Led a meeting',
  emergency_referral: 'Alerted to an emergency referral',
};
