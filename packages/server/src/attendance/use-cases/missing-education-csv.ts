/**
 * The pupils absent without explanation for ten or more consecutive school days, as a CSV for the
 * local authority's children missing education process. Audited with how many rows left.
 */
import { londonToday } from '@tandem/core';
import { toCsv } from '../../http/csv';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { pupilRef } from '../missing.mapping';
import { missingEducation, visiblePupilsSql } from '../missing.queries';

export async function missingEducationCsv(deps: AppDeps, at: SchoolRequest): Promise<string> {
  return inSchool(deps, at, 'missing.view', async (w) => {
    const visible = await visiblePupilsSql(w.tx, w.actor, w.schoolId);
    const rows = await missingEducation(w.tx, w.schoolId, londonToday(w.now), visible);
    await w.audit({ action: 'attendance.exported', detail: { what: 'missing_education', rows: rows.length } });
    return toCsv(
      ['Pupil', 'Year group', 'Form', 'Consecutive school days absent without explanation', 'Since'],
      rows.map((r) => {
        const p = pupilRef(r);
        return [p.name, p.yearGroup, p.form ?? '', r.days, r.since];
      }),
    );
  });
}
