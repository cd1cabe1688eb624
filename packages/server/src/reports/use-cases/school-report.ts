/**
 * The school's picture for its leads (the SMHL, the headteacher): every figure for the days and
 * pupils asked for, the leads' version with drill-down or the governors' (counts only, small
 * numbers hidden). One audit entry per view, written before the answer is given.
 */
import { londonToday, resolveReportScope, type ReportQuery, type SchoolReportResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf, yearGroupsOnRoll } from '../../platform/directory';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { collectFigures, filterWords, forVersion, reportRequest } from '../reports.figures';

/** The figures for one school, computed outside any transaction (reads only), then the view audited. */
export async function schoolFigures(deps: AppDeps, at: SchoolRequest, q: ReportQuery) {
  return readInSchool(deps, at, 'reports.viewSchool', async (r) => {
    const scope = resolveReportScope(q, londonToday(r.now));
    const [groups, name, yearGroups] = await Promise.all([
      collectFigures(deps, r.db, reportRequest([r.schoolId], scope, r.now), false),
      schoolNameOf(r.db, r.schoolId),
      yearGroupsOnRoll(r.db, [r.schoolId]),
    ]);
    return {
      scope,
      name,
      yearGroups,
      figures: forVersion(groups.get(r.schoolId) ?? [], q.version),
      now: r.now,
    };
  });
}

export async function viewSchoolReport(
  deps: AppDeps,
  at: SchoolRequest,
  q: ReportQuery,
): Promise<SchoolReportResponse> {
  const f = await schoolFigures(deps, at, q);
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    await s.audit(
      {
        action: 'report.viewed',
        detail: {
          scope: 'school',
          version: q.version,
          from: f.scope.from,
          to: f.scope.to,
          filter: filterWords(f.scope),
        },
      },
      { type: 'report', id: null },
    );
    return {
      school: { id: s.schoolId, name: f.name },
      version: q.version,
      scope: f.scope,
      generatedAt: f.now.toISOString(),
      mayDrill: q.version === 'leads',
      figures: f.figures,
      yearGroups: f.yearGroups,
    };
  });
}
