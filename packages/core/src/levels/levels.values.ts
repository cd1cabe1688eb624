/**
 * The enumerated values of levels. Each is one array from which its type, its zod schema and its
 * labels derive. This module imports nothing, so the tables and the zod schemas can both import it
 * without a cycle.
 */

/** The five levels, in order: the structure a school cannot change (framework.ts has the wording). */
export const LEVEL_CODES = ['MH1', 'MH2', 'MH3', 'MH4', 'MH5'] as const;
export type LevelCode = (typeof LEVEL_CODES)[number];

export const THRIVE_GROUPS = [
  'thriving',
  'getting_advice',
  'getting_help',
  'getting_more_help',
  'getting_risk_support',
] as const;
export type ThriveGroup = (typeof THRIVE_GROUPS)[number];

export const THRIVE_LABELS: Record<ThriveGroup, string> = {
  thriving: 'Thriving',
  getting_advice: 'Getting Advice and Signposting',
  getting_help: 'Getting Help',
  getting_more_help: 'Getting More Help',
  getting_risk_support: 'Getting Risk Support',
};

/** What a piece of evidence for a level change is (level_changes.evidence[].kind). */
export const EVIDENCE_KINDS = [
  'concern',
  'score',
  'meeting',
  'observation',
  'information_from_home',
  'external_report',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  concern: 'Concern logged',
  score: 'Questionnaire score',
  meeting: 'Meeting',
  observation: 'Staff observation',
  information_from_home: 'Information from home',
  external_report: 'Report from a health or outside service',
};

/** Who levels were shared with termly (level_shares.audience): parents by letter, staff by briefing. */
export const LEVEL_SHARE_AUDIENCES = ['parents', 'staff'] as const;
export type LevelShareAudience = (typeof LEVEL_SHARE_AUDIENCES)[number];
export const LEVEL_SHARE_AUDIENCE_LABELS: Record<LevelShareAudience, string> = {
  parents: 'Parents and carers',
  staff: 'Staff',
};
