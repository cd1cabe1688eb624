import { londonToday } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { summaryOf } from '../plans.mapping';
import { plansOfPupil } from '../plans.queries';

/** A pupil's plans, newest first (case roles). */
export async function listPlans(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>, pupilId: string) {
  return readInSchool(deps, at, 'pupil.readCase', async ({ db, schoolId, now }) => {
    await loadPupilInSchool(db, schoolId, pupilId);
    await requireCaseAccess(db, at.actor, schoolId, pupilId);
    const rows = await plansOfPupil(db, schoolId, pupilId);
    const today = londonToday(now);
    return rows.map(({ p, lead }) => summaryOf(p, lead, today));
  });
}
