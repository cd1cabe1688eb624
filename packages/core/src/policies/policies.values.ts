/**
 * The policy register's enumerations with their words: the kinds of policy a school keeps (each
 * with the review period it has by default), who must read a policy, and a policy's review status.
 */
import type { SchoolStaffRole } from '../auth/roles';

export const POLICY_KINDS = [
  'mental_health',
  'safeguarding',
  'send',
  'behaviour',
  'anti_bullying',
  'attendance',
  'staff_wellbeing',
  'rse',
  'medical',
  'online_safety',
  'other',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const POLICY_KIND_LABELS: Record<PolicyKind, string> = {
  mental_health: 'Mental health and wellbeing',
  safeguarding: 'Safeguarding and child protection',
  send: 'Special educational needs and disabilities (SEND)',
  behaviour: 'Behaviour',
  anti_bullying: 'Anti-bullying',
  attendance: 'Attendance',
  staff_wellbeing: 'Staff wellbeing',
  rse: 'Relationships and sex education',
  medical: 'First aid and supporting pupils with medical conditions',
  online_safety: 'Online safety',
  other: 'Other',
};

/** How often each kind is reviewed by default, in months (safeguarding and online safety every year). */
export const POLICY_REVIEW_MONTHS: Record<PolicyKind, number> = {
  mental_health: 36,
  safeguarding: 12,
  send: 36,
  behaviour: 36,
  anti_bullying: 36,
  attendance: 36,
  staff_wellbeing: 36,
  rse: 36,
  medical: 36,
  online_safety: 12,
  other: 36,
};

/** Who must read a policy and confirm it: every member of staff, staff holding chosen roles, or nobody. */
export const POLICY_READERS = ['all_staff', 'roles', 'none'] as const;
export type PolicyReaders = (typeof POLICY_READERS)[number];

export const POLICY_READERS_LABELS: Record<PolicyReaders, string> = {
  all_staff: 'All staff',
  roles: 'Staff in chosen roles',
  none: 'Nobody is required to read it',
};

/** Where a policy stands against its next review date. */
export const POLICY_STATUSES = ['in_date', 'due_soon', 'overdue'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  in_date: 'In date',
  due_soon: 'Review due soon',
  overdue: 'Overdue for review',
};

/** A review within this many days shows as "due soon" on the register. */
export const POLICY_DUE_SOON_DAYS = 60;
/** A review within this many days (or overdue) is listed on the owner's and the leads' home page. */
export const POLICY_MY_WORK_DAYS = 30;

/** Who usually approves a policy (offered as suggestions; the school may write its own). */
export const POLICY_APPROVERS = [
  'Governing body',
  'Trust board',
  'Headteacher',
  'Senior leadership team',
  'Local governing committee',
] as const;

/** Roles that may be chosen as a policy's required readers. */
export type PolicyReaderRole = SchoolStaffRole;
