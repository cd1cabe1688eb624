/**
 * How much of a pupil a member of staff may see: need-to-know, decided in one place.
 *  - case: case roles (head, SMHL, DSL team, SENDCO, Early Help, pastoral) see the whole record;
 *  - summary: staff who teach the pupil see the staff-shared summary (current level and what staff
 *    should do), never reasons, evidence or history;
 *  - basic: any other member of staff sees name and form only;
 *  - none: anyone else (parents and pupils use their own portal, not the staff pages).
 */
import { CASE_ROLE_SET, isStaffRole, type Role } from '../auth/roles';

export type PupilView = 'case' | 'summary' | 'basic' | 'none';

export function pupilViewFor(rolesInSchool: readonly Role[], teachesPupil: boolean): PupilView {
  if (rolesInSchool.some((r) => CASE_ROLE_SET.has(r))) return 'case';
  if (!rolesInSchool.some(isStaffRole)) return 'none';
  return teachesPupil ? 'summary' : 'basic';
}

/**
 * How far a case role reaches (need-to-know by caseload). The head, SMHL and DSL team keep the
 * whole school; a pastoral lead reaches the year groups they lead; the SENDCO their caseload and
 * the SEND register; the Early Help lead their caseload. A school may widen one person's scope to
 * the whole school, with a recorded reason.
 */
export const CASE_SCOPE_KINDS = ['school', 'year_groups', 'caseload'] as const;
export type CaseScopeKind = (typeof CASE_SCOPE_KINDS)[number];

export const CASE_SCOPE_LABELS: Record<CaseScopeKind, string> = {
  school: 'Whole school',
  year_groups: 'The year groups they lead, and their caseload',
  caseload: 'Their caseload',
};

export interface CaseScope {
  kind: CaseScopeKind;
  /** For year_groups: the years led. */
  yearGroups: readonly number[];
  /** Whether pupils on the SEND register (send other than 'none') are in scope too. */
  sendRegister: boolean;
}

const WHOLE_SCHOOL_ROLES: ReadonlySet<Role> = new Set(['headteacher', 'smhl', 'dsl', 'deputy_dsl']);

/** Case roles whose scope the school may set or widen (the others always have the whole school). */
export const SCOPED_CASE_ROLES = ['pastoral_lead', 'sendco', 'early_help_lead'] as const satisfies readonly Role[];

/** The scope one role assignment gives, or null for a role that opens no case records. */
export function caseScopeFor(
  role: Role,
  assignment: { yearGroups: readonly number[] | null; widened: boolean },
): CaseScope | null {
  if (!CASE_ROLE_SET.has(role)) return null;
  if (WHOLE_SCHOOL_ROLES.has(role) || assignment.widened)
    return { kind: 'school', yearGroups: [], sendRegister: false };
  if (role === 'pastoral_lead') {
    return { kind: 'year_groups', yearGroups: assignment.yearGroups ?? [], sendRegister: false };
  }
  return { kind: 'caseload', yearGroups: [], sendRegister: role === 'sendco' };
}

/** Whether one scope reaches a pupil. Every scope includes the person's own caseload. */
export function scopeCovers(
  scope: CaseScope,
  pupil: { yearGroup: number; send: string },
  onCaseTeam: boolean,
): boolean {
  if (scope.kind === 'school') return true;
  if (onCaseTeam) return true;
  if (scope.kind === 'year_groups' && scope.yearGroups.includes(pupil.yearGroup)) return true;
  return scope.sendRegister && pupil.send !== 'none';
}

/**
 * How much of a pupil a member of staff with case roles may see: the case record when one of
 * their roles' scopes reaches the pupil, otherwise what a teacher of that pupil sees (the summary
 * if they teach the pupil, name and form if not). With no case scope at all, pupilViewFor decides.
 */
export function caseAccessFor(
  scopes: readonly CaseScope[],
  pupil: { yearGroup: number; send: string },
  onCaseTeam: boolean,
  teaches: boolean,
): Exclude<PupilView, 'none'> {
  if (scopes.some((s) => scopeCovers(s, pupil, onCaseTeam))) return 'case';
  return teaches ? 'summary' : 'basic';
}
