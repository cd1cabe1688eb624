import { londonToday } from '@tandem/core';
import { plans } from '@tandem/core/schema';
import { caseScopeSql, caseScopesOf } from '../../platform/case-access';
import { addDays } from '../../platform/dates';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { reviewsDueOf } from '../plans.mapping';
import { reviewsDueBy } from '../plans.queries';

const DUE_SOON_DAYS = 14;

/** Reviews overdue or due within two weeks, for the lead's home page (case roles). */
export async function reviewsDue(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>) {
  return readInSchool(deps, at, 'pupil.readCase', async ({ db, actor, schoolId, now }) => {
    const today = londonToday(now);
    // Only plans of pupils within the reader's case scope (need-to-know by caseload).
    const scope = caseScopeSql(await caseScopesOf(db, actor, schoolId), actor.userId, schoolId, plans.pupilId);
    const rows = await reviewsDueBy(db, schoolId, addDays(today, DUE_SOON_DAYS), scope);
    return reviewsDueOf(rows, today);
  });
}
