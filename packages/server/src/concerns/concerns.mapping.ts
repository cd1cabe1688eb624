/**
 * From stored rows to what the API answers: the summary in a queue, what the logger sees of their
 * own concern, and the full record. The one place a concern row becomes an answer.
 */
import {
  EMERGENCY_PROCEDURE,
  canInSchool,
  mayTriage,
  routeConcern,
  type Actor,
  type ConcernDetail,
  type ConcernSummary,
} from '@tandem/core';
import type { ConcernChildren, ConcernRow, PupilRef } from './concerns.queries';

/**
 * Today's date for deciding whether an action is overdue: the UTC calendar day, as action due dates
 * have always been compared.
 */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * What the person who logged a concern is told at once: where it went and, when it needs the DSL
 * now, who is on duty; with a medical emergency, the emergency procedure first.
 */
export function loggedAnswer(
  c: ConcernRow,
  o: {
    onDuty: { name: string; whereToFind: string }[];
    alerted: { who: string; names: string[] }[];
    alreadyReceived: boolean;
  },
) {
  const decision = routeConcern(c);
  return {
    id: c.id,
    reference: c.reference,
    route: c.route,
    urgent: c.urgent,
    findDslNow: decision.findDslNow,
    dslOnDuty: decision.findDslNow || decision.alsoAlertDslTeam ? o.onDuty : [],
    alerted: o.alerted,
    showEmergencyProcedure: decision.showEmergencyProcedure,
    emergencyProcedure: decision.showEmergencyProcedure ? EMERGENCY_PROCEDURE : [],
    alreadyReceived: o.alreadyReceived,
  };
}

/** A concern as listed in a triage queue. */
export function summaryOf(c: ConcernRow, loggedByName: string, pupils: PupilRef[], overdue: number): ConcernSummary {
  return {
    id: c.id,
    reference: c.reference,
    loggedAt: c.loggedAt.toISOString(),
    loggedByName,
    occurredAt: c.occurredAt.toISOString(),
    pupils,
    category: c.category,
    route: c.route,
    urgent: c.urgent,
    restricted: c.restricted,
    status: c.status,
    overdueActions: overdue,
    parentsStatus: c.parentsStatus,
    pupilTellsBy: c.pupilTellsBy?.toISOString() ?? null,
    fromParent: c.fromParent,
  };
}

/** What the logger sees of what they logged: for a restricted concern, only that it went to the DSL. */
export function loggerView(c: ConcernRow, pupils: PupilRef[]) {
  const stub = c.restricted;
  return {
    id: c.id,
    reference: c.reference,
    loggedAt: c.loggedAt.toISOString(),
    pupils,
    sentToDsl: c.route === 'dsl' || c.restricted,
    account: stub ? null : c.account,
    status: stub ? null : c.status,
  };
}

/** Everything the full record shows besides the concern's own row. */
export interface DetailParts {
  loggedByName: string;
  acknowledgedByName: string | null;
  pupils: PupilRef[];
  children: ConcernChildren;
}

/** The full record, for those who may read the concern in full, with what the reader may do with it. */
export function fullDetail(
  c: ConcernRow,
  parts: DetailParts,
  reader: { actor: Actor; schoolId: string; today: string },
): ConcernDetail {
  const { children } = parts;
  const { today } = reader;
  const overdue = children.actions.filter((a) => !a.a.completedAt && a.a.dueOn < today).length;
  return {
    ...summaryOf(c, parts.loggedByName, parts.pupils, overdue),
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
            consent: c.disclosureConsent,
            consentNote: c.disclosureConsentNote,
          }
        : null,
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: parts.acknowledgedByName,
    escalatedToDslAt: c.escalatedToDslAt?.toISOString() ?? null,
    outcome: c.outcome,
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
      overdue: !a.completedAt && !a.droppedAt && a.dueOn < today,
      completedAt: a.completedAt?.toISOString() ?? null,
      completionNote: a.completionNote,
      carriedAt: a.carriedAt?.toISOString() ?? null,
      droppedAt: a.droppedAt?.toISOString() ?? null,
      dropReason: a.dropReason,
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
    canTriage: mayTriage(reader.actor, reader.schoolId, c),
    canMoveToRestricted: !c.restricted && canInSchool(reader.actor, 'safeguarding.read', reader.schoolId),
  };
}
