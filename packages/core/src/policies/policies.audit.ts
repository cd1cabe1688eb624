/** What the policy register writes to the audit trail. Gathered in audit/events.ts. */
export type PolicyAuditEvent =
  | { action: 'policy.added'; detail: { kind: string } }
  | { action: 'policy.version_added'; detail: { version: number } }
  | { action: 'policy.changed'; detail: { fields: string[] } }
  | { action: 'policy.read_confirmed'; detail: { version: number } }
  | { action: 'policy.review_reminder_sent'; detail: { nextReviewOn: string } };

export const POLICY_AUDIT_LABELS: Record<PolicyAuditEvent['action'], string> = {
  'policy.added': 'Added a policy to the register',
  'policy.version_added': 'Recorded a new version of a policy',
  'policy.changed': 'Changed a policy in the register',
  'policy.read_confirmed': 'Confirmed reading a policy',
  'policy.review_reminder_sent': 'Reminded a policy’s owner that its review is overdue',
};

export const POLICY_SUBJECT_TYPES = ['policy'] as const;
export const POLICY_SUBJECT_LABELS: Record<(typeof POLICY_SUBJECT_TYPES)[number], string> = {
  policy: 'Policy',
};
