/** A reduced timetable as the staff summary shows it: that there is one, its hours and dates, never why. */
import type { TimetableSummarySource } from '../platform/registries';
import { activeTimetableOf } from './provision.queries';

export const timetableSummary: TimetableSummarySource = {
  async forStaff(db, { schoolId, pupilId }) {
    const t = await activeTimetableOf(db, schoolId, pupilId);
    if (!t) return null;
    return { hours: t.hours, sessionsPerWeek: t.sessionsPerWeek, startOn: t.startOn, endOn: t.endOn };
  },
};
