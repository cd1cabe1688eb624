/**
 * Attendance's part of everything held about a pupil (subject access, transfer, retention): the
 * weekly figures and the absence marks imported from the MIS, one summary item per school year, and
 * the missing list (each time the DSL added or took the pupil off, each absence alerted and what
 * was done). The missing list is read by the DSL team, the senior mental health lead and the head,
 * and shown in the chronology to every reader of the case: it is not the restricted record, so it
 * is a wellbeing record; an alert that brought in the police or social care is suggested withheld.
 */
import { and, eq } from 'drizzle-orm';
import { ATTENDANCE_CODES, MISSING_ACTION_TAKEN_LABELS, SESSION_LABELS, type PupilRecordItem } from '@tandem/core';
import { attendanceMarks, attendanceWeeks, missingAlerts, missingListChanges } from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { DISCLOSE_ABOUT_PUPIL, dayOf, namesOf, lines } from '../platform/records';

const SOURCE = 'attendance';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;

const day = dayOf;

/** The school year a date falls in, by its first year: 2026 for 1 Sep 2026 to 31 Aug 2027. */
function schoolYear(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 9 ? y : y - 1;
}
const yearWords = (y: number) => `${String(y)} to ${String(y + 1)}`;

function byYear<T>(rows: readonly T[], dateOf: (r: T) => string): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const y = schoolYear(dateOf(r));
    out.set(y, [...(out.get(y) ?? []), r]);
  }
  return out;
}

const percent = (part: number, whole: number) => `${String(Math.round((part / whole) * 1000) / 10)}%`;
const plural = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;

/** "90% (1 authorised absence)"; "100%"; "no sessions". */
function weekWords(w: { possible: number; attended: number; authorised: number; unauthorised: number }): string {
  if (w.possible === 0) return 'no sessions';
  const absences = [
    w.authorised > 0 && plural(w.authorised, 'authorised absence'),
    w.unauthorised > 0 && plural(w.unauthorised, 'unauthorised absence'),
  ].filter((x): x is string => typeof x === 'string');
  return `${percent(w.attended, w.possible)}${absences.length > 0 ? ` (${absences.join(', ')})` : ''}`;
}

const MEANING = new Map(ATTENDANCE_CODES.map((c) => [c.code, c]));

export const attendanceRecords: PupilRecordSource = {
  name: SOURCE,
  async records(db, { schoolId, pupilId }) {
    const items: PupilRecordItem[] = [];
    const weeks = await db
      .select()
      .from(attendanceWeeks)
      .where(and(eq(attendanceWeeks.schoolId, schoolId), eq(attendanceWeeks.pupilId, pupilId)))
      .orderBy(attendanceWeeks.weekStart);
    for (const [year, rows] of byYear(weeks, (w) => w.weekStart)) {
      const possible = rows.reduce((n, w) => n + w.possible, 0);
      const attended = rows.reduce((n, w) => n + w.attended, 0);
      const last = rows[rows.length - 1];
      items.push({
        source: SOURCE,
        kind: 'attendance-weeks',
        id: `${pupilId}:${String(year)}`,
        at: `${last?.weekStart ?? `${String(year)}-09-01`}T12:00:00.000Z`,
        title: `Attendance by week, ${yearWords(year)}`,
        body: lines(
          possible > 0 &&
            `Over the year so far: ${percent(attended, possible)} (${String(attended)} of ${String(possible)} sessions).`,
          ...rows.map((w) => `Week of ${calendarDay(w.weekStart)}: ${weekWords(w)}`),
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }

    const marks = await db
      .select()
      .from(attendanceMarks)
      .where(and(eq(attendanceMarks.schoolId, schoolId), eq(attendanceMarks.pupilId, pupilId)))
      .orderBy(attendanceMarks.on, attendanceMarks.session);
    for (const [year, rows] of byYear(marks, (m) => m.on)) {
      const absent = rows.filter((m) => MEANING.get(m.code)?.category !== 'present');
      const last = rows[rows.length - 1];
      items.push({
        source: SOURCE,
        kind: 'attendance-marks',
        id: `${pupilId}:${String(year)}`,
        at: `${last?.on ?? `${String(year)}-09-01`}T12:00:00.000Z`,
        title: `Register marks, ${yearWords(year)}`,
        body: lines(
          `${String(rows.length)} sessions marked, ${String(rows.length - absent.length)} present.`,
          absent.length > 0 && 'Sessions not marked present:',
          ...absent.map(
            (m) =>
              `${calendarDay(m.on)}, ${SESSION_LABELS[m.session].toLowerCase()}: ${m.code} (${MEANING.get(m.code)?.meaning ?? 'code'})`,
          ),
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }

    const changes = await db
      .select()
      .from(missingListChanges)
      .where(and(eq(missingListChanges.schoolId, schoolId), eq(missingListChanges.pupilId, pupilId)));
    const alerts = await db
      .select()
      .from(missingAlerts)
      .where(and(eq(missingAlerts.schoolId, schoolId), eq(missingAlerts.pupilId, pupilId)));
    const names = await namesOf(db, [
      ...changes.map((c) => c.byUserId),
      ...alerts.flatMap((a) => [a.actionBy, ...a.alerted]),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? 'a member of staff') : 'a member of staff');
    for (const c of changes) {
      items.push({
        source: SOURCE,
        kind: 'missing-list-change',
        id: c.id,
        at: c.at.toISOString(),
        title: c.action === 'added' ? 'Added to the missing list' : 'Taken off the missing list',
        body: lines(
          `${c.action === 'added' ? 'Added to' : 'Taken off'} the list of pupils to look out for if absent, on ${day(c.at)} by ${who(c.byUserId)}.`,
          `Why: ${c.reason}`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const a of alerts) {
      const serious = a.actionTaken === 'police_informed' || a.actionTaken === 'social_care_informed';
      items.push({
        source: SOURCE,
        kind: 'missing-alert',
        id: a.id,
        at: a.raisedAt.toISOString(),
        title: `Absent without a reason while on the missing list (${calendarDay(a.on)}, ${SESSION_LABELS[a.session].toLowerCase()})`,
        body: lines(
          `Marked ${a.code} (${MEANING.get(a.code)?.meaning ?? 'absent'}) on ${calendarDay(a.on)}, ${SESSION_LABELS[a.session].toLowerCase()}.`,
          `The safeguarding team was alerted on ${day(a.raisedAt)}${a.alerted.length > 0 ? ` (${a.alerted.map(who).join(', ')})` : ''}.`,
          a.actionTaken
            ? `What was done: ${MISSING_ACTION_TAKEN_LABELS[a.actionTaken]}${a.actionNote ? `: ${a.actionNote}` : ''} (${who(a.actionBy)}${a.actionAt ? `, ${day(a.actionAt)}` : ''}).`
            : 'Not yet followed up.',
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: serious
          ? {
              decision: 'withhold',
              reason:
                "Records that the police or children's social care were told: disclosure could put the child at risk (the DSL should decide)",
            }
          : DISCLOSE,
      });
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass !== 'wellbeing') return [];
    const mine = (
      t: typeof attendanceWeeks | typeof attendanceMarks | typeof missingAlerts | typeof missingListChanges,
    ) => and(eq(t.schoolId, schoolId), eq(t.pupilId, pupilId));
    const weeks = await tx
      .delete(attendanceWeeks)
      .where(mine(attendanceWeeks))
      .returning({ w: attendanceWeeks.weekStart });
    const marks = await tx.delete(attendanceMarks).where(mine(attendanceMarks)).returning({ d: attendanceMarks.on });
    const alerts = await tx.delete(missingAlerts).where(mine(missingAlerts)).returning({ id: missingAlerts.id });
    const changes = await tx
      .delete(missingListChanges)
      .where(mine(missingListChanges))
      .returning({ id: missingListChanges.id });
    return [
      { kind: 'attendance-week', count: weeks.length },
      { kind: 'attendance-mark', count: marks.length },
      { kind: 'missing-alert', count: alerts.length },
      { kind: 'missing-list-change', count: changes.length },
    ];
  },
};
