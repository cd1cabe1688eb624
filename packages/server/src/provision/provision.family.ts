/**
 * What home sees (the parent, and the pupil themself): the running reduced timetable's hours, dates,
 * return plan and next review, and the safeguarding visits and calls (when, which kind, whether the
 * pupil was seen). Never why the timetable was needed, nor how the pupil seemed.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { timetableReviews, welfareVisits } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { FamilyReader, FamilyViewSource } from '../platform/registries';
import { familyTimetable, familyVisit } from './provision.mapping';
import { activeTimetableOf } from './provision.queries';

/** Visits shown at home: the most recent ones. */
const VISITS_SHOWN = 20;

async function timetableFor(db: DbOrTx, r: FamilyReader) {
  const t = await activeTimetableOf(db, r.schoolId, r.pupilId);
  if (!t) return null;
  const [next] = await db
    .select({ dueOn: timetableReviews.dueOn })
    .from(timetableReviews)
    .where(and(eq(timetableReviews.timetableId, t.id), isNull(timetableReviews.heldOn)))
    .orderBy(asc(timetableReviews.dueOn))
    .limit(1);
  return familyTimetable(t, next?.dueOn ?? null);
}

async function visitsFor(db: DbOrTx, r: FamilyReader) {
  const rows = await db
    .select({ at: welfareVisits.at, kind: welfareVisits.kind, seen: welfareVisits.seen })
    .from(welfareVisits)
    .where(and(eq(welfareVisits.schoolId, r.schoolId), eq(welfareVisits.pupilId, r.pupilId)))
    .orderBy(desc(welfareVisits.at))
    .limit(VISITS_SHOWN);
  return rows.map(familyVisit);
}

export const provisionFamilyView: FamilyViewSource = {
  name: 'provision',
  async forParent(db, reader) {
    const t = await timetableFor(db, reader);
    return { reducedTimetables: t ? [t] : [], welfareVisits: await visitsFor(db, reader) };
  },
  async forPupil(db, reader) {
    return { myTimetable: await timetableFor(db, reader), myVisits: await visitsFor(db, reader) };
  },
};
