/**
 * The concerns feature's part of a person's "my work": actions on concerns they own, concerns in
 * the queue they triage that nobody has acknowledged yet (with how long each has waited; for the
 * DSL team the DSL queue, restricted record included), and the 24-hour deadlines for a pupil to
 * tell their parents that they check. Each concern passes concernAccessFor and mayTriage, the
 * rules the concern page applies, so a restricted concern reaches the DSL team only.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import {
  canInSchool,
  concernAccessFor,
  mayTriage,
  rolesInSchool,
  type ConcernActionDue,
  type ConcernAwaiting,
  type ParentsDeadline,
} from '@tandem/core';
import { concerns } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { MyWorkReader, MyWorkSource } from '../platform/registries';
import { openActionsOwned, pupilsOf, type ConcernRow } from './concerns.queries';

/** A section lists at most this many. */
const LIMIT = 50;

const refs = (map: Map<string, { id: string; name: string }[]>, id: string) =>
  (map.get(id) ?? []).map((p) => ({ id: p.id, name: p.name }));

/** Whether the reader may open this concern in full (the concern page's rule). */
const opens = (r: MyWorkReader, c: ConcernRow) => concernAccessFor(r.actor, r.schoolId, c) === 'full';

async function actionsOwned(db: DbOrTx, r: MyWorkReader): Promise<ConcernActionDue[]> {
  const visible = await openActionsOwned(db, r.actor, r.schoolId, LIMIT);
  const pupils = await pupilsOf(
    db,
    visible.map(({ c }) => c.id),
  );
  return visible.map(({ a, c }) => ({
    concernId: c.id,
    actionId: a.id,
    reference: c.reference,
    description: a.description,
    dueOn: a.dueOn,
    overdue: a.dueOn < r.today,
    pupils: refs(pupils, c.id),
  }));
}

async function awaitingTriage(db: DbOrTx, r: MyWorkReader): Promise<ConcernAwaiting[]> {
  const { actor, schoolId, now } = r;
  // The DSL team answers for the DSL queue (and the restricted record); the Mental Health Lead and
  // SENDCO for theirs. A DSL who may also triage the other queue is not asked to do so here.
  const dslTeam = canInSchool(actor, 'safeguarding.read', schoolId);
  const queue = dslTeam
    ? or(eq(concerns.route, 'dsl'), eq(concerns.restricted, true))
    : canInSchool(actor, 'concern.triage', schoolId)
      ? and(eq(concerns.route, 'mental_health_lead'), eq(concerns.restricted, false))
      : undefined;
  if (queue === undefined) return [];
  const rows = await db
    .select()
    .from(concerns)
    .where(and(eq(concerns.schoolId, schoolId), eq(concerns.status, 'open'), queue))
    .orderBy(sql`${concerns.urgent} desc`, concerns.loggedAt)
    .limit(LIMIT);
  const visible = rows.filter((c) => opens(r, c) && mayTriage(actor, schoolId, c));
  const pupils = await pupilsOf(
    db,
    visible.map((c) => c.id),
  );
  return visible.map((c) => {
    // The DSL's wait starts when a concern reaches them (as the escalation job counts it).
    const from = c.escalatedToDslAt ?? c.loggedAt;
    return {
      concernId: c.id,
      reference: c.reference,
      route: c.route,
      urgent: c.urgent,
      restricted: c.restricted,
      loggedAt: c.loggedAt.toISOString(),
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000)),
      pupils: refs(pupils, c.id),
    };
  });
}

async function parentsDeadlines(db: DbOrTx, r: MyWorkReader): Promise<ParentsDeadline[]> {
  const { actor, schoolId, now } = r;
  // The Mental Health Lead and SENDCO are the ones reminded when the 24 hours pass (concerns.jobs).
  if (!rolesInSchool(actor, schoolId).some((role) => role === 'smhl' || role === 'sendco')) return [];
  const rows = await db
    .select()
    .from(concerns)
    .where(
      and(
        eq(concerns.schoolId, schoolId),
        eq(concerns.parentsStatus, 'pupil_telling'),
        eq(concerns.restricted, false),
        eq(concerns.possibleChildProtection, false),
      ),
    )
    .orderBy(concerns.pupilTellsBy)
    .limit(LIMIT);
  const visible = rows.filter((c) => c.pupilTellsBy !== null && opens(r, c));
  const pupils = await pupilsOf(
    db,
    visible.map((c) => c.id),
  );
  return visible.map((c) => ({
    concernId: c.id,
    reference: c.reference,
    deadline: (c.pupilTellsBy ?? now).toISOString(),
    passed: (c.pupilTellsBy ?? now).getTime() <= now.getTime(),
    pupils: refs(pupils, c.id),
  }));
}

export const concernMyWork: MyWorkSource = {
  name: 'concerns',
  items: async (db, r) => ({
    concernActions: await actionsOwned(db, r),
    awaitingTriage: await awaitingTriage(db, r),
    parentsDeadlines: await parentsDeadlines(db, r),
  }),
};
