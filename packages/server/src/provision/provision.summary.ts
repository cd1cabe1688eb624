/** A reduced timetable as the staff summary shows it: that there is one, its hours and dates, never why. */
import type { TimetableSummarySource } from '../platform/registries';

export const timetableSummary: TimetableSummarySource = {
  async forStaff() {
    return null;
  },
};
