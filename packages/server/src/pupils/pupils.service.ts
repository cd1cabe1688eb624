/**
 * Pupils as staff see them: the list, the profile (case record, staff-shared summary, or name and
 * form only, decided by pupilViewFor). Every open of a profile is audited. The chronology is in
 * chronology.ts.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  AppError,
  canInSchool,
  isLevelCode,
  pupilViewFor,
  rolesInSchool,
  thriveGroupOf,
  type Actor,
  type PupilListQuery,
  type PupilProfileResponse,
  type UpdatePupilBody,
  yearGroupLabel,
} from '@tandem/core';
import {
  contacts,
  pupilDetailChanges,
  levelChanges,
  levelDefinitions,
  levelShares,
  pupils,
  teachingGroupPupils,
  teachingGroups,
  users,
} from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import { toCsv } from '../http/csv';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { currentDefinitions, toLevelDefinition } from '../levels/levels.queries';
import { listPupilsPage, teachesPupil } from './pupils.queries';
import { sharedPlansFor } from '../plans/plans.service';

export async function listPupils(deps: AppDeps, actor: Actor, schoolId: string, q: PupilListQuery) {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const canSeeCase = canInSchool(actor, 'pupil.readCase', schoolId);
  if (!canSeeCase && (q.level || q.characteristic)) {
    throw new AppError('forbidden', 'case filter without case role', {
      userMessage: 'Only staff who work on pupils’ cases can filter by level or characteristic.',
    });
  }
  const page = await listPupilsPage(deps.database.db, schoolId, q, canSeeCase ? null : actor.userId);
  return {
    pupils: page.rows.map((p) => ({
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      preferredName: p.preferredName,
      yearGroup: p.yearGroup,
      form: p.form,
      left: p.leftOn !== null,
      // Teachers see the level only of pupils they teach; other staff never.
      ...(canSeeCase || p.teaches ? { level: isLevelCode(p.currentLevel) ? p.currentLevel : null } : {}),
    })),
    total: page.total,
    nextAfter: page.nextAfter,
    canSeeCase,
  };
}

async function loadPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  const [pupil] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) throw new AppError('not_found', 'pupil not found');
  return pupil;
}

export async function getPupilProfile(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  ip: string,
): Promise<PupilProfileResponse> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  return deps.database.db.transaction(async (tx) => {
    const pupil = await loadPupil(tx, schoolId, pupilId);
    const teaches = await teachesPupil(tx, actor.userId, schoolId, pupilId);
    const view = pupilViewFor(rolesInSchool(actor, schoolId), teaches);
    if (view === 'none') throw new AppError('not_found', 'pupil not visible');
    // The audit entry is appended last: it locks the chain head until the transaction ends.
    const audited = async <T>(response: T): Promise<T> => {
      await appendSchoolAudit(
        tx,
        deps.clock,
        { action: 'pupil.viewed', detail: { view } },
        {
          actor: actor,
          schoolId,
          subjectType: 'pupil',
          subjectId: pupilId,
          ip,
        },
      );
      return response;
    };
    const basic = {
      id: pupil.id,
      givenName: pupil.givenName,
      familyName: pupil.familyName,
      preferredName: pupil.preferredName,
      form: pupil.form,
      yearGroup: pupil.yearGroup,
    };
    const level = isLevelCode(pupil.currentLevel) ? pupil.currentLevel : null;
    // Case roles read plans in full on the pupil's plans list; other staff see those given to them.
    const sharedPlans = view === 'case' ? [] : await sharedPlansFor(tx, actor.userId, schoolId, pupilId, teaches);
    if (view === 'basic') return audited({ view, pupil: basic, sharedPlans });
    const definitions = await currentDefinitions(tx, schoolId);
    const definition = level ? (definitions.get(level) ?? null) : null;
    if (view === 'summary') {
      return audited({
        view,
        pupil: basic,
        sharedPlans,
        level: {
          code: level,
          name: definition?.name ?? 'Thriving',
          schoolProvides: definition?.schoolProvides ?? [],
          schoolToDo: definition?.schoolToDo ?? [],
        },
      });
    }
    const contactRows = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.schoolId, schoolId), eq(contacts.pupilId, pupilId)))
      .orderBy(asc(contacts.priority), asc(contacts.name));
    const historyRows = await tx
      .select({ c: levelChanges, by: users.displayName, d: levelDefinitions })
      .from(levelChanges)
      .innerJoin(users, eq(users.id, levelChanges.changedBy))
      .leftJoin(levelDefinitions, eq(levelDefinitions.id, levelChanges.definitionId))
      .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)))
      .orderBy(desc(levelChanges.changedAt));
    const shares = await tx
      .select({ audience: levelShares.audience, at: levelShares.sharedAt })
      .from(levelShares)
      .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.pupilId, pupilId)))
      .orderBy(desc(levelShares.sharedAt));
    const groups = await tx
      .select({ code: teachingGroups.code, name: teachingGroups.name })
      .from(teachingGroupPupils)
      .innerJoin(teachingGroups, eq(teachingGroups.id, teachingGroupPupils.groupId))
      .where(and(eq(teachingGroupPupils.schoolId, schoolId), eq(teachingGroupPupils.pupilId, pupilId)))
      .orderBy(asc(teachingGroups.code));
    return audited({
      view,
      pupil: {
        id: pupil.id,
        upn: pupil.upn,
        givenName: pupil.givenName,
        familyName: pupil.familyName,
        preferredName: pupil.preferredName,
        dateOfBirth: pupil.dateOfBirth,
        yearGroup: pupil.yearGroup,
        form: pupil.form,
        send: pupil.send as 'none' | 'support' | 'ehcp',
        pupilPremium: pupil.pupilPremium,
        lookedAfter: pupil.lookedAfter,
        childInNeed: pupil.childInNeed,
        youngCarer: pupil.youngCarer,
        eal: pupil.eal,
        leftOn: pupil.leftOn,
      },
      contacts: contactRows.map((c) => ({
        id: c.id,
        name: c.name,
        relationship: c.relationship,
        email: c.email,
        phone: c.phone,
        parentalResponsibility: c.parentalResponsibility,
        priority: c.priority,
      })),
      level: {
        code: level,
        thriveGroup: thriveGroupOf(level),
        definition,
        since: pupil.levelChangedAt?.toISOString() ?? null,
      },
      history: historyRows.map(({ c, by, d }) => ({
        id: c.id,
        fromLevel: isLevelCode(c.fromLevel) ? c.fromLevel : null,
        toLevel: isLevelCode(c.toLevel) ? c.toLevel : null,
        reason: c.reason,
        evidence: c.evidence,
        changedByName: by,
        changedAt: c.changedAt.toISOString(),
        definition: d ? toLevelDefinition(d, null) : null,
      })),
      lastSharedWithParents: shares.find((s) => s.audience === 'parents')?.at.toISOString() ?? null,
      lastSharedWithStaff: shares.find((s) => s.audience === 'staff')?.at.toISOString() ?? null,
      teachingGroups: groups,
    });
  });
}

/** Correct a pupil's details. The previous values and the reason are kept; nothing is overwritten silently. */
export async function updatePupil(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  body: UpdatePupilBody,
  ip: string,
): Promise<void> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  await deps.database.db.transaction(async (tx) => {
    const [pupil] = await tx
      .select()
      .from(pupils)
      .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
      .for('update');
    if (!pupil) throw new AppError('not_found', 'pupil not found');
    requireSchoolPermission(actor, schoolId, 'pupil.editDetails');
    const { reason, ...requested } = body;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, to] of Object.entries(requested) as [keyof typeof requested, unknown][]) {
      if (to === undefined) continue;
      const from = pupil[field];
      if (from !== to) changes[field] = { from, to };
    }
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      throw new AppError('validation', 'nothing changed', {
        userMessage: 'Nothing has changed, so there is nothing to save.',
      });
    }
    const now = deps.clock.now();
    const set = Object.fromEntries(fields.map((f) => [f, changes[f]?.to])) as Partial<typeof pupils.$inferInsert>;
    await tx
      .update(pupils)
      .set({ ...set, updatedAt: now })
      .where(eq(pupils.id, pupilId));
    await tx
      .insert(pupilDetailChanges)
      .values({ schoolId, pupilId, changes, reason, changedBy: actor.userId, changedAt: now });
    await appendSchoolAudit(
      tx,
      deps.clock,
      { action: 'pupil.updated', detail: { fields } },
      {
        actor: actor,
        schoolId,
        subjectType: 'pupil',
        subjectId: pupilId,
        ip,
      },
    );
  });
}

const EXPORT_LIMIT = 5000;

/** The pupil list as CSV, with the same filters and the same need-to-know rules as on screen. Audited. */
export async function exportPupils(deps: AppDeps, actor: Actor, schoolId: string, q: PupilListQuery, ip: string) {
  const page = await listPupils(deps, actor, schoolId, { ...q, after: undefined, limit: EXPORT_LIMIT });
  await deps.database.db.transaction(async (tx) => {
    await appendSchoolAudit(
      tx,
      deps.clock,
      { action: 'pupil.list_exported', detail: { rows: page.pupils.length } },
      {
        actor: actor,
        schoolId,
        subjectType: 'pupil_list',
        subjectId: null,
        ip,
      },
    );
  });
  const header = ['Surname', 'First name', 'Preferred name', 'Year group', 'Form', 'Level', 'Left'];
  return toCsv(
    header,
    page.pupils.map((p) => [
      p.familyName,
      p.givenName,
      p.preferredName ?? '',
      yearGroupLabel(p.yearGroup),
      p.form,
      'level' in p ? (p.level ?? 'Thriving') : '',
      p.left ? 'Yes' : 'No',
    ]),
  );
}
