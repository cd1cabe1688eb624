/**
 * A pupil's reduced timetables, education elsewhere and safeguarding visits, for case roles in
 * the pupil's scope (everyone else 404). Audited once per view.
 */
import { canInSchool, londonToday, type PupilProvisionResponse } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { pupilName } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { dayOf, provisionView, scheduleView, timetableView, visitView } from '../provision.mapping';
import { provisionsOf, reviewsOf, runningScheduleOf, timetablesOf, visitsOf } from '../provision.queries';

export async function readPupilProvision(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
): Promise<PupilProvisionResponse> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const pupil = await requireCaseAccess(tx, actor, schoolId, pupilId);
    const today = londonToday(now);
    const timetables = await timetablesOf(tx, schoolId, pupilId);
    const reviews = await reviewsOf(
      tx,
      schoolId,
      timetables.map((x) => x.t.id),
    );
    const views = timetables.map(({ t, leadName }) =>
      timetableView(
        t,
        leadName,
        reviews.filter((r) => r.r.timetableId === t.id),
        today,
      ),
    );
    const provisions = (await provisionsOf(tx, schoolId, pupilId)).map((p) => provisionView(p, today));
    const visits = await visitsOf(tx, schoolId, pupilId);
    const running = await runningScheduleOf(tx, schoolId, pupilId);
    const lastVisitOn = visits[0] ? dayOf(visits[0].v.at) : null;
    await s.audit(
      {
        action: 'provision.viewed',
        detail: { timetables: timetables.length, provisions: provisions.length, visits: visits.length },
      },
      { type: 'pupil', id: pupilId },
    );
    return {
      pupilId,
      pupilName: pupilName(pupil),
      today,
      canManage: canInSchool(actor, 'provision.manage', schoolId),
      active: views.find((v) => v.status === 'active') ?? null,
      past: views.filter((v) => v.status !== 'active'),
      provisions,
      schedule: running ? scheduleView(running.s, running.leadName, lastVisitOn, today) : null,
      visits: visits.map(({ v, byName }) => visitView({ ...v, byName })),
    };
  });
}
