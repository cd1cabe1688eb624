/**
 * The demo's attendance, as if imported from the MIS: weekly totals for every pupil on roll over
 * this term and the two before it (school weeks only, ten sessions each), and each session's mark
 * for the last ten school days (the last two school weeks, whose totals are counted from the marks).
 *
 * Most pupils attend 93–100%; about one in fifteen is persistently absent (under 90%). At Kingsmead:
 * - four pupils whose attendance fell by 10+ points in the last four weeks (early identification
 *   lists them): the first pupil at no level (by
 *   UPN number, without the check letter: the MIS's order) in each of Years 7, 8, 9 and 10;
 * - pupils on a reduced timetable (or, without one, the first two at MH3 or above) have their
 *   afternoons in the last four weeks marked C2;
 * - the last pupil at no level (by UPN number) in Year 11 has been absent without a reason (N)
 *   every session of the last ten school days (the children missing education list).
 * Pupils with their own account (Olivia Clarke) are never chosen.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { schoolDate, termOf, previousTerm, dayPlus, weekBeginningOf } from '@tandem/core';
import { attendanceMarks, attendanceWeeks, pupils, reducedTimetables } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** The same small generator as the rest of the demo, with its own seed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const CHUNK = 2_000;

/** Roughly the holidays of an English school year (month-day of a week's Monday, inclusive). */
const HOLIDAYS: readonly [string, string][] = [
  ['12-19', '12-31'],
  ['01-01', '01-04'],
  ['02-15', '02-21'],
  ['03-30', '04-12'],
  ['05-25', '05-31'],
  ['07-21', '09-02'],
  ['10-26', '11-01'],
];
const isHoliday = (monday: string) => {
  const md = monday.slice(5);
  return HOLIDAYS.some(([from, to]) => md >= from && md <= to);
};

/** The Mondays of school weeks completed by today, from the start of the term two before this one. */
function schoolWeeks(today: string): string[] {
  const first = previousTerm(previousTerm(termOf(today))).from;
  const weeks: string[] = [];
  // A week counts once its Friday is over.
  for (let m = weekBeginningOf(dayPlus(first, 6)); dayPlus(m, 4) < today; m = dayPlus(m, 7)) {
    if (!isHoliday(m)) weeks.push(m);
  }
  return weeks;
}

type Profile = 'usual' | 'persistent' | 'falling' | 'reduced' | 'missing';

interface Week {
  attended: number;
  authorised: number;
  unauthorised: number;
}

/** A session's code: present, or absent with a reason drawn for the pupil's profile. */
function sessionCode(rand: () => number, rate: number, pm: boolean): string {
  if (rand() < rate) return rand() < 0.04 ? 'L' : pm ? '\\' : '/';
  const r = rand();
  return r < 0.6 ? 'I' : r < 0.8 ? 'M' : 'N';
}

function tally(codes: readonly string[]): Week {
  const w: Week = { attended: 0, authorised: 0, unauthorised: 0 };
  for (const c of codes) {
    if (c === '/' || c === '\\' || c === 'L') w.attended++;
    else if (c === 'N') w.unauthorised++;
    else w.authorised++;
  }
  return w;
}

export async function seedDemoAttendance(tx: DbOrTx, o: { schoolIds: Map<string, string>; now: Date }): Promise<void> {
  const today = schoolDate(o.now);
  const weeks = schoolWeeks(today);
  if (weeks.length === 0) return;
  // The last two school weeks have session marks; the last four are "recent".
  const marked = new Set(weeks.slice(-2));
  const recent = new Set(weeks.slice(-4));
  const rand = rng(18_2026);

  for (const [key, schoolId] of o.schoolIds) {
    const roll = await tx
      .select({
        id: pupils.id,
        upn: pupils.upn,
        year: pupils.yearGroup,
        level: pupils.currentLevel,
        userId: pupils.userId,
      })
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn)))
      // In the MIS's order: by the UPN's number, without its check letter.
      .orderBy(sql`substr(${pupils.upn}, 2)`);
    const profiles = new Map<string, Profile>();
    if (key === 'kingsmead') {
      const free = roll.filter((p) => p.userId === null);
      const noLevel = free.filter((p) => p.level === null);
      for (const year of [7, 8, 9, 10]) {
        const p = noLevel.find((x) => x.year === year);
        if (p) profiles.set(p.id, 'falling');
      }
      // Pupils on a reduced timetable in the demo have their afternoons marked C2; without one, the
      // first two at MH3 or above.
      const onTimetable = new Set(
        (
          await tx
            .select({ pupilId: reducedTimetables.pupilId })
            .from(reducedTimetables)
            .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.status, 'active')))
        ).map((r) => r.pupilId),
      );
      const reduced =
        onTimetable.size > 0
          ? free.filter((x) => onTimetable.has(x.id))
          : free.filter((x) => x.level === 'MH3' || x.level === 'MH4' || x.level === 'MH5').slice(0, 2);
      for (const p of reduced) profiles.set(p.id, 'reduced');
      const missing = noLevel.filter((x) => x.year === 11 && !profiles.has(x.id)).pop();
      if (missing) profiles.set(missing.id, 'missing');
    }

    const weekRows: (typeof attendanceWeeks.$inferInsert)[] = [];
    const markRows: (typeof attendanceMarks.$inferInsert)[] = [];
    for (const p of roll) {
      const persistent = rand() < 0.07;
      const profile: Profile = profiles.get(p.id) ?? (persistent ? 'persistent' : 'usual');
      const usualRate = profile === 'persistent' ? 0.74 + rand() * 0.14 : 0.95 + rand() * 0.05;
      for (const monday of weeks) {
        const isRecent = recent.has(monday);
        const rate = profile === 'falling' && isRecent ? 0.62 : usualRate;
        const codes: string[] = [];
        for (let d = 0; d < 5; d++) {
          for (const session of ['am', 'pm'] as const) {
            let code: string;
            if (profile === 'missing' && marked.has(monday)) code = 'N';
            else if (profile === 'reduced' && isRecent && session === 'pm') code = 'C2';
            else code = sessionCode(rand, rate, session === 'pm');
            codes.push(code);
            if (marked.has(monday)) {
              markRows.push({ schoolId, pupilId: p.id, on: dayPlus(monday, d), session, code, updatedAt: o.now });
            }
          }
        }
        weekRows.push({ schoolId, pupilId: p.id, weekStart: monday, possible: 10, ...tally(codes), updatedAt: o.now });
      }
    }
    for (let i = 0; i < weekRows.length; i += CHUNK)
      await tx.insert(attendanceWeeks).values(weekRows.slice(i, i + CHUNK));
    for (let i = 0; i < markRows.length; i += CHUNK)
      await tx.insert(attendanceMarks).values(markRows.slice(i, i + CHUNK));
  }
}
