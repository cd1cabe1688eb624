/**
 * Roles and permissions: defined once here, enforced by the server, mirrored (never trusted) by the
 * web app. Roles are held per school, except the two trust roles which are held per trust.
 */

export const TRUST_ROLES = ['trust_admin', 'trust_lead'] as const;

export const SCHOOL_STAFF_ROLES = [
  'school_admin',
  'headteacher',
  'smhl',
  'dsl',
  'deputy_dsl',
  'sendco',
  'early_help_lead',
  'pastoral_lead',
  'intervention_staff',
  'teacher',
  'support_staff',
  'first_aider',
] as const;

export const SCHOOL_FAMILY_ROLES = ['parent', 'pupil'] as const;

/** The DSL team: who may be put on the DSL duty rota. */
export const DSL_TEAM_ROLES = ['dsl', 'deputy_dsl'] as const satisfies readonly (typeof SCHOOL_STAFF_ROLES)[number][];

export const ROLES = [...TRUST_ROLES, ...SCHOOL_STAFF_ROLES, ...SCHOOL_FAMILY_ROLES] as const;

export type TrustRole = (typeof TRUST_ROLES)[number];
export type SchoolStaffRole = (typeof SCHOOL_STAFF_ROLES)[number];
export type SchoolRole = SchoolStaffRole | (typeof SCHOOL_FAMILY_ROLES)[number];
export type DslTeamRole = (typeof DSL_TEAM_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** How each role is named in the interface, in the school's own words. */
export const ROLE_LABELS: Record<Role, string> = {
  trust_admin: 'Trust administrator',
  trust_lead: 'Trust lead',
  school_admin: 'School administrator',
  headteacher: 'Headteacher',
  smhl: 'Senior Mental Health Lead',
  dsl: 'Designated Safeguarding Lead',
  deputy_dsl: 'Deputy DSL',
  sendco: 'SENDCO / Inclusion lead',
  early_help_lead: 'Early Help lead',
  pastoral_lead: 'Pastoral lead / Head of Year',
  intervention_staff: 'Intervention staff (ELSA, counsellor, mentor)',
  teacher: 'Teacher / tutor',
  support_staff: 'Support staff',
  first_aider: 'First aider',
  parent: 'Parent / carer',
  pupil: 'Pupil',
};

export function isTrustRole(role: Role): role is TrustRole {
  return (TRUST_ROLES as readonly Role[]).includes(role);
}

export function isStaffRole(role: Role): role is SchoolStaffRole {
  return (SCHOOL_STAFF_ROLES as readonly Role[]).includes(role);
}

export const PERMISSIONS = [
  'trust.manageSchools',
  'trust.viewReports',
  'reports.viewSchool',
  'attendance.import',
  'provision.manage',
  'provision.viewSchool',
  'missing.view',
  'missing.manage',
  'early.review',
  'trust.viewAudit',
  'school.manageStaff',
  'school.viewAudit',
  'pupil.import',
  'pupil.readList',
  'pupil.readCase',
  'pupil.setLevel',
  'pupil.editDetails',
  'pupil.manageCaseTeam',
  'level.editFramework',
  'level.shareTermly',
  'safeguarding.read',
  'concern.log',
  'concern.triage',
  'plan.write',
  'intervention.manage',
  'intervention.viewOutcomes',
  'directory.manage',
  'referral.write',
  'referral.viewWaits',
  'family.manage',
  'family.restrict',
  'family.settings',
  'portal.parent',
  'portal.pupil',
  'staff.wholeSchool',
  'improvement.contribute',
  'improvement.lead',
  'resources.manage',
  'trust.curateResources',
  'survey.manage',
  'training.manage',
  'policy.manage',
  'records.subjectAccess',
  'records.transfer',
  'records.retention',
  'school.termDates',
  'school.sso',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASE_ROLES = [
  'headteacher',
  'smhl',
  'dsl',
  'deputy_dsl',
  'sendco',
  'early_help_lead',
  'pastoral_lead',
] as const satisfies readonly SchoolStaffRole[];

/** Roles that may read and work on the full case record of any pupil in their school. */
export const CASE_ROLE_SET: ReadonlySet<Role> = new Set(CASE_ROLES);

const ALL_STAFF = SCHOOL_STAFF_ROLES;

const GRANTS: Record<Permission, readonly Role[]> = {
  'trust.manageSchools': ['trust_admin'],
  'trust.viewReports': ['trust_admin', 'trust_lead'],
  'trust.viewAudit': ['trust_admin'],
  'school.manageStaff': ['school_admin', 'headteacher'],
  // Who viewed and changed what (the trail holds identifiers, never case text); entries about the
  // restricted safeguarding record are shown in full only to the DSL team (audit feature).
  'school.viewAudit': ['school_admin', 'headteacher', 'dsl', 'deputy_dsl'],
  'pupil.import': ['school_admin', 'smhl'],
  'pupil.readList': ALL_STAFF,
  'pupil.readCase': CASE_ROLES,
  'pupil.setLevel': CASE_ROLES,
  'pupil.editDetails': CASE_ROLES,
  'pupil.manageCaseTeam': ['smhl', 'dsl', 'deputy_dsl'],
  'level.editFramework': ['smhl'],
  'level.shareTermly': ['smhl', 'headteacher'],
  'safeguarding.read': ['dsl', 'deputy_dsl'],
  'concern.log': ALL_STAFF,
  'concern.triage': ['smhl', 'sendco', 'dsl', 'deputy_dsl'],
  'plan.write': CASE_ROLES,
  // Keep the catalogue, order waiting lists, allocate places, add the school's own questionnaires.
  'intervention.manage': ['smhl'],
  // The outcomes of interventions across the school: counts and shares, no pupil named.
  'intervention.viewOutcomes': ['smhl', 'headteacher'],
  // The school's own entries in the services directory.
  'directory.manage': ['smhl'],
  // Make and progress referrals for pupils in their case scope.
  'referral.write': CASE_ROLES,
  // Waits for referrals across the school: figures, no pupil named.
  'referral.viewWaits': ['smhl', 'headteacher'],
  // Invite parents and carers, see who has signed up, give pupils their set-up codes.
  'family.manage': ['smhl', 'school_admin', 'headteacher', 'dsl', 'deputy_dsl'],
  // Stop one parent or carer seeing a child in Tandem (a court order, or the school's decision).
  'family.restrict': ['smhl', 'headteacher', 'dsl', 'deputy_dsl'],
  // The partnership statement, the check-in rhythm, the risk words, where pupils find help.
  'family.settings': ['smhl', 'headteacher'],
  'portal.parent': ['parent'],
  'portal.pupil': ['pupil'],
  // The whole-school tools every member of staff uses: the resource library, the staff wellbeing
  // survey (answering it), their own training record, the policies they must read, actions they own.
  'staff.wholeSchool': ALL_STAFF,
  // Rate statements of the whole-school self-assessment and add evidence (the lead confirms).
  'improvement.contribute': ['headteacher', 'smhl', 'dsl', 'deputy_dsl', 'sendco', 'early_help_lead', 'pastoral_lead'],
  // Start and confirm a self-assessment, write the action plan, print it for governors.
  'improvement.lead': ['smhl', 'headteacher'],
  // The school's own entries in the resource library.
  'resources.manage': ['smhl'],
  // The trust's shared entries in the resource library.
  'trust.curateResources': ['trust_admin', 'trust_lead'],
  // Open the anonymous staff wellbeing survey and read its results (never who answered what).
  'survey.manage': ['headteacher', 'smhl'],
  // Confirm staff training, see who is due or overdue, export it.
  'training.manage': ['smhl', 'headteacher', 'school_admin'],
  // Keep the policy register: add policies and versions, record approvals and reviews.
  'policy.manage': ['smhl', 'headteacher', 'school_admin', 'dsl'],
  // The school's picture: figures, drill-down to pupils (whole-school case roles), termly reports.
  'reports.viewSchool': ['smhl', 'headteacher'],
  // Import attendance (weekly totals, session marks) from the MIS.
  'attendance.import': ['school_admin', 'smhl', 'dsl'],
  // Record reduced timetables and education taught elsewhere, schedule safeguarding visits. Case
  // roles in the pupil's scope record the visits themselves and read all of it (pupil.readCase).
  'provision.manage': ['smhl', 'dsl', 'deputy_dsl'],
  // Every pupil on a reduced timetable or taught elsewhere, with how long (the head's list).
  'provision.viewSchool': ['headteacher', 'smhl', 'dsl', 'deputy_dsl'],
  // The missing list and the pupils absent without explanation for children missing education.
  'missing.view': ['dsl', 'deputy_dsl', 'smhl', 'headteacher'],
  // Add to or take off the missing list with a reason; record what was done about an absence.
  'missing.manage': ['dsl', 'deputy_dsl'],
  // The "pupils to review" list, its rules and the lead's reviews.
  'early.review': ['smhl'],
  // Record subject access requests, review what is held, decide each item, export the bundle.
  // Items from the restricted safeguarding record are decided by the DSL team only
  // (safeguarding.read), whoever manages the request.
  'records.subjectAccess': ['headteacher', 'school_admin', 'smhl', 'dsl', 'deputy_dsl'],
  // A leaver's files to the next school, and files received from the last one: the wellbeing file
  // (the SMHL and the DSL team); the child-protection file only with safeguarding.read as well.
  'records.transfer': ['smhl', 'dsl', 'deputy_dsl'],
  // Records reaching their review date, lengthening a period with a reason, confirming a
  // destruction (a child-protection file needs the DSL team and a second person).
  'records.retention': ['headteacher', 'school_admin', 'smhl', 'dsl', 'deputy_dsl'],
  // The school's term dates (which days are school days, for deadlines counted in school days).
  'school.termDates': ['school_admin', 'headteacher'],
  // The school's single sign-on connection (a trust administrator too, through trust.manageSchools).
  'school.sso': ['school_admin', 'headteacher'],
};

/** Whether a role, on its own, carries a permission. */
export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/**
 * Permissions that open case or safeguarding records, or let someone hand out access to them.
 * Anyone holding one of them must sign in with two-factor authentication.
 */
const MFA_PERMISSIONS: readonly Permission[] = [
  'trust.manageSchools',
  'school.manageStaff',
  'school.viewAudit',
  'pupil.readCase',
  'safeguarding.read',
  'pupil.import',
  'school.sso',
];

/** Whether holding this role makes two-factor sign-in compulsory. */
export function roleRequiresMfa(role: Role): boolean {
  return MFA_PERMISSIONS.some((p) => roleGrants(role, p));
}

export interface RoleAssignment {
  role: Role;
  trustId: string;
  /** null for a trust role. */
  schoolId: string | null;
}

/** The signed-in person as the server sees them on a request. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  assignments: readonly RoleAssignment[];
}

/** Roles the actor holds in one school (trust roles are not school roles and are not included). */
export function rolesInSchool(actor: Actor, schoolId: string): Role[] {
  return actor.assignments.filter((a) => a.schoolId === schoolId).map((a) => a.role);
}

/** Whether the actor holds a permission in a school. A role grants nothing outside its school. */
export function canInSchool(actor: Actor, permission: Permission, schoolId: string): boolean {
  return actor.assignments.some((a) => a.schoolId === schoolId && roleGrants(a.role, permission));
}

/** Whether the actor holds a permission through a trust role in that trust. */
export function canInTrust(actor: Actor, permission: Permission, trustId: string): boolean {
  return actor.assignments.some((a) => a.schoolId === null && a.trustId === trustId && roleGrants(a.role, permission));
}

/** Whether the actor has any role at all in a school (and so may know it exists). */
export function belongsToSchool(actor: Actor, schoolId: string): boolean {
  return actor.assignments.some((a) => a.schoolId === schoolId);
}

/** Whether any of the actor's roles makes two-factor sign-in compulsory. */
export function actorRequiresMfa(actor: Pick<Actor, 'assignments'>): boolean {
  return actor.assignments.some((a) => roleRequiresMfa(a.role));
}

/** Every permission the actor holds in a school; the web app uses this to hide what would be refused. */
export function permissionsInSchool(actor: Actor, schoolId: string): Permission[] {
  return PERMISSIONS.filter((p) => canInSchool(actor, p, schoolId));
}

/** The DSL team's roles in the fewest words, beside a name: "Sam Patel (Deputy DSL)". */
export const DSL_TEAM_ROLE_SHORT_LABELS: Record<(typeof DSL_TEAM_ROLES)[number], string> = {
  dsl: 'DSL',
  deputy_dsl: ROLE_LABELS.deputy_dsl,
};
