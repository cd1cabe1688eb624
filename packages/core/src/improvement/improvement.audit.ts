/**
 * What the self-assessment and the action plan write to the audit trail: identifiers only.
 * Gathered into the one AuditEvent union in audit/events.ts.
 */
export type ImprovementAuditEvent =
  | { action: 'assessment.started'; detail: { framework: string; carriedForward: number } }
  | { action: 'assessment.rated'; detail: { statementKey: string; rating: string | null } }
  | { action: 'assessment.evidence_changed'; detail: { statementKey: string; items: number } }
  | { action: 'assessment.confirmed'; detail: Record<string, never> }
  | { action: 'action.added'; detail: { ownerUserId: string; dueOn: string } }
  | { action: 'action.changed'; detail: { fields: string[] } }
  | { action: 'action.progress_noted'; detail: { status: string } }
  | { action: 'action.plan_printed'; detail: Record<string, never> }
  | { action: 'action.overdue_reminder_sent'; detail: { dueOn: string } };

export const IMPROVEMENT_AUDIT_LABELS: Record<ImprovementAuditEvent['action'], string> = {
  'assessment.started': 'Started a whole-school self-assessment',
  'assessment.rated': 'Rated a self-assessment statement',
  'assessment.evidence_changed': 'Changed the evidence for a self-assessment statement',
  'assessment.confirmed': 'Confirmed a self-assessment',
  'action.added': 'Added an action to the action plan',
  'action.changed': 'Changed an action in the action plan',
  'action.progress_noted': 'Noted progress on an action',
  'action.plan_printed': 'Printed the action plan',
  'action.overdue_reminder_sent': 'Reminded the owner of an overdue action',
};

export const IMPROVEMENT_SUBJECT_TYPES = ['assessment', 'improvement_action'] as const;
export const IMPROVEMENT_SUBJECT_LABELS: Record<(typeof IMPROVEMENT_SUBJECT_TYPES)[number], string> = {
  assessment: 'Self-assessment',
  improvement_action: 'Action-plan action',
};
