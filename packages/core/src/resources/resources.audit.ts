/** What the resource library writes to the audit trail. Gathered in audit/events.ts. */
export type ResourceAuditEvent =
  | { action: 'resource.added'; detail: { scope: 'school' | 'trust' } }
  | { action: 'resource.changed'; detail: { version: number; fields: string[] } }
  | { action: 'resource.reviewed'; detail: Record<string, never> }
  | { action: 'resource.withdrawn'; detail: Record<string, never> };

export const RESOURCE_AUDIT_LABELS: Record<ResourceAuditEvent['action'], string> = {
  'resource.added': 'Added an entry to the resource library',
  'resource.changed': 'Changed an entry in the resource library',
  'resource.reviewed': 'Reviewed an entry in the resource library',
  'resource.withdrawn': 'Withdrew an entry from the resource library',
};

export const RESOURCE_SUBJECT_TYPES = ['resource'] as const;
export const RESOURCE_SUBJECT_LABELS: Record<(typeof RESOURCE_SUBJECT_TYPES)[number], string> = {
  resource: 'Resource library entry',
};
