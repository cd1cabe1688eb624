/** The SMHL or DSL schedules safeguarding visits or calls at a set frequency (one schedule at a time), or stops them. */
import { eq } from 'drizzle-orm';
import { AppError, londonToday, type ScheduleVisitsBody } from '@tandem/core';
import { visitSchedules } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockSchedule, runningScheduleOf } from '../provision.queries';

const ONE_SCHEDULE =
  'Visits or calls are already scheduled for this pupil. Stop that schedule first to set a new frequency.';

export async function scheduleVisits(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: ScheduleVisitsBody,
): Promise<{ id: string }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    const refused = new AppError('conflict', 'schedule already running', {
      userMessage: ONE_SCHEDULE,
      fields: [{ path: 'everyDays', message: ONE_SCHEDULE }],
    });
    if (await runningScheduleOf(tx, schoolId, pupilId)) throw refused;
    const [row] = await tx
      .insert(visitSchedules)
      .values({
        schoolId,
        pupilId,
        everyDays: body.everyDays,
        startOn: body.startOn,
        leadUserId: actor.userId,
        createdBy: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: visitSchedules.id });
    if (!row) throw refused;
    await s.audit(
      { action: 'visit.scheduled', detail: { everyDays: body.everyDays } },
      { type: 'visit_schedule', id: row.id },
    );
    return { id: row.id };
  });
}

export async function stopVisits(deps: AppDeps, at: SchoolRequest, scheduleId: string): Promise<{ ok: true }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockSchedule(tx, schoolId, scheduleId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    if (row.endedOn !== null) return { ok: true as const };
    await tx
      .update(visitSchedules)
      .set({ endedOn: londonToday(now) })
      .where(eq(visitSchedules.id, row.id));
    await s.audit({ action: 'visit.schedule_ended', detail: {} }, { type: 'visit_schedule', id: row.id });
    return { ok: true as const };
  });
}
