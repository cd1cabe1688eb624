/**
 * The concerns' due jobs:
 *  - an urgent concern (immediate harm, child protection or a medical emergency) still unacknowledged after the school's set minutes (15 by default, counted
 *    from logging or from being passed to the DSL) alerts the deputy DSLs and the headteacher;
 *  - when the 24 hours a pupil was given to tell their parents have passed, the Mental Health Lead
 *    and SENDCO are reminded to check that parents now know.
 * Each happens exactly once per concern, even with two server processes on one database: due rows
 * are claimed with SELECT ... FOR UPDATE SKIP LOCKED and marked in the same transaction as the
 * alerts and the audit entry (platform/jobs.ts runs them).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { concerns, schools } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import { holdersOf } from '../platform/directory';
import { notify } from '../platform/alerts';
import type { DueJob } from '../platform/registries';

/** Concerns claimed per transaction, so one run never holds many locks for long. */
const BATCH = 25;

const escalateUnacknowledged: DueJob = {
  name: 'escalations',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const { tx } = s;
      // The literal conditions match the partial index concerns_unacknowledged_idx.
      const due = await tx
        .select({
          id: concerns.id,
          schoolId: concerns.schoolId,
          trustId: schools.trustId,
          restricted: concerns.restricted,
        })
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
        // Only the DSL team may open a restricted concern; a headteacher who is not DSL is told of
        // one without a link. Any other urgent concern (a medical emergency) the head may open.
        const withLink = c.restricted ? people.filter((p) => teamIds.has(p.id)) : people;
        const withoutLink = c.restricted ? people.filter((p) => !teamIds.has(p.id)) : [];
        const kind = 'urgent_unacknowledged' as const;
        await notify(s, { schoolId: c.schoolId, kind, concernId: c.id, people: withLink });
        await notify(s, { schoolId: c.schoolId, kind, concernId: null, people: withoutLink });
        await s.audit(
          { action: 'concern.escalation_alert_sent', detail: { recipients: people.length } },
          { trustId: c.trustId, schoolId: c.schoolId, subject: { type: 'concern', id: c.id } },
        );
      }
      return due.length;
    }),
};

const remindPupilTellsDeadline: DueJob = {
  name: 'reminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const { tx } = s;
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
        await notify(s, { schoolId: c.schoolId, kind: 'pupil_tells_deadline_passed', concernId: c.id, people });
        await s.audit(
          { action: 'concern.pupil_tells_deadline_passed', detail: { recipients: people.length } },
          { trustId: c.trustId, schoolId: c.schoolId, subject: { type: 'concern', id: c.id } },
        );
      }
      return due.length;
    }),
};

export const concernDueJobs: readonly DueJob[] = [escalateUnacknowledged, remindPupilTellsDeadline];
