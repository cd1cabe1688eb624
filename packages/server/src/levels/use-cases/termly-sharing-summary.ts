import { IN_PERSON_LEVELS, yearGroupLabel, type TermlySharingSummary } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { BRIEFING_LEVELS, collator } from '../sharing.common';
import { briefingCounts, lastBatch, pupilsOnRollAt, pupilsPerYear } from '../sharing.queries';

/**
 * What the termly sharing page shows before anything is made: pupils on roll per year group (so
 * the lead sees how many letters a choice makes), how many would be in the staff briefing, and
 * when each was last made. Counts only, except the pupils at MH4 or MH5: they are left out of the
 * letters by default and named for the lead to speak to their families in person.
 */
export async function termlySharingSummary(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
): Promise<TermlySharingSummary> {
  return readInSchool(deps, request, 'level.shareTermly', async (r) => {
    const years = await pupilsPerYear(r.db, r.schoolId);
    const inPerson = await pupilsOnRollAt(r.db, r.schoolId, IN_PERSON_LEVELS);
    inPerson.sort(
      (a, b) =>
        a.yearGroup - b.yearGroup ||
        collator.compare(a.form, b.form) ||
        collator.compare(a.familyName, b.familyName) ||
        collator.compare(a.givenName, b.givenName),
    );
    return {
      yearGroups: years.map((y) => ({ ...y, label: yearGroupLabel(y.yearGroup) })),
      wholeSchool: years.reduce((sum, y) => sum + y.pupils, 0),
      briefing: await briefingCounts(r.db, r.schoolId, BRIEFING_LEVELS),
      inPerson: inPerson.map((p) => ({
        pupilId: p.id,
        name: `${p.preferredName?.trim() || p.givenName} ${p.familyName}`,
        form: p.form,
        yearGroup: p.yearGroup,
        level: p.level as (typeof IN_PERSON_LEVELS)[number],
      })),
      lastLetters: await lastBatch(r.db, r.schoolId, 'parents'),
      lastBriefing: await lastBatch(r.db, r.schoolId, 'staff'),
    };
  });
}
