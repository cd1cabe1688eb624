/**
 * Meetings about a pupil: mental health review meetings and parent meetings, with who attended,
 * where, aims, notes and the next steps agreed (each with an owner and a due date). A meeting can
 * be planned ahead and completed later; once recorded as held it is no longer edited. A parent
 * meeting cannot be recorded as held without at least one agreed next step (seed 002).
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AppError,
  londonToday,
  meetingNeedsNextStep,
  type Actor,
  type AuditEvent,
  type CreateMeetingBody,
  type MeetingDetailResponse,
  type MeetingKind,
  type PlanKind,
  type UpdateMeetingBody,
} from '@tandem/core';
import { meetingActions, meetings, plans, users } from '@tandem/core/schema';
import type { z } from 'zod';
import type { nextStepInput } from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { STAFF_ROLES, loadPupilInSchool, pupilName, requireSchoolPeople } from './plans.queries';

type NextStep = z.infer<typeof nextStepInput>;
type MeetingRow = typeof meetings.$inferSelect;

interface Ctx {
  deps: AppDeps;
  actor: Actor;
  schoolId: string;
  ip: string;
}

async function audit(tx: DbOrTx, c: Ctx, meetingId: string, event: AuditEvent) {
  await appendSchoolAudit(tx, c.deps.clock, event, {
    actor: c.actor,
    schoolId: c.schoolId,
    subjectType: 'meeting',
    subjectId: meetingId,
    ip: c.ip,
  });
}

async function loadMeeting(db: DbOrTx, schoolId: string, meetingId: string): Promise<MeetingRow> {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.schoolId, schoolId)));
  if (!m) throw new AppError('not_found', 'meeting not found');
  return m;
}

const statusOf = (m: Pick<MeetingRow, 'completedAt'>): 'completed' | 'planned' =>
  m.completedAt ? 'completed' : 'planned';

interface MeetingFields {
  kind: MeetingKind;
  heldAt: string;
  attendees: CreateMeetingBody['attendees'];
  planId: string | null;
  nextSteps: NextStep[];
  complete: boolean;
}

/**
 * Checks shared by recording and updating: the plan belongs to the pupil, staff named are staff of
 * the school, a meeting is not recorded as held before it happens, and a parent meeting has a next
 * step. Returns the next steps with each staff owner's name filled in.
 */
async function checkMeeting(
  tx: DbOrTx,
  deps: AppDeps,
  schoolId: string,
  pupilId: string,
  body: MeetingFields,
  existingNextSteps: number,
) {
  if (body.planId) {
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.id, body.planId), eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)));
    if (!plan) {
      throw new AppError('validation', 'plan not for pupil', {
        fields: [{ path: 'planId', message: "Choose one of this pupil's plans" }],
      });
    }
  }
  const staffIds = body.attendees.filter((a) => a.kind === 'staff' && a.userId).map((a) => a.userId as string);
  await requireSchoolPeople(tx, schoolId, staffIds, STAFF_ROLES, 'attendees', 'Choose staff attendees from the list');
  const ownerIds = body.nextSteps.map((s) => s.ownerUserId).filter((id): id is string => id !== null);
  const owners = await requireSchoolPeople(
    tx,
    schoolId,
    ownerIds,
    STAFF_ROLES,
    'nextSteps',
    'Choose the member of staff who owns each next step from the list',
  );
  if (body.complete) {
    if (Date.parse(body.heldAt) > deps.clock.now().getTime() + 5 * 60_000) {
      throw new AppError('validation', 'held in future', {
        fields: [{ path: 'heldAt', message: 'A meeting cannot be recorded as held before it happens' }],
      });
    }
    if (meetingNeedsNextStep(body.kind) && existingNextSteps + body.nextSteps.length === 0) {
      throw new AppError('validation', 'parent meeting without next step', {
        userMessage: 'A parent meeting must end with at least one agreed next step before it is recorded as held.',
        fields: [{ path: 'nextSteps', message: 'Add at least one agreed next step, with who will do it and by when' }],
      });
    }
  }
  const today = londonToday(deps.clock.now());
  body.nextSteps.forEach((s, i) => {
    if (s.dueOn < today) {
      throw new AppError('validation', 'next step due in past', {
        fields: [{ path: `nextSteps.${i}.dueOn`, message: 'The due date cannot be in the past' }],
      });
    }
  });
  return body.nextSteps.map((s) => ({
    description: s.description,
    ownerUserId: s.ownerUserId,
    ownerName: s.ownerUserId ? (owners.get(s.ownerUserId) ?? s.ownerName) : s.ownerName,
    dueOn: s.dueOn,
  }));
}

export async function createMeeting(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  body: CreateMeetingBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    await loadPupilInSchool(tx, schoolId, pupilId);
    const steps = await checkMeeting(tx, deps, schoolId, pupilId, body, 0);
    const now = deps.clock.now();
    const [m] = await tx
      .insert(meetings)
      .values({
        schoolId,
        pupilId,
        kind: body.kind,
        heldAt: new Date(body.heldAt),
        place: body.place,
        attendees: body.attendees,
        aims: body.aims,
        notes: body.notes,
        planId: body.planId,
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
        completedAt: body.complete ? now : null,
        completedBy: body.complete ? actor.userId : null,
        updatedAt: now,
      })
      .returning();
    if (!m) throw new Error('insert returned nothing');
    if (steps.length > 0) {
      await tx
        .insert(meetingActions)
        .values(steps.map((s) => ({ ...s, schoolId, meetingId: m.id, createdBy: actor.userId, createdAt: now })));
    }
    await audit(tx, c, m.id, {
      action: 'meeting.recorded',
      detail: { kind: body.kind, pupilId, completed: body.complete, nextSteps: steps.length },
    });
    return { id: m.id, version: m.version, status: statusOf(m) };
  });
}

/** Edit a planned meeting, add next steps, and (optionally) record it as held. */
export async function updateMeeting(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  meetingId: string,
  body: UpdateMeetingBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, schoolId, meetingId);
    if (m.completedAt) {
      throw new AppError('conflict', 'meeting already held', {
        userMessage: 'This meeting has already been recorded as held, so its record can no longer be changed.',
      });
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingActions)
      .where(eq(meetingActions.meetingId, meetingId));
    const steps = await checkMeeting(tx, deps, schoolId, m.pupilId, body, n);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(meetings)
      .set({
        kind: body.kind,
        heldAt: new Date(body.heldAt),
        place: body.place,
        attendees: body.attendees,
        aims: body.aims,
        notes: body.notes,
        planId: body.planId,
        version: body.version + 1,
        completedAt: body.complete ? now : null,
        completedBy: body.complete ? actor.userId : null,
        updatedAt: now,
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, body.version), isNull(meetings.completedAt)))
      .returning();
    if (!updated) {
      throw new AppError('conflict', 'stale meeting version', {
        userMessage: 'Someone else saved this meeting while you were working. Nothing you entered has been saved yet.',
      });
    }
    if (steps.length > 0) {
      await tx
        .insert(meetingActions)
        .values(steps.map((s) => ({ ...s, schoolId, meetingId, createdBy: actor.userId, createdAt: now })));
    }
    await audit(tx, c, meetingId, {
      action: 'meeting.updated',
      detail: { completed: body.complete, nextStepsAdded: steps.length },
    });
    return { id: updated.id, version: updated.version, status: statusOf(updated) };
  });
}

export async function completeNextStep(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  meetingId: string,
  actionId: string,
  note: string,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    await loadMeeting(tx, schoolId, meetingId);
    const now = deps.clock.now();
    const [done] = await tx
      .update(meetingActions)
      .set({ completedAt: now, completedBy: actor.userId, completionNote: note || null })
      .where(
        and(
          eq(meetingActions.id, actionId),
          eq(meetingActions.meetingId, meetingId),
          eq(meetingActions.schoolId, schoolId),
          isNull(meetingActions.completedAt),
        ),
      )
      .returning({ id: meetingActions.id });
    if (!done) {
      const [exists] = await tx
        .select({ id: meetingActions.id })
        .from(meetingActions)
        .where(and(eq(meetingActions.id, actionId), eq(meetingActions.meetingId, meetingId)));
      if (!exists) throw new AppError('not_found', 'next step not found');
      return { ok: true as const };
    }
    await audit(tx, c, meetingId, { action: 'meeting.next_step_completed', detail: { actionId } });
    return { ok: true as const };
  });
}

export async function listMeetings(deps: AppDeps, actor: Actor, schoolId: string, pupilId: string) {
  requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const db = deps.database.db;
  await loadPupilInSchool(db, schoolId, pupilId);
  const rows = await db
    .select({
      m: meetings,
      nextSteps: sql<number>`(select count(*)::int from ${meetingActions} a where a.meeting_id = meetings.id)`,
      open: sql<number>`(select count(*)::int from ${meetingActions} a where a.meeting_id = meetings.id and a.completed_at is null)`,
    })
    .from(meetings)
    .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)))
    .orderBy(desc(meetings.heldAt));
  return rows.map(({ m, nextSteps, open }) => ({
    id: m.id,
    pupilId: m.pupilId,
    kind: m.kind as MeetingKind,
    heldAt: m.heldAt.toISOString(),
    place: m.place,
    status: statusOf(m),
    nextSteps,
    openNextSteps: open,
  }));
}

export async function getMeeting(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  meetingId: string,
  ip: string,
): Promise<MeetingDetailResponse> {
  requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, schoolId, meetingId);
    const pupil = await loadPupilInSchool(tx, schoolId, m.pupilId);
    const creator = alias(users, 'creator');
    const completer = alias(users, 'completer');
    const [names] = await tx
      .select({ creator: creator.displayName, completer: completer.displayName })
      .from(meetings)
      .innerJoin(creator, eq(creator.id, meetings.createdBy))
      .leftJoin(completer, eq(completer.id, meetings.completedBy))
      .where(eq(meetings.id, meetingId));
    const plan = m.planId
      ? (await tx.select({ id: plans.id, kind: plans.kind }).from(plans).where(eq(plans.id, m.planId)))[0]
      : undefined;
    const steps = await tx
      .select({ a: meetingActions, by: users.displayName })
      .from(meetingActions)
      .leftJoin(users, eq(users.id, meetingActions.completedBy))
      .where(eq(meetingActions.meetingId, meetingId))
      .orderBy(asc(meetingActions.dueOn), asc(meetingActions.createdAt));
    const today = londonToday(deps.clock.now());
    const response: MeetingDetailResponse = {
      meeting: {
        id: m.id,
        pupilId: m.pupilId,
        kind: m.kind as MeetingKind,
        heldAt: m.heldAt.toISOString(),
        place: m.place,
        status: statusOf(m),
        nextSteps: steps.length,
        openNextSteps: steps.filter((s) => !s.a.completedAt).length,
        version: m.version,
        pupilName: pupilName(pupil),
        attendees: m.attendees.map((a) => ({
          kind: a.kind as 'staff' | 'parent' | 'pupil' | 'professional',
          userId: a.userId,
          name: a.name,
          role: a.role,
        })),
        aims: m.aims,
        notes: m.notes,
        plan: plan ? { id: plan.id, kind: plan.kind as PlanKind } : null,
        createdByName: names?.creator ?? '',
        completedAt: m.completedAt?.toISOString() ?? null,
        completedByName: names?.completer ?? null,
      },
      nextSteps: steps.map(({ a, by }) => ({
        id: a.id,
        description: a.description,
        ownerUserId: a.ownerUserId,
        ownerName: a.ownerName,
        dueOn: a.dueOn,
        overdue: !a.completedAt && a.dueOn < today,
        completedAt: a.completedAt?.toISOString() ?? null,
        completedByName: by,
        completionNote: a.completionNote,
      })),
    };
    await audit(tx, c, meetingId, { action: 'meeting.viewed', detail: {} });
    return response;
  });
}
