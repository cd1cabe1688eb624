/**
 * One pupil's place on the missing list, for their case record: whether they are on it and why,
 * every change with its reason, and the absences alerted. Case roles whose scope reaches the pupil;
 * anyone else 404, as for the rest of the case record. Audited.
 */
import { canInSchool, type PupilMissingResponse } from '@tandem/core';
import { sql } from 'drizzle-orm';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toMissingAlert, whyOf } from '../missing.mapping';
import { alertsOf, changesOf, isOnList } from '../missing.queries';

const QUARTER = 91 * 86_400_000;

export async function viewPupilMissing(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
): Promise<PupilMissingResponse> {
  return inSchool(deps, at, 'pupil.readCase', async (w) => {
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const listed = await isOnList(w.tx, w.schoolId, pupilId);
    const changes = await changesOf(w.tx, w.schoolId, pupilId);
    const alerts = await alertsOf(w.tx, w.schoolId, {
      visible: sql`true`,
      since: new Date(w.now.getTime() - QUARTER),
      pupilId,
    });
    await w.audit(
      { action: 'missing.pupil_viewed', detail: { onList: listed !== null } },
      { type: 'pupil', id: pupilId },
    );
    return {
      mayManage: canInSchool(w.actor, 'missing.manage', w.schoolId),
      onList: listed !== null,
      why: listed === null ? null : whyOf(listed),
      changes: changes.map((c) => ({ action: c.action, reason: c.reason, byName: c.byName, at: c.at.toISOString() })),
      alerts: alerts.map(toMissingAlert),
    };
  });
}
