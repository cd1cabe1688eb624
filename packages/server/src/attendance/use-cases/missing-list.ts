/**
 * The missing list as the DSL team, the SMHL and the head see it: absences not yet dealt with
 * (oldest first) and those dealt with in the last fortnight, every pupil on the list with why and
 * their mark at the latest register, and the pupils absent without explanation for ten consecutive
 * school days (for the local authority's children missing education process). One audit entry.
 */
import { canInSchool, londonToday, type MissingListResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { pupilRef, toMissingAlert, whyOf } from '../missing.mapping';
import { alertsOf, latestSession, listedPupils, marksAt, missingEducation, visiblePupilsSql } from '../missing.queries';

const FORTNIGHT = 14 * 86_400_000;

export async function viewMissingList(deps: AppDeps, at: SchoolRequest): Promise<MissingListResponse> {
  return inSchool(deps, at, 'missing.view', async (w) => {
    const visible = await visiblePupilsSql(w.tx, w.actor, w.schoolId);
    const listed = await listedPupils(w.tx, w.schoolId, visible);
    const latest = await latestSession(w.tx, w.schoolId);
    const marks =
      latest === null
        ? new Map<string, string>()
        : await marksAt(
            w.tx,
            w.schoolId,
            latest,
            listed.map((p) => p.pupil_id),
          );
    const alerts = await alertsOf(w.tx, w.schoolId, {
      visible,
      since: new Date(w.now.getTime() - FORTNIGHT),
      pupilId: null,
    });
    const cme = await missingEducation(w.tx, w.schoolId, londonToday(w.now), visible);
    await w.audit({ action: 'missing.list_viewed', detail: { pupils: listed.length } });
    return {
      mayManage: canInSchool(w.actor, 'missing.manage', w.schoolId),
      latestSession: latest,
      alerts: alerts.map(toMissingAlert),
      pupils: listed.map((p) => ({
        ...pupilRef(p),
        level: p.current_level,
        why: whyOf(p),
        latestMark: marks.get(p.pupil_id) ?? null,
      })),
      missingEducation: cme.map((r) => ({ ...pupilRef(r), days: r.days, since: r.since })),
    };
  });
}
