/**
 * The three kinds of pupil record that retention, transfer and subject access requests treat
 * differently (IRMS toolkit for schools; KCSIE for the child-protection file):
 * - `child-protection`: the restricted safeguarding record (DSL team only), sent to the next school
 *   as its own file, kept until date of birth + 25 years;
 * - `sen`: records of special educational needs provision (EHCP, SEN support plans), date of birth + 31;
 * - `wellbeing`: every other pupil wellbeing record (levels, plans, interventions, referrals,
 *   check-ins...), date of birth + 25.
 */
export const RECORD_CLASSES = ['child-protection', 'sen', 'wellbeing'] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

export const RECORD_CLASS_LABELS: Record<RecordClass, string> = {
  'child-protection': 'Child-protection file',
  sen: 'Special educational needs records',
  wellbeing: 'Wellbeing records',
};

/** What a subject access review suggests for one item, and what a person decides. */
export const DISCLOSURE_DECISIONS = ['disclose', 'redact', 'withhold'] as const;
export type DisclosureDecision = (typeof DISCLOSURE_DECISIONS)[number];

/**
 * One thing Tandem holds about a pupil, as every feature gives it for a subject access review,
 * a transfer to the next school, or a retention review. `body` is everything held, in plain words,
 * as a person reads it (no ids, no markup); it never leaves the server except to the people the
 * feature that gathers it allows.
 */
export interface PupilRecordItem {
  /** The feature it comes from, e.g. "concerns". */
  source: string;
  /** What it is, stable, e.g. "concern", "level-change", "plan-version", "check-in". */
  kind: string;
  /** The row's id in its feature (with `kind`, unique). */
  id: string;
  /** When it was made or happened (ISO). */
  at: string;
  /** A one-line heading, e.g. "Concern logged by Ms Patel". */
  title: string;
  /** Everything held, in plain words; lines separated by "\n". */
  body: string;
  recordClass: RecordClass;
  /** From the restricted safeguarding record (only the DSL team may see or decide it). */
  restricted: boolean;
  /**
   * What a subject access review should suggest, with the reason in plain words: "redact" when it
   * names other pupils or gives a staff opinion in confidence, "withhold" for child-protection
   * content whose disclosure could put the child at risk, else "disclose".
   */
  suggested: { decision: DisclosureDecision; reason: string };
}
