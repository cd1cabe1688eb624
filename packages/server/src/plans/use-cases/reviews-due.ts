import { londonToday } from '@tandem/core';
import { addDays } from '../../platform/dates';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { reviewsDueOf } from '../plans.mapping';
import { reviewsDueBy } from '../plans.queries';

const DUE_SOON_DAYS = 14;

/** Reviews overdue or due within two weeks, for the lead's home page (case roles). */
export async function reviewsDue(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>) {
  return readInSchool(deps, at, 'pupil.readCase', async ({ db, schoolId, now }) => {
    const today = londonToday(now);
    const rows = await reviewsDueBy(db, schoolId, addDays(today, DUE_SOON_DAYS));
    return reviewsDueOf(rows, today);
  });
}
