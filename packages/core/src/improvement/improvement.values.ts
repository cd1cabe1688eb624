/** The enumerations of the self-assessment and the action plan, with their words. */

/** How far a statement is true of the school, lowest first. */
export const RATINGS = ['not_in_place', 'emerging', 'established', 'embedded'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  not_in_place: 'Not in place',
  emerging: 'Emerging',
  established: 'Established',
  embedded: 'Embedded',
};

/** What each point of the scale means, shown beside the scale. */
export const RATING_HINTS: Record<Rating, string> = {
  not_in_place: 'We do not do this yet, or only by chance.',
  emerging: 'We have started: some staff or some year groups, not yet consistent.',
  established: 'We do this across the school and can show it.',
  embedded: 'It is how we work, reviewed and improved, and others learn from us.',
};

/** The scale as numbers (0 to 3), for averages and the year-on-year chart. */
export const RATING_SCORE: Record<Rating, number> = {
  not_in_place: 0,
  emerging: 1,
  established: 2,
  embedded: 3,
};

/** A rating below this proposes an action. */
export function proposesAction(rating: Rating | null): boolean {
  return rating !== null && RATING_SCORE[rating] < RATING_SCORE.established;
}

export const ASSESSMENT_STATUSES = ['draft', 'confirmed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'No longer needed',
};

/** Finished actions are not carried forward and never overdue. */
export function actionFinished(status: ActionStatus): boolean {
  return status === 'done' || status === 'dropped';
}

/** Kinds of evidence for a statement (text is the rating's own field). */
export const ASSESSMENT_EVIDENCE_KINDS = ['link', 'record', 'document'] as const;
export type AssessmentEvidenceKind = (typeof ASSESSMENT_EVIDENCE_KINDS)[number];
