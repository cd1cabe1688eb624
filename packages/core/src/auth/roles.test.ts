import { describe, expect, it } from 'vitest';
import {
  actorRequiresMfa,
  belongsToSchool,
  canInSchool,
  canInTrust,
  permissionsInSchool,
  ROLES,
  roleGrants,
  roleRequiresMfa,
  type Actor,
  type Role,
} from './roles';

const SCHOOL_A = 'a0000000-0000-4000-8000-000000000001';
const SCHOOL_B = 'b0000000-0000-4000-8000-000000000002';
const TRUST = 't0000000-0000-4000-8000-000000000003';

function actor(...assignments: [Role, string | null][]): Actor {
  return {
    userId: 'u',
    email: 'u@example.org',
    displayName: 'U',
    assignments: assignments.map(([role, schoolId]) => ({ role, schoolId, trustId: TRUST })),
  };
}

describe('permission model', () => {
  it('only the DSL team reads the restricted safeguarding record; the headteacher does not', () => {
    const readers = ROLES.filter((r) => roleGrants(r, 'safeguarding.read'));
    expect(readers).toEqual(['dsl', 'deputy_dsl']);
  });

  it('case records are for case roles only, never for teachers, support staff, parents or pupils', () => {
    for (const r of [
      'teacher',
      'support_staff',
      'first_aider',
      'intervention_staff',
      'parent',
      'pupil',
      'trust_lead',
      'trust_admin',
    ] as const) {
      expect(roleGrants(r, 'pupil.readCase')).toBe(false);
    }
    for (const r of [
      'headteacher',
      'smhl',
      'dsl',
      'deputy_dsl',
      'sendco',
      'early_help_lead',
      'pastoral_lead',
    ] as const) {
      expect(roleGrants(r, 'pupil.readCase')).toBe(true);
    }
  });

  it('every member of staff may log a concern; parents and pupils may not', () => {
    expect(roleGrants('first_aider', 'concern.log')).toBe(true);
    expect(roleGrants('parent', 'concern.log')).toBe(false);
    expect(roleGrants('pupil', 'concern.log')).toBe(false);
  });

  it('a role grants nothing outside its school', () => {
    const dslInA = actor(['dsl', SCHOOL_A]);
    expect(canInSchool(dslInA, 'safeguarding.read', SCHOOL_A)).toBe(true);
    expect(canInSchool(dslInA, 'safeguarding.read', SCHOOL_B)).toBe(false);
    expect(belongsToSchool(dslInA, SCHOOL_B)).toBe(false);
  });

  it('roles add up per school: a teacher in A who is DSL in B is only DSL in B', () => {
    const mixed = actor(['teacher', SCHOOL_A], ['dsl', SCHOOL_B]);
    expect(permissionsInSchool(mixed, SCHOOL_A)).toEqual(['pupil.readList', 'concern.log', 'staff.wholeSchool']);
    expect(permissionsInSchool(mixed, SCHOOL_B)).toContain('safeguarding.read');
  });

  it('trust roles act only through the trust, never as a school role', () => {
    const lead = actor(['trust_lead', null]);
    expect(canInTrust(lead, 'trust.viewReports', TRUST)).toBe(true);
    expect(canInTrust(lead, 'trust.manageSchools', TRUST)).toBe(false);
    expect(canInTrust(lead, 'trust.viewReports', 'another-trust')).toBe(false);
    expect(canInSchool(lead, 'pupil.readList', SCHOOL_A)).toBe(false);
  });

  it('two-factor is compulsory for roles that read case or safeguarding records or grant access', () => {
    const required = ROLES.filter(roleRequiresMfa);
    expect(required).toEqual([
      'trust_admin',
      'school_admin',
      'headteacher',
      'smhl',
      'dsl',
      'deputy_dsl',
      'sendco',
      'early_help_lead',
      'pastoral_lead',
    ]);
    expect(actorRequiresMfa(actor(['teacher', SCHOOL_A]))).toBe(false);
    expect(actorRequiresMfa(actor(['teacher', SCHOOL_A], ['sendco', SCHOOL_B]))).toBe(true);
  });
});
