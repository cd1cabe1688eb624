import { londonToday, type MeetingDetailResponse } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { meetingDetailOf } from '../meetings.mapping';
import { loadMeeting, meetingNames, nextStepsOf, reviewedPlan } from '../meetings.queries';

/** The whole record of a meeting (case roles). Audited. */
export async function getMeeting(deps: AppDeps, at: SchoolRequest, meetingId: string): Promise<MeetingDetailResponse> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const { tx, schoolId, now } = s;
    const m = await loadMeeting(tx, schoolId, meetingId);
    const pupil = await loadPupilInSchool(tx, schoolId, m.pupilId);
    await requireCaseAccessToPupilOf(tx, s.actor, schoolId, m);
    const names = await meetingNames(tx, meetingId);
    const plan = m.planId ? await reviewedPlan(tx, m.planId) : undefined;
    const steps = await nextStepsOf(tx, meetingId);
    const response = meetingDetailOf({ m, pupil, names, plan, steps, today: londonToday(now) });
    await s.audit({ action: 'meeting.viewed', detail: {} }, { type: 'meeting', id: meetingId });
    return response;
  });
}
