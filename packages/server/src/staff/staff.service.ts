/**
 * Staff and their roles in a school. People are invited by e-mail; a person already known to Tandem
 * (staff in another school of the trust, say) is given the new roles instead of a second account.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  AppError,
  canInSchool,
  isStaffRole,
  type Permission,
  ROLE_LABELS,
  roleGrants,
  type Actor,
  type InviteStaffBody,
  type Role,
  type SchoolStaffRole,
  type StaffMember,
} from '@tandem/core';
import { oneTimeTokens, roleAssignments, schools, users } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendAudit } from '../audit/audit.service';
import { issueOneTimeToken, setPasswordLink } from '../auth/auth.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';

async function loadSchool(db: DbOrTx, schoolId: string) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new AppError('not_found', 'school not found');
  return school;
}

async function staffRows(db: DbOrTx, schoolId: string, userIds?: string[]): Promise<StaffMember[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        isNull(roleAssignments.revokedAt),
        userIds ? inArray(roleAssignments.userId, userIds) : undefined,
      ),
    )
    .orderBy(users.displayName, users.id);
  const byUser = new Map<string, StaffMember>();
  for (const row of rows) {
    const role = row.role as Role;
    if (!isStaffRole(role)) continue;
    const member = byUser.get(row.userId) ?? {
      userId: row.userId,
      email: row.email,
      displayName: row.displayName,
      roles: [],
      invitationPending: row.passwordHash === null,
      mfaEnabled: row.totpSecret !== null,
    };
    member.roles.push(role);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

export async function listStaff(deps: AppDeps, actor: Actor, schoolId: string): Promise<StaffMember[]> {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  return staffRows(deps.database.db, schoolId);
}

async function memberOrNotFound(db: DbOrTx, schoolId: string, userId: string): Promise<StaffMember> {
  const [member] = await staffRows(db, schoolId, [userId]);
  if (!member) throw new AppError('not_found', 'staff member not found');
  return member;
}

export async function getStaffMember(deps: AppDeps, actor: Actor, schoolId: string, userId: string) {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  return memberOrNotFound(deps.database.db, schoolId, userId);
}

export async function inviteStaff(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: InviteStaffBody,
  ip: string,
): Promise<StaffMember> {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  const roles = [...new Set(body.roles)];
  const { db } = deps.database;
  const outcome = await db.transaction(async (tx) => {
    const school = await loadSchool(tx, schoolId);
    const [existing] = await tx.select().from(users).where(eq(users.email, body.email));
    let userId: string;
    let invitationToken: string | null = null;
    if (existing) {
      userId = existing.id;
      const already = await staffRows(tx, schoolId, [userId]);
      if (already.length > 0) {
        throw new AppError('conflict', 'already staff', {
          userMessage: `${existing.displayName} is already on the staff list. Open their entry to change their roles.`,
          fields: [{ path: 'email', message: 'This person is already on the staff list' }],
        });
      }
      if (!existing.passwordHash) invitationToken = await issueOneTimeToken(tx, deps, userId, 'invitation');
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: body.email, displayName: body.displayName })
        .returning({ id: users.id });
      if (!created) throw new Error('insert returned nothing');
      userId = created.id;
      invitationToken = await issueOneTimeToken(tx, deps, userId, 'invitation');
    }
    await tx
      .insert(roleAssignments)
      .values(roles.map((role) => ({ userId, trustId: school.trustId, schoolId, role, grantedBy: actor.userId })));
    await appendAudit(
      tx,
      deps.clock,
      { action: 'staff.invited', detail: { userId, roles } },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'user',
        subjectId: userId,
        ip,
      },
    );
    return { userId, invitationToken, schoolName: school.name, displayName: existing?.displayName ?? body.displayName };
  });
  await sendAccessEmail(
    deps,
    body.email,
    outcome.displayName,
    outcome.schoolName,
    actor.displayName,
    outcome.invitationToken,
  );
  return memberOrNotFound(db, schoolId, outcome.userId);
}

async function sendAccessEmail(
  deps: AppDeps,
  to: string,
  displayName: string,
  schoolName: string,
  inviter: string,
  invitationToken: string | null,
): Promise<void> {
  const lines = invitationToken
    ? [
        `Hello ${displayName},`,
        '',
        `${inviter} has invited you to use Tandem at ${schoolName}. Tandem is where the school records and shares the support it gives to pupils' mental health and wellbeing.`,
        '',
        'To set up your account, open this link within 7 days and choose a password:',
        '',
        setPasswordLink(deps, invitationToken),
      ]
    : [
        `Hello ${displayName},`,
        '',
        `${inviter} has given you access to ${schoolName} in Tandem. Sign in as usual to see it:`,
        '',
        `${deps.config.publicUrl}/sign-in`,
      ];
  await deps.mailer.send({
    to,
    subject: invitationToken
      ? `You have been invited to Tandem at ${schoolName}`
      : `You now have access to ${schoolName} in Tandem`,
    text: [...lines, '', 'If you were not expecting this e-mail, please tell the school office.'].join('\n'),
  });
}

export async function resendInvitation(deps: AppDeps, actor: Actor, schoolId: string, userId: string, ip: string) {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  const { db } = deps.database;
  const result = await db.transaction(async (tx) => {
    const member = await memberOrNotFound(tx, schoolId, userId);
    if (!member.invitationPending) {
      throw new AppError('conflict', 'already accepted', {
        userMessage: `${member.displayName} has already set up their account. They can use "Forgot your password?" if they need to.`,
      });
    }
    const school = await loadSchool(tx, schoolId);
    const token = await issueOneTimeToken(tx, deps, userId, 'invitation');
    await appendAudit(
      tx,
      deps.clock,
      { action: 'staff.invitation_resent', detail: { userId } },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'user',
        subjectId: userId,
        ip,
      },
    );
    return { member, token, schoolName: school.name };
  });
  await sendAccessEmail(
    deps,
    result.member.email,
    result.member.displayName,
    result.schoolName,
    actor.displayName,
    result.token,
  );
}

export async function grantRole(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  userId: string,
  role: SchoolStaffRole,
  ip: string,
): Promise<StaffMember> {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    const member = await memberOrNotFound(tx, schoolId, userId);
    if (member.roles.includes(role)) {
      throw new AppError('conflict', 'role already held', {
        userMessage: `${member.displayName} already has the role ${ROLE_LABELS[role]}.`,
      });
    }
    const school = await loadSchool(tx, schoolId);
    await tx
      .insert(roleAssignments)
      .values({ userId, trustId: school.trustId, schoolId, role, grantedBy: actor.userId });
    await appendAudit(
      tx,
      deps.clock,
      { action: 'role.granted', detail: { userId, role } },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'user',
        subjectId: userId,
        ip,
      },
    );
  });
  return memberOrNotFound(db, schoolId, userId);
}

export async function revokeRole(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  userId: string,
  role: SchoolStaffRole,
  ip: string,
): Promise<StaffMember | null> {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  if (userId === actor.userId && roleGrants(role, 'school.manageStaff')) {
    throw new AppError('forbidden', 'self revoke of admin role', {
      userMessage: 'You cannot remove your own administration role. Ask another administrator to do it.',
    });
  }
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    const member = await memberOrNotFound(tx, schoolId, userId);
    if (!member.roles.includes(role)) throw new AppError('not_found', 'role not held');
    const school = await loadSchool(tx, schoolId);
    const now = deps.clock.now();
    await tx
      .update(roleAssignments)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(
        and(
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.schoolId, schoolId),
          eq(roleAssignments.role, role),
          isNull(roleAssignments.revokedAt),
        ),
      );
    // Removing someone's last role here also withdraws an invitation they have not yet used.
    if (member.roles.length === 1 && member.invitationPending) {
      await tx
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
    }
    await appendAudit(
      tx,
      deps.clock,
      { action: 'role.revoked', detail: { userId, role } },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'user',
        subjectId: userId,
        ip,
      },
    );
  });
  const [after] = await staffRows(db, schoolId, [userId]);
  return after ?? null;
}

/** Staff names and roles, for those who give out actions (triage roles and staff managers). */
export async function staffDirectory(deps: AppDeps, actor: Actor, schoolId: string) {
  if (
    // Those who assign work to staff or give them plans: triage, the DSL team, staff managers, case roles.
    !['concern.triage', 'safeguarding.read', 'school.manageStaff', 'plan.write'].some((p) =>
      canInSchool(actor, p as Permission, schoolId),
    )
  ) {
    requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  }
  const staff = await staffRows(deps.database.db, schoolId);
  return staff.map((s) => ({ userId: s.userId, displayName: s.displayName, roles: s.roles }));
}
