/**
 * Termly reports: the day after a term ends, each school's figures for it are prepared and kept
 * (reports.termly.ts), and its headteacher and SMHL are told in the app and by a content-free
 * e-mail linking to the report. A few schools per run, so a trust of forty is done in minutes
 * without one long transaction.
 */
import { lastEndedTerm, londonToday } from '@tandem/core';
import { notify } from '../platform/alerts';
import { holdersOf } from '../platform/directory';
import { asSystem } from '../platform/gate';
import type { DueJob } from '../platform/registries';
import { prepareTermlyReport, schoolsAwaitingReport } from './reports.termly';

const BATCH = 4;

const prepareTermlyReports: DueJob = {
  name: 'termlyReports',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const term = lastEndedTerm(londonToday(now));
      const due = await schoolsAwaitingReport(s.tx, term, BATCH);
      for (const school of due) {
        const kept = await prepareTermlyReport(deps, s.tx, { schoolId: school.id, term, now: s.now });
        if (!kept) continue;
        await s.audit(
          { action: 'report.termly_prepared', detail: { termKey: term.key } },
          { trustId: school.trustId, schoolId: school.id, subject: { type: 'report', id: kept.id } },
        );
        const people = await holdersOf(s.tx, school.id, ['headteacher', 'smhl']);
        await notify(s, {
          schoolId: school.id,
          kind: 'termly_report_ready',
          concernId: null,
          people: people.map((p) => ({ id: p.id, email: p.email })),
          path: `/schools/${school.id}/reports/termly/${term.key}`,
        });
      }
      return due.length;
    }),
};

export const termlyReportJobs: DueJob[] = [prepareTermlyReports];
