/**
 * A survey closes itself at the end of its closing day (London). Rows are claimed with FOR UPDATE
 * SKIP LOCKED and closed in the same transaction, so two server processes never close one twice.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { londonToday } from '@tandem/core';
import { schools, staffSurveys } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import type { DueJob } from '../platform/registries';

const BATCH = 50;

const closeDueSurveys: DueJob = {
  name: 'staffSurveysClosed',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const today = londonToday(now);
      const due = await s.tx
        .select({ id: staffSurveys.id, schoolId: staffSurveys.schoolId, trustId: schools.trustId })
        .from(staffSurveys)
        .innerJoin(schools, eq(schools.id, staffSurveys.schoolId))
        .where(and(eq(staffSurveys.status, 'open'), sql`${staffSurveys.closesOn} < ${today}::date`))
        .orderBy(asc(staffSurveys.closesOn))
        .limit(BATCH)
        .for('update', { of: staffSurveys, skipLocked: true });
      for (const d of due) {
        await s.tx.update(staffSurveys).set({ status: 'closed', closedAt: now }).where(eq(staffSurveys.id, d.id));
        await s.audit(
          { action: 'survey.closed', detail: {} },
          { trustId: d.trustId, schoolId: d.schoolId, subject: { type: 'staff_survey', id: d.id } },
        );
      }
      return due.length;
    }),
};

export const staffSurveyDueJobs: readonly DueJob[] = [closeDueSurveys];
