/**
 * The resource library's enumerated values, with their labels: who an entry is for, what kind of
 * thing it is, whether it is in the library or withdrawn, and how often it is reviewed. The areas an
 * entry serves are those of improvement/areas.ts.
 */

export const RESOURCE_AUDIENCES = ['staff', 'leaders', 'parents', 'pupils'] as const;
export type ResourceAudience = (typeof RESOURCE_AUDIENCES)[number];
export const RESOURCE_AUDIENCE_LABELS: Record<ResourceAudience, string> = {
  staff: 'Staff',
  leaders: 'School leaders',
  parents: 'Parents and carers',
  pupils: 'Pupils',
};

export const RESOURCE_KINDS = ['guidance', 'training', 'tool', 'support_service', 'lesson', 'policy_template'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  guidance: 'Guidance',
  training: 'Training',
  tool: 'A tool or assessment',
  support_service: 'Support service',
  lesson: 'Lesson resource',
  policy_template: 'Policy template',
};

export const RESOURCE_STATUSES = ['active', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Where an entry comes from: the trust's shared library or the school's own. */
export const RESOURCE_SCOPES = ['trust', 'school'] as const;
export type ResourceScope = (typeof RESOURCE_SCOPES)[number];
export const RESOURCE_SCOPE_LABELS: Record<ResourceScope, string> = {
  trust: 'Shared by the trust',
  school: 'Added by the school',
};

/** An entry not reviewed for this many days is due for review (a year). */
export const RESOURCE_REVIEW_DAYS = 365;

/** Whether an entry last reviewed on `lastReviewedOn` (YYYY-MM-DD) is due for review on `today`. */
export function resourceReviewDue(lastReviewedOn: string, today: string): boolean {
  const due = new Date(`${lastReviewedOn}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + RESOURCE_REVIEW_DAYS);
  return due.toISOString().slice(0, 10) <= today;
}

/** What an entry says. */
export interface ResourceDetails {
  title: string;
  description: string;
  audiences: ResourceAudience[];
  kind: ResourceKind;
  /** Keys of improvement/areas.ts. */
  areas: string[];
  /** An https address, or '' when the entry is a document only (or a local offer with no link). */
  url: string;
  documentId: string | null;
}
