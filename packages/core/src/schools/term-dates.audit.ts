/** What changing the school's term dates writes to the audit trail (dates only). Gathered in audit/events.ts. */
export type TermDatesAuditEvent =
  | { action: 'school.term_added'; detail: { firstDay: string; lastDay: string } }
  | { action: 'school.term_removed'; detail: { firstDay: string; lastDay: string } }
  | { action: 'school.closure_added'; detail: { on: string } }
  | { action: 'school.closure_removed'; detail: { on: string } };

export const TERM_DATES_AUDIT_LABELS: Record<TermDatesAuditEvent['action'], string> = {
  'school.term_added': 'Added a term to the term dates',
  'school.term_removed': 'Removed a term from the term dates',
  'school.closure_added': 'Added a closure day to the term dates',
  'school.closure_removed': 'Removed a closure day from the term dates',
};
