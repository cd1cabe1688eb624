import { yearGroupLabel, type TermlySharingSummary } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { BRIEFING_LEVELS } from '../sharing.common';
import { briefingCounts, lastBatch, pupilsPerYear } from '../sharing.queries';

/**
 * What the termly sharing page shows before anything is made: pupils on roll per year group (so
 * the lead sees how many letters a choice makes), how many would be in the staff briefing, and
 * when each was last made. Counts only; no pupil is named.
 */
export async function termlySharingSummary(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
): Promise<TermlySharingSummary> {
  return readInSchool(deps, request, 'level.shareTermly', async (r) => {
    const years = await pupilsPerYear(r.db, r.schoolId);
    return {
      yearGroups: years.map((y) => ({ ...y, label: yearGroupLabel(y.yearGroup) })),
      wholeSchool: years.reduce((sum, y) => sum + y.pupils, 0),
      briefing: await briefingCounts(r.db, r.schoolId, BRIEFING_LEVELS),
      lastLetters: await lastBatch(r.db, r.schoolId, 'parents'),
      lastBriefing: await lastBatch(r.db, r.schoolId, 'staff'),
    };
  });
}
