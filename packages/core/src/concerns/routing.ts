/**
 * Where a concern goes, decided once here (seed 002 and the brief, module 2):
 *  - an ordinary concern goes to the school's Mental Health Lead and SENDCO;
 *  - risk of immediate harm, or a possible child-protection matter, goes at once to the DSL team as
 *    URGENT and into the restricted safeguarding record; the logger is told to find the DSL now;
 *  - a medical emergency (an overdose, say) shows the emergency procedure (first aid, 999) before
 *    anything else and is URGENT: the DSL team and the Mental Health Lead are alerted at once, as
 *    for risk of immediate harm. It stays in the Mental Health Lead's queue (so the SMHL and SENDCO
 *    can open and acknowledge it) and is also listed in the DSL team's queue; it goes into the
 *    restricted record only if child protection (or immediate harm) is also marked.
 * Parents are never told by Tandem about a concern that is or may be a child-protection matter, or
 * about anything in the restricted safeguarding record.
 */
import type { ConcernRoute } from './concerns.values';

export interface RoutingAnswers {
  riskOfImmediateHarm: boolean;
  possibleChildProtection: boolean;
  medicalEmergency: boolean;
}

export interface RoutingDecision {
  route: ConcernRoute;
  urgent: boolean;
  /** Alert the DSL team as well as the route's own people (a medical emergency outside the DSL route). */
  alsoAlertDslTeam: boolean;
  /** In the restricted safeguarding record: visible to the DSL team only. */
  restricted: boolean;
  /** The logger's screen must say to find the DSL in person now. */
  findDslNow: boolean;
  /** The logger's screen shows the emergency procedure first. */
  showEmergencyProcedure: boolean;
  /** Whether parents are to be told (never for a possible child-protection matter). */
  parentsToBeTold: boolean;
}

export function routeConcern(a: RoutingAnswers): RoutingDecision {
  const toDsl = a.riskOfImmediateHarm || a.possibleChildProtection;
  return {
    route: toDsl ? 'dsl' : 'mental_health_lead',
    urgent: toDsl || a.medicalEmergency,
    alsoAlertDslTeam: !toDsl && a.medicalEmergency,
    restricted: toDsl,
    findDslNow: toDsl,
    showEmergencyProcedure: a.medicalEmergency,
    // Nothing in the restricted safeguarding record is ever told to parents by Tandem.
    parentsToBeTold: !toDsl,
  };
}

/** Minutes an urgent concern may wait unacknowledged before deputies and the head are alerted. */
export const DEFAULT_URGENT_ACK_MINUTES = 15;

/** Hours a pupil is given to tell their parents themselves, when there is no immediate risk. */
export const PUPIL_TELLS_PARENTS_HOURS = 24;

/**
 * Whether Tandem may help inform parents about a concern at all. Refused for anything in the
 * restricted safeguarding record or flagged as a possible child-protection matter.
 */
export function parentsMayBeInformed(concern: { restricted: boolean; possibleChildProtection: boolean }): boolean {
  return !concern.restricted && !concern.possibleChildProtection;
}

/** Whether a pupil may be given 24 hours to tell their parents first (only without immediate risk). */
export function pupilMayTellParentsFirst(concern: {
  restricted: boolean;
  possibleChildProtection: boolean;
  riskOfImmediateHarm: boolean;
}): boolean {
  return parentsMayBeInformed(concern) && !concern.riskOfImmediateHarm;
}

export const EMERGENCY_PROCEDURE = [
  'Stay with the pupil. Do not leave them alone.',
  'Call for a first aider now, or send someone to fetch one.',
  'If the pupil is unconscious, not breathing normally, badly hurt or has taken an overdose, call 999 straight away.',
  'Tell the school office so they can meet the ambulance and contact the parents or carers.',
  'Tell the DSL as soon as the pupil is safe.',
];
