/** A pupil's stored weeks as the API gives them: each week's percentage, the terms, the codes. */
import {
  ATTENDANCE_CODE_GROUP_CODES,
  ATTENDANCE_CODE_GROUPS,
  attendancePercent,
  termOf,
  type AttendanceTerm,
  type AttendanceWeek,
  type PupilAttendanceResponse,
} from '@tandem/core';

interface WeekCounts {
  weekStart: string;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
}

export function toWeek(w: WeekCounts): AttendanceWeek {
  return { ...w, percent: attendancePercent(w.attended, w.possible) };
}

/** The weeks (newest first) totalled by the term each starts in, newest term first. */
export function termsOf(weeks: readonly WeekCounts[]): AttendanceTerm[] {
  const terms = new Map<string, AttendanceTerm>();
  for (const w of weeks) {
    const term = termOf(w.weekStart);
    const t = terms.get(term.key) ?? {
      key: term.key,
      label: term.label,
      weeks: 0,
      possible: 0,
      attended: 0,
      authorised: 0,
      unauthorised: 0,
      percent: null,
    };
    t.weeks++;
    t.possible += w.possible;
    t.attended += w.attended;
    t.authorised += w.authorised;
    t.unauthorised += w.unauthorised;
    terms.set(term.key, t);
  }
  return [...terms.values()].map((t) => ({ ...t, percent: attendancePercent(t.attended, t.possible) }));
}

/** Session marks counted by group (C2, medical, elsewhere, unexplained). */
export function codeGroupsOf(counts: ReadonlyMap<string, number>): PupilAttendanceResponse['codes'] {
  return ATTENDANCE_CODE_GROUPS.map((group) => ({
    group,
    sessions: ATTENDANCE_CODE_GROUP_CODES[group].reduce((n, code) => n + (counts.get(code) ?? 0), 0),
  }));
}
