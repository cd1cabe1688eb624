/**
 * Provision's part of everything held about a pupil (subject access, transfer, retention): reduced
 * timetables with their reviews, education taught elsewhere, visit schedules and each safeguarding
 * visit or call. All are wellbeing records (a reduced timetable is not tied to SEN provision here);
 * none is in the restricted record.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  AGREEMENT_HOW_LABELS,
  PROVISION_KIND_LABELS,
  SCHOOL_DAY_LABELS,
  TIMETABLE_ENDING_LABELS,
  VISIT_KIND_LABELS,
  type PupilRecordItem,
} from '@tandem/core';
import {
  alternativeProvisions,
  reducedTimetables,
  timetableReviews,
  visitSchedules,
  welfareVisits,
} from '@tandem/core/schema';
import { calendarDay, dateAndTime } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { DISCLOSE_ABOUT_PUPIL, dayOf, namesOf, lines } from '../platform/records';

const SOURCE = 'provision';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;

const day = dayOf;
const onDay = (isoDate: string) => `${isoDate}T12:00:00.000Z`;

export const provisionRecords: PupilRecordSource = {
  name: SOURCE,
  async records(db, { schoolId, pupilId }) {
    const timetables = await db
      .select()
      .from(reducedTimetables)
      .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.pupilId, pupilId)));
    const reviews =
      timetables.length === 0
        ? []
        : await db
            .select()
            .from(timetableReviews)
            .where(
              and(
                eq(timetableReviews.schoolId, schoolId),
                inArray(
                  timetableReviews.timetableId,
                  timetables.map((t) => t.id),
                ),
              ),
            );
    const elsewhere = await db
      .select()
      .from(alternativeProvisions)
      .where(and(eq(alternativeProvisions.schoolId, schoolId), eq(alternativeProvisions.pupilId, pupilId)));
    const schedules = await db
      .select()
      .from(visitSchedules)
      .where(and(eq(visitSchedules.schoolId, schoolId), eq(visitSchedules.pupilId, pupilId)));
    const visits = await db
      .select()
      .from(welfareVisits)
      .where(and(eq(welfareVisits.schoolId, schoolId), eq(welfareVisits.pupilId, pupilId)));
    const names = await namesOf(db, [
      ...timetables.flatMap((t) => [t.leadUserId, t.createdBy]),
      ...reviews.map((r) => r.heldBy),
      ...elsewhere.map((a) => a.createdBy),
      ...schedules.flatMap((s) => [s.leadUserId, s.createdBy]),
      ...visits.flatMap((v) => [v.byUserId, v.recordedBy]),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? 'a member of staff') : 'a member of staff');

    const items: PupilRecordItem[] = [];
    for (const t of timetables) {
      items.push({
        source: SOURCE,
        kind: 'reduced-timetable',
        id: t.id,
        at: t.createdAt.toISOString(),
        title: `Reduced timetable, ${calendarDay(t.startOn)} to ${calendarDay(t.endOn)}`,
        body: lines(
          `Recorded on ${day(t.createdAt)} by ${who(t.createdBy)}; led by ${who(t.leadUserId)}.`,
          `Hours in school: ${t.hours} (${String(t.sessionsPerWeek)} sessions a week).`,
          `Why: ${t.reason}`,
          t.longerReason && `Why it runs longer than six weeks: ${t.longerReason}`,
          `Plan for a return to full time: ${t.returnPlan}`,
          `Agreed by ${t.parentsAgreedBy} on ${calendarDay(t.parentsAgreedOn)} (${AGREEMENT_HOW_LABELS[t.parentsAgreedHow].toLowerCase()}).`,
          t.laToldOn &&
            `The local authority was told on ${calendarDay(t.laToldOn)}${t.laToldBy ? ` by ${t.laToldBy}` : ''}.`,
          t.endedOn &&
            `Ended on ${calendarDay(t.endedOn)}${t.ending ? `: ${TIMETABLE_ENDING_LABELS[t.ending].toLowerCase()}` : ''}${t.endingNote ? ` (${t.endingNote})` : ''}.`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const r of reviews) {
      items.push({
        source: SOURCE,
        kind: 'timetable-review',
        id: r.id,
        at: onDay(r.heldOn ?? r.dueOn),
        title: r.heldOn
          ? `Reduced timetable reviewed on ${calendarDay(r.heldOn)}`
          : `Reduced timetable review due ${calendarDay(r.dueOn)}`,
        body: lines(
          `Review due on ${calendarDay(r.dueOn)}.`,
          r.heldOn ? `Held on ${calendarDay(r.heldOn)} by ${who(r.heldBy)}.` : 'Not yet held.',
          r.outcome && `What was decided: ${r.outcome}`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const a of elsewhere) {
      items.push({
        source: SOURCE,
        kind: 'alternative-provision',
        id: a.id,
        at: onDay(a.startOn),
        title: `Taught elsewhere: ${PROVISION_KIND_LABELS[a.kind]}, ${a.provider}`,
        body: lines(
          `${PROVISION_KIND_LABELS[a.kind]} at ${a.provider}, from ${calendarDay(a.startOn)}${a.endOn ? ` to ${calendarDay(a.endOn)}` : ''}.`,
          `Days: ${a.days.map((d) => SCHOOL_DAY_LABELS[d]).join(', ')}.`,
          `Contact there: ${[a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(', ')}.`,
          `How attendance there is reported: ${a.attendanceReporting}`,
          `How the school keeps in touch: ${a.schoolContact}`,
          `Recorded by ${who(a.createdBy)} on ${day(a.createdAt)}.`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const s of schedules) {
      items.push({
        source: SOURCE,
        kind: 'visit-schedule',
        id: s.id,
        at: onDay(s.startOn),
        title: `Visits or calls every ${String(s.everyDays)} days from ${calendarDay(s.startOn)}`,
        body: lines(
          `A visit or call due every ${String(s.everyDays)} days from ${calendarDay(s.startOn)}, led by ${who(s.leadUserId)}.`,
          s.endedOn ? `Stopped on ${calendarDay(s.endedOn)}.` : 'Still running.',
          s.missedFlaggedFor && `A visit due on ${calendarDay(s.missedFlaggedFor)} was flagged as missed.`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const v of visits) {
      items.push({
        source: SOURCE,
        kind: 'welfare-visit',
        id: v.id,
        at: v.at.toISOString(),
        title: `${VISIT_KIND_LABELS[v.kind]} on ${day(v.at)}`,
        body: lines(
          `${VISIT_KIND_LABELS[v.kind]} by ${who(v.byUserId)} on ${dateAndTime(v.at)}: the pupil was ${v.seen ? 'seen or spoken to' : 'not seen'}.`,
          v.howSeemed && `How they seemed: ${v.howSeemed}`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass !== 'wellbeing') return [];
    const timetableIds = (
      await tx
        .select({ id: reducedTimetables.id })
        .from(reducedTimetables)
        .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.pupilId, pupilId)))
    ).map((t) => t.id);
    const reviews =
      timetableIds.length === 0
        ? []
        : await tx
            .delete(timetableReviews)
            .where(and(eq(timetableReviews.schoolId, schoolId), inArray(timetableReviews.timetableId, timetableIds)))
            .returning({ id: timetableReviews.id });
    const timetables = await tx
      .delete(reducedTimetables)
      .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.pupilId, pupilId)))
      .returning({ id: reducedTimetables.id });
    const elsewhere = await tx
      .delete(alternativeProvisions)
      .where(and(eq(alternativeProvisions.schoolId, schoolId), eq(alternativeProvisions.pupilId, pupilId)))
      .returning({ id: alternativeProvisions.id });
    const schedules = await tx
      .delete(visitSchedules)
      .where(and(eq(visitSchedules.schoolId, schoolId), eq(visitSchedules.pupilId, pupilId)))
      .returning({ id: visitSchedules.id });
    const visits = await tx
      .delete(welfareVisits)
      .where(and(eq(welfareVisits.schoolId, schoolId), eq(welfareVisits.pupilId, pupilId)))
      .returning({ id: welfareVisits.id });
    return [
      { kind: 'reduced-timetable', count: timetables.length },
      { kind: 'timetable-review', count: reviews.length },
      { kind: 'alternative-provision', count: elsewhere.length },
      { kind: 'visit-schedule', count: schedules.length },
      { kind: 'welfare-visit', count: visits.length },
    ];
  },
};
