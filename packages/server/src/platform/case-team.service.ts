/**
 * Pupils' case teams and the case scope of staff roles: the use cases behind need-to-know by
 * caseload. The SMHL and DSL team add and remove members of a pupil's case team; the head or the
 * school's administrator set a pastoral lead's year groups and may widen one person's scope to the
 * whole school with a recorded reason. Every change is audited.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AppError,
  CASE_ROLE_SET,
  SCHOOL_STAFF_ROLES,
  SCOPED_CASE_ROLES,
  canInSchool,
  caseScopeFor,
  isStaffRole,
  type CaseTeamResponse,
  type Role,
  type RoleScope,
  type RoleScopesResponse,
  type SetRoleScopeBody,
} from '@tandem/core';
import { caseTeamMembers, roleAssignments, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { joinCaseTeam, requireCaseAccess } from './case-access';
import type { AppDeps } from './deps';
import { holdersOf, loadPupilInSchool } from './directory';
import { inSchool, type SchoolRequest } from './gate';

async function membersOf(db: DbOrTx, schoolId: string, pupilId: string) {
  const addedBy = alias(users, 'added_by_user');
  const rows = await db
    .select({
      userId: caseTeamMembers.userId,
      displayName: users.displayName,
      source: caseTeamMembers.source,
      addedAt: caseTeamMembers.addedAt,
      addedByName: addedBy.displayName,
    })
    .from(caseTeamMembers)
    .innerJoin(users, eq(users.id, caseTeamMembers.userId))
    .leftJoin(addedBy, eq(addedBy.id, caseTeamMembers.addedBy))
    .where(
      and(
        eq(caseTeamMembers.schoolId, schoolId),
        eq(caseTeamMembers.pupilId, pupilId),
        isNull(caseTeamMembers.removedAt),
      ),
    )
    .orderBy(asc(caseTeamMembers.addedAt), asc(users.displayName));
  const roles = await db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.schoolId, schoolId), isNull(roleAssignments.revokedAt)));
  const rolesOf = new Map<string, Role[]>();
  for (const r of roles) if (isStaffRole(r.role)) rolesOf.set(r.userId, [...(rolesOf.get(r.userId) ?? []), r.role]);
  return rows.map((r) => ({
    ...r,
    roles: rolesOf.get(r.userId) ?? [],
    addedAt: r.addedAt.toISOString(),
    addedByName: r.addedByName ?? null,
  }));
}

async function teamAnswer(db: DbOrTx, request: SchoolRequest, pupilId: string): Promise<CaseTeamResponse> {
  return {
    members: await membersOf(db, request.schoolId, pupilId),
    canManage: canInSchool(request.actor, 'pupil.manageCaseTeam', request.schoolId),
  };
}

/** Who is on the pupil's case team and how they joined: for those who may open the case (404 otherwise). */
export async function getCaseTeam(deps: AppDeps, request: SchoolRequest, pupilId: string): Promise<CaseTeamResponse> {
  return inSchool(deps, request, 'pupil.readCase', async (w) => {
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    return teamAnswer(w.tx, request, pupilId);
  });
}

/** The SMHL or DSL puts a member of staff on the pupil's case team. Audited. */
export async function addCaseTeamMember(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  userId: string,
): Promise<CaseTeamResponse> {
  return inSchool(deps, request, 'pupil.manageCaseTeam', async (w) => {
    await loadPupilInSchool(w.tx, w.schoolId, pupilId);
    const staff = await holdersOf(w.tx, w.schoolId, SCHOOL_STAFF_ROLES);
    if (!staff.some((s) => s.id === userId)) {
      throw new AppError('validation', 'not staff of the school', {
        fields: [{ path: 'userId', message: 'Choose a member of staff of this school' }],
      });
    }
    const added = await joinCaseTeam(w.tx, {
      schoolId: w.schoolId,
      pupilId,
      userId,
      source: 'added_by_lead',
      addedBy: w.actor.userId,
      at: w.now,
    });
    const answer = await teamAnswer(w.tx, request, pupilId);
    if (added) {
      await w.audit(
        { action: 'pupil.case_team_added', detail: { userId, source: 'added_by_lead' } },
        { type: 'pupil', id: pupilId },
      );
    }
    return answer;
  });
}

/** The SMHL or DSL takes someone off the pupil's case team; the membership stays in the history. Audited. */
export async function removeCaseTeamMember(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  userId: string,
): Promise<CaseTeamResponse> {
  return inSchool(deps, request, 'pupil.manageCaseTeam', async (w) => {
    await loadPupilInSchool(w.tx, w.schoolId, pupilId);
    const removed = await w.tx
      .update(caseTeamMembers)
      .set({ removedAt: w.now, removedBy: w.actor.userId })
      .where(
        and(
          eq(caseTeamMembers.schoolId, w.schoolId),
          eq(caseTeamMembers.pupilId, pupilId),
          eq(caseTeamMembers.userId, userId),
          isNull(caseTeamMembers.removedAt),
        ),
      )
      .returning({ id: caseTeamMembers.id });
    if (removed.length === 0) throw new AppError('not_found', 'not on the case team');
    const answer = await teamAnswer(w.tx, request, pupilId);
    await w.audit({ action: 'pupil.case_team_removed', detail: { userId } }, { type: 'pupil', id: pupilId });
    return answer;
  });
}

async function scopesOf(db: DbOrTx, schoolId: string, userId: string): Promise<RoleScope[]> {
  const widenedBy = alias(users, 'widened_by_user');
  const rows = await db
    .select({ a: roleAssignments, byName: widenedBy.displayName })
    .from(roleAssignments)
    .leftJoin(widenedBy, eq(widenedBy.id, roleAssignments.scopeWidenedBy))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .orderBy(asc(roleAssignments.createdAt));
  const scopes: RoleScope[] = [];
  for (const { a, byName } of rows) {
    const widened = a.scopeWidenedAt !== null;
    const scope = caseScopeFor(a.role, { yearGroups: a.scopeYearGroups, widened });
    if (!scope) continue;
    scopes.push({
      role: a.role,
      ...scope,
      yearGroups: [...(a.role === 'pastoral_lead' ? (a.scopeYearGroups ?? []) : [])],
      adjustable: (SCOPED_CASE_ROLES as readonly Role[]).includes(a.role),
      widened:
        widened && a.scopeWidenedAt
          ? { reason: a.scopeWidenedReason ?? '', byName: byName ?? null, at: a.scopeWidenedAt.toISOString() }
          : null,
    });
  }
  return scopes;
}

/** Whose cases each of a member of staff's roles reaches, for those who manage staff. */
export async function getRoleScopes(
  deps: AppDeps,
  request: SchoolRequest,
  userId: string,
): Promise<RoleScopesResponse> {
  return inSchool(deps, request, 'school.manageStaff', async (w) => {
    const scopes = await scopesOf(w.tx, w.schoolId, userId);
    if (scopes.length === 0) {
      const [any] = await w.tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.schoolId, w.schoolId),
            eq(roleAssignments.userId, userId),
            isNull(roleAssignments.revokedAt),
          ),
        )
        .limit(1);
      if (!any) throw new AppError('not_found', 'not on the staff');
    }
    return { scopes };
  });
}

/**
 * Set a case role's scope: a pastoral lead's year groups, and whether the school has widened this
 * person's scope to the whole school (with the reason, who and when). Audited.
 */
export async function setRoleScope(
  deps: AppDeps,
  request: SchoolRequest,
  userId: string,
  role: Role,
  body: SetRoleScopeBody,
): Promise<RoleScopesResponse> {
  return inSchool(deps, request, 'school.manageStaff', async (w) => {
    if (!CASE_ROLE_SET.has(role)) throw new AppError('not_found', 'not a case role');
    if (!(SCOPED_CASE_ROLES as readonly Role[]).includes(role)) {
      throw new AppError('validation', 'whole school always', {
        userMessage: 'The headteacher, the Senior Mental Health Lead and the DSL team always see the whole school.',
      });
    }
    const yearGroups = role === 'pastoral_lead' ? [...new Set(body.yearGroups)].sort((a, b) => a - b) : null;
    const updated = await w.tx
      .update(roleAssignments)
      .set({
        scopeYearGroups: yearGroups,
        scopeWidenedReason: body.wholeSchool ? (body.reason ?? null) : null,
        scopeWidenedBy: body.wholeSchool ? w.actor.userId : null,
        scopeWidenedAt: body.wholeSchool ? w.now : null,
      })
      .where(
        and(
          eq(roleAssignments.schoolId, w.schoolId),
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.role, role),
          isNull(roleAssignments.revokedAt),
        ),
      )
      .returning({ id: roleAssignments.id });
    if (updated.length === 0) throw new AppError('not_found', 'role not held');
    const answer = { scopes: await scopesOf(w.tx, w.schoolId, userId) };
    await w.audit(
      {
        action: 'role.scope_changed',
        detail: { userId, role, yearGroups: yearGroups ?? [], wholeSchool: body.wholeSchool },
      },
      { type: 'user', id: userId },
    );
    return answer;
  });
}
