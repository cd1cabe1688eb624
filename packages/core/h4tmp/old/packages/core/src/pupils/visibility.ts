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
