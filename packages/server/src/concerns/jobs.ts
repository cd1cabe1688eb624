/**
 * Work that falls due with time rather than with a request, run every 30 seconds:
 *  - an urgent concern still unacknowledged after the school's set minutes (15 by default, counted
 *    from logging or from being passed to the DSL) alerts the deputy DSLs and the headteacher;
 *  - when the 24 hours a pupil was given to tell their parents have passed, the Mental Health Lead
 *    and SENDCO are reminded to check that parents now know;
 *  - when a plan's review date has passed, its lead is reminded (plans/reminders.ts).
 * Each happens exactly once per concern, even with two server processes on one database: due rows
 * are claimed with SELECT ... FOR UPDATE SKIP LOCKED and marked in the same transaction as the
 * alerts and the audit entry. E-mails go out after the commit.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { concerns, schools } from '@tandem/core/schema';
import type { AppDeps } from '../app';
import { appendAudit } from '../audit/audit.service';
import { loggableError } from '../http/errors';
import { deliverAlerts, recordAlerts, type PendingEmail } from './alerts';
import { holdersOf } from './concerns.queries';
import { remindOverdueReviews } from '../plans/reminders';

export interface DueJobsResult {
  /** Urgent concerns whose deputies and headteacher were alerted. */
  escalations: number;
  /** Concerns whose lead was reminded that the pupil's 24 hours have passed. */
  reminders: number;
  /** Plans whose lead was reminded that the review is overdue. */
  reviewReminders: number;
}

/** Concerns claimed per transaction, so one run never holds many locks for long. */
const BATCH = 25;

interface Delivery {
  emails: PendingEmail[];
  wake: string[];
}

async function escalateUnacknowledged(deps: AppDeps, now: Date): Promise<number> {
  const delivery: Delivery = { emails: [], wake: [] };
  const count = await deps.database.db.transaction(async (tx) => {
    // The literal conditions match the partial index concerns_unacknowledged_idx.
    const due = await tx
      .select({ id: concerns.id, schoolId: concerns.schoolId, trustId: schools.trustId })
      .from(concerns)
      .innerJoin(schools, eq(schools.id, concerns.schoolId))
      .where(
        sql`${concerns.urgent} and ${concerns.status} = 'open' and ${concerns.escalationAlertedAt} is null
          and coalesce(${concerns.escalatedToDslAt}, ${concerns.loggedAt})
            <= ${now.toISOString()}::timestamptz - make_interval(mins => ${schools.urgentAckMinutes})`,
      )
      .orderBy(asc(concerns.loggedAt))
      .limit(BATCH)
      .for('update', { of: concerns, skipLocked: true });
    for (const c of due) {
      await tx.update(concerns).set({ escalationAlertedAt: now }).where(eq(concerns.id, c.id));
      const team = await holdersOf(tx, c.schoolId, ['dsl', 'deputy_dsl']);
      const teamIds = new Set(team.map((t) => t.id));
      let people = await holdersOf(tx, c.schoolId, ['deputy_dsl', 'headteacher']);
      // A school with neither deputies nor a head in Tandem: tell the DSL team again rather than nobody.
      if (people.length === 0) people = team;
      // Only the DSL team may open the concern; a headteacher who is not DSL is told without a link.
      const withLink = people.filter((p) => teamIds.has(p.id));
      const withoutLink = people.filter((p) => !teamIds.has(p.id));
      const kind = 'urgent_unacknowledged' as const;
      delivery.emails.push(
        ...(await recordAlerts(tx, deps, { schoolId: c.schoolId, kind, concernId: c.id, people: withLink })),
        ...(await recordAlerts(tx, deps, { schoolId: c.schoolId, kind, concernId: null, people: withoutLink })),
      );
      delivery.wake.push(...people.map((p) => p.id));
      await appendAudit(
        tx,
        deps.clock,
        { action: 'concern.escalation_alert_sent', detail: { recipients: people.length } },
        { actorUserId: null, trustId: c.trustId, schoolId: c.schoolId, subjectType: 'concern', subjectId: c.id },
      );
    }
    return due.length;
  });
  await deliverAlerts(deps, delivery.emails, delivery.wake);
  return count;
}

async function remindPupilTellsDeadline(deps: AppDeps, now: Date): Promise<number> {
  const delivery: Delivery = { emails: [], wake: [] };
  const count = await deps.database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: concerns.id, schoolId: concerns.schoolId, trustId: schools.trustId })
      .from(concerns)
      .innerJoin(schools, eq(schools.id, concerns.schoolId))
      .where(
        // Never for the safeguarding record or a possible child-protection matter (they are never
        // 'pupil_telling'; checked again here because parents must never be prompted about them).
        sql`${concerns.parentsStatus} = 'pupil_telling' and ${concerns.pupilTellsReminderSentAt} is null
          and ${concerns.pupilTellsBy} <= ${now.toISOString()}::timestamptz
          and not ${concerns.restricted} and not ${concerns.possibleChildProtection}`,
      )
      .orderBy(asc(concerns.pupilTellsBy))
      .limit(BATCH)
      .for('update', { of: concerns, skipLocked: true });
    for (const c of due) {
      await tx.update(concerns).set({ pupilTellsReminderSentAt: now }).where(eq(concerns.id, c.id));
      let people = await holdersOf(tx, c.schoolId, ['smhl', 'sendco']);
      if (people.length === 0) people = await holdersOf(tx, c.schoolId, ['headteacher']);
      delivery.emails.push(
        ...(await recordAlerts(tx, deps, {
          schoolId: c.schoolId,
          kind: 'pupil_tells_deadline_passed',
          concernId: c.id,
          people,
        })),
      );
      delivery.wake.push(...people.map((p) => p.id));
      await appendAudit(
        tx,
        deps.clock,
        { action: 'concern.pupil_tells_deadline_passed', detail: { recipients: people.length } },
        { actorUserId: null, trustId: c.trustId, schoolId: c.schoolId, subjectType: 'concern', subjectId: c.id },
      );
    }
    return due.length;
  });
  await deliverAlerts(deps, delivery.emails, delivery.wake);
  return count;
}

/** Run everything that has fallen due by the clock's now. Safe to run from several processes at once. */
export async function runDueJobs(deps: AppDeps): Promise<DueJobsResult> {
  const now = deps.clock.now();
  const result: DueJobsResult = { escalations: 0, reminders: 0, reviewReminders: 0 };
  for (;;) {
    const n = await escalateUnacknowledged(deps, now);
    result.escalations += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await remindPupilTellsDeadline(deps, now);
    result.reminders += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await remindOverdueReviews(deps, now);
    result.reviewReminders += n;
    if (n === 0) break;
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
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(deps)
      .then((r) => {
        if (r.escalations > 0 || r.reminders > 0 || r.reviewReminders > 0) log.info({ ...r }, 'due alerts sent');
      })
      .catch((err: unknown) => {
        log.error({ err: loggableError(err) }, 'due jobs failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
