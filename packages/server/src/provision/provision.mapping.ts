/** Provision rows to API answers, in one place. */
import {
  londonToday,
  nextVisitDue,
  visitMissed,
  weeksSoFar,
  type ParentTimetablePart,
  type ParentVisitPart,
  type ProvisionView,
  type TimetableView,
  type VisitScheduleView,
  type VisitView,
} from '@tandem/core';
import type { ProvisionRow, ReviewRow, ScheduleRow, TimetableRow } from './provision.queries';

type ReviewWithName = { r: ReviewRow; heldByName: string | null };

/** The first review not yet held. */
export function nextReviewOf(reviews: readonly ReviewWithName[]): string | null {
  return reviews.find((x) => x.r.heldOn === null)?.r.dueOn ?? null;
}

export function timetableView(
  t: TimetableRow,
  leadName: string,
  reviews: readonly ReviewWithName[],
  today: string,
): TimetableView {
  const active = t.status === 'active';
  return {
    id: t.id,
    reason: t.reason,
    hours: t.hours,
    sessionsPerWeek: t.sessionsPerWeek,
    startOn: t.startOn,
    endOn: t.endOn,
    longerReason: t.longerReason,
    returnPlan: t.returnPlan,
    parentsAgreedBy: t.parentsAgreedBy,
    parentsAgreedOn: t.parentsAgreedOn,
    parentsAgreedHow: t.parentsAgreedHow,
    laToldOn: t.laToldOn,
    laToldBy: t.laToldBy,
    leadName,
    status: t.status,
    endedOn: t.endedOn,
    ending: t.ending,
    endingNote: t.endingNote,
    revision: t.revision,
    weeksSoFar: weeksSoFar(t.startOn, active ? today : (t.endedOn ?? t.endOn)),
    pastEnd: active && today > t.endOn,
    nextReviewOn: active ? nextReviewOf(reviews) : null,
    reviews: reviews.map(({ r, heldByName }) => ({
      id: r.id,
      dueOn: r.dueOn,
      heldOn: r.heldOn,
      outcome: r.outcome,
      heldByName,
    })),
  };
}

export function provisionView(p: ProvisionRow, today: string): ProvisionView {
  return {
    id: p.id,
    kind: p.kind,
    provider: p.provider,
    days: p.days,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    attendanceReporting: p.attendanceReporting,
    schoolContact: p.schoolContact,
    startOn: p.startOn,
    endOn: p.endOn,
    current: p.endOn === null || p.endOn >= today,
    revision: p.revision,
  };
}

export function scheduleView(
  s: ScheduleRow,
  leadName: string,
  lastVisitOn: string | null,
  today: string,
): VisitScheduleView {
  const nextDueOn = nextVisitDue(s.startOn, lastVisitOn, s.everyDays);
  return {
    id: s.id,
    everyDays: s.everyDays,
    startOn: s.startOn,
    leadName,
    nextDueOn,
    overdue: visitMissed(nextDueOn, today),
  };
}

export function visitView(v: {
  id: string;
  kind: VisitView['kind'];
  at: Date;
  seen: boolean;
  howSeemed: string;
  byName: string;
}): VisitView {
  return { id: v.id, kind: v.kind, at: v.at.toISOString(), byName: v.byName, seen: v.seen, howSeemed: v.howSeemed };
}

/** What home is told of a timetable: never why. */
export function familyTimetable(t: TimetableRow, nextReviewOn: string | null): ParentTimetablePart {
  return {
    hours: t.hours,
    sessionsPerWeek: t.sessionsPerWeek,
    startOn: t.startOn,
    endOn: t.endOn,
    returnPlan: t.returnPlan,
    nextReviewOn,
  };
}

/** What home is told of a visit: never how the pupil seemed. */
export function familyVisit(v: { at: Date; kind: ParentVisitPart['kind']; seen: boolean }): ParentVisitPart {
  return { at: v.at.toISOString(), kind: v.kind, seen: v.seen };
}

/** The London day of a moment. */
export const dayOf = (at: Date): string => londonToday(at);
