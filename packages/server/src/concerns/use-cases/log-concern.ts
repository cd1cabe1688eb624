import { AppError, CONCERN_ROUTE_LABELS, DSL_TEAM_ROLES, routeConcern, type LogConcernBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, readInSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { holdersOf } from '../../platform/directory';
import { notify } from '../../platform/alerts';
import { joinCaseTeamsOfRoutedConcern } from '../../platform/case-access';
import {
  addConcernPupils,
  countPupilsInSchool,
  dslOnDuty,
  findSubmission,
  insertConcern,
  lastReferenceNumber,
  lockSchool,
  type ConcernRow,
} from '../concerns.queries';
import { deleteDraft } from '../drafts.queries';
import { loggedAnswer } from '../concerns.mapping';
import { auditConcern } from '../work-on';
import { pupilTellsDeadline } from '../parents';

/** Log a concern. A second submission with the same key returns the first concern, unchanged. */
export async function logConcern(deps: AppDeps, who: SchoolRequest, body: LogConcernBody) {
  const result = await inSchool(deps, who, 'concern.log', async (s) => {
    // Serialise logging per school, so references are consecutive and a double submit is seen.
    await lockSchool(s.tx, s.schoolId);
    const existing = await findSubmission(s.tx, s.schoolId, s.actor.userId, body.submissionKey);
    if (existing) return { concern: existing, alreadyReceived: true };
    return { concern: await logNew(s, body), alreadyReceived: false };
  });
  const { concern } = result;
  const decision = routeConcern(concern);
  // Read after the commit, so the school's lock is not held for it.
  const { onDuty, alerted } = await readInSchool(deps, who, 'concern.log', async ({ db, schoolId, now, actor }) => {
    const groups = [];
    for (const g of alertGroups(decision)) {
      const people = (await holdersOf(db, schoolId, g.roles)).filter((p) => p.id !== actor.userId);
      if (people.length > 0) groups.push({ who: g.who, names: people.map((p) => p.displayName).sort() });
    }
    const duty = decision.findDslNow || decision.alsoAlertDslTeam ? await dslOnDuty(db, schoolId, now) : [];
    return { onDuty: duty, alerted: groups };
  });
  return loggedAnswer(concern, { onDuty, alerted, alreadyReceived: result.alreadyReceived });
}

/**
 * Whom a new concern alerts: its route's people; for a medical emergency outside the DSL route, the
 * DSL team as well, at once, as for risk of immediate harm.
 */
export function alertGroups(decision: ReturnType<typeof routeConcern>) {
  const dslTeam = { who: CONCERN_ROUTE_LABELS.dsl, roles: DSL_TEAM_ROLES };
  const leads = { who: CONCERN_ROUTE_LABELS.mental_health_lead, roles: ['smhl', 'sendco'] as const };
  if (decision.route === 'dsl') return [dslTeam];
  return decision.alsoAlertDslTeam ? [dslTeam, leads] : [leads];
}

/**
 * Check, route, number and store a new concern; alert whoever it is routed to. `fromParent` marks a
 * concern a parent or carer sent from the family portal (concerns.family.ts).
 */
export async function logNew(
  s: SchoolWork,
  body: LogConcernBody,
  o: { fromParent?: boolean } = {},
): Promise<ConcernRow> {
  const { tx, schoolId, actor, now } = s;
  const pupilIds = [...new Set(body.pupilIds)];
  if ((await countPupilsInSchool(tx, schoolId, pupilIds)) !== pupilIds.length) {
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
  const n = await lastReferenceNumber(tx, schoolId, prefix);
  const pupilTelling = body.pupilWillTellParents && decision.parentsToBeTold && !body.riskOfImmediateHarm;
  const row = await insertConcern(tx, {
    schoolId,
    reference: `${prefix}${String(n + 1).padStart(4, '0')}`,
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
    fromParent: o.fromParent ?? false,
    disclosureToldWho: body.disclosure?.toldWho ?? null,
    disclosureToldWhat: body.disclosure?.toldWhat ?? null,
    disclosureToldWhy: body.disclosure?.toldWhy ?? null,
    disclosureConsent: body.disclosure?.consent ?? null,
    disclosureConsentNote: body.disclosure?.consentNote ?? null,
    status: 'open',
    // A parent who sent it knows: the school has nothing to tell them about it.
    parentsStatus: o.fromParent
      ? 'told'
      : !decision.parentsToBeTold
        ? 'not_to_be_told'
        : pupilTelling
          ? 'pupil_telling'
          : 'to_be_told',
    parentsToldAt: o.fromParent ? now : null,
    pupilTellsBy: pupilTelling ? pupilTellsDeadline(now) : null,
    updatedAt: now,
  });
  await addConcernPupils(tx, schoolId, row.id, pupilIds);
  await deleteDraft(tx, schoolId, actor.userId);
  await auditConcern(s, row.id, {
    action: 'concern.logged',
    detail: { route: decision.route, urgent: decision.urgent, pupils: pupilIds.length },
  });
  const recipients = await holdersOf(
    tx,
    schoolId,
    alertGroups(decision).flatMap((g) => g.roles),
  );
  await notify(s, {
    schoolId,
    kind: decision.urgent ? 'urgent_concern_logged' : 'concern_logged',
    concernId: row.id,
    people: recipients.filter((p) => p.id !== actor.userId),
  });
  await joinCaseTeamsOfRoutedConcern(tx, {
    schoolId,
    route: decision.route,
    pupilIds,
    userIds: recipients.map((p) => p.id),
    at: now,
  });
  return row;
}
