/**
 * Reduced timetables and visits falling due: the lead is reminded TIMETABLE_REMINDER_DAYS before
 * each review (once per review) and before the end date (once per end date); a timetable running
 * past its end is flagged to the lead, the DSL team and the head (once per end date); a scheduled
 * visit or call not made by its due day is flagged to the schedule's lead and the DSL team (once per
 * due day). Every alert and e-mail is content-free (the home page and the pupil's record say which).
 * Rows are claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction, so two server
 * processes never send the same alert twice.
 */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { addDaysToDay, londonToday, TIMETABLE_REMINDER_DAYS, type AlertKind, type Role } from '@tandem/core';
import { reducedTimetables, schools, timetableReviews, users, visitSchedules } from '@tandem/core/schema';
import { notify } from '../platform/alerts';
import { holdersOf } from '../platform/directory';
import { asSystem, type SystemWork } from '../platform/gate';
import { remindOncePerPerson } from '../platform/reminders';
import type { DueJob } from '../platform/registries';
import { lastVisitDaySql } from './provision.queries';

const BATCH = 50;
const DSL_TEAM: readonly Role[] = ['dsl', 'deputy_dsl'];
const DSL_TEAM_AND_HEAD: readonly Role[] = ['dsl', 'deputy_dsl', 'headteacher'];

const lead = {
  schoolId: reducedTimetables.schoolId,
  trustId: schools.trustId,
  userId: reducedTimetables.leadUserId,
  email: users.email,
  disabledAt: users.disabledAt,
};

/** Alert the lead (unless disabled) and everyone holding these roles, each once. */
async function flag(
  s: SystemWork,
  kind: AlertKind,
  o: { schoolId: string; lead: { id: string; email: string; disabledAt: Date | null }; roles: readonly Role[] },
): Promise<void> {
  const people = new Map<string, { id: string; email: string }>();
  if (o.lead.disabledAt === null) people.set(o.lead.id, { id: o.lead.id, email: o.lead.email });
  for (const h of await holdersOf(s.tx, o.schoolId, o.roles)) people.set(h.id, { id: h.id, email: h.email });
  await notify(s, { schoolId: o.schoolId, kind, concernId: null, people: [...people.values()] });
}

const remindReviews: DueJob = {
  name: 'timetableReviewReminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const horizon = addDaysToDay(londonToday(now), TIMETABLE_REMINDER_DAYS);
      const due = await s.tx
        .select({ ...lead, id: timetableReviews.id, timetableId: reducedTimetables.id, dueOn: timetableReviews.dueOn })
        .from(timetableReviews)
        .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
        .innerJoin(schools, eq(schools.id, reducedTimetables.schoolId))
        .innerJoin(users, eq(users.id, reducedTimetables.leadUserId))
        .where(
          and(
            isNull(timetableReviews.heldOn),
            isNull(timetableReviews.remindedAt),
            sql`${timetableReviews.dueOn} <= ${horizon}::date`,
            eq(reducedTimetables.status, 'active'),
          ),
        )
        .orderBy(asc(timetableReviews.dueOn))
        .limit(BATCH)
        .for('update', { of: timetableReviews, skipLocked: true });
      await remindOncePerPerson(s, 'timetable_review_due', due, async (x) => {
        await s.tx.update(timetableReviews).set({ remindedAt: now }).where(eq(timetableReviews.id, x.id));
        await s.audit(
          { action: 'timetable.reminder_sent', detail: { about: 'review', dueOn: x.dueOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'reduced_timetable', id: x.timetableId } },
        );
      });
      return due.length;
    }),
};

const remindEnds: DueJob = {
  name: 'timetableEndReminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const today = londonToday(now);
      const horizon = addDaysToDay(today, TIMETABLE_REMINDER_DAYS);
      const due = await s.tx
        .select({ ...lead, id: reducedTimetables.id, endOn: reducedTimetables.endOn })
        .from(reducedTimetables)
        .innerJoin(schools, eq(schools.id, reducedTimetables.schoolId))
        .innerJoin(users, eq(users.id, reducedTimetables.leadUserId))
        .where(
          and(
            eq(reducedTimetables.status, 'active'),
            sql`${reducedTimetables.endOn} between ${today}::date and ${horizon}::date`,
            sql`${reducedTimetables.endReminderFor} is distinct from ${reducedTimetables.endOn}`,
          ),
        )
        .orderBy(asc(reducedTimetables.endOn))
        .limit(BATCH)
        .for('update', { of: reducedTimetables, skipLocked: true });
      await remindOncePerPerson(s, 'timetable_end_due', due, async (x) => {
        await s.tx.update(reducedTimetables).set({ endReminderFor: x.endOn }).where(eq(reducedTimetables.id, x.id));
        await s.audit(
          { action: 'timetable.reminder_sent', detail: { about: 'end', dueOn: x.endOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'reduced_timetable', id: x.id } },
        );
      });
      return due.length;
    }),
};

const flagOverdue: DueJob = {
  name: 'timetablesPastEnd',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const today = londonToday(now);
      const due = await s.tx
        .select({ ...lead, id: reducedTimetables.id, endOn: reducedTimetables.endOn })
        .from(reducedTimetables)
        .innerJoin(schools, eq(schools.id, reducedTimetables.schoolId))
        .innerJoin(users, eq(users.id, reducedTimetables.leadUserId))
        .where(
          and(
            eq(reducedTimetables.status, 'active'),
            lt(reducedTimetables.endOn, today),
            sql`${reducedTimetables.overdueFlaggedFor} is distinct from ${reducedTimetables.endOn}`,
          ),
        )
        .orderBy(asc(reducedTimetables.endOn))
        .limit(BATCH)
        .for('update', { of: reducedTimetables, skipLocked: true });
      for (const x of due) {
        await s.tx.update(reducedTimetables).set({ overdueFlaggedFor: x.endOn }).where(eq(reducedTimetables.id, x.id));
        await s.audit(
          { action: 'timetable.overdue_flagged', detail: { endOn: x.endOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'reduced_timetable', id: x.id } },
        );
        await flag(s, 'timetable_overdue', {
          schoolId: x.schoolId,
          lead: { id: x.userId, email: x.email, disabledAt: x.disabledAt },
          roles: DSL_TEAM_AND_HEAD,
        });
      }
      return due.length;
    }),
};

const flagMissedVisits: DueJob = {
  name: 'missedVisits',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const today = londonToday(now);
      const dueOn = sql<string>`(greatest(${visitSchedules.startOn}, coalesce(${lastVisitDaySql(visitSchedules.pupilId)}::date, ${visitSchedules.startOn})) + ${visitSchedules.everyDays})`;
      const due = await s.tx
        .select({
          id: visitSchedules.id,
          schoolId: visitSchedules.schoolId,
          trustId: schools.trustId,
          userId: visitSchedules.leadUserId,
          email: users.email,
          disabledAt: users.disabledAt,
          dueOn: sql<string>`${dueOn}::text`,
        })
        .from(visitSchedules)
        .innerJoin(schools, eq(schools.id, visitSchedules.schoolId))
        .innerJoin(users, eq(users.id, visitSchedules.leadUserId))
        .where(
          and(
            isNull(visitSchedules.endedOn),
            sql`${dueOn} < ${today}::date`,
            sql`${visitSchedules.missedFlaggedFor} is distinct from ${dueOn}`,
          ),
        )
        .limit(BATCH)
        .for('update', { of: visitSchedules, skipLocked: true });
      for (const x of due) {
        await s.tx.update(visitSchedules).set({ missedFlaggedFor: x.dueOn }).where(eq(visitSchedules.id, x.id));
        await s.audit(
          { action: 'visit.missed_flagged', detail: { dueOn: x.dueOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'visit_schedule', id: x.id } },
        );
        await flag(s, 'visit_missed', {
          schoolId: x.schoolId,
          lead: { id: x.userId, email: x.email, disabledAt: x.disabledAt },
          roles: DSL_TEAM,
        });
      }
      return due.length;
    }),
};

export const provisionDueJobs: readonly DueJob[] = [remindReviews, remindEnds, flagOverdue, flagMissedVisits];
