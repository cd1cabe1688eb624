/**
 * Work that falls due with time rather than with a request, run every 30 seconds (DUE_JOBS_EVERY_MS). Each feature
 * contributes its due jobs to the registry (`deps.registries.dueJobs`); this runs them in turn.
 * Every job claims its due rows with SELECT ... FOR UPDATE SKIP LOCKED and marks them in the same
 * transaction as its alerts and audit entry, so several server processes on one database never
 * send the same alert twice. E-mails are queued in the outbox in that transaction too
 * (mail/outbox.ts), and its own due job, registered last, sends what is left.
 */
import type { AppDeps } from './deps';
import { startPeriodic } from './periodic';
import { loggableError } from '../http/errors';

/** How many items each due job handled in one run, by the job's name. */
export type DueJobsResult = Record<string, number>;

/** Run everything that has fallen due by the clock's now. Safe to run from several processes at once. */
export async function runDueJobs(deps: AppDeps): Promise<DueJobsResult> {
  const now = deps.clock.now();
  const result: DueJobsResult = {};
  for (const job of deps.registries.dueJobs) {
    let handled = 0;
    for (;;) {
      const n = await job.runBatch(deps, now);
      handled += n;
      if (n === 0 || n < job.batchSize) break;
    }
    result[job.name] = (result[job.name] ?? 0) + handled;
  }
  return result;
}

export interface JobLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Run the due jobs now and every `everyMs`, one run at a time. The timer does not keep the process
 * alive; `stop` clears it and waits for a run in progress. Failures are logged without data.
 */
export function startDueJobs(deps: AppDeps, log: JobLog, everyMs = 30_000): { stop(): Promise<void> } {
  return startPeriodic(
    everyMs,
    async () => {
      const r = await runDueJobs(deps);
      if (Object.values(r).some((n) => n > 0)) log.info({ ...r }, 'due alerts sent');
    },
    (err) => log.error({ err: loggableError(err) }, 'due jobs failed'),
  );
}
