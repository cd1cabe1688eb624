/**
 * Concerns: logging and routing, reading (need-to-know), the triage queue and its actions, and
 * telling parents. Each change is written and audited in one transaction; alerts are recorded in
 * the same transaction and e-mailed after it commits.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  AppError,
  CONCERN_OUTCOMES,
  EMERGENCY_PROCEDURE,
  PUPIL_TELLS_PARENTS_HOURS,
  canInSchool,
  concernAccessFor,
  mayTriage,
  parentsMayBeInformed,
  pupilMayTellParentsFirst,
  routeConcern,
  type Actor,
  type AuditEvent,
  type ConcernDetail,
  type ConcernSummary,
  type LogConcernBody,
} from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernDrafts,
  concernPupils,
  concerns,
  pupils,
  schools,
  users,
} from '@tandem/core/schema';
import type { z } from 'zod';
import type {
  addActionBody,
  addAddendumBody,
  closeConcernBody,
  concernQueueQuery,
  correctConcernBody,
  recordParentsToldBody,
} from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { deliverAlerts, recordAlerts, type PendingEmail } from '../platform/alerts';
import {
  concernChildren,
  decodeQueueCursor,
  dslOnDuty,
  encodeQueueCursor,
  holdersOf,
  loadConcern,
  overdueActionCounts,
  pupilsOf,
  queueCondition,
  queuePage,
  type ConcernRow,
} from './concerns.queries';

const HOUR = 3_600_000;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

interface Ctx {
  deps: AppDeps;
  actor: Actor;
  schoolId: string;
  ip: string;
}

async function audit(tx: DbOrTx, c: Ctx, concernId: string, event: AuditEvent) {
  await appendSchoolAudit(tx, c.deps.clock, event, {
    actor: c.actor,
    schoolId: c.schoolId,
    subjectType: 'concern',
    subjectId: concernId,
    ip: c.ip,
  });
}

/** Log a concern. A second submission with the same key returns the first concern, unchanged. */
export async function logConcern(deps: AppDeps, actor: Actor, schoolId: string, body: LogConcernBody, ip: string) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  const c: Ctx = { deps, actor, schoolId, ip };
  let emails: PendingEmail[] = [];
  let alerted: string[] = [];
  const result = await deps.database.db.transaction(async (tx) => {
    // Serialise logging per school, so references are consecutive and a double submit is seen.
    await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
    const [existing] = await tx
      .select()
      .from(concerns)
      .where(
        and(
          eq(concerns.schoolId, schoolId),
          eq(concerns.loggedBy, actor.userId),
          eq(concerns.submissionKey, body.submissionKey),
        ),
      );
    const now = deps.clock.now();
    if (existing) return { concern: existing, alreadyReceived: true };

    const pupilIds = [...new Set(body.pupilIds)];
    const found = await tx
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.id, pupilIds)));
    if (found.length !== pupilIds.length) {
      throw new AppError('validation', 'pupil not in school', {
        userMessage: 'One of the pupils chosen could not be found at this school. Please choose again.',
        fields: [{ path: 'pupilIds', message: 'Choose the pupil again from the list' }],
      });
    }
    const occurredAt = new Date(body.occurredAt);
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new AppError('validation', 'occurred in the future', {
        fields: [{ path: 'occurredAt', message: 'The time it happened cannot be in the future' }],
      });
    }
    const decision = routeConcern(body);
    // References count up within the school and the year: C-2026-0001, C-2026-0002, ...
    const prefix = `C-${now.getUTCFullYear()}-`;
    const [{ n } = { n: 0 }] = await tx
      .select({
        n: sql<number>`coalesce(max(substring(${concerns.reference} from ${prefix.length + 1}::int)::int), 0)::int`,
      })
      .from(concerns)
      .where(and(eq(concerns.schoolId, schoolId), sql`${concerns.reference} like ${`${prefix}%`}`));
    const reference = `${prefix}${String(n + 1).padStart(4, '0')}`;
    const pupilTelling = body.pupilWillTellParents && decision.parentsToBeTold && !body.riskOfImmediateHarm;
    const [row] = await tx
      .insert(concerns)
      .values({
        schoolId,
        reference,
        loggedBy: actor.userId,
        loggedAt: now,
        submissionKey: body.submissionKey,
        occurredAt,
        location: body.location,
        account: body.account,
        pupilWords: body.pupilWords || null,
        warningSigns: [...new Set(body.warningSigns)],
        othersPresent: body.othersPresent,
        riskOfImmediateHarm: body.riskOfImmediateHarm,
        possibleChildProtection: body.possibleChildProtection,
        medicalEmergency: body.medicalEmergency,
        category: decision.route === 'dsl' ? 'safeguarding' : 'mental_health',
        route: decision.route,
        urgent: decision.urgent,
        restricted: decision.restricted,
        isDisclosure: body.isDisclosure || body.disclosure !== undefined,
        disclosureToldWho: body.disclosure?.toldWho ?? null,
        disclosureToldWhat: body.disclosure?.toldWhat ?? null,
        disclosureToldWhy: body.disclosure?.toldWhy ?? null,
        disclosureConsent: body.disclosure?.consent ?? null,
        disclosureConsentNote: body.disclosure?.consentNote ?? null,
        status: 'open',
        parentsStatus: !decision.parentsToBeTold ? 'not_to_be_told' : pupilTelling ? 'pupil_telling' : 'to_be_told',
        pupilTellsBy: pupilTelling ? new Date(now.getTime() + PUPIL_TELLS_PARENTS_HOURS * HOUR) : null,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(concernPupils).values(pupilIds.map((pupilId) => ({ schoolId, concernId: row.id, pupilId })));
    await tx
      .delete(concernDrafts)
      .where(and(eq(concernDrafts.schoolId, schoolId), eq(concernDrafts.userId, actor.userId)));
    await audit(tx, c, row.id, {
      action: 'concern.logged',
      detail: { route: decision.route, urgent: decision.urgent, pupils: pupilIds.length },
    });
    const recipients = await holdersOf(
      tx,
      schoolId,
      decision.route === 'dsl' ? ['dsl', 'deputy_dsl'] : ['smhl', 'sendco'],
    );
    const people = recipients.filter((p) => p.id !== actor.userId);
    emails = await recordAlerts(tx, deps, {
      schoolId,
      kind: decision.urgent ? 'urgent_concern_logged' : 'concern_logged',
      concernId: row.id,
      people,
    });
    alerted = people.map((p) => p.id);
    return { concern: row, alreadyReceived: false };
  });
  await deliverAlerts(deps, emails, alerted);
  const decision = routeConcern(result.concern);
  return {
    id: result.concern.id,
    reference: result.concern.reference,
    route: result.concern.route as 'mental_health_lead' | 'dsl',
    urgent: result.concern.urgent,
    findDslNow: decision.findDslNow,
    dslOnDuty: decision.findDslNow ? await dslOnDuty(deps.database.db, schoolId, deps.clock.now()) : [],
    showEmergencyProcedure: decision.showEmergencyProcedure,
    emergencyProcedure: decision.showEmergencyProcedure ? EMERGENCY_PROCEDURE : [],
    alreadyReceived: result.alreadyReceived,
  };
}

function summaryOf(
  c: ConcernRow,
  loggedByName: string,
  pupilList: { id: string; name: string; form: string }[],
  overdue: number,
): ConcernSummary {
  return {
    id: c.id,
    reference: c.reference,
    loggedAt: c.loggedAt.toISOString(),
    loggedByName,
    occurredAt: c.occurredAt.toISOString(),
    pupils: pupilList,
    category: c.category as 'mental_health' | 'safeguarding',
    route: c.route as 'mental_health_lead' | 'dsl',
    urgent: c.urgent,
    restricted: c.restricted,
    status: c.status as 'open' | 'acknowledged' | 'closed',
    overdueActions: overdue,
    parentsStatus: c.parentsStatus as ConcernSummary['parentsStatus'],
    pupilTellsBy: c.pupilTellsBy?.toISOString() ?? null,
  };
}

/** The triage queue: the Mental Health Lead's, or the DSL team's. */
export async function listQueue(deps: AppDeps, actor: Actor, schoolId: string, q: z.infer<typeof concernQueueQuery>) {
  if (q.queue === 'dsl') requireSchoolPermission(actor, schoolId, 'safeguarding.read');
  else if (!canInSchool(actor, 'concern.triage', schoolId)) requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const { db } = deps.database;
  const where = queueCondition(schoolId, q.queue, q.status);
  const page = await queuePage(db, where, q.before ? decodeQueueCursor(q.before) : null, q.limit);
  const rows = page.rows.slice(0, q.limit);
  const ids = rows.map((r) => r.c.id);
  const pupilMap = await pupilsOf(db, ids);
  const overdue = await overdueActionCounts(db, ids, isoDay(deps.clock.now()));
  const last = rows[rows.length - 1];
  return {
    concerns: rows.map((r) => summaryOf(r.c, r.loggedByName, pupilMap.get(r.c.id) ?? [], overdue.get(r.c.id) ?? 0)),
    nextBefore:
      page.rows.length > q.limit && last
        ? encodeQueueCursor({ at: last.c.loggedAt.toISOString(), id: last.c.id })
        : null,
    total: page.total,
  };
}

/** What the logger sees of what they logged: for a restricted concern, only that it went to the DSL. */
function loggerView(c: ConcernRow, pupilList: { id: string; name: string; form: string }[]) {
  const stub = c.restricted;
  return {
    id: c.id,
    reference: c.reference,
    loggedAt: c.loggedAt.toISOString(),
    pupils: pupilList,
    sentToDsl: c.route === 'dsl' || c.restricted,
    account: stub ? null : c.account,
    status: stub ? null : (c.status as 'open' | 'acknowledged' | 'closed'),
  };
}

export async function myConcerns(deps: AppDeps, actor: Actor, schoolId: string) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  const { db } = deps.database;
  const rows = await db
    .select()
    .from(concerns)
    .where(and(eq(concerns.schoolId, schoolId), eq(concerns.loggedBy, actor.userId)))
    .orderBy(sql`${concerns.loggedAt} desc`)
    .limit(50);
  const pupilMap = await pupilsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => loggerView(r, pupilMap.get(r.id) ?? []));
}

async function fullDetail(
  tx: DbOrTx,
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  c: ConcernRow,
): Promise<ConcernDetail> {
  const [logger] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, c.loggedBy));
  const [ack] = c.acknowledgedBy
    ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, c.acknowledgedBy))
    : [];
  const pupilMap = await pupilsOf(tx, [c.id]);
  const today = isoDay(deps.clock.now());
  const children = await concernChildren(tx, c.id);
  const overdue = children.actions.filter((a) => !a.a.completedAt && a.a.dueOn < today).length;
  return {
    ...summaryOf(c, logger?.name ?? '', pupilMap.get(c.id) ?? [], overdue),
    location: c.location,
    account: c.account,
    pupilWords: c.pupilWords,
    warningSigns: c.warningSigns,
    othersPresent: c.othersPresent,
    riskOfImmediateHarm: c.riskOfImmediateHarm,
    possibleChildProtection: c.possibleChildProtection,
    medicalEmergency: c.medicalEmergency,
    isDisclosure: c.isDisclosure,
    disclosure:
      c.isDisclosure && c.disclosureConsent
        ? {
            toldWho: c.disclosureToldWho ?? '',
            toldWhat: c.disclosureToldWhat ?? '',
            toldWhy: c.disclosureToldWhy ?? '',
            consent: c.disclosureConsent as 'given' | 'refused' | 'not_sought',
            consentNote: c.disclosureConsentNote,
          }
        : null,
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: ack?.name ?? null,
    escalatedToDslAt: c.escalatedToDslAt?.toISOString() ?? null,
    outcome: (CONCERN_OUTCOMES as readonly string[]).includes(c.outcome ?? '')
      ? (c.outcome as ConcernDetail['outcome'])
      : null,
    outcomeNote: c.outcomeNote,
    closedAt: c.closedAt?.toISOString() ?? null,
    parentsToldAt: c.parentsToldAt?.toISOString() ?? null,
    parentsToldHow: c.parentsToldHow,
    addenda: children.addenda.map(({ a, by }) => ({
      id: a.id,
      text: a.text,
      reason: a.reason,
      addedByName: by,
      addedAt: a.addedAt.toISOString(),
    })),
    actions: children.actions.map(({ a, owner }) => ({
      id: a.id,
      description: a.description,
      ownerUserId: a.ownerUserId,
      ownerName: owner,
      dueOn: a.dueOn,
      overdue: !a.completedAt && a.dueOn < today,
      completedAt: a.completedAt?.toISOString() ?? null,
      completionNote: a.completionNote,
    })),
    corrections: children.corrections.map(({ c: k, by }) => ({
      id: k.id,
      field: k.field,
      from: k.fromValue,
      to: k.toValue,
      reason: k.reason,
      changedByName: by,
      changedAt: k.changedAt.toISOString(),
    })),
    files: children.files,
    canTriage: mayTriage(actor, schoolId, c),
    canMoveToRestricted: !c.restricted && canInSchool(actor, 'safeguarding.read', schoolId),
  };
}

/** Read a concern. Every read is audited, the logger's included. Out of sight answers 404. */
export async function getConcern(deps: AppDeps, actor: Actor, schoolId: string, concernId: string, ip: string) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  return deps.database.db.transaction(async (tx) => {
    const c = await loadConcern(tx, schoolId, concernId);
    const access = concernAccessFor(actor, schoolId, c);
    if (access === 'none') throw new AppError('not_found', 'concern not visible');
    const response =
      access === 'full'
        ? { access: 'full' as const, concern: await fullDetail(tx, deps, actor, schoolId, c) }
        : { access: 'logger' as const, concern: loggerView(c, (await pupilsOf(tx, [c.id])).get(c.id) ?? []) };
    // Audited last: the append locks the chain head until the transaction ends.
    await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.viewed', detail: { access } });
    return response;
  });
}

/**
 * Run a change on a concern the actor may work: loads it locked, checks access (404 when out of
 * sight, 403 when visible but not theirs to work), runs the change, and delivers any alerts after
 * commit.
 */
async function workOn(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  change: (tx: DbOrTx, c: ConcernRow) => Promise<{ emails: PendingEmail[]; wake: string[] } | undefined>,
  options: { allowLogger?: boolean; allowClosed?: boolean } = {},
): Promise<void> {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  let alertsAfterCommit: { emails: PendingEmail[]; wake: string[] } = { emails: [], wake: [] };
  await deps.database.db.transaction(async (tx) => {
    const c = await loadConcern(tx, schoolId, concernId, true);
    const access = concernAccessFor(actor, schoolId, c);
    if (access === 'none') throw new AppError('not_found', 'concern not visible');
    const isOwnLogger = access === 'logger_own';
    if (!mayTriage(actor, schoolId, c) && !(options.allowLogger && isOwnLogger)) {
      throw new AppError('forbidden', 'may not work this concern');
    }
    if (c.status === 'closed' && !options.allowClosed) {
      throw new AppError('conflict', 'concern closed', {
        userMessage: 'This concern has been closed. You can still add to it.',
      });
    }
    alertsAfterCommit = (await change(tx, c)) ?? alertsAfterCommit;
  });
  await deliverAlerts(deps, alertsAfterCommit.emails, alertsAfterCommit.wake);
}

export async function acknowledge(deps: AppDeps, actor: Actor, schoolId: string, concernId: string, ip: string) {
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    if (c.status !== 'open') {
      throw new AppError('conflict', 'already acknowledged', {
        userMessage: 'This concern has already been acknowledged.',
      });
    }
    const now = deps.clock.now();
    await tx
      .update(concerns)
      .set({ status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now, updatedAt: now })
      .where(eq(concerns.id, c.id));
    await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.acknowledged', detail: {} });
    return undefined;
  });
}

export async function addAction(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  body: z.infer<typeof addActionBody>,
  ip: string,
): Promise<string> {
  let actionId = '';
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    const owners = await holdersOf(tx, schoolId, [
      'school_admin',
      'headteacher',
      'smhl',
      'dsl',
      'deputy_dsl',
      'sendco',
      'early_help_lead',
      'pastoral_lead',
      'intervention_staff',
      'teacher',
      'support_staff',
      'first_aider',
    ]);
    if (!owners.some((o) => o.id === body.ownerUserId)) {
      throw new AppError('validation', 'owner not staff', {
        fields: [{ path: 'ownerUserId', message: 'Choose a member of staff at this school' }],
      });
    }
    // An action on a restricted concern may only be given to the DSL team, who alone can see it.
    if (c.restricted) {
      const team = await holdersOf(tx, schoolId, ['dsl', 'deputy_dsl']);
      if (!team.some((t) => t.id === body.ownerUserId)) {
        throw new AppError('validation', 'owner outside dsl team', {
          fields: [
            { path: 'ownerUserId', message: 'Actions on the safeguarding record can only be given to the DSL team' },
          ],
        });
      }
    }
    const now = deps.clock.now();
    const [row] = await tx
      .insert(concernActions)
      .values({
        schoolId,
        concernId: c.id,
        description: body.description,
        ownerUserId: body.ownerUserId,
        dueOn: body.dueOn,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: concernActions.id });
    actionId = row?.id ?? '';
    if (c.status === 'open') {
      await tx
        .update(concerns)
        .set({ status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now, updatedAt: now })
        .where(eq(concerns.id, c.id));
      await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.acknowledged', detail: {} });
    }
    await audit(tx, { deps, actor, schoolId, ip }, c.id, {
      action: 'concern.action_added',
      detail: { actionId, ownerUserId: body.ownerUserId, dueOn: body.dueOn },
    });
    return undefined;
  });
  return actionId;
}

export async function completeAction(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  actionId: string,
  note: string | undefined,
  ip: string,
) {
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    const now = deps.clock.now();
    const done = await tx
      .update(concernActions)
      .set({ completedAt: now, completedBy: actor.userId, completionNote: note ?? null })
      .where(
        and(eq(concernActions.id, actionId), eq(concernActions.concernId, c.id), isNull(concernActions.completedAt)),
      )
      .returning({ id: concernActions.id });
    if (done.length === 0) throw new AppError('not_found', 'action not found or already done');
    await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.action_completed', detail: { actionId } });
    return undefined;
  });
}

/** Add to a concern. The original account is never changed; the logger may add to their own. */
export async function addAddendum(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  body: z.infer<typeof addAddendumBody>,
  ip: string,
) {
  await workOn(
    deps,
    actor,
    schoolId,
    concernId,
    async (tx, c) => {
      const [row] = await tx
        .insert(concernAddenda)
        .values({
          schoolId,
          concernId: c.id,
          text: body.text,
          reason: body.reason,
          addedBy: actor.userId,
          addedAt: deps.clock.now(),
        })
        .returning({ id: concernAddenda.id });
      await audit(tx, { deps, actor, schoolId, ip }, c.id, {
        action: 'concern.addendum_added',
        detail: { addendumId: row?.id ?? '' },
      });
      return undefined;
    },
    { allowLogger: true, allowClosed: true },
  );
}

/** The Mental Health Lead passes a concern to the DSL team, who are alerted at once. */
export async function escalateToDsl(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  reason: string,
  ip: string,
) {
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    if (c.route === 'dsl')
      throw new AppError('conflict', 'already with dsl', { userMessage: 'This concern is already with the DSL team.' });
    const now = deps.clock.now();
    await tx
      .update(concerns)
      .set({
        route: 'dsl',
        urgent: true,
        status: 'open',
        escalatedToDslBy: actor.userId,
        escalatedToDslAt: now,
        escalationAlertedAt: null,
        updatedAt: now,
      })
      .where(eq(concerns.id, c.id));
    await tx.insert(concernAddenda).values({
      schoolId,
      concernId: c.id,
      text: reason,
      reason: 'Passed to the DSL',
      addedBy: actor.userId,
      addedAt: now,
    });
    await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.escalated_to_dsl', detail: {} });
    const team = (await holdersOf(tx, schoolId, ['dsl', 'deputy_dsl'])).filter((p) => p.id !== actor.userId);
    const emails = await recordAlerts(tx, deps, {
      schoolId,
      kind: 'concern_escalated_to_dsl',
      concernId: c.id,
      people: team,
    });
    return { emails, wake: team.map((t) => t.id) };
  });
}

/** The DSL moves a concern into the restricted safeguarding record: from then on, the DSL team only. */
export async function moveToRestricted(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  reason: string,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'safeguarding.read');
  await workOn(
    deps,
    actor,
    schoolId,
    concernId,
    async (tx, c) => {
      if (c.restricted)
        throw new AppError('conflict', 'already restricted', {
          userMessage: 'This concern is already in the safeguarding record.',
        });
      const now = deps.clock.now();
      await tx
        .update(concerns)
        .set({
          restricted: true,
          route: 'dsl',
          category: 'safeguarding',
          possibleChildProtection: true,
          parentsStatus: 'not_to_be_told',
          pupilTellsBy: null,
          updatedAt: now,
        })
        .where(eq(concerns.id, c.id));
      await tx.insert(concernCorrections).values({
        schoolId,
        concernId: c.id,
        field: 'restricted',
        fromValue: false,
        toValue: true,
        reason,
        changedBy: actor.userId,
        changedAt: now,
      });
      await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.moved_to_restricted', detail: {} });
      return undefined;
    },
    { allowClosed: true },
  );
}

export async function closeConcern(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  body: z.infer<typeof closeConcernBody>,
  ip: string,
) {
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    const now = deps.clock.now();
    await tx
      .update(concerns)
      .set({
        status: 'closed',
        outcome: body.outcome,
        outcomeNote: body.note,
        closedBy: actor.userId,
        closedAt: now,
        acknowledgedBy: c.acknowledgedBy ?? actor.userId,
        acknowledgedAt: c.acknowledgedAt ?? now,
        updatedAt: now,
      })
      .where(eq(concerns.id, c.id));
    await audit(tx, { deps, actor, schoolId, ip }, c.id, {
      action: 'concern.closed',
      detail: { outcome: body.outcome },
    });
    return undefined;
  });
}

/** Change a concern's category, date or pupils: each change is kept with the old value and the reason. */
export async function correctConcern(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  body: z.infer<typeof correctConcernBody>,
  ip: string,
) {
  await workOn(
    deps,
    actor,
    schoolId,
    concernId,
    async (tx, c) => {
      const now = deps.clock.now();
      const fields: string[] = [];
      const record = async (field: string, from: unknown, to: unknown) => {
        fields.push(field);
        await tx.insert(concernCorrections).values({
          schoolId,
          concernId: c.id,
          field,
          fromValue: from,
          toValue: to,
          reason: body.reason,
          changedBy: actor.userId,
          changedAt: now,
        });
      };
      if (body.category && body.category !== c.category) {
        if (c.restricted && body.category !== 'safeguarding') {
          throw new AppError('validation', 'restricted stays safeguarding', {
            fields: [
              { path: 'category', message: 'A concern in the safeguarding record stays a safeguarding concern' },
            ],
          });
        }
        await record('category', c.category, body.category);
        await tx.update(concerns).set({ category: body.category, updatedAt: now }).where(eq(concerns.id, c.id));
      }
      if (body.occurredAt && new Date(body.occurredAt).getTime() !== c.occurredAt.getTime()) {
        await record('occurredAt', c.occurredAt.toISOString(), new Date(body.occurredAt).toISOString());
        await tx
          .update(concerns)
          .set({ occurredAt: new Date(body.occurredAt), updatedAt: now })
          .where(eq(concerns.id, c.id));
      }
      if (body.pupilIds) {
        const wanted = [...new Set(body.pupilIds)].sort();
        const current = (
          await tx.select({ id: concernPupils.pupilId }).from(concernPupils).where(eq(concernPupils.concernId, c.id))
        )
          .map((r) => r.id)
          .sort();
        if (wanted.join() !== current.join()) {
          const found = await tx
            .select({ id: pupils.id })
            .from(pupils)
            .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.id, wanted)));
          if (found.length !== wanted.length) {
            throw new AppError('validation', 'pupil not in school', {
              fields: [{ path: 'pupilIds', message: 'Choose pupils from this school' }],
            });
          }
          await record('pupils', current, wanted);
          await tx.delete(concernPupils).where(eq(concernPupils.concernId, c.id));
          await tx.insert(concernPupils).values(wanted.map((pupilId) => ({ schoolId, concernId: c.id, pupilId })));
        }
      }
      if (fields.length === 0)
        throw new AppError('validation', 'nothing to correct', {
          userMessage: 'Nothing has changed, so there is nothing to save.',
        });
      await audit(tx, { deps, actor, schoolId, ip }, c.id, { action: 'concern.corrected', detail: { fields } });
      return undefined;
    },
    { allowClosed: true },
  );
}

const NEVER_TELL = new AppError('conflict', 'parents must not be told', {
  userMessage:
    'Parents must not be told about this concern by Tandem: it is, or may be, a child-protection matter. Speak to the DSL about what happens next.',
});

/** Record how and when parents were told. Refused, with the reason, where they must not be told. */
export async function recordParentsTold(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  body: z.infer<typeof recordParentsToldBody>,
  ip: string,
) {
  await workOn(
    deps,
    actor,
    schoolId,
    concernId,
    async (tx, c) => {
      if (!parentsMayBeInformed(c)) throw NEVER_TELL;
      const now = deps.clock.now();
      if (new Date(body.when).getTime() > now.getTime() + 5 * 60_000) {
        throw new AppError('validation', 'future', {
          fields: [{ path: 'when', message: 'This cannot be in the future' }],
        });
      }
      await tx
        .update(concerns)
        .set({
          parentsStatus: 'told',
          parentsToldAt: new Date(body.when),
          parentsToldHow: body.how,
          parentsToldBy: actor.userId,
          updatedAt: now,
        })
        .where(eq(concerns.id, c.id));
      if (body.note) {
        await tx.insert(concernAddenda).values({
          schoolId,
          concernId: c.id,
          text: body.note,
          reason: 'Parents told',
          addedBy: actor.userId,
          addedAt: now,
        });
      }
      await audit(tx, { deps, actor, schoolId, ip }, c.id, {
        action: 'concern.parents_told',
        detail: { how: body.how },
      });
      return undefined;
    },
    { allowClosed: true },
  );
}

/** The pupil will tell their parents first: the school waits 24 hours, and Tandem reminds the lead. */
export async function recordPupilWillTell(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  concernId: string,
  ip: string,
) {
  await workOn(deps, actor, schoolId, concernId, async (tx, c) => {
    if (!parentsMayBeInformed(c)) throw NEVER_TELL;
    if (!pupilMayTellParentsFirst(c)) {
      throw new AppError('conflict', 'immediate risk', {
        userMessage:
          'There is a risk of immediate harm, so the school cannot wait for the pupil to tell their parents.',
      });
    }
    if (c.parentsStatus === 'told')
      throw new AppError('conflict', 'already told', { userMessage: 'Parents have already been told.' });
    const now = deps.clock.now();
    const by = new Date(now.getTime() + PUPIL_TELLS_PARENTS_HOURS * HOUR);
    await tx
      .update(concerns)
      .set({ parentsStatus: 'pupil_telling', pupilTellsBy: by, pupilTellsReminderSentAt: null, updatedAt: now })
      .where(eq(concerns.id, c.id));
    await audit(tx, { deps, actor, schoolId, ip }, c.id, {
      action: 'concern.pupil_will_tell_parents',
      detail: { by: by.toISOString() },
    });
    return undefined;
  });
}

/** Concerns that may be given as evidence for a level change: visible in full, about that pupil. */
export async function concernsUsableAsEvidence(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  ids: string[],
) {
  if (ids.length === 0) return;
  const rows = await db
    .select({ c: concerns })
    .from(concerns)
    .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
    .where(and(eq(concerns.schoolId, schoolId), inArray(concerns.id, ids), eq(concernPupils.pupilId, pupilId)));
  const ok = new Set(rows.filter((r) => concernAccessFor(actor, schoolId, r.c) === 'full').map((r) => r.c.id));
  if (ids.some((id) => !ok.has(id))) {
    throw new AppError('validation', 'evidence concern not usable', {
      fields: [
        { path: 'evidence', message: 'A concern given as evidence must be about this pupil and one you can see' },
      ],
    });
  }
}
